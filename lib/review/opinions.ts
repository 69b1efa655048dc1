import { dateKey, hasCompletedMonths, parseIsoDate, type CalendarDate } from "@/lib/grading/dates";
import type { IsoDate } from "@/lib/grading";

// Which comments (ý kiến nhận xét) a member's record needs before the cell's review meeting, read from the
// member's facts. PURE: the use cases of lib/data/opinions.ts, the cell's list and the page ask the same
// function. Sources (lib/review/README.md, "Opinions before the meeting"):
//
// - RESIDENCE — Quy định 213-QĐ/TW (2 January 2020) Điều 1: a member working in an agency, enterprise,
//   public service unit or the armed forces ("đảng viên đang công tác") keeps in touch with the party
//   organization where they live, whose committee comments on them every year before the review.
//   Hướng dẫn 33-HD/BTCTW (30 October 2020) 1.1–1.2: soldiers and police living in barracks are not asked
//   for the yearly comment. A member whose own cell is a residential one lives where they are active.
// - PREVIOUS_CELL — Hướng dẫn of the review (HD 21, HD 25, HD 43): a member transferred during the year
//   after six months or more in the old unit is reviewed by the new one, after asking the old one.
// - TEMPORARY_CELL — a member in temporary party activity (sinh hoạt tạm thời) is reviewed in the cell of
//   their official activity, with the comment of the cell where they were temporarily active.

/** The Prisma enum OpinionSource, restated because pure modules do not import Prisma. */
export const OPINION_SOURCES = ["RESIDENCE", "PREVIOUS_CELL", "TEMPORARY_CELL"] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** The Prisma enum MemberCategory. */
export type MemberCategoryFact = "NON_LEADER_IN_SYSTEM" | "LEADER_MANAGER" | "NOT_IN_POLITICAL_SYSTEM";
/** The Prisma enum OrgSector, of the cell that reviews the member. */
export type CellSectorFact = "COMMUNE" | "AGENCY" | "SCHOOL" | "HEALTH" | "ENTERPRISE" | "ARMED_FORCES" | "RESIDENTIAL" | "OTHER";

