// The history of a record (or of a meeting's minutes): each audit row turned into a sentence. PURE: it
// returns message keys (namespace `cell.history`) and their values; the panel translates them. The audit
// row's `data` is whatever the use case wrote (lib/data/*), read defensively: a row written by an older
// version of a use case still reads, at worst as its bare action name.
//
// Every action in the one list (lib/review/audit-actions.ts) has its row in DESCRIBERS (the type says so)
// and its sentence under `cell.history.actions` in both languages (tests/unit/review/history.test.ts).
// Names outside the list (rows written by an older version) read as "Thao tác …" with their state change.

// The rules' own modules, not the @/lib/grading barrel: the opinion form (in the browser) imports this
// file, and the barrel re-exports the command line's zod schema.
import { RULE_SET_IDS } from "@/lib/grading/rule-sets";
import { LEVELS } from "@/lib/grading/types";
import { isAuditAction, type AuditAction } from "./audit-actions";

/** One sentence: a message key under `cell.history`, its values, and values that are message keys. */
export interface HistoryLine {
  key: string;
  values?: Record<string, string | number>;
  /** Values to translate first, as full message keys ("recordStates.SUBMITTED"). */
  refs?: Record<string, string>;
}

export interface DescribedEntry {
  summary: HistoryLine;
  details: HistoryLine[];
}

type Data = Record<string, unknown>;

const asObject = (value: unknown): Data => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {});
const asString = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const asNumber = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

