import { LEVELS, type Level } from "@/lib/grading/types";
import type { NotRatedReason, RecordState } from "./workflow";

// The arithmetic of a cell's review meeting: quorum, the vote on a member's level, and what must be in
// the minutes before they are finalized. PURE and in whole numbers only: a fraction is compared by
// cross-multiplying, never by dividing. HD 43 Mục 2 sets how the meeting is prepared and held but no
// quorum and no vote threshold, so both are options of the cycle (ReviewCycle.options), defaulting to
// "more than half" (lib/review/README.md says why).

/** A share of a whole: at least numerator/denominator of it, or more than that when strict. */
export interface Fraction {
  numerator: number;
  denominator: number;
  strict: boolean;
}

/**
 * What the adoption share is taken of: the official members who must attend (the quorum's base — Party
 * practice: "quá nửa số đảng viên chính thức", those convened less the exempt, the suspended and those
 * away on duty or temporarily elsewhere), or only those present at the meeting.
 */
export type AdoptionBase = "REQUIRED" | "PRESENT";
export const ADOPTION_BASES = ["REQUIRED", "PRESENT"] as const satisfies readonly AdoptionBase[];

export interface MeetingRules {
  /** Of the official members who must attend, how many must be present. */
  quorum: Fraction;
  /** Of the adoption base, how many must vote for a level to adopt it. */
  adoption: Fraction;
  adoptionBase: AdoptionBase;
}

const MORE_THAN_HALF: Fraction = Object.freeze({ numerator: 1, denominator: 2, strict: true });

export const DEFAULT_MEETING_RULES: MeetingRules = Object.freeze({ quorum: MORE_THAN_HALF, adoption: MORE_THAN_HALF, adoptionBase: "REQUIRED" });

/** The fewest of `total` that make up the fraction: ⌊total·n/d⌋ + 1 when strict, ⌈total·n/d⌉ otherwise. */
export function fewestFor(total: number, fraction: Fraction): number {
  const product = total * fraction.numerator;
  const floor = (product - (product % fraction.denominator)) / fraction.denominator;
  if (fraction.strict) return floor + 1;
  return product % fraction.denominator === 0 ? floor : floor + 1;
}

// ─────────────────────────────── Quorum ───────────────────────────────

export type AttendanceStatus = "ACTIVE" | "EXEMPT" | "SUSPENDED";

export interface Attendee {
  memberId: string;
  /** Official (chính thức) on the day of the meeting; false for a probationary (dự bị) member. */
  official: boolean;
  status: AttendanceStatus;
  present: boolean;
  absenceReason?: string;
}

export interface Quorum {
  /** Official members who must attend. */
  required: number;
  /** Of them, those present: the voters. */
  present: number;
  /** How many must be present. */
  needed: number;
  met: boolean;
}

/** Counts for the quorum: an official member in activity (exempt and suspended members need not attend). */
function mustAttend(a: Attendee): boolean {
  return a.official && a.status === "ACTIVE";
}

/** Probationary members attend but neither count nor vote; a meeting with nobody required is never quorate. */
export function quorum(attendance: readonly Attendee[], rules: MeetingRules = DEFAULT_MEETING_RULES): Quorum {
  let required = 0;
  let present = 0;
  for (const a of attendance) {
    if (!mustAttend(a)) continue;
    required++;
    if (a.present) present++;
  }
  const needed = fewestFor(required, rules.quorum);
  return { required, present, needed, met: required > 0 && present >= needed };
}

// ──────────────────────────────── Vote ────────────────────────────────

/** Votes per level; only official members present vote, one level each. */
export type Tally = Readonly<Record<Level, number>>;

export type TallyProblem = "INVALID_TALLY" | "TALLY_EXCEEDS_VOTERS";

/** A tally is whole numbers ≥ 0 for the four levels, summing to at most the voters present. */
export function validateTally(tally: Tally, officialPresent: number): TallyProblem | null {
  if (!isCount(officialPresent) || !LEVELS.every((level) => isCount(tally[level]))) return "INVALID_TALLY";
  const cast = LEVELS.reduce((sum, level) => sum + tally[level], 0);
  return cast > officialPresent ? "TALLY_EXCEEDS_VOTERS" : null;
}

export type AdoptionFailure = TallyProblem | "NO_VOTERS" | "NO_MAJORITY" | "TIE";

export type Adoption = { level: Level; needed: number } | { level: null; needed: number; reason: AdoptionFailure };

/** Who may vote (the official members present) and who had to attend (the quorum's base). */
export type Voters = Pick<Quorum, "present" | "required">;

/**
 * The level the vote adopts: the one level with at least `needed` votes, `needed` taken of the rules'
 * base — the official members who must attend (default) or those present. Only those present vote.
 */
