import { z } from "zod";
import { rawLine } from "./text";

// Messages are keys of "errors.*" in lib/i18n/messages, shown beside the field in the person's language.

export const USERNAME_MAX = 100;
export const PASSWORD_MAX = 200;

export const SignInSchema = z.object({
  username: z.string({ message: "required" }).trim().toLowerCase().min(1, { message: "required" }).pipe(rawLine(USERNAME_MAX)),
  password: z.string({ message: "required" }).min(1, { message: "required" }).pipe(rawLine(PASSWORD_MAX)),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);
