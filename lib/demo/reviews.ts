import { DEFAULT_RATE_PERCENT, maxExcellent } from "@/lib/grading/quota";
import { DEFAULT_SCORE_SHEETS, SCORE_FRAMEWORKS } from "@/lib/grading/score-sheet";
import { addDays, addMonths, day, minDate, moment, randomDay } from "./dates";
import { LEVEL_ORDER, levelFromScore, lowest, rank, type MemberFacts } from "./facts";
import type { IdFactory } from "./ids";
import { cellOn, type MemberInfo } from "./members";
import { cellsUnder, type OrgNode, type OrgTree } from "./org-tree";
import { type Random, randomFor, unitFor } from "./random";
import { RULES_CATEGORY } from "@/lib/review/facts";
import { templateFor } from "@/lib/review/templates";
import { FRAMEWORK_OF_CATEGORY, NO_SCORE, scoreFacts, taskCountsFor } from "./scores";
import { memberTaskKind, taskTexts } from "./task-texts";
import { TaskRegisterBuilder, type TaskPlan } from "./tasks";
import { ABSENCE_REASONS, collectiveReview, critique, meetingPlace, opinionText, remediation, selfReviewContent, selfReviewSummary } from "./texts";
import type {
  Json,
  NotRatedReason,
  OrgSector,
  RatingLevel,
  RecordState,
  OpinionRow,
  PeerGroupRow,
  RemediationItemRow,
  ReviewBuild,
  ReviewCycleRow,
  ReviewRecordRow,
} from "./types";
import { calendarOf, snapshotDay, type YearCalendar } from "./years";

// Review cycles of every district: past years decided and published (history, streaks, remediation),
// and the current year in progress at different phases in different units (years.ts: which years, and
// their dates). A cycle of QD366_HD43 also gets its four score sheets, and its records the facts of the
// 100-point scale, drawn to fit each record's level (scores.ts).

const SECTOR_NAMES: Record<OrgSector, string> = {
  COMMUNE: "Xã, phường, đặc khu",
  AGENCY: "Cơ quan",
  SCHOOL: "Trường học",
  HEALTH: "Y tế",
  ENTERPRISE: "Doanh nghiệp",
  ARMED_FORCES: "Lực lượng vũ trang",
  RESIDENTIAL: "Khu dân cư",
  OTHER: "Khác",
};

const MEMBER_CRITERIA = ["politicalIdeology", "ethicsLifestyle", "workStyle", "discipline", "duties", "commitments"] as const;

export interface ReviewBuildInput {
  tree: OrgTree;
  members: readonly MemberInfo[];
  facts: MemberFacts;
  ids: IdFactory;
  seedLabel: string;
  /** Review years to build, oldest first; the last is the current year, the one before it the last published. */
  years: readonly number[];
  /** Who recorded the decisions the seed makes (there is one committee account only). */
  deciderUserId: string;
  /** Secretaries with an account, by cell id: they typed in paper self-reviews of elderly members. */
  secretaryUserIdByCell: ReadonlyMap<string, string>;
  /** Demo people whose records must be in a known state for the tests. */
  fixedStates: ReadonlyMap<string, RecordState>;
  /** Cells whose phase in the current year the demo fixes. */
  fixedCellPhases: ReadonlyMap<string, CellPhase>;
  /** Members whose task register is a showcase: the demo member's tasks to report, the secretary's members' results to confirm. */
  taskShowcases?: ReadonlyMap<string, "toReport" | "toConfirm">;
  /** Multiplies the current year's tasks (default 1; a province's benchmark register: about 40 a member). */
  taskScale?: number;
}

export type CellPhase = "notStarted" | "selfReview" | "meetingDraft" | "meetingFinal";
type GrassrootsPhase = "notStarted" | "selfReview" | "meetings" | "decided";

/** Not rated (rating-rules §2): exempt, suspended, or admitted less than six calendar months before the rating date. */
export function memberNotRatedReason(member: MemberInfo, ratingDate: Date): NotRatedReason | null {
  const since = member.row.statusSince;
  const t = ratingDate.getTime();
  if (member.row.status === "EXEMPT" && since && since.getTime() <= t) return "EXEMPT";
  if (member.row.status === "SUSPENDED" && since && since.getTime() <= t) return "SUSPENDED";
  if (addMonths(member.row.admittedOn, 6).getTime() > t) return "NEW_MEMBER";
  return null;
}

function orgIsNew(node: OrgNode, ratingDate: Date): boolean {
  return addMonths(node.row.establishedOn, 6).getTime() > ratingDate.getTime();
}

function exists(node: OrgNode, ratingDate: Date): boolean {
  return node.row.establishedOn.getTime() <= ratingDate.getTime();
}

/**
 * Keeps the best EXCELLENT entries a group may hold (rating-rules §5, quota base GOOD_ONLY: ⌊P/6⌋ at 20 %, more
 * where a decision raised the rate, §7.8); the others become GOOD.
 */
function applyQuota<T>(entries: T[], level: (e: T) => RatingLevel | null, score: (e: T) => number, demote: (e: T) => void, ratePercent: number): void {
  const pool = entries.filter((e) => level(e) === "EXCELLENT" || level(e) === "GOOD").length;
  const excellent = entries.filter((e) => level(e) === "EXCELLENT").sort((a, b) => score(b) - score(a));
  excellent.slice(maxExcellent(pool, "GOOD_ONLY", ratePercent)).forEach(demote);
}

/** One level up: a proposal above what the facts allow. */
function levelAbove(level: RatingLevel): RatingLevel {
  return LEVEL_ORDER[Math.min(LEVEL_ORDER.length - 1, rank(level) + 1)];
}

/** Total points in tenths (QD366_HD43); 0 before a score is given. */
function points(record: ReviewRecordRow): number {
  return (record.scoreGeneralTenths ?? 0) + (record.scoreResultsTenths ?? 0);
}

/** EXCELLENT needs every rated subordinate at COMPLETED or above and 80 % at GOOD or above ([21] 1.3). */
function subordinatesAllowExcellent(levels: readonly RatingLevel[]): boolean {
  if (!levels.length) return true;
  const goodOrBetter = levels.filter((l) => rank(l) >= rank("GOOD")).length;
  return levels.every((l) => rank(l) >= rank("COMPLETED")) && 5 * goodOrBetter >= 4 * levels.length;
}

/**
 * Identical JSON values are shared, not copied: a province holds hundreds of thousands of tallies and
 * criteria lists made of a few hundred distinct ones, and the rows are never mutated after the build.
 */
const sharedJson = new Map<string, Json>();
function shared(value: Json): Json {
  const key = JSON.stringify(value);
  let existing = sharedJson.get(key);
  if (!existing) sharedJson.set(key, (existing = value));
  return existing;
}