export function adoptedLevel(tally: Tally, voters: Voters, rules: MeetingRules = DEFAULT_MEETING_RULES): Adoption {
  const officialPresent = voters.present;
  const problem = validateTally(tally, officialPresent);
  if (problem || !isCount(voters.required)) return { level: null, needed: 0, reason: problem ?? "INVALID_TALLY" };
  const base = rules.adoptionBase === "PRESENT" ? officialPresent : Math.max(voters.required, officialPresent);
  const needed = fewestFor(base, rules.adoption);
  if (officialPresent === 0) return { level: null, needed, reason: "NO_VOTERS" };
  const winners = LEVELS.filter((level) => tally[level] >= needed);
  if (winners.length === 1) return { level: winners[0], needed };
  // Two winners only under a rule of "at least half" or less, which meetingRulesFrom refuses.
  return { level: null, needed, reason: winners.length === 0 ? "NO_MAJORITY" : "TIE" };
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

// ─────────────────────────── Order of work ───────────────────────────

/** 366 Điều 7 k3, Điều 12 k2 (1): the collective is reviewed first, then its members (the cell's report, then each member). */
export function memberReviewsMayBeFinalized(collectiveReviewRecorded: boolean): boolean {
  return collectiveReviewRecorded;
}

/** A member's record as the minutes hold it when they are finalized. */
export interface MemberAtMeeting {
  memberId: string;
  state: RecordState;
  /** The vote on the proposed level, when one was taken. */
  tally?: Tally | null;
  notRatedReason?: NotRatedReason | null;
}

export interface MeetingToFinalize {
  attendance: readonly Attendee[];
  collectiveReviewRecorded: boolean;
  records: readonly MemberAtMeeting[];
}

export type FinalizeProblem =
  | { code: "QUORUM_NOT_MET"; quorum: Quorum }
  | { code: "COLLECTIVE_REVIEW_MISSING" }
  | { code: "SELF_REVIEW_MISSING"; memberId: string }
  | { code: "VOTE_MISSING"; memberId: string }
  | { code: "VOTE_NOT_ADOPTED"; memberId: string; reason: AdoptionFailure }
  | { code: "NOT_RATED_REASON_MISSING"; memberId: string };

/**
 * Every reason the minutes cannot be finalized yet, the meeting's first, then each member's in the
 * order given; empty when they can. Finalizing then applies `review` to every SUBMITTED record;
 * ABSENT records wait for a later session, NOT_RATED ones keep their reason.
 */
export function finalizeProblems(meeting: MeetingToFinalize, rules: MeetingRules = DEFAULT_MEETING_RULES): FinalizeProblem[] {
  const problems: FinalizeProblem[] = [];
  const q = quorum(meeting.attendance, rules);
  if (!q.met) problems.push({ code: "QUORUM_NOT_MET", quorum: q });
  if (!memberReviewsMayBeFinalized(meeting.collectiveReviewRecorded)) problems.push({ code: "COLLECTIVE_REVIEW_MISSING" });
  for (const r of meeting.records) {
    const { memberId } = r;
    if (r.state === "DRAFT" || r.state === "RETURNED") problems.push({ code: "SELF_REVIEW_MISSING", memberId });
    else if (r.state === "NOT_RATED" && !r.notRatedReason) problems.push({ code: "NOT_RATED_REASON_MISSING", memberId });
    else if (r.state === "SUBMITTED") {
      if (!r.tally) problems.push({ code: "VOTE_MISSING", memberId });
      else {
        const adoption = adoptedLevel(r.tally, q, rules);
        if (adoption.level === null) problems.push({ code: "VOTE_NOT_ADOPTED", memberId, reason: adoption.reason });
      }
    }
  }
  return problems;
}

// ─────────────────────────── Cycle options ───────────────────────────

/**
 * The meeting rules of a cycle from ReviewCycle.options ({ quorum?: {numerator, denominator, strict?},
 * adoption?: …, adoptionBase?: "REQUIRED" | "PRESENT" }): each rule read on its own, its default kept
 * when it is missing or malformed. `strict` absent means "at least". An adoption rule must leave room for
 * one level only (more than half, or at least a share above half).
 */
export function meetingRulesFrom(cycleOptions: unknown): MeetingRules {
  const options = isRecord(cycleOptions) ? cycleOptions : {};
  const quorumRule = fractionFrom(options.quorum);
  const adoptionRule = fractionFrom(options.adoption);
  return {
    quorum: quorumRule ?? DEFAULT_MEETING_RULES.quorum,
    adoption: adoptionRule && singleWinner(adoptionRule) ? adoptionRule : DEFAULT_MEETING_RULES.adoption,
    adoptionBase: options.adoptionBase === "PRESENT" ? "PRESENT" : DEFAULT_MEETING_RULES.adoptionBase,
  };
}

const MAX_DENOMINATOR = 100;

function fractionFrom(raw: unknown): Fraction | null {
  if (!isRecord(raw)) return null;
  const { numerator, denominator, strict = false } = raw;
  if (!isCount(numerator) || !isCount(denominator) || typeof strict !== "boolean") return null;
  if (numerator < 1 || denominator > MAX_DENOMINATOR || numerator > denominator) return null;
  // "More than all" can never be met.
  if (strict && numerator === denominator) return null;
  return { numerator, denominator, strict };
}

/** Two levels cannot both reach the share: above half, or exactly half when strict. */
function singleWinner(f: Fraction): boolean {
  return 2 * f.numerator > f.denominator || (f.strict && 2 * f.numerator === f.denominator);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
