import { z } from "zod";
import { id, line } from "./text";
import { MEMBER_CATEGORIES } from "./values";

// The server actions' input (the forms send their values as typed). Messages are keys of "errors.*".

export const MEMBER_STATUSES = ["ACTIVE", "EXEMPT", "SUSPENDED", "LEFT"] as const;
export { MEMBER_CATEGORIES };

export const MemberListQuerySchema = z.object({
  // A page URL is typed by anyone: a bad parameter falls back to its default instead of failing.
  q: line(100).catch(""),
  status: z.enum(MEMBER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

// Optional text stays a string on both sides of the form ("" = none), so what the form holds and
// what the server parses are the same type; lib/data stores "" as null.
const optionalText = (max: number) => line(max);

/** Where reminders are e-mailed ("" = none): one line, the shape of an address, nothing more checked. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const optionalEmail = line(254).refine((v) => v === "" || EMAIL_SHAPE.test(v), { message: "invalidEmail" });

export const MemberProfileSchema = z.object({
  memberId: id,
  /** The version the form was loaded with: a stale edit is refused, never merged silently. */
  expectedVersion: z.number({ message: "invalid" }).int().min(0),
  post: optionalText(120),
  residenceCell: optionalText(200),
  /** Left out, the stored address stays as it is. */
  email: optionalEmail.optional(),
  category: z.enum(MEMBER_CATEGORIES, { message: "required" }),
  isCivilServant: z.boolean({ message: "invalid" }),
});
export type MemberProfileInput = z.infer<typeof MemberProfileSchema>;
