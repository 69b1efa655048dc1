import { z } from "zod";

// Messages are keys of "errors.*" in lib/i18n/messages, shown beside the field in the person's language.

export const SignInSchema = z.object({
  username: z.string({ message: "required" }).trim().toLowerCase().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  password: z.string({ message: "required" }).min(1, { message: "required" }).max(200, { message: "tooLong" }),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);