const OPINION_SOURCES = new Set(["RESIDENCE", "PREVIOUS_CELL", "TEMPORARY_CELL"]);
const RECORD_STATES = new Set(["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "PUBLISHED", "ABSENT", "NOT_RATED", "UNDER_REREVIEW"]);
const LEVEL_NAMES: ReadonlySet<string> = new Set(LEVELS);
const CYCLE_STATUSES = new Set(["PREPARING", "SELF_REVIEW", "DECIDING", "PUBLISHED", "CLOSED"]);
const RULE_SET_NAMES: ReadonlySet<string> = new Set(RULE_SET_IDS);

/** The value if it is one of the names a message exists for, else null (the row is read defensively). */
function oneOf(names: ReadonlySet<string>, value: unknown): string | null {
  const name = asString(value);
  return name && names.has(name) ? name : null;
}

/** Long texts (an opinion, a reason) are cut in the history; the record keeps them whole. */
export const EXCERPT_LENGTH = 240;

export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** yyyy-mm-dd → dd/mm/yyyy, as the users write dates; anything else unchanged. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function stateChange(data: Data): HistoryLine | null {
  const from = asString(asObject(data.before).state);
  const to = asString(asObject(data.after).state);
  if (!from || !to || from === to || !RECORD_STATES.has(from) || !RECORD_STATES.has(to)) return null;
  return { key: "details.state", refs: { from: `recordStates.${from}`, to: `recordStates.${to}` } };
}

function selfLevel(data: Data): HistoryLine | null {
  const level = asString(asObject(data.after).selfLevel);
  return level && LEVEL_NAMES.has(level) ? { key: "details.selfLevel", refs: { level: `grading.levels.${level}` } } : null;
}

function proposedLevel(data: Data): HistoryLine | null {
  const level = asString(asObject(data.after).proposedLevel);
  return level && LEVEL_NAMES.has(level) ? { key: "details.proposedLevel", refs: { level: `grading.levels.${level}` } } : null;
}

function decidedLevel(data: Data): HistoryLine | null {
  const level = asString(asObject(data.after).decidedLevel) ?? asString(data.level);
  return level && LEVEL_NAMES.has(level) ? { key: "details.decidedLevel", refs: { level: `grading.levels.${level}` } } : null;
}

const NOT_RATED_REASONS = new Set(["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION", "OTHER"]);

function notRatedReason(data: Data): HistoryLine | null {
  const reason = asString(asObject(data.after).notRatedReason);
  return reason && NOT_RATED_REASONS.has(reason) ? { key: "details.notRatedReason", refs: { reason: `notRatedReasons.${reason}` } } : null;
}

function reasonLine(data: Data, field = "reason"): HistoryLine | null {
  const reason = asString(data[field]);
  return reason ? { key: "details.reason", values: { reason: excerpt(reason) } } : null;
}

/** A competent body's decision: its number, date and issuer (a re-rating's, a quota override's). */
function decisionLine(d: Data): HistoryLine | null {
  const no = asString(d.decisionNo);
  return no ? { key: "details.rerateDecision", values: { no, date: displayDate(asString(d.decidedOn) ?? "—"), issuer: asString(d.issuer) ?? "—" } } : null;
}

function totalTenths(side: unknown): number | null {
  const s = asObject(side);
  const general = asNumber(s.scoreGeneralTenths);
  const results = asNumber(s.scoreResultsTenths);
  return general === null || results === null ? null : general + results;
}

const points = (tenths: number) => (tenths / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

function scoreChange(data: Data): HistoryLine | null {
  const before = totalTenths(data.before);
  const after = totalTenths(data.after);
  if (after === null) return before === null ? null : { key: "details.scoreCleared", values: { before: points(before) } };
  if (before === null) return { key: "details.scoreSet", values: { after: points(after) } };
  return before === after ? null : { key: "details.scoreChanged", values: { before: points(before), after: points(after) } };
}

function opinionSource(data: Data): string {
  const source = asString(data.source);
  return source && OPINION_SOURCES.has(source) ? source : "UNKNOWN";
}

function opinionLine(side: unknown): HistoryLine | null {
  const o = asObject(side);
  const text = asString(o.text);
  if (!text) return null;
  return { key: "details.opinion", values: { givenBy: asString(o.givenBy) ?? "—", date: displayDate(asString(o.givenOn) ?? "—"), text: excerpt(text) } };
}

const opinionSummary =
  (key: string) =>
  (data: Data): HistoryLine => ({ key, refs: { source: `cell.opinions.sourcesShort.${opinionSource(data)}` } });

type Describer = (data: Data) => DescribedEntry;

/** A sentence and the detail lines the row had data for. */
const entry = (summary: string | HistoryLine, ...details: (HistoryLine | null)[]): DescribedEntry => ({
  summary: typeof summary === "string" ? { key: summary } : summary,
  details: details.filter(isLine),
});

const count = (value: unknown): number => (Array.isArray(value) ? value.length : (asNumber(value) ?? 0));

function cycleStatusChange(data: Data): HistoryLine | null {
  const from = oneOf(CYCLE_STATUSES, asObject(data.before).status);
  const to = oneOf(CYCLE_STATUSES, asObject(data.after).status);
  return from && to && from !== to ? { key: "details.cycleStatus", refs: { from: `cycleStatus.${from}`, to: `cycleStatus.${to}` } } : null;
}

const REMEDIATION_STATUSES = new Set(["OPEN", "IN_PROGRESS", "DONE"]);

function remediationStatusChange(data: Data): HistoryLine | null {
  const from = oneOf(REMEDIATION_STATUSES, asObject(data.before).status);
  const to = oneOf(REMEDIATION_STATUSES, asObject(data.after).status);
  return from && to && from !== to
    ? { key: "details.remediationStatus", refs: { from: `decide.remediation.statuses.${from}`, to: `decide.remediation.statuses.${to}` } }
    : null;
}

const DEADLINES = ["selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue"] as const;
const ADOPTION_BASES = new Set(["REQUIRED", "PRESENT"]);

/** A line per deadline moved (dates as the users write them), and the vote's base if it changed. */
function deadlineChanges(data: Data): HistoryLine[] {
  const before = asObject(data.before);
  const after = asObject(data.after);
  const moved = DEADLINES.flatMap((field): HistoryLine[] => {
    const from = asString(before[field]);
    const to = asString(after[field]);
    return to && from !== to
      ? [{ key: "details.deadline", values: { from: from ? displayDate(from) : "—", to: displayDate(to) }, refs: { field: `cycle.${field}` } }]
      : [];
  });
  const base = oneOf(ADOPTION_BASES, after.adoptionBase);
  const baseChanged = base && base !== asString(before.adoptionBase);
  return baseChanged ? [...moved, { key: "details.adoptionBase", refs: { base: `cycle.adoptionBases.${base}` } }] : moved;
}

/** The member's fields an officer (or the member) may edit, with the label the profile form shows. */
const MEMBER_FIELD_LABELS: Record<string, string> = {
  post: "member.post",
  residenceCell: "member.residenceCell",
  email: "member.email",
  category: "member.category",
  isCivilServant: "member.civilServant",
};

function memberFieldsChanged(data: Data): HistoryLine[] {
  const before = asObject(data.before);
  const after = asObject(data.after);
  return Object.keys(after)
    .filter((field) => Object.hasOwn(MEMBER_FIELD_LABELS, field) && JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ key: "details.memberField", refs: { field: MEMBER_FIELD_LABELS[field] } }));
}

function ruleSetLine(data: Data): HistoryLine | null {
  const ruleSet = oneOf(RULE_SET_NAMES, data.ruleSet);
  return ruleSet ? { key: "details.ruleSet", refs: { ruleSet: `grading.ruleSets.${ruleSet}` } } : null;
}

const FRAMEWORKS = new Set(["NON_LEADER", "LEADER", "OUTSIDE_SYSTEM", "COLLECTIVE"]);

function frameworkLine(data: Data): HistoryLine | null {
  const framework = oneOf(FRAMEWORKS, data.framework);
  return framework ? { key: "details.framework", refs: { framework: `cycle.frameworks.${framework}` } } : null;
}

function sessionsEndedLine(ended: unknown): HistoryLine | null {
  const sessions = asNumber(ended);
  return sessions !== null && sessions > 0 ? { key: "details.sessionsEnded", values: { count: sessions } } : null;
}

/** Who ended the sessions: the person signing out, the person themself, or an administrator. */
const SESSION_ENDED_BY: Record<string, string> = { "sign-out": "signOut", self: "self", administrator: "administrator" };

function rateLine(data: Data): HistoryLine | null {
  const rate = asNumber(data.ratePercent);
  return rate !== null ? { key: "details.ratePercent", values: { rate } } : null;
}

/** A task's reported result in one line: done (when, the product) or not done (why). */
function taskResultLine(side: unknown): HistoryLine | null {
  const result = asObject(side);
  if (result.outcome === "DONE") {
    return { key: "details.taskDone", values: { date: displayDate(asString(result.doneOn) ?? "—"), product: excerpt(asString(result.product) ?? "—") } };
  }
  if (result.outcome === "NOT_DONE") {
    return {
      key: "details.taskNotDone",
      values: { reason: excerpt(asString(result.notDoneReason) ?? "—"), forceMajeure: result.forceMajeure === true ? "yes" : "no" },
    };
  }
  return null;
}

function taskExceededLine(side: unknown): HistoryLine | null {
  const result = asObject(side);
  return result.outcome === "DONE" && result.exceeded === true
    ? { key: "details.taskExceeded", values: { grounds: excerpt(asString(result.exceededGrounds) ?? "—") } }
    : null;
}

function taskDueLine(data: Data): HistoryLine | null {
  const before = asString(asObject(data.before).dueOn);
  const after = asString(asObject(data.after).dueOn);
  if (!after) return null;
  return before && before !== after
    ? { key: "details.taskDueChanged", values: { from: displayDate(before), to: displayDate(after) } }
    : before
      ? null
      : { key: "details.taskDue", values: { due: displayDate(after) } };
}

const taskTitle = (data: Data) => ({ title: excerpt(asString(asObject(data.after).title) ?? asString(asObject(data.before).title) ?? "—", 120) });

function quarterLine(side: unknown): HistoryLine | null {
  const level = asString(asObject(side).level);
  return level && LEVEL_NAMES.has(level) ? { key: "details.quarterLevel", refs: { level: `grading.levels.${level}` } } : null;
}

function taskFactsLine(data: Data): HistoryLine | null {
  const after = asObject(data.after);
  const [assigned, completed, onTime, exceeded] = [after.assigned, after.completed, after.onTime, after.exceeded].map((v) => asNumber(v) ?? 0);
  return { key: "details.taskFacts", values: { assigned, completed, onTime, exceeded } };
}

const DESCRIBERS: Record<AuditAction, Describer> = {
  // Accounts and sessions (lib/data/actors.ts, passwords.ts, sessions.ts, users.ts).
  "user.sign-in": () => entry("actions.user.signIn"),
  "user.sign-in-failed": () => entry("actions.user.signInFailed"),
  "user.password": (data) => entry("actions.user.password", sessionsEndedLine(data.endedSessions)),
  "user.locale": (data) => entry({ key: "actions.user.locale", values: { locale: asString(data.after) ?? "—" } }),
  "session.revoke": (data) => {
    const by = Object.hasOwn(SESSION_ENDED_BY, String(data.reason)) ? SESSION_ENDED_BY[String(data.reason)] : "other";
    return entry({ key: "actions.session.revoke", values: { by, sessions: count(data.sessions) } });
  },
  // The cycles and their score sheets (lib/data/cycles.ts). The year is a name, not a number to group ("2.026").
  "cycle.open": (data) =>
    entry(
      { key: "actions.cycle.open", values: { year: String(asNumber(data.year) ?? "—") } },
      ruleSetLine(data),
      asNumber(data.memberRecords) !== null
        ? {
            key: "details.cycleRecords",
            values: { groups: count(data.peerGroups), members: count(data.memberRecords), organizations: count(data.organizationRecords) },
          }
        : null,
    ),
  "cycle.deadlines": (data) => entry("actions.cycle.deadlines", ...deadlineChanges(data)),
  "cycle.startSelfReviews": (data) => entry("actions.cycle.startSelfReviews", cycleStatusChange(data)),
  "scoreSheet.update": (data) => entry("actions.scoreSheet.update", frameworkLine(data)),
  // The register (lib/data/members.ts, import.ts).
  "member.update": (data) => entry("actions.member.update", ...memberFieldsChanged(data)),
  "register.import": (data) =>
    entry("actions.register.import", {
      key: "details.imported",
      values: {
        membersNew: count(data.membersNew),
        membersChanged: count(data.membersChanged),
        orgsNew: count(data.orgsNew),
        orgsChanged: count(data.orgsChanged),
      },
    }),
  // A member's record.
  "selfReview.submit": (data) => entry("actions.selfReview.submit", stateChange(data), selfLevel(data)),
  "selfReview.submitOnBehalf": (data) => entry("actions.selfReview.submitOnBehalf", stateChange(data), selfLevel(data)),
  "selfReview.return": (data) => entry("actions.selfReview.return", reasonLine(data), stateChange(data)),
  "record.facts": (data) => entry("actions.record.facts", scoreChange(data)),
  // Written by the meeting's finalizing on each record it reviews or marks absent (lib/data/meetings.ts).
  "record.review": (data) => entry("actions.record.review", stateChange(data), proposedLevel(data)),
  "record.rereview": (data) => entry("actions.record.rereview", stateChange(data), proposedLevel(data), reasonLine(data)),
  "record.absent": (data) => entry("actions.record.absent", stateChange(data)),
  "record.notRated": (data) => entry("actions.record.notRated", stateChange(data), notRatedReason(data), reasonLine(data)),
  "record.reinstate": (data) => entry("actions.record.reinstate", stateChange(data), reasonLine(data)),
  // A decided or published result reopened by a decision to rate it again (lib/data/rerating.ts, 366 Điều 15).
  "record.rerate": (data) => entry("actions.record.rerate", decisionLine(asObject(data.decision)), reasonLine(data), stateChange(data)),
  "record.rerateProposal": (data) => entry("actions.record.rerateProposal", reasonLine(data)),
  // The grassroots committee on a cell's proposal to leave a member unrated for another reason (lib/data/not-rated.ts).
  "record.notRatedConfirm": (data) => entry("actions.record.notRatedConfirm", reasonLine(data)),
  "record.notRatedReject": (data) => entry("actions.record.notRatedReject", stateChange(data), reasonLine(data)),
  // The minutes of a cell's meeting (lib/data/meetings.ts): finalizing sends every proposal up.
  "meeting.finalize": (data) => {
    const voters = asNumber(data.votersPresent);
    return entry(
      {
        key: "actions.meeting.finalize",
        values: { reviewed: Array.isArray(data.reviewed) ? data.reviewed.length : 0, absent: Array.isArray(data.absent) ? data.absent.length : 0 },
      },
      voters !== null ? { key: "details.voters", values: { voters } } : null,
    );
  },
  // The committees' decisions (lib/data/decisions.ts, unit-ratings.ts, remediation.ts).
  "record.decide": (data) => entry("actions.record.decide", stateChange(data), decidedLevel(data), reasonLine(data)),
  "record.publish": (data) => entry("actions.record.publish", stateChange(data), decidedLevel(data)),
  "record.sendBack": (data) => entry("actions.record.sendBack", reasonLine(data), stateChange(data)),
  "decisions.publish": (data) => entry({ key: "actions.decisions.publish", values: { published: count(data.published) } }),
  // A competent body's decision raising a group's rate (366) or letting it exceed 20 % (the years before).
  "quota.override": (data) =>
    entry({ key: "actions.quota.override", values: { group: asString(data.group) ?? "—" } }, decisionLine(data), rateLine(data), reasonLine(data)),
  "unit.propose": (data) => entry("actions.unit.propose", stateChange(data), proposedLevel(data)),
  "unit.selfRate": (data) => entry("actions.unit.selfRate", stateChange(data), proposedLevel(data)),
  "unit.verify": (data) => entry("actions.unit.verify", stateChange(data), proposedLevel(data), reasonLine(data, "note")),
  "unit.returnRating": (data) => entry("actions.unit.returnRating", reasonLine(data), stateChange(data)),
  "unit.sendBackUnit": (data) => entry("actions.unit.sendBack", reasonLine(data), stateChange(data)),
  "unit.sendBackRating": (data) => entry("actions.unit.sendBack", reasonLine(data), stateChange(data)),
  "remediation.plan": (data) => entry({ key: "actions.remediation.plan", values: { count: Array.isArray(data.items) ? data.items.length : 0 } }),
  "remediation.status": (data) => entry("actions.remediation.status", remediationStatusChange(data)),
  // The task register (lib/data/tasks.ts, task-files.ts, task-quarters.ts): each step of a task, in its history.
  "task.declare": (data) => entry({ key: "actions.task.declare", values: taskTitle(data) }, taskDueLine(data)),
  "task.edit": (data) => entry({ key: "actions.task.edit", values: taskTitle(data) }, taskDueLine(data)),
  "task.report": (data) => entry("actions.task.report", taskResultLine(data.result), taskExceededLine(data.result)),
  "task.confirm": (data) => entry("actions.task.confirm", taskResultLine(data.result)),
  "task.return": (data) => entry("actions.task.return", reasonLine(data)),
  "task.correct": (data) => entry("actions.task.correct", reasonLine(data), taskResultLine(data.after), taskExceededLine(data.after)),
  "task.withdraw": (data) => entry({ key: "actions.task.withdraw", values: taskTitle(data) }, reasonLine(data)),
  "task.fileAdd": (data) => entry({ key: "actions.task.fileAdd", values: { fileName: asString(data.fileName) ?? "—" } }),
  "task.fileRemove": (data) => entry({ key: "actions.task.fileRemove", values: { fileName: asString(data.fileName) ?? "—" } }),
  "task.import": (data) => entry({ key: "actions.task.import", values: { created: count(data.created), file: asString(data.file) ?? "—" } }),
  "taskQuarter.assess": (data) =>
    entry(
      { key: "actions.taskQuarter.assess", values: { quarter: asNumber(asObject(data.after).quarter) ?? 0 } },
      quarterLine(data.after),
      reasonLine(asObject(data.after), "note"),
    ),
  "taskQuarter.confirm": (data) =>
    entry(
      { key: "actions.taskQuarter.confirm", values: { quarter: asNumber(asObject(data.self).quarter) ?? 0 } },
      quarterLine(data.after),
      reasonLine(asObject(data.after), "note"),
    ),
  "record.taskFacts": (data) => entry("actions.record.taskFacts", taskFactsLine(data)),
  "cycle.taskRegister": (data) => entry({ key: "actions.cycle.taskRegister", values: { on: data.after === true ? "yes" : "no" } }),
  // Reminders (lib/data/reminders.ts): sent by the cell to those who have not submitted, hidden by a member.
  "reminder.send": (data) => entry({ key: "actions.reminder.send", values: { count: count(data.records) } }),
  "reminder.dismiss": () => entry("actions.reminder.dismiss"),
  "opinion.add": (data) => entry(opinionSummary("actions.opinion.add")(data), opinionLine(data.after)),
  "opinion.edit": (data) => {
    const before = opinionLine(data.before);
    return entry(opinionSummary("actions.opinion.edit")(data), opinionLine(data.after), before && { ...before, key: "details.opinionBefore" });
  },
  "opinion.delete": (data) => entry(opinionSummary("actions.opinion.delete")(data), opinionLine(data.before)),
  // Written in SQL by scripts/db-backup.mjs when a backup is restored; every session ends with it.
  "database.restore": (data) => {
    const file = asString(data.file);
    return entry(
      "actions.database.restore",
      file ? { key: "details.backup", values: { file, date: displayDate(asString(data.takenAt) ?? "—") } } : null,
      sessionsEndedLine(data.sessionsEnded),
    );
  },
};

function isLine(line: HistoryLine | null): line is HistoryLine {
  return line !== null;
}

/** Whether an action has its own sentence (the others read as "Thao tác …" with their state change). */
export function isKnownAction(action: string): boolean {
  return isAuditAction(action);
}

export function describeAuditEntry(action: string, data: unknown): DescribedEntry {
  const d = asObject(data);
  const describe = isAuditAction(action) ? DESCRIBERS[action] : null;
  if (describe) {
    const described = describe(d);
    // A deliberation the member reads before publication (lib/review/disclosure.ts): said to be withheld.
    return d.withheld === true ? { ...described, details: [...described.details, { key: "details.withheld" }] } : described;
  }
  return { summary: { key: "actions.unknown", values: { action } }, details: [stateChange(d)].filter(isLine) };
}
