import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from "@/lib/demo/accounts";
import { buildDistrict } from "@/lib/demo/district";
import type { DemoDataset, MemberRow, OrganizationRow, RatingLevel, ReviewRecordRow } from "@/lib/demo/types";
import { toSearchKey } from "@/lib/text/search";

// The demo generator is pure: these tests build the dataset in memory and check the shape the app and
// the rating rules rely on. (The writer and the database are exercised by the integration fixtures.)

const demo = buildDistrict();

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

describe("determinism", () => {
  it("builds the same rows, ids included, every time", () => {
    const again = buildDistrict();
    for (const table of Object.keys(demo) as Array<keyof DemoDataset>) {
      expect(JSON.stringify(again[table]), table).toBe(JSON.stringify(demo[table]));
    }
  });

  it("gives other rows for another size", () => {
    const smaller = buildDistrict({ members: 3_000 });
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
      expect(words.every((w) => word.test(w)), m.fullName).toBe(true);
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
    // Admitted within six months of the rating date: probationary, not rated this year.
    const recent = demo.members.filter((m) => m.admittedOn > new Date("2024-06-10"));
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((m) => m.officialOn === null)).toBe(true);
    expect(demo.members.every((m) => (m.officialOn === null) === (m.admittedOn > new Date("2023-12-10")))).toBe(true);
    expect(new Set(demo.members.map((m) => m.cardNumber)).size).toBe(demo.members.length);
    expect(demo.members.every((m) => /^\d{8,9}$/.test(m.cardNumber))).toBe(true);
    expect(demo.disciplines.some((d) => d.decidedOn.getUTCFullYear() === 2024 && d.selfDetectedAndRemedied)).toBe(true);
    expect(demo.disciplines.some((d) => d.countedInYear === 2023)).toBe(true);
    expect(demo.leaves.some((l) => l.kind === "MATERNITY")).toBe(true);
    const longSick = demo.leaves.filter((l) => l.kind === "SICK" && (l.toDate.getTime() - l.fromDate.getTime()) / 86_400_000 >= 89);
    expect(longSick.length).toBeGreaterThan(0);
    const civilServants = new Set(demo.members.filter((m) => m.isCivilServant).map((m) => m.id));
    expect(demo.civilServiceRatings.every((r) => civilServants.has(r.memberId))).toBe(true);
    expect(new Set(demo.civilServiceRatings.map((r) => r.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024]));
  });

  it("keeps every member's OFFICIAL history ending in the current cell, with transfers and temporary activity", () => {
    const official = demo.cellAssignments.filter((a) => a.kind === "OFFICIAL");
    const current = new Map(official.filter((a) => a.toDate === null).map((a) => [a.memberId, a.cellId]));
    expect(demo.members.every((m) => current.get(m.id) === m.cellId)).toBe(true);
    const transfers = official.filter((a) => a.toDate !== null);
    expect(transfers.length).toBeGreaterThan(demo.members.length * 0.01);
    expect(transfers.some((a) => a.fromDate <= new Date("2024-01-01") && a.toDate! >= new Date("2024-07-01"))).toBe(true);
    expect(demo.cellAssignments.some((a) => a.kind === "TEMPORARY")).toBe(true);
  });
});

