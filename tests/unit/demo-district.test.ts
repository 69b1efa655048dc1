import { describe, expect, it } from "vitest";
import { evaluate, type Discipline, type MemberCategory, type SubjectInput } from "@/lib/grading";
import { checkItemScores, checkScoreSheet, frameworkOf, SCORE_FRAMEWORKS, scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from "@/lib/demo/accounts";
import { buildDistrict } from "@/lib/demo/district";
import type { DemoDataset, MemberRow, OrganizationRow, RatingLevel, RemediationItemRow, ReviewCycleRow, ReviewRecordRow } from "@/lib/demo/types";
import { countTasks, taskFileProblem, type CountedTask } from "@/lib/review/tasks";
import { toSearchKey } from "@/lib/text/search";

// The demo generator is pure: these tests build the dataset in memory and check the shape the app and
// the rating rules rely on. (The writer and the database are exercised by the integration fixtures.)

/**
 * The review year in progress, as the seed would pass it on 1 December 2026. The generator takes the
 * year as an option, so any year works; this one has the layout the README describes: 2019–2022 under
 * QD132_HD21, 2023–2024 under QD124_HD25, 2025 published and 2026 in progress under QD366_HD43.
 */
const YEAR = 2026;
const LAST = YEAR - 1;
const demo = buildDistrict({ currentYear: YEAR });

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const iso = (date: Date) => date.toISOString().slice(0, 10);

const CELL_KINDS = new Set(["CHI_BO_CO_SO", "CHI_BO_TRUC_THUOC"]);
const GRASSROOTS_KINDS = new Set(["CHI_BO_CO_SO", "DANG_BO_CO_SO"]);

function index<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function yearsOf(data: DemoDataset): Map<string, number> {
  return new Map(data.cycles.map((c) => [c.id, c.year]));
}

function grassrootsOf(org: OrganizationRow, orgs: Map<string, OrganizationRow>): OrganizationRow | null {
  for (let node: OrganizationRow | undefined = org; node; node = node.parentId ? orgs.get(node.parentId) : undefined) {
    if (GRASSROOTS_KINDS.has(node.kind)) return node;
  }
  return null;
}

function yearsFrom(first: number): number[] {
  return Array.from({ length: YEAR - first + 1 }, (_, i) => first + i);
}

describe("determinism", () => {
  it("builds the same rows, ids included, every time", () => {
    const again = buildDistrict({ currentYear: YEAR });
    for (const table of Object.keys(demo) as Array<keyof DemoDataset>) {
      expect(JSON.stringify(again[table]), table).toBe(JSON.stringify(demo[table]));
    }
    // A second build of the whole district (its register included) takes 10–20 s on a busy 2-core machine.
  }, 60_000);

  it("gives other rows for another size", () => {
    const smaller = buildDistrict({ currentYear: YEAR, members: 3_000 });
    expect(smaller.members).toHaveLength(3_000);
    expect(JSON.stringify(smaller.members)).not.toBe(JSON.stringify(demo.members));
  });
});

describe("the demo district", () => {
  const orgs = index(demo.organizations);
  const root = demo.organizations.find((o) => o.parentId === null)!;

  it("has one upper committee over 54 grassroots organizations of the usual kinds", () => {
    expect(demo.organizations.filter((o) => o.kind === "UPPER_COMMITTEE")).toEqual([root]);
    expect(root).toMatchObject({ code: "HU", name: "Huyện ủy An Hòa", depth: 0 });
    const grassroots = demo.organizations.filter((o) => o.parentId === root.id);
    expect(grassroots).toHaveLength(54);
    expect(grassroots.every((g) => GRASSROOTS_KINDS.has(g.kind) && g.depth === 1)).toBe(true);
    expect(new Set(grassroots.map((g) => g.sector))).toEqual(new Set(["COMMUNE", "AGENCY", "SCHOOL", "HEALTH", "ENTERPRISE", "ARMED_FORCES"]));
    const communes = grassroots.filter((g) => g.sector === "COMMUNE");
    for (const commune of communes) {
      const cells = demo.organizations.filter((o) => o.parentId === commune.id);
      expect(cells.length, commune.name).toBeGreaterThanOrEqual(6);
      expect(cells.length, commune.name).toBeLessThanOrEqual(15);
    }
    // Depth 3: the cells of a đảng bộ bộ phận.
    const section = demo.organizations.find((o) => o.kind === "DANG_BO_BO_PHAN")!;
    expect(demo.organizations.filter((o) => o.parentId === section.id).every((c) => c.kind === "CHI_BO_TRUC_THUOC" && c.depth === 3)).toBe(true);
  });

  it("has unique, sortable codes matching the sibling order", () => {
    expect(new Set(demo.organizations.map((o) => o.code)).size).toBe(demo.organizations.length);
    for (const org of demo.organizations) {
      if (!org.parentId) continue;
      const parent = orgs.get(org.parentId)!;
      expect(org.code.startsWith(`${parent.code}.`)).toBe(true);
      expect(org.depth).toBe(parent.depth + 1);
      expect(org.nameSearch).toBe(toSearchKey(org.name));
    }
    const siblings = demo.organizations.filter((o) => o.parentId === root.id);
    expect(siblings.map((o) => o.code)).toEqual([...siblings].sort((a, b) => a.position - b.position).map((o) => o.code));
    expect(siblings.map((o) => o.code)).toEqual(siblings.map((o) => o.code).sort());
  });

  it("has a complete and consistent closure table", () => {
    const expected = new Set<string>();
    for (const org of demo.organizations) {
      let distance = 0;
      for (let node: OrganizationRow | undefined = org; node; node = node.parentId ? orgs.get(node.parentId) : undefined) {
        expected.add(`${node.id}>${org.id}@${distance++}`);
      }
    }
    const actual = demo.closure.map((c) => `${c.ancestorId}>${c.descendantId}@${c.distance}`);
    expect(actual).toHaveLength(expected.size);
    expect(new Set(actual)).toEqual(expected);
  });

  it("has several thousand members, each in a cell of their grassroots organization", () => {
    expect(demo.members.length).toBeGreaterThanOrEqual(4_000);
    expect(demo.members.length).toBeLessThanOrEqual(5_000);
    for (const member of demo.members) {
      const cell = orgs.get(member.cellId)!;
      expect(CELL_KINDS.has(cell.kind), cell.name).toBe(true);
      expect(grassrootsOf(cell, orgs)!.id).toBe(member.grassrootsId);
      if (cell.kind === "CHI_BO_CO_SO") expect(member.grassrootsId).toBe(member.cellId);
    }
  });

  it("fills residential cells with 10–40 members and agency cells with 5–25", () => {
    const sizes = new Map<string, number>();
    for (const m of demo.members) sizes.set(m.cellId, (sizes.get(m.cellId) ?? 0) + 1);
    const residential = demo.organizations.filter((o) => o.sector === "RESIDENTIAL").map((o) => sizes.get(o.id) ?? 0);
    expect(Math.min(...residential)).toBeGreaterThanOrEqual(8); // a hamlet founded this year starts small
    expect(Math.max(...residential)).toBeLessThanOrEqual(40);
    expect(residential.filter((n) => n >= 10).length / residential.length).toBeGreaterThan(0.9);
    const agency = demo.organizations.filter((o) => o.sector === "AGENCY" && CELL_KINDS.has(o.kind)).map((o) => sizes.get(o.id) ?? 0);
    expect(Math.min(...agency)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...agency)).toBeLessThanOrEqual(25);
  });

  it("gives members Vietnamese names with diacritics, and a search key", () => {
    const word = /^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\p{Ll}]*$/u;
    for (const m of demo.members) {
      expect(m.fullName.normalize("NFC")).toBe(m.fullName);
      const words = m.fullName.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(3);
      expect(
        words.every((w) => word.test(w)),
        m.fullName,
      ).toBe(true);
      expect(m.nameSearch).toBe(toSearchKey(m.fullName));
    }
    const withDiacritics = demo.members.filter((m) => m.nameSearch !== m.fullName.toLowerCase()).length;
    expect(withDiacritics / demo.members.length).toBeGreaterThan(0.95);
    expect(demo.members.filter((m) => m.fullName.startsWith("Nguyễn ")).length / demo.members.length).toBeGreaterThan(0.3);
  });

  it("has the facts the rules need", () => {
    const statuses = new Set(demo.members.map((m) => m.status));
    expect(statuses).toEqual(new Set(["ACTIVE", "EXEMPT", "SUSPENDED"]));
    const suspended = demo.members.filter((m) => m.status === "SUSPENDED").length;
    expect(suspended).toBeGreaterThanOrEqual(1);
    expect(suspended).toBeLessThanOrEqual(3);
    // Admitted within six months of the rating date (15/12): probationary, not rated this year.
    const recent = demo.members.filter((m) => m.admittedOn > utc(YEAR, 6, 15));
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((m) => m.officialOn === null)).toBe(true);
    // Official a year after admission, counted on the day the demo stands at (30/11).
    expect(demo.members.every((m) => (m.officialOn === null) === m.admittedOn > utc(YEAR - 1, 11, 30))).toBe(true);
    expect(new Set(demo.members.map((m) => m.cardNumber)).size).toBe(demo.members.length);
    expect(demo.members.every((m) => /^\d{8,9}$/.test(m.cardNumber))).toBe(true);
    expect(demo.disciplines.some((d) => d.decidedOn.getUTCFullYear() === YEAR && d.selfDetectedAndRemedied)).toBe(true);
    expect(demo.disciplines.some((d) => d.countedInYear === LAST)).toBe(true);
    expect(demo.leaves.some((l) => l.kind === "MATERNITY")).toBe(true);
    const longSick = demo.leaves.filter((l) => l.kind === "SICK" && (l.toDate.getTime() - l.fromDate.getTime()) / 86_400_000 >= 89);
    expect(longSick.length).toBeGreaterThan(0);
    const civilServants = new Set(demo.members.filter((m) => m.isCivilServant).map((m) => m.id));
    expect(demo.civilServiceRatings.every((r) => civilServants.has(r.memberId))).toBe(true);
    expect(new Set(demo.civilServiceRatings.map((r) => r.year))).toEqual(new Set(yearsFrom(2019)));
  });

  it("keeps every member's OFFICIAL history ending in the current cell, with transfers and temporary activity", () => {
    const official = demo.cellAssignments.filter((a) => a.kind === "OFFICIAL");
    const current = new Map(official.filter((a) => a.toDate === null).map((a) => [a.memberId, a.cellId]));
    expect(demo.members.every((m) => current.get(m.id) === m.cellId)).toBe(true);
    const transfers = official.filter((a) => a.toDate !== null);
    expect(transfers.length).toBeGreaterThan(demo.members.length * 0.01);
    expect(transfers.some((a) => a.fromDate <= utc(YEAR, 1, 1) && a.toDate! >= utc(YEAR, 7, 1))).toBe(true);
    expect(demo.cellAssignments.some((a) => a.kind === "TEMPORARY")).toBe(true);
  });
});