function voteTally(rng: Random, level: RatingLevel, votersPresent: number): Json {
  const tally: Record<RatingLevel, number> = { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0 };
  if (votersPresent > 0) {
    // Adopted by more than half of the official members present; the rest lean to a neighbouring level.
    const majority = Math.floor(votersPresent / 2) + 1;
    const forLevel = Math.max(majority, votersPresent - rng.int(0, Math.floor(votersPresent * 0.25)));
    tally[level] = forLevel;
    const neighbour = LEVEL_ORDER[rank(level) === 3 ? 2 : rank(level) + (rng.chance(0.5) || rank(level) === 0 ? 1 : -1)];
    tally[neighbour] += votersPresent - forLevel;
  }
  return shared({ ...tally, votersPresent });
}

/** Per-criterion grades agreed at the meeting, consistent with the level (rating-rules §3 criteria rows). */
function memberCriteria(rng: Random, level: RatingLevel): Json {
  return shared(
    MEMBER_CRITERIA.map((key) => {
      const taskResult = key === "duties";
      let grade: string;
      if (level === "EXCELLENT") grade = taskResult || rng.chance(0.5) ? "EXCELLENT" : "GOOD";
      else if (level === "GOOD") grade = taskResult ? "GOOD" : rng.chance(0.3) ? "EXCELLENT" : "GOOD";
      else if (level === "COMPLETED") grade = taskResult ? "AVERAGE" : rng.chance(0.5) ? "GOOD" : "AVERAGE";
      else grade = taskResult ? "POOR" : "AVERAGE";
      return { key, taskResult, grade };
    }),
  );
}

function targetsFor(rng: Random, level: RatingLevel): number {
  if (level === "EXCELLENT") return 100;
  if (level === "GOOD") return rng.int(92, 100);
  if (level === "COMPLETED") return rng.int(78, 95);
  return rng.int(40, 48); // under 50 %: forces NOT_COMPLETED for an organization ([124])
}

const QUOTA_REASON = "Điều chỉnh để bảo đảm tỷ lệ hoàn thành xuất sắc nhiệm vụ không vượt quá 20% trong nhóm tương đồng";
const CAP_REASON = "Điều chỉnh theo quy định: mức đề xuất cao hơn mức tối đa được phép";
const RAISED_RATE_PERCENT = 25;

// ───────────────────────────── the builder ─────────────────────────────

const VERIFICATION_NOTE = "Ban Tổ chức đã thẩm định hồ sơ tự đánh giá; thống nhất đề xuất mức xếp loại.";

export function buildReviews(input: ReviewBuildInput): ReviewBuild {
  const out: ReviewBuild = {
    cycles: [],
    scoreSheets: [],
    peerGroups: [],
    quotaOverrides: [],
    records: [],
    selfReviews: [],
    opinions: [],
    meetings: [],
    decisions: [],
    remediationItems: [],
    tasks: [],
    taskFiles: [],
    taskQuarterReviews: [],
  };
  const currentYear = input.years[input.years.length - 1];
  const membersByDistrict = new Map<OrgNode, MemberInfo[]>();
  for (const member of input.members) {
    const district = member.stays[member.stays.length - 1].cell.district;
    const list = membersByDistrict.get(district);
    if (list) list.push(member);
    else membersByDistrict.set(district, [member]);
  }
  for (const district of input.tree.districts) {
    const members = membersByDistrict.get(district) ?? [];
    // Each year's remediation items go to the next year: its self-reviews report on them, and under
    // QD366_HD43 they are the shortcomings named at the previous review (rating-rules §7.5).
    let earlierItems: ReadonlyMap<string, RemediationItemRow[]> = new Map();
    for (const year of input.years) {
      const builder = new CycleBuilder(input, out, district, members, year, currentYear);
      if (year === currentYear) builder.buildCurrent(earlierItems);
      else earlierItems = builder.buildPublished(earlierItems);
    }
  }
  return out;
}

interface MemberOutcome {
  member: MemberInfo;
  cell: OrgNode;
  record: ReviewRecordRow;
  /** The year's performance, 0–1 (facts.ts). */
  score: number;
  /** The highest level the member's facts allow; the facts of QD366_HD43 are drawn to fit it. */
  allowed: RatingLevel;
}

interface OrganizationOutcome {
  record: ReviewRecordRow;
  score: number;
  /** The level the unit deserves, before the quota; null when not rated. */
  level: RatingLevel | null;
}

class CycleBuilder {
  private readonly calendar: YearCalendar;
  /** QD366_HD43: score sheets, the 100-point facts on records, EXCELLENT ranked by points. */
  private readonly scored: boolean;
  private readonly cycle: ReviewCycleRow;
  private readonly memberGroups = new Map<OrgNode, PeerGroupRow>();
  private readonly orgGroups = new Map<OrgSector, PeerGroupRow>();
  private readonly cellGroups = new Map<OrgNode, PeerGroupRow>();
  /** Peer groups whose rate of EXCELLENT a decision raised (QD366_HD43), by id. */
  private readonly raisedRates = new Map<string, number>();
  private readonly nodes: OrgNode[];
  private readonly rng: Random;

  constructor(
    private readonly input: ReviewBuildInput,
    private readonly out: ReviewBuild,
    private readonly district: OrgNode,
    private readonly members: readonly MemberInfo[],
    private readonly year: number,
    private readonly currentYear: number,
  ) {
    this.calendar = calendarOf(year);
    this.scored = this.calendar.ruleSet === "QD366_HD43";
    this.rng = randomFor(input.seedLabel, "cycle", district.row.code, year);
    this.nodes = allBelow(district).filter((n) => exists(n, this.calendar.ratingDate));
    const isCurrent = year === currentYear;
    const calendar = this.calendar;
    this.cycle = {
      id: input.ids.next("cycle"),
      upperOrgId: district.row.id,
      year,
      ruleSet: calendar.ruleSet,
      ratingDate: calendar.ratingDate,
      quotaBase: "GOOD_ONLY",
      status: isCurrent ? "SELF_REVIEW" : year === currentYear - 1 ? "PUBLISHED" : "CLOSED",
      selfReviewDue: calendar.selfReviewDue,
      meetingsDue: calendar.meetingsDue,
      grassrootsDue: calendar.grassrootsDue,
      upperDecisionDue: calendar.upperDecisionDue,
      // The current year under the 100-point scale counts its task facts from the register (docs/task-register.md).
      options: isCurrent && calendar.ruleSet === "QD366_HD43" ? { taskRegister: true } : {},
      peerGroupsFrozenAt: isCurrent ? null : moment(addDays(calendar.ratingDate, 4), 1),
      // The upper committee opens the year's review early in November.
      createdAt: moment(day(year, 11, 3), 2),
      // A past year was last touched when it was published, after the upper committee's decisions.
      updatedAt: isCurrent ? moment(day(year, 11, 5), 2) : moment(addDays(calendar.upperDecisionDue, 6), 3),
    };
    out.cycles.push(this.cycle);
    if (this.scored) this.createScoreSheets();
    this.createPeerGroups();
  }