describe("review cycles", () => {
  const years = yearsOf(demo);
  const orgs = index(demo.organizations);
  const groups = index(demo.peerGroups);
  const membersById = index(demo.members);

  it("has a published 2023 and a 2024 in progress, both under QD124_HD25", () => {
    const byYear = new Map(demo.cycles.map((c) => [c.year, c]));
    expect(byYear.get(2023)).toMatchObject({ ruleSet: "QD124_HD25", status: "PUBLISHED", quotaBase: "GOOD_ONLY" });
    expect(byYear.get(2024)).toMatchObject({ ruleSet: "QD124_HD25", status: "SELF_REVIEW" });
    expect(byYear.get(2024)!.ratingDate).toEqual(new Date("2024-12-10"));
    expect(byYear.get(2020)).toMatchObject({ ruleSet: "QD132_HD21" });
  });

  it("respects the 20 % rule in every decided peer group: at most ⌊P/6⌋ EXCELLENT", () => {
    const decided = new Map<string, RatingLevel[]>();
    for (const r of demo.records) {
      if (!r.decidedLevel || !r.peerGroupId) continue;
      decided.set(r.peerGroupId, [...(decided.get(r.peerGroupId) ?? []), r.decidedLevel]);
    }
    let checkedMemberGroups2023 = 0;
    for (const [groupId, levels] of decided) {
      const excellent = levels.filter((l) => l === "EXCELLENT").length;
      const pool = excellent + levels.filter((l) => l === "GOOD").length;
      expect(excellent, groups.get(groupId)!.code).toBeLessThanOrEqual(Math.floor(pool / 6));
      const group = groups.get(groupId)!;
      if (group.kind === "MEMBER" && years.get(group.cycleId) === 2023) checkedMemberGroups2023++;
    }
    // One member group per grassroots organization of 2023: all but the firm founded in 2024.
    expect(checkedMemberGroups2023).toBe(53);
  });

  it("publishes 2023 for every rated member, with the proposal decided as is and a decision row", () => {
    const records2023 = demo.records.filter((r) => years.get(r.cycleId) === 2023);
    const decisions = new Set(demo.decisions.map((d) => d.recordId));
    for (const r of records2023) {
      if (r.state === "NOT_RATED") {
        expect(r.notRatedReason).not.toBeNull();
        continue;
      }
      expect(r.state).toBe("PUBLISHED");
      expect(r.decidedLevel).toBe(r.proposedLevel);
      expect(decisions.has(r.id)).toBe(true);
    }
    const reasons = new Set(records2023.map((r) => r.notRatedReason).filter(Boolean));
    expect(reasons).toEqual(new Set(["EXEMPT", "NEW_MEMBER"]));
  });

  it("rates every member's record in the member's cell and the grassroots organization's peer group", () => {
    const cellAt = (memberId: string, date: Date) =>
      demo.cellAssignments.find((a) => a.memberId === memberId && a.kind === "OFFICIAL" && a.fromDate <= date && (a.toDate === null || date < a.toDate))?.cellId;
    const sample = demo.records.filter((r) => r.subjectKind === "MEMBER").filter((_, i) => i % 37 === 0);
    for (const r of sample) {
      const year = years.get(r.cycleId)!;
      expect(r.scopeOrgId).toBe(cellAt(r.memberId!, new Date(Date.UTC(year, 11, 10))));
      const group = groups.get(r.peerGroupId!)!;
      expect(group.code).toBe(`M-${grassrootsOf(orgs.get(r.scopeOrgId)!, orgs)!.code}`);
      expect(group.decidingOrgId).toBe(grassrootsOf(orgs.get(r.scopeOrgId)!, orgs)!.id);
    }
    const orgRecords = demo.records.filter((r) => r.subjectKind === "ORGANIZATION");
    expect(orgRecords.every((r) => r.scopeOrgId === r.organizationId)).toBe(true);
  });

  it("decides published levels within the rules: discipline, civil-service level, long sick leave", () => {
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
      if (member.isCivilServant && level) expect(rank[r.decidedLevel!]).toBeLessThanOrEqual(rank[level]);
    }
    // A discipline of early 2024 already counted in 2023 must not force 2024.
    const lateCounted = demo.disciplines.find((d) => d.countedInYear === 2023 && d.decidedOn.getUTCFullYear() === 2024)!;
    expect(published.find((r) => r.memberId === lateCounted.memberId && years.get(r.cycleId) === 2023)!.decidedLevel).toBe("NOT_COMPLETED");
  });

  it("shows 2024 at various phases, with the not-rated reasons and a new organization", () => {
    const states = new Set(demo.records.filter((r) => years.get(r.cycleId) === 2024).map((r) => r.state));
    for (const state of ["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "ABSENT", "NOT_RATED"]) expect(states).toContain(state);
    const reasons = new Set(demo.records.filter((r) => years.get(r.cycleId) === 2024).map((r) => r.notRatedReason).filter(Boolean));
    expect(reasons).toEqual(new Set(["EXEMPT", "SUSPENDED", "NEW_MEMBER", "NEW_ORGANIZATION"]));
    const reviewed = demo.records.filter((r) => r.state === "REVIEWED" && r.subjectKind === "MEMBER");
    expect(reviewed.every((r) => r.proposedLevel && r.voteTally && r.criteria)).toBe(true);
    const withSelfReview = new Set(demo.selfReviews.map((s) => s.recordId));
    expect(demo.records.filter((r) => r.state === "SUBMITTED").every((r) => withSelfReview.has(r.id))).toBe(true);
    expect(new Set(demo.meetings.map((m) => m.status))).toEqual(new Set(["DRAFT", "FINALIZED"]));
    expect(demo.meetings.every((m) => (m.status === "FINALIZED") === (m.finalizedAt !== null))).toBe(true);
  });

  it("lists streaks of EXCELLENT, two-year NOT_COMPLETED and open remediation items", () => {
    const levels = new Map<string, Map<number, RatingLevel | null>>();
    for (const r of demo.records) {
      if (!r.memberId) continue;
      if (!levels.has(r.memberId)) levels.set(r.memberId, new Map());
      levels.get(r.memberId)!.set(years.get(r.cycleId)!, r.decidedLevel);
    }
    const streaks = [...levels.values()].filter((l) => [2019, 2020, 2021, 2022, 2023].every((y) => l.get(y) === "EXCELLENT"));
    expect(streaks.length).toBeGreaterThanOrEqual(5);
    const twice = [...levels.values()].filter((l) => l.get(2022) === "NOT_COMPLETED" && l.get(2023) === "NOT_COMPLETED");
    expect(twice.length).toBeGreaterThanOrEqual(1);
    const notCompleted2023 = demo.records.filter((r) => years.get(r.cycleId) === 2023 && r.decidedLevel === "NOT_COMPLETED" && r.memberId);
    const remediated = new Set(demo.remediationItems.map((i) => i.memberId));
    expect(notCompleted2023.every((r) => remediated.has(r.memberId!))).toBe(true);
    expect(new Set(demo.remediationItems.map((i) => i.status))).toContain("OPEN");
    expect(new Set(demo.remediationItems.map((i) => i.status))).toContain("DONE");
  });
});

describe("demo accounts", () => {
  it("are the exported list, tied to the right people and units", () => {
    expect(demo.accounts.map(({ username, role, displayName, organizationName, organizationCode }) => ({ username, role, displayName, organizationName, organizationCode }))).toEqual(DEMO_ACCOUNTS);
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
    const records2024 = demo.records.filter((r) => r.cycleId === demo.cycles.find((c) => c.year === 2024)!.id);
    expect(records2024.find((r) => r.memberId === dangvien.id)!.state).toBe("DRAFT");
  });
});

describe("sizes", () => {
  it("builds a tiny district for fixtures, namespaced", () => {
    const tiny = buildDistrict({ grassroots: 3, members: 60, namespace: "t1", historyFrom: 2023 });
    expect(tiny.organizations.filter((o) => o.depth === 1)).toHaveLength(3);
    expect(tiny.members.length).toBeGreaterThanOrEqual(60);
    expect(tiny.members.length).toBeLessThan(90);
    expect(tiny.organizations.every((o) => o.id.startsWith("ct1") && o.code.startsWith("T1-HU"))).toBe(true);
    expect(tiny.accounts.map((a) => a.username)).toContain("bithu.t1");
    expect(tiny.cycles.map((c) => c.year)).toEqual([2023, 2024]);
  });

  it("builds a province of districts under one province committee", () => {
    const province = buildDistrict({ districts: 3, grassroots: 6, members: 900, historyFrom: 2024 });
    const root = province.organizations.find((o) => o.parentId === null)!;
    expect(root).toMatchObject({ kind: "UPPER_COMMITTEE", code: "TU", depth: 0 });
    const districts = province.organizations.filter((o) => o.parentId === root.id);
    expect(districts.map((d) => d.kind)).toEqual(["UPPER_COMMITTEE", "UPPER_COMMITTEE", "UPPER_COMMITTEE"]);
    expect(province.organizations.filter((o) => o.depth === 2)).toHaveLength(18);
    expect(province.cycles).toHaveLength(3);
    expect(province.members).toHaveLength(900);
  });
});
