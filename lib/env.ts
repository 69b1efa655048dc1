import "server-only";
import { z } from "zod";

// The only reader of process.env (ARCHITECTURE convention 13). Parsed once, at first import.
const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (scripts/with-db.mjs sets it for the embedded database)"),
  AUTH_SECRET: z.string().min(16).optional(),
  /** How long a session lasts without activity, in hours. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(8),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export const env = EnvSchema.parse(process.env);