  // HD 43 7.12: the upper committee sets the items and points of each framework for its year. The demo
  // keeps the app's default sheets, frozen since self-reviews began.
  private createScoreSheets(): void {
    for (const framework of SCORE_FRAMEWORKS) {
      this.out.scoreSheets.push({
        id: this.input.ids.next("scoreSheet"),
        cycleId: this.cycle.id,
        framework,
        groups: DEFAULT_SCORE_SHEETS[framework] as unknown as Json,
        version: 0,
        updatedAt: this.cycle.createdAt,
      });
    }
  }

  // ── peer groups: one per grassroots organization for its members; one per sector for the grassroots
  //    organizations; one per đảng bộ cơ sở for its subordinate units (rating-rules §5 defaults).
  private createPeerGroups(): void {
    const add = (code: string, name: string, kind: "MEMBER" | "ORGANIZATION", decidingOrgId: string): PeerGroupRow => {
      const row: PeerGroupRow = { id: this.input.ids.next("peerGroup"), cycleId: this.cycle.id, kind, code, name, decidingOrgId };
      this.out.peerGroups.push(row);
      return row;
    };
    const grassroots = this.nodes.filter((n) => n.grassroots === n);
    for (const g of grassroots) {
      if (!this.orgGroups.has(g.row.sector)) {
        this.orgGroups.set(g.row.sector, add(`O-${g.row.sector}`, `Tổ chức cơ sở đảng - ${SECTOR_NAMES[g.row.sector]}`, "ORGANIZATION", this.district.row.id));
      }
    }
    for (const g of grassroots) {
      this.memberGroups.set(g, add(`M-${g.row.code}`, `Đảng viên - ${g.row.name}`, "MEMBER", g.row.id));
      if (g.row.kind === "DANG_BO_CO_SO") this.cellGroups.set(g, add(`C-${g.row.code}`, `Chi bộ trực thuộc - ${g.row.name}`, "ORGANIZATION", g.row.id));
    }
  }

  private groupOfOrg(node: OrgNode): PeerGroupRow | null {
    if (node.grassroots === node) return this.orgGroups.get(node.row.sector) ?? null;
    return this.cellGroups.get(node.grassroots!) ?? null;
  }

  /** The rate of EXCELLENT in a peer group: 20 %, unless a decision raised it. */
  private rateOf(peerGroupId: string | null | undefined): number {
    return (peerGroupId && this.raisedRates.get(peerGroupId)) || DEFAULT_RATE_PERCENT;
  }

  /** What ranks EXCELLENT proposals against the quota: the points under the 100-point scale, then performance. */
  private rankOf(record: ReviewRecordRow, performance: number): number {
    return (this.scored ? points(record) : 0) + performance;
  }

  private newRecord(fields: Partial<ReviewRecordRow> & Pick<ReviewRecordRow, "subjectKind" | "scopeOrgId" | "state">): ReviewRecordRow {
    const opened = this.cycle.createdAt;
    return {
      id: this.input.ids.next("record"),
      cycleId: this.cycle.id,
      memberId: null,
      organizationId: null,
      peerGroupId: null,
      notRatedReason: null,
      selfLevel: null,
      proposedLevel: null,
      decidedLevel: null,
      targetsCompletedPercent: null,
      degradationConcluded: false,
      leadershipDisciplined: false,
      disunityConcluded: false,
      localBodiesAtLeastGood: true,
      forceMajeure: false,
      category: null,
      ...NO_SCORE,
      shortcomingsNamed: null,
      shortcomingsRemedied: null,
      prohibitedActsConcluded: false,
      lowConfidenceOver50: false,
      corruptionInScope: false,
      fiveTargetsMissed: false,
      leadershipMemberDegraded: false,
      decisionReason: null,
      decidedAt: null,
      publishedAt: null,
      version: 0,
      createdAt: opened,
      updatedAt: opened,
      ...fields,
    };
  }

  /** The level a member deserves this year (`wanted`), and the highest the facts allow (`o.allowed`). */
  private memberLevel(o: MemberOutcome, excellentFrom: number): { wanted: RatingLevel; allowed: RatingLevel } {
    o.score = this.input.facts.performance(o.member, this.year);
    const wanted = levelFromScore(o.score, excellentFrom);
    let allowed = lowest(wanted, this.input.facts.maxLevel(o.member, this.year, this.calendar.ruleSet));
    // 366 Điều 11, 1.4: EXCELLENT needs every shortcoming named at the previous review remedied.
    if (this.scored && o.record.shortcomingsRemedied! < o.record.shortcomingsNamed!) allowed = lowest(allowed, "GOOD");
    o.allowed = allowed;
    return { wanted, allowed };
  }

  /** Points, tasks and led units that allow `level` and nothing above it (scores.ts). */
  private scoreMember(o: MemberOutcome, level: RatingLevel): void {
    const rng = randomFor(this.input.seedLabel, "score", o.member.row.id, this.year);
    Object.assign(o.record, scoreFacts(rng, FRAMEWORK_OF_CATEGORY[o.member.row.category], level, this.taskScale));
  }

  /** The register's scale applies to the year that keeps one. */
  private get taskScale(): number {
    return this.usesRegister ? (this.input.taskScale ?? 1) : 1;
  }

  private get usesRegister(): boolean {
    return (this.cycle.options as { taskRegister?: boolean }).taskRegister === true;
  }

  private scoreOrganization(record: ReviewRecordRow, node: OrgNode, level: RatingLevel): void {
    const rng = randomFor(this.input.seedLabel, "score", node.row.id, this.year);
    const named = rng.int(1, 3);
    Object.assign(record, scoreFacts(rng, "COLLECTIVE", level, this.taskScale), {
      // The limitations last year's collective review named; all remedied where the unit is EXCELLENT.
      shortcomingsNamed: named,
      shortcomingsRemedied: level === "EXCELLENT" ? named : named - rng.int(0, 1),
    } satisfies Partial<ReviewRecordRow>);
  }

  private memberOutcomes(earlierItems: ReadonlyMap<string, RemediationItemRow[]>): { outcomes: MemberOutcome[]; notRated: MemberOutcome[] } {
    const outcomes: MemberOutcome[] = [];
    const notRated: MemberOutcome[] = [];
    for (const member of this.members) {
      const cell = cellOn(member, this.calendar.ratingDate);
      if (!cell) continue;
      const reason = memberNotRatedReason(member, this.calendar.ratingDate);
      const record = this.newRecord({
        subjectKind: "MEMBER",
        memberId: member.row.id,
        scopeOrgId: cell.row.id,
        peerGroupId: this.memberGroups.get(cell.grassroots!)?.id ?? null,
        state: reason ? "NOT_RATED" : "DRAFT",
        notRatedReason: reason,
      });
      if (this.scored) {
        // Taken when the cycle opens, as the app's openCycle takes them: the category chooses the form
        // and the score sheet; last year's remediation items are the shortcomings to have remedied.
        const items = earlierItems.get(member.row.id) ?? [];
        Object.assign(record, {
          category: member.row.category,
          shortcomingsNamed: items.length,
          shortcomingsRemedied: items.filter((item) => item.status === "DONE").length,
        } satisfies Partial<ReviewRecordRow>);
      }
      this.out.records.push(record);
      (reason ? notRated : outcomes).push({ member, cell, record, score: 0, allowed: "NOT_COMPLETED" });
    }
    return { outcomes, notRated };
  }

