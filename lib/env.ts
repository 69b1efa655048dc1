import "server-only";
import { z } from "zod";

// The only reader of process.env (docs/architecture.md, convention 10). Parsed once, at first import.
const EnvSchema = z
  .object({
    DATABASE_URL: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(16).optional(),
    /** How long a session lasts after sign-in, in hours. */
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(8),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
  })
  // `next build` loads server modules without a database or secret; every other run needs them.
  .refine((e) => e.DATABASE_URL || e.NEXT_PHASE === "phase-production-build", {
    path: ["DATABASE_URL"],
    message: "DATABASE_URL is required (npm start and npm test set it for the embedded database)",
  })
  // Without a secret Auth.js fails closed and every sign-in looks like a wrong password: say so.
  .refine((e) => e.AUTH_SECRET || e.NODE_ENV !== "production" || e.NEXT_PHASE === "phase-production-build", {
    path: ["AUTH_SECRET"],
    message: "AUTH_SECRET is required in production (npm start keeps one in .data/auth-secret)",
  });

export const env = EnvSchema.parse(process.env);

const MailSchema = z.object({
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(1).default("Kiểm điểm đảng viên <no-reply@localhost>"),
});

/**
 * Outgoing e-mail's settings (README Configuration). Read at each use rather than once: whether mail goes
 * out is a per-send question, and the tests point it at their own SMTP server and back.
 */
export function mailSettings(): { smtpUrl: string | null; from: string } {
  const mail = MailSchema.parse({ SMTP_URL: process.env.SMTP_URL || undefined, MAIL_FROM: process.env.MAIL_FROM || undefined });
  return { smtpUrl: mail.SMTP_URL ?? null, from: mail.MAIL_FROM };
}