/** One row of MemberCellAssignment. `toDate` is the day the stay ended (the next cell's first day). */
export interface CellStay {
  cellId: string;
  cellName: string;
  kind: "OFFICIAL" | "TEMPORARY";
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

export interface OpinionFacts {
  /** The review year. */
  year: number;
  category: MemberCategoryFact;
  /** Member.residenceCell: the residence-place cell on file, free text; null when none is recorded. */
  residenceCell: string | null;
  /** The cell that reviews the member (the record's unit) and its sector. */
  cellId: string;
  cellSector: CellSectorFact;
  /** The member's cell assignments (any years: the rule picks what touches the review year). */
  stays: readonly CellStay[];
  /** False for a record that is not rated (exempt, suspended, new): it is not reviewed, so needs nothing. */
  rated: boolean;
}

/** Why an opinion is required, for the sentence the page shows. */
export type RequirementReason =
  | "WORKS_IN_SYSTEM" // cán bộ, công chức, viên chức or leader: QĐ 213
  | "WORKS_OUTSIDE_SYSTEM" // works in an enterprise or elsewhere, a residence cell on file: QĐ 213
  | "TRANSFERRED_IN" // six months or more in the old cell during the year
  | "TEMPORARY_ACTIVITY"; // temporarily active in another cell during the year

export interface OpinionRequirement {
  source: OpinionSource;
  reason: RequirementReason;
  /** Who is to comment: the residence cell on file, or the other cell's name; null when not on file. */
  body: string | null;
  /** The stay that calls for it (previous or temporary cell). */
  from?: IsoDate;
  to?: IsoDate | null;
}

const SIX_MONTHS = 6;

function day(year: number, month: number, dayOfMonth: number): CalendarDate {
  return { year, month, day: dayOfMonth };
}

function parse(text: IsoDate): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(text)}`);
  return parsed;
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return dateKey(a) >= dateKey(b) ? a : b;
}

function residence(facts: OpinionFacts): OpinionRequirement | null {
  // A member of a residential cell (thôn, tổ dân phố) is active where they live.
  if (facts.cellSector === "RESIDENTIAL") return null;
  if (facts.category === "NOT_IN_POLITICAL_SYSTEM") {
    // A worker of an enterprise (or any member outside the system) with a residence cell on file keeps in
    // touch with it like anyone "đang công tác" (QĐ 213 Điều 1 names enterprises); without one, nothing.
    return facts.residenceCell === null ? null : { source: "RESIDENCE", reason: "WORKS_OUTSIDE_SYSTEM", body: facts.residenceCell };
  }
  // HD 33 1.1–1.2: soldiers and police in barracks give no residence cell and are not asked every year.
  if (facts.cellSector === "ARMED_FORCES" && facts.residenceCell === null) return null;
  // Anyone else in the political system is asked, even before their residence cell is on file: the page
  // then says it is missing from the member's details.
  return { source: "RESIDENCE", reason: "WORKS_IN_SYSTEM", body: facts.residenceCell };
}

function previousCell(facts: OpinionFacts): OpinionRequirement | null {
  const yearStart = day(facts.year, 1, 1);
  let found: { stay: CellStay; end: CalendarDate } | null = null;
  for (const stay of facts.stays) {
    if (stay.kind !== "OFFICIAL" || stay.cellId === facts.cellId || stay.toDate === null) continue;
    const end = parse(stay.toDate);
    if (end.year !== facts.year) continue;
    // Six calendar months or more in the old cell within the year (counted as rating-rules §2 counts them).
    const start = later(parse(stay.fromDate), yearStart);
    if (!hasCompletedMonths(start, end, SIX_MONTHS)) continue;
    if (!found || dateKey(end) > dateKey(found.end)) found = { stay, end };
  }
  return found && { source: "PREVIOUS_CELL", reason: "TRANSFERRED_IN", body: found.stay.cellName, from: found.stay.fromDate, to: found.stay.toDate };
}

function temporaryCell(facts: OpinionFacts): OpinionRequirement | null {
  const yearStart = dateKey(day(facts.year, 1, 1));
  const yearEnd = dateKey(day(facts.year, 12, 31));
  let found: CellStay | null = null;
  for (const stay of facts.stays) {
    if (stay.kind !== "TEMPORARY" || stay.cellId === facts.cellId) continue;
    const overlaps = dateKey(parse(stay.fromDate)) <= yearEnd && (stay.toDate === null || dateKey(parse(stay.toDate)) >= yearStart);
    if (overlaps && (!found || stay.fromDate > found.fromDate)) found = stay;
  }
  return found && { source: "TEMPORARY_CELL", reason: "TEMPORARY_ACTIVITY", body: found.cellName, from: found.fromDate, to: found.toDate };
}

/** The opinions a member's record requires, in the order of OPINION_SOURCES. */
export function requiredOpinions(facts: OpinionFacts): OpinionRequirement[] {
  if (!facts.rated) return [];
  return [residence(facts), previousCell(facts), temporaryCell(facts)].filter((r): r is OpinionRequirement => r !== null);
}

export interface OpinionStatus<T extends { source: OpinionSource }> {
  required: OpinionRequirement[];
  received: T[];
  /** Required sources with no opinion received yet. */
  missing: OpinionSource[];
}

/** What is required, what was received, what is missing. */
export function opinionStatus<T extends { source: OpinionSource }>(required: OpinionRequirement[], received: readonly T[]): OpinionStatus<T> {
  const have = new Set(received.map((o) => o.source));
  return { required, received: [...received], missing: required.filter((r) => !have.has(r.source)).map((r) => r.source) };
}

/** The days an opinion may be dated: the review year, or the month before it (from 1 December). */
export function opinionWindow(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year - 1}-12-01`, to: `${year}-12-31` };
}

export type GivenOnProblem = "invalidDate" | "opinionDateFuture" | "opinionDateOutsideYear";

/** Why an opinion's date is refused, or null: a real date, not after today, within opinionWindow. */
export function givenOnProblem(givenOn: string, bounds: { year: number; today: IsoDate }): GivenOnProblem | null {
  const date = parseIsoDate(givenOn);
  if (!date) return "invalidDate";
  const key = dateKey(date);
  if (key > dateKey(parse(bounds.today))) return "opinionDateFuture";
  const window = opinionWindow(bounds.year);
  if (key < dateKey(parse(window.from)) || key > dateKey(parse(window.to))) return "opinionDateOutsideYear";
  return null;
}