  // ───────────────────────────── a published year ─────────────────────────────

  /** Decides and publishes the year; returns its remediation items by member, for the next year. */
  buildPublished(earlierItems: ReadonlyMap<string, RemediationItemRow[]>): Map<string, RemediationItemRow[]> {
    const detailed = this.year === this.currentYear - 1;
    const items = new Map<string, RemediationItemRow[]>();
    const { outcomes, notRated } = this.memberOutcomes(earlierItems);
    const decidedOnByGrassroots = new Map<OrgNode, Date>();
    const decisionDay = (g: OrgNode) => {
      let d = decidedOnByGrassroots.get(g);
      if (!d) {
        d = randomDay(this.rng, addDays(this.calendar.ratingDate, 5), addDays(this.calendar.grassrootsDue, -2));
        decidedOnByGrassroots.set(g, d);
      }
      return d;
    };

    for (const o of outcomes) {
      const { wanted, allowed } = this.memberLevel(o, 0.8);
      o.record.selfLevel = wanted;
      o.record.proposedLevel = allowed;
      if (this.scored) this.scoreMember(o, allowed);
    }
    if (this.scored) this.raiseOneRate(outcomes);
    for (const group of groupBy(outcomes, (o) => o.cell.grassroots!).values()) {
      applyQuota(
        group,
        (o) => o.record.proposedLevel,
        (o) => this.rankOf(o.record, o.score),
        (o) => (o.record.proposedLevel = "GOOD"),
        this.rateOf(group[0].record.peerGroupId),
      );
    }
    const votersByCell = this.officialVoters(outcomes);
    for (const o of outcomes) {
      const level = o.record.proposedLevel!;
      const decidedAt = moment(decisionDay(o.cell.grassroots!), 9);
      Object.assign(o.record, {
        state: "PUBLISHED",
        decidedLevel: level,
        decidedAt,
        publishedAt: moment(addDays(decidedAt, 3), 8),
        version: 4,
        updatedAt: moment(addDays(decidedAt, 3), 8),
      } satisfies Partial<ReviewRecordRow>);
      if (detailed) {
        // Criteria grades are the facts of [21] and [124]; the 100-point scale has its score instead.
        if (!this.scored) o.record.criteria = memberCriteria(this.rng, level);
        o.record.voteTally = voteTally(this.rng, level, votersByCell.get(o.cell) ?? 0);
      }
      this.decide(o.record, level, null, decidedAt);
      if (level === "NOT_COMPLETED") this.remediate(o.member, o.cell, items, detailed);
    }
    for (const o of notRated) o.record.updatedAt = this.cycle.updatedAt;

    // Organizations: lower units first (their levels feed the level of the unit above), then the quota.
    const levels = this.organizationLevels(outcomes.map((o) => ({ cell: o.cell, level: o.record.decidedLevel! })));
    const rated = [...levels].filter(([, entry]) => entry.level !== null);
    if (this.scored) for (const [node, entry] of rated) this.scoreOrganization(entry.record, node, entry.level!);
    for (const group of groupBy(rated, ([, entry]) => entry.record.peerGroupId).values()) {
      applyQuota(
        group,
        ([, entry]) => entry.record.proposedLevel,
        ([, entry]) => this.rankOf(entry.record, entry.score),
        ([, entry]) => (entry.record.proposedLevel = "GOOD"),
        this.rateOf(group[0][1].record.peerGroupId),
      );
    }
    for (const [node, entry] of rated) {
      // The upper committee decides the grassroots organizations once their committees are done (before
      // 31/12 under HD 43, in January before it); a đảng ủy its cells with its members.
      const decidedOn =
        node.grassroots === node
          ? randomDay(this.rng, addDays(this.calendar.grassrootsDue, 1), this.calendar.upperDecisionDue)
          : addDays(decisionDay(node.grassroots!), 1);
      const decidedAt = moment(decidedOn, 14);
      Object.assign(entry.record, {
        state: "PUBLISHED",
        decidedLevel: entry.record.proposedLevel,
        decidedAt,
        publishedAt: moment(addDays(decidedAt, 5), 8),
        version: 4,
        updatedAt: moment(addDays(decidedAt, 5), 8),
      } satisfies Partial<ReviewRecordRow>);
      this.decide(entry.record, entry.record.proposedLevel!, null, decidedAt);
    }
    return items;
  }

  /**
   * 366 Điều 11, 1.5: the competent committee may raise a group's rate of EXCELLENT, up to 25 %. The demo
   * shows one such decision a year, taken before the grassroots committees decide: the district's
   * standing committee raises the rate of the member group where 25 % lets the most more members stand
   * at EXCELLENT than 20 % would.
   */
  private raiseOneRate(outcomes: readonly MemberOutcome[]): void {
    let best: { group: PeerGroupRow; gain: number } | null = null;
    for (const [grassroots, members] of groupBy(outcomes, (o) => o.cell.grassroots!)) {
      const excellent = members.filter((o) => o.record.proposedLevel === "EXCELLENT").length;
      const pool = excellent + members.filter((o) => o.record.proposedLevel === "GOOD").length;
      const kept = (rate: number) => Math.min(excellent, maxExcellent(pool, "GOOD_ONLY", rate));
      const gain = kept(RAISED_RATE_PERCENT) - kept(DEFAULT_RATE_PERCENT);
      const group = this.memberGroups.get(grassroots);
      if (group && gain > (best?.gain ?? 0)) best = { group, gain };
    }
    if (!best) return;
    const decidedOn = addDays(this.calendar.ratingDate, 3);
    this.out.quotaOverrides.push({
      id: this.input.ids.next("quotaOverride"),
      cycleId: this.cycle.id,
      peerGroupId: best.group.id,
      decisionNo: `${this.rng.int(150, 260)}-QĐ/HU`,
      decidedOn,
      issuer: `Ban Thường vụ ${this.district.row.name}`,
      reason: `Nhiều đảng viên đạt đủ tiêu chuẩn hoàn thành xuất sắc nhiệm vụ năm ${this.year}, vượt tỷ lệ 20%`,
      ratePercent: RAISED_RATE_PERCENT,
      createdById: this.input.deciderUserId,
      createdAt: moment(decidedOn, 16),
    });
    this.raisedRates.set(best.group.id, RAISED_RATE_PERCENT);
  }

