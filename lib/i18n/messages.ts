import type { Locale } from "@/lib/schemas/auth";
import enApp from "./messages/en/app.json";
import enGrading from "./messages/en/grading.json";
import viApp from "./messages/vi/app.json";
import viGrading from "./messages/vi/grading.json";

// One JSON file per area and locale; the grading sentences live beside the app's own messages.
const MESSAGES = {
  vi: { ...viApp, grading: viGrading },
  en: { ...enApp, grading: enGrading },
} as const;

export type Messages = (typeof MESSAGES)["vi"];

export function loadMessages(locale: Locale): Messages {
  return MESSAGES[locale] as Messages;
}
