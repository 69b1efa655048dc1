import { z } from "zod";

export const SignInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { message: "required" }).max(100),
  password: z.string().min(1, { message: "required" }).max(200),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);