  /** Official members present to vote, per cell: most official members of the cell that year. */
  private officialVoters(outcomes: readonly MemberOutcome[]): Map<OrgNode, number> {
    const voters = new Map<OrgNode, number>();
    for (const o of outcomes) {
      const official = o.member.row.officialOn && o.member.row.officialOn.getTime() <= this.calendar.ratingDate.getTime();
      if (official) voters.set(o.cell, (voters.get(o.cell) ?? 0) + 1);
    }
    for (const [cell, n] of voters) voters.set(cell, n - Math.floor(n * 0.08));
    return voters;
  }

  /**
   * Organization records of a year, levels computed bottom-up from the levels below them (members for a
   * cell, units for a committee) and capped by the subordinate rule; the proposals are these levels, and
   * the callers hold them to the quota.
   */
  private organizationLevels(memberLevels: ReadonlyArray<{ cell: OrgNode; level: RatingLevel }>): Map<OrgNode, OrganizationOutcome> {
    const byCell = groupBy(memberLevels, (m) => m.cell);
    const result = new Map<OrgNode, OrganizationOutcome>();
    const visit = (node: OrgNode): RatingLevel | null => {
      const childLevels = node.children.filter((c) => exists(c, this.calendar.ratingDate)).map(visit);
      if (node.row.kind === "UPPER_COMMITTEE") return null;
      const record = this.newRecord({
        subjectKind: "ORGANIZATION",
        organizationId: node.row.id,
        scopeOrgId: node.row.id,
        peerGroupId: this.groupOfOrg(node)?.id ?? null,
        state: "DRAFT",
      });
      this.out.records.push(record);
      if (orgIsNew(node, this.calendar.ratingDate)) {
        Object.assign(record, { state: "NOT_RATED", notRatedReason: "NEW_ORGANIZATION" } satisfies Partial<ReviewRecordRow>);
        result.set(node, { record, score: 0, level: null });
        return null;
      }
      const subordinate = node.isCell ? (byCell.get(node) ?? []).map((m) => m.level) : childLevels.filter((l): l is RatingLevel => l !== null);
      const score = 0.7 * unitFor(this.input.seedLabel, "org-merit", node.row.id) + 0.3 * unitFor(this.input.seedLabel, "org-year", node.row.id, this.year);
      let level: RatingLevel = score >= 0.72 ? "EXCELLENT" : score >= 0.06 ? "GOOD" : score >= 0.008 ? "COMPLETED" : "NOT_COMPLETED";
      if (level === "EXCELLENT" && !subordinatesAllowExcellent(subordinate)) level = "GOOD";
      // The government and mass organizations of a commune must be GOOD for the commune to be EXCELLENT.
      const localBodiesAtLeastGood = node.category !== "commune" || unitFor(this.input.seedLabel, "local-bodies", node.row.id, this.year) > 0.06;
      if (level === "EXCELLENT" && !localBodiesAtLeastGood) level = "GOOD";
      Object.assign(record, {
        selfLevel: level,
        proposedLevel: level,
        localBodiesAtLeastGood,
        // Under the 100-point scale the year's tasks take the place of the targets percentage.
        targetsCompletedPercent: this.scored ? null : targetsFor(this.rng, level),
      } satisfies Partial<ReviewRecordRow>);
      result.set(node, { record, score, level });
      return level;
    };
    visit(this.district);
    return result;
  }

  private decide(record: ReviewRecordRow, level: RatingLevel, reason: string | null, decidedAt: Date): void {
    this.out.decisions.push({
      id: this.input.ids.next("decision"),
      recordId: record.id,
      level,
      reason,
      decidedById: this.input.deciderUserId,
      decidedAt,
      supersededAt: null,
    });
  }

  /**
   * Remediation items of a member rated NOT_COMPLETED (HD 43: khắc phục hạn chế, khuyết điểm). Those of
   * the last published year are under way; older ones are mostly done.
   */
  private remediate(member: MemberInfo, cell: OrgNode, byMember: Map<string, RemediationItemRow[]>, underWay: boolean): void {
    const rng = randomFor(this.input.seedLabel, "remediation", member.row.id, this.year);
    const items: RemediationItemRow[] = [];
    const count = rng.int(1, 2);
    for (let i = 0; i < count; i++) {
      const { shortcoming, measures } = remediation(rng);
      if (items.some((item) => item.shortcoming === shortcoming)) continue;
      const status = underWay
        ? rng.weighted([
            ["DONE", 5],
            ["IN_PROGRESS", 2],
            ["OPEN", 3],
          ] as const)
        : rng.weighted([
            ["DONE", 8],
            ["IN_PROGRESS", 2],
          ] as const);
      items.push({
        id: this.input.ids.next("remediation"),
        memberId: member.row.id,
        year: this.year,
        shortcoming,
        measures,
        responsible: `Đồng chí ${member.row.fullName}; Chi ủy ${cell.row.name} theo dõi`,
        deadline: rng.chance(0.5) ? day(this.year + 1, 6, 30) : day(this.year + 1, 9, 30),
        status,
        updatedAt: moment(status === "DONE" ? day(this.year + 1, 9, 12) : day(this.year + 1, 1, 20), 3),
      });
    }
    this.out.remediationItems.push(...items);
    byMember.set(member.row.id, items);
  }

  // ───────────────────────────── the current year ─────────────────────────────
  // Dated up to snapshotDay (30/11): self-reviews from 10/11, the fastest cells met 18–27/11, a few
  // committees decided 28–29/11 and reviewed their cells on 30/11.

