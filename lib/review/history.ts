// The history of a record (or of a meeting's minutes): each audit row turned into a sentence. PURE: it
// returns message keys (namespace `cell.history`) and their values; the panel translates them. The audit
// row's `data` is whatever the use case wrote (lib/data/*), read defensively: a row written by an older
// version of a use case still reads, at worst as its bare action name.
//
// To describe a new action (the meeting's, say): add a row to DESCRIBERS and its sentence to cell.json.

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
const LEVELS = new Set(["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"]);

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
  return level && LEVELS.has(level) ? { key: "details.selfLevel", refs: { level: `grading.levels.${level}` } } : null;
}

function proposedLevel(data: Data): HistoryLine | null {
  const level = asString(asObject(data.after).proposedLevel);
  return level && LEVELS.has(level) ? { key: "details.proposedLevel", refs: { level: `grading.levels.${level}` } } : null;
}

function decidedLevel(data: Data): HistoryLine | null {
  const level = asString(asObject(data.after).decidedLevel) ?? asString(data.level);
  return level && LEVELS.has(level) ? { key: "details.decidedLevel", refs: { level: `grading.levels.${level}` } } : null;
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

function rerateDecisionLine(data: Data): HistoryLine | null {
  const d = asObject(data.decision);
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

const opinionSummary = (key: string) => (data: Data): HistoryLine => ({ key, refs: { source: `cell.opinions.sourcesShort.${opinionSource(data)}` } });

type Describer = (data: Data) => DescribedEntry;

const DESCRIBERS: Record<string, Describer> = {
  "selfReview.submit": (data) => ({ summary: { key: "actions.selfReview.submit" }, details: [stateChange(data), selfLevel(data)].filter(isLine) }),
  "selfReview.submitOnBehalf": (data) => ({ summary: { key: "actions.selfReview.submitOnBehalf" }, details: [stateChange(data), selfLevel(data)].filter(isLine) }),
  "selfReview.return": (data) => {
    const reason = asString(data.reason);
    return { summary: { key: "actions.selfReview.return" }, details: [reason ? { key: "details.reason", values: { reason: excerpt(reason) } } : null, stateChange(data)].filter(isLine) };
  },
  "record.facts": (data) => ({ summary: { key: "actions.record.facts" }, details: [scoreChange(data)].filter(isLine) }),
  // Written by the meeting's finalizing on each record it reviews or marks absent (lib/data/meetings.ts).
  "record.review": (data) => ({ summary: { key: "actions.record.review" }, details: [stateChange(data), proposedLevel(data)].filter(isLine) }),
  "record.rereview": (data) => ({ summary: { key: "actions.record.rereview" }, details: [stateChange(data), proposedLevel(data), reasonLine(data)].filter(isLine) }),
  "record.absent": (data) => ({ summary: { key: "actions.record.absent" }, details: [stateChange(data)].filter(isLine) }),
  "record.notRated": (data) => ({ summary: { key: "actions.record.notRated" }, details: [stateChange(data), notRatedReason(data), reasonLine(data)].filter(isLine) }),
  "record.reinstate": (data) => ({ summary: { key: "actions.record.reinstate" }, details: [stateChange(data), reasonLine(data)].filter(isLine) }),
  // The grassroots committee on a cell's proposal to leave a member unrated for another reason (lib/data/not-rated.ts).
  // A decided or published result reopened by a decision to rate it again (lib/data/rerating.ts, 366 Điều 15).
  "record.rerate": (data) => ({ summary: { key: "actions.record.rerate" }, details: [rerateDecisionLine(data), reasonLine(data), stateChange(data)].filter(isLine) }),
  "record.rerateProposal": (data) => ({ summary: { key: "actions.record.rerateProposal" }, details: [reasonLine(data)].filter(isLine) }),
  "record.notRatedConfirm": (data) => ({ summary: { key: "actions.record.notRatedConfirm" }, details: [reasonLine(data)].filter(isLine) }),
  "record.notRatedReject": (data) => ({ summary: { key: "actions.record.notRatedReject" }, details: [stateChange(data), reasonLine(data)].filter(isLine) }),
  // The minutes of a cell's meeting (lib/data/meetings.ts): finalizing sends every proposal up.
  "meeting.finalize": (data) => ({
    summary: { key: "actions.meeting.finalize", values: { reviewed: Array.isArray(data.reviewed) ? data.reviewed.length : 0, absent: Array.isArray(data.absent) ? data.absent.length : 0 } },
    details: [asNumber(data.votersPresent) !== null ? ({ key: "details.voters", values: { voters: asNumber(data.votersPresent)! } } as HistoryLine) : null].filter(isLine),
  }),
  // The committees' decisions (lib/data/decisions.ts, unit-ratings.ts, remediation.ts).
  "record.decide": (data) => ({ summary: { key: "actions.record.decide" }, details: [stateChange(data), decidedLevel(data), reasonLine(data)].filter(isLine) }),
  "record.publish": (data) => ({ summary: { key: "actions.record.publish" }, details: [stateChange(data), decidedLevel(data)].filter(isLine) }),
  "record.sendBack": (data) => ({ summary: { key: "actions.record.sendBack" }, details: [reasonLine(data), stateChange(data)].filter(isLine) }),
  "unit.propose": (data) => ({ summary: { key: "actions.unit.propose" }, details: [stateChange(data), proposedLevel(data)].filter(isLine) }),
  "unit.selfRate": (data) => ({ summary: { key: "actions.unit.selfRate" }, details: [stateChange(data), proposedLevel(data)].filter(isLine) }),
  "unit.verify": (data) => ({ summary: { key: "actions.unit.verify" }, details: [stateChange(data), proposedLevel(data), reasonLine(data, "note")].filter(isLine) }),
  "unit.returnRating": (data) => ({ summary: { key: "actions.unit.returnRating" }, details: [reasonLine(data), stateChange(data)].filter(isLine) }),
  "unit.sendBackUnit": (data) => ({ summary: { key: "actions.unit.sendBack" }, details: [reasonLine(data), stateChange(data)].filter(isLine) }),
  "unit.sendBackRating": (data) => ({ summary: { key: "actions.unit.sendBack" }, details: [reasonLine(data), stateChange(data)].filter(isLine) }),
  "remediation.plan": (data) => ({ summary: { key: "actions.remediation.plan", values: { count: Array.isArray(data.items) ? data.items.length : 0 } }, details: [] }),
  // The member hid a reminder to submit from their home page (lib/data/reminders.ts).
  "reminder.dismiss": () => ({ summary: { key: "actions.reminder.dismiss" }, details: [] }),
  "opinion.add": (data) => ({ summary: opinionSummary("actions.opinion.add")(data), details: [opinionLine(data.after)].filter(isLine) }),
  "opinion.edit": (data) => {
    const after = opinionLine(data.after);
    const before = opinionLine(data.before);
    return { summary: opinionSummary("actions.opinion.edit")(data), details: [after, before && { ...before, key: "details.opinionBefore" }].filter(isLine) };
  },
  "opinion.delete": (data) => ({ summary: opinionSummary("actions.opinion.delete")(data), details: [opinionLine(data.before)].filter(isLine) }),
};

function isLine(line: HistoryLine | null): line is HistoryLine {
  return line !== null;
}

/** Whether an action has its own sentence (the others read as "Thao tác …" with their state change). */
export function isKnownAction(action: string): boolean {
  return Object.hasOwn(DESCRIBERS, action);
}

export function describeAuditEntry(action: string, data: unknown): DescribedEntry {
  const d = asObject(data);
  const describe = Object.hasOwn(DESCRIBERS, action) ? DESCRIBERS[action] : null;
  if (describe) {
    const described = describe(d);
    // A deliberation the member reads before publication (lib/review/disclosure.ts): said to be withheld.
    return d.withheld === true ? { ...described, details: [...described.details, { key: "details.withheld" }] } : described;
  }
  return { summary: { key: "actions.unknown", values: { action } }, details: [stateChange(d)].filter(isLine) };
}
