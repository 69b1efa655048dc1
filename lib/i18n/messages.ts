import type { Locale } from "@/lib/schemas/auth";
import enApp from "./messages/en/app.json";
import enCell from "./messages/en/cell.json";
import enDecide from "./messages/en/decide.json";
import enDecideOrgs from "./messages/en/decide-orgs.json";
import enGrading from "./messages/en/grading.json";
import enSecurity from "./messages/en/security.json";
import enReports from "./messages/en/reports.json";
import enTasks from "./messages/en/tasks.json";
import viApp from "./messages/vi/app.json";
import viCell from "./messages/vi/cell.json";
import viDecide from "./messages/vi/decide.json";
import viDecideOrgs from "./messages/vi/decide-orgs.json";
import viGrading from "./messages/vi/grading.json";
import viSecurity from "./messages/vi/security.json";
import viReports from "./messages/vi/reports.json";
import viTasks from "./messages/vi/tasks.json";

// One JSON file per area and locale: the app's own messages, the grading sentences, and the cell's
// review work (opinions, the meeting and its minutes, the history of a record) as namespace `cell`, the
// committees' decisions on members as `decide` and on organizations as `decideOrgs`, what the upper
// committee sees (progress, statistics, quota, lists, import) as `reports`, and the security work
// (sessions, throttling, the input policy) as `security`, and the task register as `tasks`, whose `errors` join the shared "errors.*" keys
// that forms and actions answer with.
const MESSAGES = {
  vi: {
    ...viApp,
    errors: { ...viApp.errors, ...viSecurity.errors, ...viTasks.errors },
    grading: viGrading,
    cell: viCell,
    decide: viDecide,
    decideOrgs: viDecideOrgs,
    reports: viReports,
    security: viSecurity,
    tasks: viTasks,
  },
  en: {
    ...enApp,
    errors: { ...enApp.errors, ...enSecurity.errors, ...enTasks.errors },
    grading: enGrading,
    cell: enCell,
    decide: enDecide,
    decideOrgs: enDecideOrgs,
    reports: enReports,
    security: enSecurity,
    tasks: enTasks,
  },
} as const;

export type Messages = (typeof MESSAGES)["vi"];

export function loadMessages(locale: Locale): Messages {
  return MESSAGES[locale] as Messages;
}