  buildCurrent(earlierItems: ReadonlyMap<string, RemediationItemRow[]>): void {
    const year = this.year;
    const snapshot = snapshotDay(year);
    const phases = this.grassrootsPhases();
    const cellPhases = new Map<OrgNode, CellPhase>();
    for (const node of this.nodes) {
      if (!node.isCell) continue;
      const fixed = this.input.fixedCellPhases.get(node.row.id);
      const phase = phases.get(node.grassroots!)!;
      cellPhases.set(
        node,
        fixed ??
          (phase === "decided"
            ? "meetingFinal"
            : phase === "meetings"
              ? this.rng.weighted<CellPhase>([
                  ["selfReview", 3],
                  ["meetingDraft", 3],
                  ["meetingFinal", 4],
                ])
              : phase),
      );
    }

    const { outcomes, notRated } = this.memberOutcomes(earlierItems);
    const meetingDays = new Map<OrgNode, Date>();
    for (const [cell, phase] of cellPhases) {
      if (phase === "meetingDraft" || phase === "meetingFinal") meetingDays.set(cell, randomDay(this.rng, day(year, 11, 18), day(year, 11, 27)));
    }

    // Members: where their cell stands decides how far their record went.
    for (const o of outcomes) {
      const phase = cellPhases.get(o.cell)!;
      // Cells propose EXCELLENT more readily than the quota allows: the committee has to trim (rating-rules §5).
      const { wanted, allowed } = this.memberLevel(o, 0.7);
      const rng = randomFor(this.input.seedLabel, "record", o.member.row.id, year);
      const state = this.input.fixedStates.get(o.member.row.id) ?? this.currentState(rng, phase, o.cell);
      o.record.state = state;
      const meetingDay = meetingDays.get(o.cell);
      const selfLevel = levelFromScore(Math.min(0.99, o.score + 0.04), 0.72);
      if (state === "REVIEWED") {
        // Now and then a cell proposes above what the rules allow: the live check must catch it.
        const proposed = rng.chance(0.015) ? (this.scored ? levelAbove(allowed) : wanted) : allowed;
        Object.assign(o.record, {
          selfLevel,
          proposedLevel: proposed,
          version: 2,
          updatedAt: moment(meetingDay!, 17),
        } satisfies Partial<ReviewRecordRow>);
        if (!this.scored) o.record.criteria = memberCriteria(rng, proposed);
      } else if (state === "SUBMITTED") {
        Object.assign(o.record, { selfLevel, version: 1 } satisfies Partial<ReviewRecordRow>);
      } else if (state === "RETURNED") {
        Object.assign(o.record, { selfLevel, version: 2 } satisfies Partial<ReviewRecordRow>);
      } else if (state === "ABSENT") {
        Object.assign(o.record, { version: 2, updatedAt: moment(meetingDay!, 17) } satisfies Partial<ReviewRecordRow>);
      }
      const submitted = this.selfReview(rng, o, state, meetingDay ?? null, earlierItems.get(o.member.row.id) ?? []);
      // The points and tasks come with the self-review (a returned one keeps them) and the meeting
      // agrees on them; a draft has none yet.
      if (this.scored && (submitted || state === "RETURNED")) this.scoreMember(o, allowed);
      this.opinions(rng, o, state, meetingDay ?? null);
    }
    for (const o of notRated) o.record.updatedAt = this.cycle.createdAt;

    // Votes, minutes and meetings of the cells that met.
    const outcomesByCell = groupBy(outcomes, (o) => o.cell);
    const notRatedByCell = groupBy(notRated, (o) => o.cell);
    for (const [cell, heldOn] of meetingDays) {
      this.meeting(cell, heldOn, cellPhases.get(cell) === "meetingFinal", outcomesByCell.get(cell) ?? [], notRatedByCell.get(cell) ?? []);
    }

    // Committees that already decided: member levels within the rules and the quota, then the cells.
    for (const [grassroots, phase] of phases) {
      if (phase !== "decided") continue;
      const group = outcomes.filter((o) => o.cell.grassroots === grassroots && o.record.state === "REVIEWED");
      const decidedOn = randomDay(this.rng, day(year, 11, 28), day(year, 11, 29));
      for (const o of group) {
        o.record.decidedLevel = lowest(o.record.proposedLevel!, o.allowed);
        if (o.record.decidedLevel !== o.record.proposedLevel) o.record.decisionReason = CAP_REASON;
      }
      applyQuota(
        group,
        (o) => o.record.decidedLevel,
        (o) => this.rankOf(o.record, o.score),
        (o) => {
          o.record.decidedLevel = "GOOD";
          o.record.decisionReason = QUOTA_REASON;
        },
        this.rateOf(this.memberGroups.get(grassroots)?.id),
      );
      for (const o of group) {
        const decidedAt = moment(decidedOn, 10);
        Object.assign(o.record, { state: "DECIDED", decidedAt, version: 3, updatedAt: decidedAt } satisfies Partial<ReviewRecordRow>);
        this.decide(o.record, o.record.decidedLevel!, o.record.decisionReason, decidedAt);
        // The rating used this year's discipline: it will not count again.
        for (const d of this.input.facts.disciplines.get(o.member.row.id) ?? []) {
          if (d.countedInYear === null && d.decidedOn.getUTCFullYear() === year) d.countedInYear = year;
        }
      }
    }

    this.currentOrganizations(outcomes, cellPhases, phases, meetingDays, snapshot);
    if (this.usesRegister) this.taskRegister(outcomes, notRated);
  }

  /**
   * The year's task register (tasks.ts), and each record's task facts counted from it: a record whose level
   * is stored gets the tasks that give the counts its level was drawn with; an open record's counts are
   * what its register gives; a record not rated has no tasks (0 of everything, as the recount stores).
   */
  private taskRegister(outcomes: readonly MemberOutcome[], notRated: readonly MemberOutcome[]): void {
    const texts = taskTexts(this.year);
    const builder = new TaskRegisterBuilder(this.input.ids, this.input.seedLabel, this.year, texts, this.out);
    const scale = this.input.taskScale ?? 1;
    const settledOf = (record: ReviewRecordRow) => record.proposedLevel !== null || record.decidedLevel !== null;
    const planOf = (record: ReviewRecordRow): TaskPlan | null =>
      record.tasksAssigned === null
        ? null
        : { assigned: record.tasksAssigned, completed: record.tasksCompleted!, onTime: record.tasksOnTime!, exceeded: record.tasksExceeded! };
    const store = (record: ReviewRecordRow, counts: TaskPlan) =>
      Object.assign(record, {
        tasksAssigned: counts.assigned,
        tasksCompleted: counts.completed,
        tasksOnTime: counts.onTime,
        tasksExceeded: counts.exceeded,
      } satisfies Partial<ReviewRecordRow>);
    for (const o of outcomes) {
      const leader = o.member.row.category === "LEADER_MANAGER";
      const framework = FRAMEWORK_OF_CATEGORY[o.member.row.category];
      const plan = planOf(o.record) ?? taskCountsFor(randomFor(this.input.seedLabel, "task-plan", o.member.row.id, this.year), framework, o.allowed, scale);
      const kind = memberTaskKind(o.member.profile, leader);
      const counts = builder.add({
        kind: "MEMBER",
        id: o.member.row.id,
        templates: texts[kind],
        sources: kind === "leader" ? texts.leaderSources : kind === "residential" ? texts.residentialSources : texts.memberSources,
        plan,
        settled: settledOf(o.record),
        mayClaimForceMajeure: leader,
        // A member's results are confirmed by the cell's secretary; a leader's by a committee.
        confirmerId: (!leader && this.input.secretaryUserIdByCell.get(o.cell.row.id)) || this.input.deciderUserId,
        quarters: leader,
        showcase: this.input.taskShowcases?.get(o.member.row.id),
      });
      store(o.record, counts);
    }
    for (const o of notRated) store(o.record, { assigned: 0, completed: 0, onTime: 0, exceeded: 0 });
    for (const record of this.out.records) {
      if (record.cycleId !== this.cycle.id || record.subjectKind !== "ORGANIZATION") continue;
      if (record.state === "NOT_RATED") {
        store(record, { assigned: 0, completed: 0, onTime: 0, exceeded: 0 });
        continue;
      }
      const rng = randomFor(this.input.seedLabel, "task-plan", record.organizationId!, this.year);
      const plan =
        planOf(record) ??
        taskCountsFor(
          rng,
          "COLLECTIVE",
          rng.weighted<RatingLevel>([
            ["EXCELLENT", 15],
            ["GOOD", 75],
            ["COMPLETED", 10],
          ]),
          scale,
        );
      store(
        record,
        builder.add({
          kind: "ORGANIZATION",
          id: record.organizationId!,
          templates: texts.organization,
          sources: texts.organizationSources,
          plan,
          settled: settledOf(record),
          mayClaimForceMajeure: true,
          confirmerId: this.input.deciderUserId,
          quarters: true,
        }),
      );
    }
  }