describe("review cycles", () => {
  const years = yearsOf(demo);
  const orgs = index(demo.organizations);
  const groups = index(demo.peerGroups);
  const membersById = index(demo.members);
  const cycleOf = (year: number) => demo.cycles.find((c) => c.year === year)!;
  const scoredCycleIds = new Set(demo.cycles.filter((c) => c.ruleSet === "QD366_HD43").map((c) => c.id));

  it("rates each year under its rule set: LAST published, YEAR in progress, both under QD366_HD43", () => {
    expect(demo.cycles.map((c) => [c.year, c.ruleSet, c.status])).toEqual([
      [2019, "QD132_HD21", "CLOSED"],
      [2020, "QD132_HD21", "CLOSED"],
      [2021, "QD132_HD21", "CLOSED"],
      [2022, "QD132_HD21", "CLOSED"],
      [2023, "QD124_HD25", "CLOSED"],
      [2024, "QD124_HD25", "CLOSED"],
      [LAST, "QD366_HD43", "PUBLISHED"],
      [YEAR, "QD366_HD43", "SELF_REVIEW"],
    ]);
    expect(cycleOf(LAST).quotaBase).toBe("GOOD_ONLY");
    // HD 43 4.1: the whole review and rating, the upper committee's decisions included, end before 31/12.
    expect(cycleOf(YEAR)).toMatchObject({
      ratingDate: utc(YEAR, 12, 15),
      selfReviewDue: utc(YEAR, 12, 10),
      meetingsDue: utc(YEAR, 12, 18),
      grassrootsDue: utc(YEAR, 12, 25),
      upperDecisionDue: utc(YEAR, 12, 30),
    });
    // The last year's organizations were decided by the upper committee within December too.
    const lastCycle = cycleOf(LAST);
    const grassrootsDecided = demo.records.filter(
      (r) => r.cycleId === lastCycle.id && r.subjectKind === "ORGANIZATION" && r.decidedAt !== null && r.peerGroupId !== null,
    );
    expect(grassrootsDecided.length).toBeGreaterThan(0);
    expect(grassrootsDecided.every((r) => r.decidedAt!.getTime() < utc(LAST, 12, 31).getTime())).toBe(true);
    expect(cycleOf(2023).ratingDate).toEqual(utc(2023, 12, 10));
  });

  it("follows the currentYear option, with the years before it published and closed", () => {
    const next = buildDistrict({ currentYear: YEAR + 1, grassroots: 3, members: 60, historyFrom: 2024 });
    expect(next.cycles.map((c) => [c.year, c.ruleSet, c.status])).toEqual([
      [2024, "QD124_HD25", "CLOSED"],
      [2025, "QD366_HD43", "CLOSED"],
      [YEAR, "QD366_HD43", "PUBLISHED"],
      [YEAR + 1, "QD366_HD43", "SELF_REVIEW"],
    ]);
    expect(next.cycles.at(-1)!.ratingDate).toEqual(utc(YEAR + 1, 12, 15));
    // The last year of QD124_HD25 as the one in progress: no score sheets for it.
    const earlier = buildDistrict({ currentYear: 2024, grassroots: 3, members: 60, historyFrom: 2023 });
    expect(earlier.cycles.map((c) => [c.year, c.ruleSet, c.status])).toEqual([
      [2023, "QD124_HD25", "PUBLISHED"],
      [2024, "QD124_HD25", "SELF_REVIEW"],
    ]);
    expect(earlier.scoreSheets).toEqual([]);
    expect(() => buildDistrict({ currentYear: 2018, grassroots: 3, members: 60 })).toThrow(/2018/);
  });

  it("dates nothing after 30/11 of the current year, the day the demo stands at: every deadline is ahead", () => {
    const snapshot = utc(YEAR, 11, 30).getTime() + 86_400_000;
    const dates = [
      ...demo.records.flatMap((r) => [r.createdAt, r.updatedAt, r.decidedAt, r.publishedAt]),
      ...demo.selfReviews.flatMap((s) => [s.updatedAt, s.submittedAt]),
      ...demo.opinions.flatMap((o) => [o.givenOn, o.createdAt]),
      ...demo.meetings.flatMap((m) => [m.heldOn, m.finalizedAt, m.updatedAt]),
      ...demo.decisions.map((d) => d.decidedAt),
      ...demo.remediationItems.map((i) => i.updatedAt),
      ...demo.members.flatMap((m) => [m.admittedOn, m.officialOn, m.statusSince, m.createdAt]),
      ...demo.disciplines.map((d) => d.decidedOn),
      ...demo.cycles.flatMap((c) => [c.createdAt, c.updatedAt]),
      ...demo.tasks.flatMap((t) => [t.assignedOn, t.doneOn, t.reportedAt, t.confirmedAt, t.createdAt, t.updatedAt]),
      ...demo.taskFiles.map((f) => f.createdAt),
      ...demo.taskQuarterReviews.flatMap((q) => [q.selfAt, q.confirmedAt, q.createdAt, q.updatedAt]),
    ];
    expect(dates.filter((d) => d && d.getTime() >= snapshot)).toEqual([]);
    const current = cycleOf(YEAR);
    for (const due of [current.selfReviewDue, current.meetingsDue, current.grassrootsDue, current.upperDecisionDue]) {
      expect(due.getTime()).toBeGreaterThan(snapshot);
    }
  });

  it("respects the 20 % rule in every decided peer group of the older rule sets: at most ⌊P/6⌋ EXCELLENT", () => {
    const decided = new Map<string, RatingLevel[]>();
    for (const r of demo.records) {
      if (!r.decidedLevel || !r.peerGroupId || scoredCycleIds.has(r.cycleId)) continue;
      decided.set(r.peerGroupId, [...(decided.get(r.peerGroupId) ?? []), r.decidedLevel]);
    }
    for (const [groupId, levels] of decided) {
      const excellent = levels.filter((l) => l === "EXCELLENT").length;
      const pool = excellent + levels.filter((l) => l === "GOOD").length;
      expect(excellent, groups.get(groupId)!.code).toBeLessThanOrEqual(Math.floor(pool / 6));
    }
    // Six years of about 90 groups: members per grassroots organization, sectors, cells per đảng bộ.
    expect(decided.size).toBeGreaterThan(6 * 80);
  });

  it("publishes LAST for every rated member, with the proposal decided as is and a decision row", () => {
    const published = demo.records.filter((r) => years.get(r.cycleId) === LAST);
    const decisions = new Set(demo.decisions.map((d) => d.recordId));
    for (const r of published) {
      if (r.state === "NOT_RATED") {
        expect(r.notRatedReason).not.toBeNull();
        continue;
      }
      expect(r.state).toBe("PUBLISHED");
      expect(r.decidedLevel).toBe(r.proposedLevel);
      expect(decisions.has(r.id)).toBe(true);
    }
    const reasons = new Set(published.map((r) => r.notRatedReason).filter(Boolean));
    expect(reasons).toEqual(new Set(["EXEMPT", "NEW_MEMBER"]));
    // One member group per grassroots organization: all but the firm founded this year.
    const memberGroups = new Set(published.filter((r) => r.memberId && r.decidedLevel).map((r) => r.peerGroupId));
    expect(memberGroups.size).toBe(53);
  });

  it("rates every member's record in the member's cell and the grassroots organization's peer group", () => {
    const ratingDate = new Map(demo.cycles.map((c) => [c.id, c.ratingDate]));
    const cellAt = (memberId: string, date: Date) =>
      demo.cellAssignments.find((a) => a.memberId === memberId && a.kind === "OFFICIAL" && a.fromDate <= date && (a.toDate === null || date < a.toDate))
        ?.cellId;
    const sample = demo.records.filter((r) => r.subjectKind === "MEMBER").filter((_, i) => i % 37 === 0);
    for (const r of sample) {
      expect(r.scopeOrgId).toBe(cellAt(r.memberId!, ratingDate.get(r.cycleId)!));
      const group = groups.get(r.peerGroupId!)!;
      expect(group.code).toBe(`M-${grassrootsOf(orgs.get(r.scopeOrgId)!, orgs)!.code}`);
      expect(group.decidingOrgId).toBe(grassrootsOf(orgs.get(r.scopeOrgId)!, orgs)!.id);
    }
    const orgRecords = demo.records.filter((r) => r.subjectKind === "ORGANIZATION");
    expect(orgRecords.every((r) => r.scopeOrgId === r.organizationId)).toBe(true);
  });

  it("decides published levels within the rules: discipline, and under [21]/[124] civil-service level", () => {
    const civil = new Map(demo.civilServiceRatings.map((r) => [`${r.memberId}:${r.year}`, r.level]));
    const rank: Record<RatingLevel, number> = { NOT_COMPLETED: 0, COMPLETED: 1, GOOD: 2, EXCELLENT: 3 };
    const forced = new Set(
      demo.disciplines.filter((d) => !d.selfDetectedAndRemedied).map((d) => `${d.memberId}:${d.countedInYear ?? d.decidedOn.getUTCFullYear()}`),
    );
    const published = demo.records.filter((r): r is ReviewRecordRow & { memberId: string } => r.state === "PUBLISHED" && r.memberId !== null);
    for (const r of published) {
      const year = years.get(r.cycleId)!;
      const key = `${r.memberId}:${year}`;
      if (forced.has(key)) expect(r.decidedLevel).toBe("NOT_COMPLETED");
      const member: MemberRow = membersById.get(r.memberId)!;
      const level = civil.get(key);
      if (!scoredCycleIds.has(r.cycleId) && member.isCivilServant && level) expect(rank[r.decidedLevel!]).toBeLessThanOrEqual(rank[level]);
    }
    // A discipline of early YEAR already counted in LAST must not force YEAR.
    const lateCounted = demo.disciplines.find((d) => d.countedInYear === LAST && d.decidedOn.getUTCFullYear() === YEAR)!;
    expect(published.find((r) => r.memberId === lateCounted.memberId && years.get(r.cycleId) === LAST)!.decidedLevel).toBe("NOT_COMPLETED");
  });

  it("shows YEAR at various phases, with the not-rated reasons and a new organization", () => {
    const current = demo.records.filter((r) => years.get(r.cycleId) === YEAR);
    const states = new Set(current.map((r) => r.state));
    for (const state of ["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "ABSENT", "NOT_RATED"]) expect(states).toContain(state);
    const reasons = new Set(current.map((r) => r.notRatedReason).filter(Boolean));
    expect(reasons).toEqual(new Set(["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION"]));
    const reviewed = current.filter((r) => r.state === "REVIEWED" && r.subjectKind === "MEMBER");
    expect(reviewed.every((r) => r.proposedLevel && r.voteTally && r.scoreItems && r.tasksAssigned !== null)).toBe(true);
    const withSelfReview = new Map(demo.selfReviews.map((s) => [s.recordId, s]));
    expect(current.filter((r) => r.state === "SUBMITTED" && r.subjectKind === "MEMBER").every((r) => withSelfReview.has(r.id))).toBe(true);
    // Grassroots organizations have rated themselves (SUBMITTED) or been verified by the board (REVIEWED, with its comment).
    const grassroots = current.filter((r) => r.subjectKind === "ORGANIZATION" && r.verificationNote);
    expect(grassroots.length).toBeGreaterThan(0);
    expect(grassroots.every((r) => r.state === "REVIEWED" && r.verifiedAt)).toBe(true);
    // HD 43's forms: 2A for a leader, 2B in the political system, 2C outside it.
    const form = { LEADER_MANAGER: "QD366_2A", NON_LEADER_IN_SYSTEM: "QD366_2B", NOT_IN_POLITICAL_SYSTEM: "QD366_2C" } as const;
    for (const r of current.filter((r) => withSelfReview.has(r.id))) expect(withSelfReview.get(r.id)!.template).toBe(form[r.category!]);
    expect(new Set(demo.meetings.map((m) => m.status))).toEqual(new Set(["DRAFT", "FINALIZED"]));
    expect(demo.meetings.every((m) => (m.status === "FINALIZED") === (m.finalizedAt !== null))).toBe(true);
  });

  it("lists streaks of EXCELLENT up to LAST across three rule sets, two-year NOT_COMPLETED and open remediation items", () => {
    const levels = new Map<string, Map<number, RatingLevel | null>>();
    for (const r of demo.records) {
      const subject = r.memberId ?? r.organizationId!;
      if (!levels.has(subject)) levels.set(subject, new Map());
      levels.get(subject)!.set(years.get(r.cycleId)!, r.decidedLevel);
    }
    const fiveYears = [LAST - 4, LAST - 3, LAST - 2, LAST - 1, LAST];
    const streaks = [...levels].filter(([, l]) => fiveYears.every((y) => l.get(y) === "EXCELLENT")).map(([id]) => id);
    expect(streaks.filter((id) => membersById.has(id)).length).toBeGreaterThanOrEqual(15);
    expect(streaks.filter((id) => orgs.has(id)).length).toBeGreaterThanOrEqual(2);
    const twice = [...levels.values()].filter((l) => l.get(LAST - 1) === "NOT_COMPLETED" && l.get(LAST) === "NOT_COMPLETED");
    expect(twice.length).toBeGreaterThanOrEqual(1);
    const notCompleted = demo.records.filter((r) => years.get(r.cycleId) === LAST && r.decidedLevel === "NOT_COMPLETED" && r.memberId);
    const remediated = new Set(demo.remediationItems.filter((i) => i.year === LAST).map((i) => i.memberId));
    expect(notCompleted.every((r) => remediated.has(r.memberId!))).toBe(true);
    const statuses = new Set(demo.remediationItems.filter((i) => i.year === LAST).map((i) => i.status));
    expect(statuses).toContain("OPEN");
    expect(statuses).toContain("DONE");
  });
});

describe("the 100-point scale of QD366_HD43", () => {
  const scoredCycles = demo.cycles.filter((c) => c.ruleSet === "QD366_HD43");
  const scoredRecords = demo.records.filter((r) => scoredCycles.some((c) => c.id === r.cycleId));
  const membersById = index(demo.members);
  const orgs = index(demo.organizations);
  const sheetOf = (r: ReviewRecordRow) =>
    frameworkOf(r.subjectKind === "ORGANIZATION" ? { kind: "ORGANIZATION" } : { kind: "MEMBER", category: CATEGORY[r.category!] });

  it("gives each QD366 cycle its four valid score sheets, and the older cycles none", () => {
    for (const cycle of demo.cycles) {
      const sheets = demo.scoreSheets.filter((s) => s.cycleId === cycle.id);
      if (cycle.ruleSet !== "QD366_HD43") {
        expect(sheets).toEqual([]);
        continue;
      }
      expect(sheets.map((s) => s.framework).sort()).toEqual([...SCORE_FRAMEWORKS].sort());
      for (const sheet of sheets) expect(checkScoreSheet(sheet.groups as unknown as ScoreSheetContent), sheet.framework).toEqual([]);
    }
  });

  it("stores totals that are the sums of the item scores, every item within its maximum", () => {
    const sheets = new Map(demo.scoreSheets.map((s) => [`${s.cycleId}:${s.framework}`, s.groups as unknown as ScoreSheetContent]));
    const scored = scoredRecords.filter((r) => r.scoreItems);
    expect(scored.length).toBeGreaterThan(5_000);
    for (const r of scored) {
      const sheet = sheets.get(`${r.cycleId}:${sheetOf(r)}`)!;
      const items = r.scoreItems as Record<string, number>;
      expect(checkItemScores(sheet, items)).toEqual([]);
      expect(scoreTotals(sheet, items)).toEqual({ generalTenths: r.scoreGeneralTenths, resultsTenths: r.scoreResultsTenths, complete: true });
    }
    // No totals without items, and no older cycle with a score.
    expect(demo.records.filter((r) => !r.scoreItems && (r.scoreGeneralTenths !== null || r.scoreResultsTenths !== null))).toEqual([]);
    expect(scored.length).toBe(demo.records.filter((r) => r.scoreItems).length);
  });

  it("counts tasks in order, and names as shortcomings last year's remediation items", () => {
    for (const r of scoredRecords.filter((r) => r.tasksAssigned !== null)) {
      expect(r.tasksCompleted!).toBeLessThanOrEqual(r.tasksAssigned!);
      expect(r.tasksOnTime!).toBeLessThanOrEqual(r.tasksCompleted!);
      expect(r.tasksExceeded!).toBeLessThanOrEqual(r.tasksCompleted!);
    }
    const yearOf = new Map(scoredCycles.map((c) => [c.id, c.year]));
    const itemsByKey = new Map<string, RemediationItemRow[]>();
    for (const item of demo.remediationItems)
      itemsByKey.set(`${item.memberId}:${item.year}`, [...(itemsByKey.get(`${item.memberId}:${item.year}`) ?? []), item]);
    const items = (memberId: string, year: number) => itemsByKey.get(`${memberId}:${year}`) ?? [];
    const members = scoredRecords.filter((r) => r.memberId);
    for (const r of members) {
      const earlier = items(r.memberId!, yearOf.get(r.cycleId)! - 1);
      expect([r.shortcomingsNamed, r.shortcomingsRemedied], r.id).toEqual([earlier.length, earlier.filter((i) => i.status === "DONE").length]);
      expect(r.category).toBe(membersById.get(r.memberId!)!.category);
    }
    expect(members.filter((r) => r.shortcomingsNamed! > 0 && yearOf.get(r.cycleId) === YEAR).length).toBeGreaterThan(0);
    // Leaders answer for the units they lead; outside the political system a member has a few tasks.
    expect(members.filter((r) => r.ledUnitsCount !== null).every((r) => r.category === "LEADER_MANAGER")).toBe(true);
    const outside = members.filter((r) => r.category === "NOT_IN_POLITICAL_SYSTEM" && r.tasksAssigned !== null);
    expect(Math.max(...outside.map((r) => r.tasksAssigned!))).toBeLessThanOrEqual(5);
    // A draft of the current year has no score yet.
    expect(scoredRecords.filter((r) => r.state === "DRAFT" && r.scoreItems)).toEqual([]);
  });

  it("decides every level within what lib/grading allows for the facts each record carries, and holds every group to its rate", () => {
    for (const cycle of scoredCycles) {
      const decided = scoredRecords.filter((r) => r.cycleId === cycle.id && r.decidedLevel);
      expect(decided.length, String(cycle.year)).toBeGreaterThan(cycle.year === YEAR ? 50 : 4_000);
      const result = evaluate({
        ruleSet: "QD366_HD43",
        ratingDate: iso(cycle.ratingDate),
        quotaBase: cycle.quotaBase,
        subjects: decided.map((r) => subjectOf(r, r.decidedLevel!, cycle)),
        overrides: overridesOf(cycle),
      });
      const invalid = result.subjects.filter((s) => !s.proposalValid).map((s) => `${s.id} ${s.proposed} > ${s.maxLevel} ${s.reasons.join(",")}`);
      expect(invalid, String(cycle.year)).toEqual([]);
      expect(
        result.groups.filter((g) => !g.ok),
        String(cycle.year),
      ).toEqual([]);
      // Every level is shown, and the quota trimmed somewhere: some EXCELLENT-worthy records decided GOOD.
      expect(new Set(decided.map((r) => r.decidedLevel)).size, String(cycle.year)).toBeGreaterThanOrEqual(cycle.year === YEAR ? 3 : 4);
    }
  });

  it("raises the rate of one member group to 25 % by decision in LAST, and decides more EXCELLENT there than 20 % allows", () => {
    const cycle = demo.cycles.find((c) => c.year === LAST)!;
    expect(demo.quotaOverrides).toHaveLength(1);
    const [override] = demo.quotaOverrides;
    expect(override).toMatchObject({ cycleId: cycle.id, ratePercent: 25 });
    expect(demo.peerGroups.find((g) => g.id === override.peerGroupId)!.kind).toBe("MEMBER");
    const levels = demo.records.filter((r) => r.peerGroupId === override.peerGroupId).map((r) => r.decidedLevel);
    const excellent = levels.filter((l) => l === "EXCELLENT").length;
    const pool = excellent + levels.filter((l) => l === "GOOD").length;
    expect(excellent).toBeGreaterThan(Math.floor(pool / 6));
  });

  it("lets the live check catch a few proposals above what the facts allow in YEAR", () => {
    const cycle = demo.cycles.find((c) => c.year === YEAR)!;
    const reviewed = scoredRecords.filter((r) => r.cycleId === cycle.id && r.state === "REVIEWED" && r.subjectKind === "MEMBER");
    const result = evaluate({ ruleSet: "QD366_HD43", ratingDate: iso(cycle.ratingDate), subjects: reviewed.map((r) => subjectOf(r, r.proposedLevel!, cycle)) });
    const invalid = result.subjects.filter((s) => !s.proposalValid).length;
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(reviewed.length * 0.05);
  });

  /** A record as lib/grading reads it: the facts it carries, the member's or unit's as of the rating date. */
  function subjectOf(r: ReviewRecordRow, proposed: RatingLevel, cycle: ReviewCycleRow): SubjectInput {
    const common = {
      id: r.id,
      peerGroup: r.peerGroupId!,
      proposed,
      score: r.scoreGeneralTenths === null ? undefined : { general: r.scoreGeneralTenths / 10, results: r.scoreResultsTenths! / 10 },
      tasks:
        r.tasksAssigned === null ? undefined : { assigned: r.tasksAssigned, completed: r.tasksCompleted!, onTime: r.tasksOnTime!, exceeded: r.tasksExceeded! },
      shortcomings: r.shortcomingsNamed === null ? undefined : { named: r.shortcomingsNamed, remedied: r.shortcomingsRemedied! },
      fiveTargetsMissed: r.fiveTargetsMissed,
      forceMajeure: r.forceMajeure,
    };
    if (r.subjectKind === "ORGANIZATION") {
      return {
        ...common,
        kind: "ORGANIZATION",
        establishedOn: iso(orgs.get(r.organizationId!)!.establishedOn),
        leadershipDisciplined: r.leadershipDisciplined,
        disunityConcluded: r.disunityConcluded,
        leadershipMemberDegraded: r.leadershipMemberDegraded,
        leadershipDisciplines: (r.leadershipDisciplines as Discipline[] | undefined) ?? [],
      };
    }
    const member = membersById.get(r.memberId!)!;
    const since = member.statusSince && member.statusSince <= cycle.ratingDate;
    return {
      ...common,
      kind: "MEMBER",
      status: since && (member.status === "EXEMPT" || member.status === "SUSPENDED") ? member.status : "ACTIVE",
      admittedOn: iso(member.admittedOn),
      category: CATEGORY[r.category!],
      disciplines: demo.disciplines
        .filter((d) => d.memberId === member.id)
        .map((d) => ({
          decidedOn: iso(d.decidedOn),
          selfDetectedAndRemedied: d.selfDetectedAndRemedied,
          countedInEarlierYear: d.countedInYear !== null && d.countedInYear < cycle.year,
        })),
      degradationConcluded: r.degradationConcluded,
      prohibitedActsConcluded: r.prohibitedActsConcluded,
      ledUnits: r.ledUnitsCount === null ? undefined : { count: r.ledUnitsCount, notCompleted: r.ledUnitsNotCompleted! },
      lowConfidenceOver50: r.lowConfidenceOver50,
      corruptionInScope: r.corruptionInScope,
    };
  }

  function overridesOf(cycle: ReviewCycleRow) {
    return demo.quotaOverrides
      .filter((o) => o.cycleId === cycle.id)
      .map((o) => ({
        peerGroup: o.peerGroupId,
        decisionNo: o.decisionNo,
        decidedOn: iso(o.decidedOn),
        issuer: o.issuer,
        reason: o.reason,
        ratePercent: o.ratePercent ?? undefined,
      }));
  }
});

describe("the task register of YEAR", () => {
  const cycle = demo.cycles.find((c) => c.year === YEAR)!;
  const records = demo.records.filter((r) => r.cycleId === cycle.id);
  const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  const tasksOf = new Map<string, CountedTask[]>();
  for (const t of demo.tasks) {
    const key = t.memberId ?? t.organizationId!;
    const counted: CountedTask = {
      id: t.id,
      title: t.title,
      dueOn: iso(t.dueOn)!,
      status: t.status,
      outcome: t.outcome,
      doneOn: iso(t.doneOn),
      exceeded: t.exceeded,
    };
    tasksOf.set(key, [...(tasksOf.get(key) ?? []), counted]);
  }
  const subjectTasks = (r: ReviewRecordRow) => tasksOf.get(r.memberId ?? r.organizationId!) ?? [];
  const account = (username: string) => demo.accounts.find((a) => a.username === username)!;

  it("is used by the current cycle only, and is kept for every rated member and organization", () => {
    expect(demo.cycles.filter((c) => (c.options as { taskRegister?: boolean }).taskRegister).map((c) => c.year)).toEqual([YEAR]);
    expect(demo.tasks.every((t) => t.year === YEAR && t.dueOn.getUTCFullYear() === YEAR)).toBe(true);
    const rated = records.filter((r) => r.state !== "NOT_RATED");
    expect(rated.filter((r) => subjectTasks(r).length === 0)).toEqual([]);
    expect(records.filter((r) => r.state === "NOT_RATED" && subjectTasks(r).length > 0)).toEqual([]);
  });

  it("stores on every record of YEAR the task facts countTasks gives over the subject's tasks", () => {
    for (const r of records) {
      const counts = countTasks(subjectTasks(r), YEAR);
      expect([r.tasksAssigned, r.tasksCompleted, r.tasksOnTime, r.tasksExceeded], r.id).toEqual([
        counts.assigned,
        counts.completed,
        counts.onTime,
        counts.exceeded,
      ]);
    }
  });

  it("confirms every task of a record whose level is stored; an open record has quarters 1–3 confirmed and quarter 4 in progress", () => {
    const settled = records.filter((r) => r.proposedLevel || r.decidedLevel);
    expect(settled.length).toBeGreaterThan(500);
    for (const r of settled)
      expect(
        subjectTasks(r).filter((t) => t.status !== "CONFIRMED"),
        r.id,
      ).toEqual([]);
    const open = records.filter((r) => !r.proposedLevel && !r.decidedLevel && r.state !== "NOT_RATED");
    const openTasks = open.flatMap(subjectTasks);
    expect(openTasks.filter((t) => t.dueOn < `${YEAR}-10-01` && t.status !== "CONFIRMED")).toEqual([]);
    expect(new Set(openTasks.filter((t) => t.dueOn >= `${YEAR}-10-01`).map((t) => t.status))).toEqual(new Set(["OPEN", "REPORTED", "RETURNED", "CONFIRMED"]));
    // Some late, some exceeded with grounds, some not done with a reason, force majeure for a few leaders or units.
    expect(demo.tasks.filter((t) => t.outcome === "DONE" && t.doneOn! > t.dueOn).length).toBeGreaterThan(50);
    expect(demo.tasks.filter((t) => t.exceeded).every((t) => t.exceededGrounds)).toBe(true);
    expect(demo.tasks.filter((t) => t.exceeded).length).toBeGreaterThan(1_000);
    const notDone = demo.tasks.filter((t) => t.outcome === "NOT_DONE");
    expect(notDone.length).toBeGreaterThan(20);
    expect(notDone.every((t) => t.notDoneReason && !t.doneOn)).toBe(true);
    const forceMajeure = demo.tasks.filter((t) => t.forceMajeure);
    expect(forceMajeure.length).toBeGreaterThan(3);
    const leaders = new Set(demo.members.filter((m) => m.category === "LEADER_MANAGER").map((m) => m.id));
    expect(forceMajeure.every((t) => t.outcome === "NOT_DONE" && (t.organizationId || leaders.has(t.memberId!)))).toBe(true);
  });

  it("leaves the demo member tasks to report and the demo secretary results of the cell's members to confirm", () => {
    const dangvien = subjectTasks(records.find((r) => r.memberId === account("dangvien").memberId)!);
    const open = dangvien.filter((t) => t.status === "OPEN");
    expect(open.some((t) => t.dueOn < `${YEAR}-11-30`)).toBe(true);
    expect(open.filter((t) => t.dueOn > `${YEAR}-11-30`).length).toBeGreaterThanOrEqual(1);
    const bithu = account("bithu");
    const cellMembers = demo.members.filter((m) => m.cellId === bithu.memberCellId && m.id !== bithu.memberId && m.category !== "LEADER_MANAGER");
    const waiting = demo.tasks.filter((t) => t.status === "REPORTED" && cellMembers.some((m) => m.id === t.memberId));
    expect(waiting.length).toBeGreaterThanOrEqual(5);
  });

  it("gives leaders and organizations their quarters 1–3 assessed and confirmed", () => {
    const leaders = records.filter((r) => r.category === "LEADER_MANAGER" && r.state !== "NOT_RATED");
    const quarters = new Map<string, number[]>();
    for (const q of demo.taskQuarterReviews)
      quarters.set(q.memberId ?? q.organizationId!, [...(quarters.get(q.memberId ?? q.organizationId!) ?? []), q.quarter]);
    expect(leaders.length).toBeGreaterThan(20);
    for (const r of leaders) expect(quarters.get(r.memberId!), r.id).toEqual([1, 2, 3]);
    expect(demo.taskQuarterReviews.every((q) => q.selfLevel && q.confirmedLevel && q.confirmedAt! > q.selfAt!)).toBe(true);
  });

  it("attaches a few small evidence files the app itself would accept", () => {
    expect(demo.taskFiles.length).toBeGreaterThan(10);
    expect(demo.taskFiles.reduce((sum, f) => sum + f.size, 0)).toBeLessThan(1_000_000);
    for (const f of demo.taskFiles) {
      expect(taskFileProblem(f.fileName, f.size, f.content.slice(0, 64))).toBeNull();
      expect(f.size).toBe(f.content.length);
    }
    expect(new Set(demo.taskFiles.map((f) => f.contentType))).toEqual(new Set(["application/pdf", "image/png"]));
  });
});

/** The database's member categories as lib/grading names them. */
const CATEGORY: Record<MemberRow["category"], MemberCategory> = {
  NON_LEADER_IN_SYSTEM: "NON_LEADER",
  LEADER_MANAGER: "LEADER",
  NOT_IN_POLITICAL_SYSTEM: "OUTSIDE_SYSTEM",
};

describe("demo accounts", () => {
  it("are the exported list, tied to the right people and units", () => {
    expect(
      demo.accounts.map(({ username, role, displayName, organizationName, organizationCode }) => ({
        username,
        role,
        displayName,
        organizationName,
        organizationCode,
      })),
    ).toEqual(DEMO_ACCOUNTS);
    const members = index(demo.members);
    const byName = Object.fromEntries(demo.accounts.map((a) => [a.username, a]));
    const bithu = members.get(byName.bithu.memberId!)!;
    expect(bithu).toMatchObject({ fullName: DEMO_PEOPLE.bithu.fullName, post: "Bí thư chi bộ", cellId: byName.bithu.organizationId });
    const dangvien = members.get(byName.dangvien.memberId!)!;
    expect(dangvien).toMatchObject({ cellId: bithu.cellId, post: null, status: "ACTIVE" });
    expect(dangvien.officialOn).not.toBeNull();
    expect(byName.bithu2.organizationId).not.toBe(byName.bithu.organizationId);
    expect(members.get(byName.bithu2.memberId!)!.grassrootsId).toBe(bithu.grassrootsId);
    expect(byName.danguy.organizationId).toBe(bithu.grassrootsId);
    expect(byName.quantri.memberId).toBeNull();
    // Everyone with a member holds MEMBER over their own cell.
    for (const account of demo.accounts.filter((a) => a.memberId)) {
      expect(demo.roleAssignments).toContainEqual(expect.objectContaining({ userId: account.userId, role: "MEMBER", organizationId: account.memberCellId }));
    }
    const current = demo.records.filter((r) => r.cycleId === demo.cycles.find((c) => c.year === YEAR)!.id);
    expect(current.find((r) => r.memberId === dangvien.id)!.state).toBe("DRAFT");
    expect(current.find((r) => r.memberId === bithu.id)!.state).toBe("SUBMITTED");
  });
});

describe("sizes", () => {
  it("builds a tiny district for fixtures, namespaced", () => {
    const tiny = buildDistrict({ currentYear: YEAR, grassroots: 3, members: 60, namespace: "t1", historyFrom: LAST });
    expect(tiny.organizations.filter((o) => o.depth === 1)).toHaveLength(3);
    expect(tiny.members.length).toBeGreaterThanOrEqual(60);
    expect(tiny.members.length).toBeLessThan(90);
    expect(tiny.organizations.every((o) => o.id.startsWith("ct1") && o.code.startsWith("T1-HU"))).toBe(true);
    expect(tiny.accounts.map((a) => a.username)).toContain("bithu.t1");
    expect(tiny.cycles.map((c) => c.year)).toEqual([LAST, YEAR]);
  });

  it("builds a province of districts under one province committee", () => {
    const province = buildDistrict({ currentYear: YEAR, districts: 3, grassroots: 6, members: 900, historyFrom: YEAR });
    const root = province.organizations.find((o) => o.parentId === null)!;
    expect(root).toMatchObject({ kind: "UPPER_COMMITTEE", code: "TU", depth: 0 });
    const districts = province.organizations.filter((o) => o.parentId === root.id);
    expect(districts.map((d) => d.kind)).toEqual(["UPPER_COMMITTEE", "UPPER_COMMITTEE", "UPPER_COMMITTEE"]);
    expect(province.organizations.filter((o) => o.depth === 2)).toHaveLength(18);
    expect(province.cycles).toHaveLength(3);
    expect(province.members).toHaveLength(900);
  });
});
