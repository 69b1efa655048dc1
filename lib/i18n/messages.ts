import type { Locale } from "@/lib/schemas/auth";
import enApp from "./messages/en/app.json";
import enCell from "./messages/en/cell.json";
import enGrading from "./messages/en/grading.json";
import enReports from "./messages/en/reports.json";
import viApp from "./messages/vi/app.json";
import viCell from "./messages/vi/cell.json";
import viGrading from "./messages/vi/grading.json";
import viReports from "./messages/vi/reports.json";

// One JSON file per area and locale: the app's own messages, the grading sentences, and the cell's
// review work (opinions, the meeting and its minutes, the history of a record) as namespace `cell`, and
// what the upper committee sees (progress, statistics, quota, lists, import) as namespace `reports`.
const MESSAGES = {
  vi: { ...viApp, grading: viGrading, cell: viCell, reports: viReports },
  en: { ...enApp, grading: enGrading, cell: enCell, reports: enReports },
} as const;

export type Messages = (typeof MESSAGES)["vi"];

export function loadMessages(locale: Locale): Messages {
  return MESSAGES[locale] as Messages;
}