  private grassrootsPhases(): Map<OrgNode, GrassrootsPhase> {
    const phases = new Map<OrgNode, GrassrootsPhase>();
    const grassroots = this.nodes.filter((n) => n.grassroots === n);
    for (const g of grassroots) {
      const holdsFixedCells = cellsUnder(g).some((c) => this.input.fixedCellPhases.has(c.row.id));
      phases.set(
        g,
        holdsFixedCells
          ? "meetings"
          : this.rng.weighted<GrassrootsPhase>([
              ["notStarted", 15],
              ["selfReview", 38],
              ["meetings", 40],
              ["decided", 7],
            ]),
      );
    }
    // Every district shows at least one committee that has decided.
    if (grassroots.length >= 4 && ![...phases.values()].includes("decided")) {
      const candidate = grassroots.find((g, i) => i >= grassroots.length / 2 && phases.get(g) !== "meetings") ?? grassroots[grassroots.length - 1];
      phases.set(candidate, "decided");
    }
    return phases;
  }

  private currentState(rng: Random, phase: CellPhase, cell: OrgNode): RecordState {
    if (phase === "notStarted") return "DRAFT";
    if (phase === "selfReview") {
      const submitRate = 0.25 + 0.65 * unitFor(this.input.seedLabel, "submit-rate", cell.row.id);
      const roll = rng.next();
      return roll < 0.03 ? "RETURNED" : roll < submitRate ? "SUBMITTED" : "DRAFT";
    }
    return rng.chance(0.03) ? "ABSENT" : "REVIEWED";
  }

  /** Writes the member's self-review, if any; true when it was submitted. */
  private selfReview(rng: Random, o: MemberOutcome, state: RecordState, meetingDay: Date | null, earlier: readonly RemediationItemRow[]): boolean {
    // A quarter of the drafts are begun; the demo member's is, so `dangvien` has a draft to finish.
    const hasDraft = state === "DRAFT" && (this.input.fixedStates.has(o.member.row.id) || rng.chance(0.25));
    const submitted = state === "SUBMITTED" || state === "REVIEWED" || state === "DECIDED" || (state === "ABSENT" && rng.chance(0.5));
    if (!hasDraft && !submitted && state !== "RETURNED") return false;
    const year = this.year;
    // Written before the meeting; a self-review still waiting, by 28/11 (a returned one comes back the next day).
    const latest = meetingDay ? addDays(meetingDay, -1) : day(year, 11, 28);
    const writtenOn = randomDay(rng, minDate(day(year, 11, 10), latest), latest);
    const when = moment(writtenOn, rng.int(7, 21), rng.int(0, 59));
    const profile = o.member.profile;
    const secretary = this.input.secretaryUserIdByCell.get(o.cell.row.id) ?? null;
    const elderly = o.member.row.birthDate.getTime() < day(year - 75, 1, 1).getTime();
    const isLeader = o.member.row.category === "LEADER_MANAGER";
    const template = templateFor(this.cycle.ruleSet, RULES_CATEGORY[o.member.row.category])!;
    this.out.selfReviews.push({
      id: this.input.ids.next("selfReview"),
      recordId: o.record.id,
      // HD 43: Mẫu 2A (a leader), 2B, 2C (outside the political system); HD 25: 02A, or 02B for a leader.
      template: template.id,
      content: selfReviewContent(rng, {
        year,
        profile,
        isLeader,
        template,
        earlierShortcomings: earlier.map((item) => ({ shortcoming: item.shortcoming, remedied: item.status === "DONE" })),
        scores: (o.record.scoreItems ?? {}) as Record<string, number>,
        selfLevel: o.record.selfLevel,
        partial: hasDraft,
      }) as unknown as Json,
      // A secretary typed in the paper self-review of an elderly member without a device.
      enteredOnBehalfById: submitted && secretary && elderly ? secretary : null,
      submittedAt: submitted ? when : null,
      version: hasDraft ? rng.int(1, 3) : submitted ? rng.int(2, 5) : 3,
      updatedAt: when,
    });
    if (submitted && o.record.state === "SUBMITTED") o.record.updatedAt = when;
    if (o.record.state === "RETURNED") o.record.updatedAt = moment(addDays(writtenOn, 1), 9);
    return submitted;
  }

  private opinions(rng: Random, o: MemberOutcome, state: RecordState, meetingDay: Date | null): void {
    if (!(state === "SUBMITTED" || state === "REVIEWED" || state === "ABSENT" || state === "DECIDED")) return;
    const latest = meetingDay ? addDays(meetingDay, -1) : day(this.year, 11, 27);
    const given = () => randomDay(rng, day(this.year, 11, 8), latest);
    const add = (source: OpinionRow["source"], givenBy: string) => {
      const givenOn = given();
      this.out.opinions.push({
        id: this.input.ids.next("opinion"),
        recordId: o.record.id,
        source,
        text: opinionText(rng, source),
        givenOn,
        givenBy,
        createdAt: moment(givenOn, 15),
      });
    };
    if (o.member.row.residenceCell && rng.chance(0.85)) add("RESIDENCE", `Chi ủy ${o.member.row.residenceCell.split(",")[0]}`);
    const [previous, current] = o.member.stays.slice(-2);
    // The previous cell's comment is needed after six months or more there in the year.
    if (current && previous.to && previous.to.getUTCFullYear() === this.year && previous.to.getTime() >= day(this.year, 7, 1).getTime()) {
      add("PREVIOUS_CELL", `Chi ủy ${previous.cell.row.name}`);
    }
    if (o.member.temporary) add("TEMPORARY_CELL", `Chi ủy ${o.member.temporary.cell.row.name}`);
  }

