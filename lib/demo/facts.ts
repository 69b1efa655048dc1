import { addDays, ageOn, day, daysBetween, maxDate, minDate, randomDay } from "./dates";
import type { IdFactory } from "./ids";
import type { MemberInfo } from "./members";
import type { OrgTree } from "./org-tree";
import { type Random, randomFor, unitFor } from "./random";
import { disciplineForm, disciplineReason } from "./texts";
import type { CivilServiceRatingRow, DisciplineRow, LeaveRow, RatingLevel, RuleSetId } from "./types";

// The facts the rating rules read (rating-rules §3): civil-service levels, disciplines and leave. Levels of a
// year come from a member's merit plus that year's luck, so strong members stay strong year after year.
// Disciplines and leave fall in the current year Y and the last published year Y − 1, where the
// screens show them.

export const LEVEL_ORDER: readonly RatingLevel[] = ["NOT_COMPLETED", "COMPLETED", "GOOD", "EXCELLENT"];

export function rank(level: RatingLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

export function lowest(a: RatingLevel, b: RatingLevel): RatingLevel {
  return rank(a) <= rank(b) ? a : b;
}

export function levelFromScore(score: number, excellentFrom = 0.8): RatingLevel {
  if (score >= excellentFrom) return "EXCELLENT";
  if (score >= 0.12) return "GOOD";
  if (score >= 0.015) return "COMPLETED";
  return "NOT_COMPLETED";
}

export class MemberFacts {
  readonly civilService = new Map<string, Map<number, RatingLevel>>();
  readonly disciplines = new Map<string, DisciplineRow[]>();
  readonly leaves = new Map<string, LeaveRow[]>();
  readonly civilServiceRows: CivilServiceRatingRow[] = [];
  readonly disciplineRows: DisciplineRow[] = [];
  readonly leaveRows: LeaveRow[] = [];

  constructor(private readonly seedLabel: string) {}

  /** How well the member did in a year, 0–1: mostly merit, partly the year. */
  performance(member: MemberInfo, year: number): number {
    return 0.7 * member.merit + 0.3 * unitFor(this.seedLabel, "performance", member.row.id, year);
  }

  civilServiceLevel(member: MemberInfo, year: number): RatingLevel | null {
    return this.civilService.get(member.row.id)?.get(year) ?? null;
  }

  /** Days of sick leave within the calendar year. */
  sickDays(member: MemberInfo, year: number): number {
    const start = day(year, 1, 1);
    const end = day(year + 1, 1, 1);
    let total = 0;
    for (const leave of this.leaves.get(member.row.id) ?? []) {
      if (leave.kind !== "SICK") continue;
      const from = maxDate(leave.fromDate, start);
      const to = minDate(addDays(leave.toDate, 1), end);
      total += Math.max(0, daysBetween(from, to));
    }
    return total;
  }

  /**
   * A discipline forces NOT_COMPLETED in the year of its decision unless it was self-detected and
   * remedied ([124] Điều 12.4.3.d) or already used to rate an earlier year (one violation counts once);
   * and in the earlier year it was counted in.
   */
  disciplinedIn(member: MemberInfo, year: number): boolean {
    return (this.disciplines.get(member.row.id) ?? []).some((d) => {
      if (d.selfDetectedAndRemedied) return false;
      if (d.countedInYear !== null) return d.countedInYear === year;
      return d.decidedOn.getUTCFullYear() === year;
    });
  }

  /**
   * The highest level these facts allow (rating-rules §3), with the same facts the app will read. QD366_HD43
   * has no civil-service or sick-leave rule; its score, task and shortcoming rules are met by drawing
   * those facts to fit the level (scores.ts, reviews.ts).
   */
  maxLevel(member: MemberInfo, year: number, ruleSet: RuleSetId): RatingLevel {
    if (this.disciplinedIn(member, year)) return "NOT_COMPLETED";
    if (ruleSet === "QD366_HD43") return "EXCELLENT";
    let max: RatingLevel = "EXCELLENT";
    if (member.row.isCivilServant) {
      const civil = this.civilServiceLevel(member, year);
      if (civil) max = lowest(max, civil);
    }
    if (this.sickDays(member, year) >= 90) max = lowest(max, "COMPLETED");
    return max;
  }
}

export interface FactsInput {
  tree: OrgTree;
  members: readonly MemberInfo[];
  ids: IdFactory;
  seedLabel: string;
  /** Review years, oldest first; the last is the current year. */
  years: readonly number[];
}

export function buildFacts(input: FactsInput): MemberFacts {
  const facts = new MemberFacts(input.seedLabel);
  addCivilServiceRatings(facts, input);
  const byDistrict = new Map<string, MemberInfo[]>();
  for (const member of input.members) {
    const districtId = member.stays[member.stays.length - 1].cell.district.row.id;
    const list = byDistrict.get(districtId);
    if (list) list.push(member);
    else byDistrict.set(districtId, [member]);
  }
  for (const district of input.tree.districts) {
    const members = byDistrict.get(district.row.id) ?? [];
    const rng = randomFor(input.seedLabel, "facts", district.row.code);
    const year = input.years[input.years.length - 1];
    addDisciplines(facts, rng, input.ids, members, year);
    addLeaves(facts, rng, input.ids, members, year);
  }
  return facts;
}

/** Civil servants get a state rating every year they worked (from age 23): mostly GOOD. */
function addCivilServiceRatings(facts: MemberFacts, input: FactsInput): void {
  for (const member of input.members) {
    if (!member.row.isCivilServant) continue;
    const levels = new Map<number, RatingLevel>();
    for (const year of input.years) {
      if (ageOn(member.row.birthDate, day(year, 12, 31)) < 23) continue;
      const noise = 0.1 * (unitFor(input.seedLabel, "civil-service", member.row.id, year) - 0.5);
      const level = levelFromScore(facts.performance(member, year) + noise);
      levels.set(year, level);
      facts.civilServiceRows.push({ memberId: member.row.id, year, level });
    }
    facts.civilService.set(member.row.id, levels);
  }
}

/** Members who may carry facts: active and with a few years in the party (not the demo accounts' people). */
function ordinary(members: readonly MemberInfo[], year: number): MemberInfo[] {
  return members.filter((m) => !m.demoUsername && m.row.status === "ACTIVE" && m.row.admittedOn.getTime() < day(year - 2, 1, 1).getTime());
}

/**
 * Disciplines go to members without a post: under QD366_HD43 a disciplined member of a cell's or a
 * committee's leadership would also hold its organization down (rating-rules §7.7), a fact the demo leaves out.
 */
function addDisciplines(facts: MemberFacts, rng: Random, ids: IdFactory, members: readonly MemberInfo[], year: number): void {
  const pool = rng.shuffle(ordinary(members, year).filter((m) => !m.holdsPost));
  const n = members.length;
  const take = (count: number) => pool.splice(0, Math.min(count, pool.length));
  const add = (member: MemberInfo, decidedOn: Date, countedInYear: number | null, selfDetected: boolean) => {
    const row: DisciplineRow = {
      id: ids.next("discipline"),
      memberId: member.row.id,
      decidedOn,
      form: disciplineForm(rng),
      reason: disciplineReason(rng),
      selfDetectedAndRemedied: selfDetected,
      countedInYear,
    };
    facts.disciplineRows.push(row);
    pushTo(facts.disciplines, member.row.id, row);
  };
  // Decided this year, not yet used by a rating; about a third found and remedied by the member.
  take(Math.max(2, Math.round(n * 0.003))).forEach((m, i) => add(m, randomDay(rng, day(year, 2, 1), day(year, 10, 31)), null, i % 3 === 1));
  // Decided last year and used by last year's rating. The first one was disciplined the year before too:
  // NOT_COMPLETED two years running, the case the screening list is for.
  take(Math.max(2, Math.round(n * 0.002))).forEach((m, i) => {
    if (i === 0) add(m, randomDay(rng, day(year - 2, 3, 1), day(year - 2, 10, 31)), year - 2, false);
    add(m, randomDay(rng, day(year - 1, 2, 1), day(year - 1, 11, 25)), year - 1, i % 3 === 2);
  });
  // Decided early this year for a violation last year's rating already counted: must not force this year.
  take(Math.max(1, Math.round(n * 0.0007))).forEach((m) => add(m, randomDay(rng, day(year, 1, 8), day(year, 3, 15)), year - 1, false));
}

function addLeaves(facts: MemberFacts, rng: Random, ids: IdFactory, members: readonly MemberInfo[], year: number): void {
  const n = members.length;
  const add = (member: MemberInfo, kind: "SICK" | "MATERNITY", fromDate: Date, days: number) => {
    const row: LeaveRow = { id: ids.next("leave"), memberId: member.row.id, kind, fromDate, toDate: addDays(fromDate, days - 1) };
    facts.leaveRows.push(row);
    pushTo(facts.leaves, member.row.id, row);
  };
  const working = ordinary(members, year);
  const pool = rng.shuffle(working);
  const take = (count: number) => pool.splice(0, Math.min(count, pool.length));
  // Sick leave of three months or more caps the year at COMPLETED under [21] and [124] (rating-rules §3); the
  // 100-point scale of QD366_HD43 has no such rule.
  take(Math.max(2, Math.round(n * 0.004))).forEach((m) => add(m, "SICK", randomDay(rng, day(year, 1, 15), day(year, 7, 1)), rng.int(90, 140)));
  take(Math.max(1, Math.round(n * 0.002))).forEach((m) => add(m, "SICK", randomDay(rng, day(year - 1, 1, 16), day(year - 1, 7, 1)), rng.int(90, 140)));
  take(Math.round(n * 0.01)).forEach((m) => add(m, "SICK", randomDay(rng, day(year, 1, 8), day(year, 10, 15)), rng.int(7, 45)));
  // Maternity leave caps nothing: the member is rated on the time worked.
  const mothers = rng.shuffle(
    working.filter((m) => m.row.gender === "FEMALE" && ageOn(m.row.birthDate, day(year, 12, 10)) <= 40 && !facts.leaves.has(m.row.id)),
  );
  mothers.slice(0, Math.max(1, Math.round(n * 0.004))).forEach((m) => add(m, "MATERNITY", randomDay(rng, day(year, 1, 8), day(year, 5, 28)), 180));
  mothers
    .slice(Math.max(1, Math.round(n * 0.004)), Math.max(2, Math.round(n * 0.007)))
    .forEach((m) => add(m, "MATERNITY", randomDay(rng, day(year - 1, 2, 6), day(year - 1, 6, 30)), 180));
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
