import { z } from "zod";
import { PASSWORD_MAX } from "./auth";
import { id, rawLine } from "./text";

// The person's own account: their password and their sessions. Messages are keys of "errors.*".

export const PASSWORD_MIN = 8;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ message: "required" }).min(1, { message: "required" }).pipe(rawLine(PASSWORD_MAX)),
    newPassword: z.string({ message: "required" }).min(PASSWORD_MIN, { message: "passwordTooShort" }).pipe(rawLine(PASSWORD_MAX)),
    confirmPassword: z.string({ message: "required" }).pipe(rawLine(PASSWORD_MAX)),
  })
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" })
  .refine((p) => p.newPassword !== p.currentPassword, { path: ["newPassword"], message: "passwordUnchanged" });
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>;

export const EndSessionSchema = z.object({
  sessionId: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, { message: "invalid" }),
});
export type EndSessionInput = z.input<typeof EndSessionSchema>;

export const EndUserSessionsSchema = z.object({ userId: id });
export type EndUserSessionsInput = z.input<typeof EndUserSessionsSchema>;