  private meeting(cell: OrgNode, heldOn: Date, finalized: boolean, outcomes: readonly MemberOutcome[], notRated: readonly MemberOutcome[]): void {
    const rng = randomFor(this.input.seedLabel, "meeting", cell.row.id, this.year);
    const attendees = outcomes
      .filter((o) => o.record.state === "REVIEWED" || o.record.state === "ABSENT")
      .map((o) => ({
        o,
        official: !!o.member.row.officialOn && o.member.row.officialOn.getTime() <= heldOn.getTime(),
        present: o.record.state === "REVIEWED",
      }));
    const votersPresent = attendees.filter((a) => a.official && a.present).length;
    const officialTotal = attendees.filter((a) => a.official).length;
    const secretary = outcomes.find((o) => o.member.row.post?.startsWith("Bí thư chi bộ")) ?? outcomes[0];
    const recorder = outcomes.find((o) => o !== secretary && o.record.state !== "ABSENT") ?? secretary;
    const reviews = attendees
      .filter((a) => a.present)
      .map((a) => {
        const level = a.o.record.proposedLevel!;
        a.o.record.voteTally = voteTally(rng, level, votersPresent);
        const others = outcomes.filter((x) => x !== a.o && x.record.state !== "ABSENT");
        return {
          memberId: a.o.member.row.id,
          selfReviewSummary: selfReviewSummary(a.o.record.selfLevel ?? level),
          critiques: rng.sample(others, Math.min(others.length, rng.int(1, 2))).map((x) => ({
            by: `Đồng chí ${x.member.row.fullName}`,
            text: critique(rng),
          })),
          proposedLevel: level,
          vote: a.o.record.voteTally,
        };
      });
    const minutes = {
      officialMembers: officialTotal,
      probationaryMembers: attendees.length - officialTotal,
      officialPresent: votersPresent,
      probationaryPresent: attendees.filter((a) => !a.official && a.present).length,
      // A meeting is valid with more than half of the official members present (Điều lệ Đảng).
      quorumMet: 2 * votersPresent > officialTotal,
      attendance: attendees.map((a) => ({
        memberId: a.o.member.row.id,
        fullName: a.o.member.row.fullName,
        official: a.official,
        present: a.present,
        ...(a.present ? {} : { absenceReason: rng.pick(ABSENCE_REASONS) }),
      })),
      collectiveReview: collectiveReview(rng, this.year),
      reviews,
      notRated: notRated.map((o) => ({ memberId: o.member.row.id, fullName: o.member.row.fullName, reason: o.record.notRatedReason })),
    };
    const finalizedAt = finalized ? moment(addDays(heldOn, 1), 16) : null;
    // Minutes still a draft send nothing up: the votes stand in them, the records wait as submitted.
    if (!finalized) {
      for (const a of attendees) if (a.o.record.state === "REVIEWED") Object.assign(a.o.record, { state: "SUBMITTED", proposedLevel: null, voteTally: null });
    }
    this.out.meetings.push({
      id: this.input.ids.next("meeting"),
      cycleId: this.cycle.id,
      organizationId: cell.row.id,
      heldOn,
      place: meetingPlace(cell.profile ?? undefined, cell.row.name),
      chairName: secretary ? secretary.member.row.fullName : null,
      recorderName: recorder ? recorder.member.row.fullName : null,
      minutes,
      status: finalized ? "FINALIZED" : "DRAFT",
      finalizedAt,
      version: finalized ? 3 : 1,
      updatedAt: finalizedAt ?? moment(heldOn, 17),
    });
  }

  private currentOrganizations(
    outcomes: readonly MemberOutcome[],
    cellPhases: ReadonlyMap<OrgNode, CellPhase>,
    phases: ReadonlyMap<OrgNode, GrassrootsPhase>,
    meetingDays: ReadonlyMap<OrgNode, Date>,
    snapshot: Date,
  ): void {
    // A cell proposes its own level at its meeting, before its members (a collective before its members).
    const levels = this.organizationLevels(
      outcomes.filter((o) => o.record.proposedLevel).map((o) => ({ cell: o.cell, level: o.record.decidedLevel ?? o.record.proposedLevel! })),
    );
    const reviewedSubtree = (node: OrgNode): boolean =>
      node.isCell
        ? ["meetingDraft", "meetingFinal"].includes(cellPhases.get(node) ?? "")
        : node.children.filter((c) => exists(c, this.calendar.ratingDate)).every(reviewedSubtree);
    const toDecide: Array<{ node: OrgNode; entry: OrganizationOutcome }> = [];
    for (const [node, entry] of levels) {
      const record = entry.record;
      if (record.state === "NOT_RATED") continue;
      const grassrootsPhase = phases.get(node.grassroots!)!;
      const met = node.isCell ? meetingDays.get(node) : null;
      const reviewed = node.isCell ? !!met : grassrootsPhase === "decided" && reviewedSubtree(node);
      if (!reviewed) {
        Object.assign(record, { selfLevel: null, proposedLevel: null, targetsCompletedPercent: null } satisfies Partial<ReviewRecordRow>);
        continue;
      }
      if (this.scored) this.scoreOrganization(record, node, entry.level!);
      const votersPresent = outcomes.filter((o) => o.cell === node && o.record.state !== "ABSENT" && o.member.row.officialOn).length;
      const when = met ? moment(met, 15) : moment(snapshot, 15);
      Object.assign(record, {
        state: "REVIEWED",
        // A cell votes at its meeting; a committee's own level is voted by its members (about eleven).
        voteTally: voteTally(randomFor(this.input.seedLabel, "org-vote", node.row.id), record.proposedLevel!, node.isCell ? votersPresent : 11),
        version: 2,
        updatedAt: when,
      } satisfies Partial<ReviewRecordRow>);
      // A grassroots organization has rated itself (SUBMITTED); the upper board has verified about half of
      // them (REVIEWED, with its comment), and the standing committee has decided none yet.
      if (node.grassroots === node) {
        const verified = randomFor(this.input.seedLabel, "org-verified", node.row.id).chance(0.5);
        Object.assign(record, {
          state: verified ? "REVIEWED" : "SUBMITTED",
          selfLevel: record.proposedLevel,
          verificationNote: verified ? VERIFICATION_NOTE : null,
          verifiedAt: verified ? moment(snapshot, 16) : null,
        } satisfies Partial<ReviewRecordRow>);
      }
      // The đảng ủy cơ sở decides its subordinate units; the upper committee has not decided anyone yet.
      if (grassrootsPhase === "decided" && node.grassroots !== node) toDecide.push({ node, entry });
    }
    for (const group of groupBy(toDecide, (t) => t.entry.record.peerGroupId ?? "").values()) {
      for (const t of group) t.entry.record.decidedLevel = t.entry.record.proposedLevel;
      applyQuota(
        group,
        (t) => t.entry.record.decidedLevel,
        (t) => this.rankOf(t.entry.record, t.entry.score),
        (t) => {
          t.entry.record.decidedLevel = "GOOD";
          t.entry.record.decisionReason = QUOTA_REASON;
        },
        this.rateOf(group[0].entry.record.peerGroupId),
      );
      for (const t of group) {
        const decidedAt = moment(snapshot, 10);
        Object.assign(t.entry.record, { state: "DECIDED", decidedAt, version: 3, updatedAt: decidedAt } satisfies Partial<ReviewRecordRow>);
        this.decide(t.entry.record, t.entry.record.decidedLevel!, t.entry.record.decisionReason, decidedAt);
      }
    }
  }
}

function allBelow(node: OrgNode): OrgNode[] {
  const nodes: OrgNode[] = [];
  const walk = (n: OrgNode) => {
    nodes.push(n);
    n.children.forEach(walk);
  };
  node.children.forEach(walk);
  return nodes;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
