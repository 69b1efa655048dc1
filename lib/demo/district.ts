import { DEMO_ACCOUNTS, DEMO_ADMIN_DISPLAY_NAME, DEMO_PEOPLE, type DemoAccount, type DemoPersonKey, type DemoUsername } from "./accounts";
import { day, moment } from "./dates";
import { IdFactory } from "./ids";
import { allocateSizes, buildMembers, type MemberInfo } from "./members";
import { buildOrgTree, cellsUnder, closureRows, type OrgNode } from "./org-tree";
import { districtName, planDistrict, provinceCommitteeName, type OrgPlan } from "./places";
import { randomFor } from "./random";
import { buildFacts } from "./facts";
import { buildReviews, type CellPhase } from "./reviews";
import type { BuiltAccount, DemoDataset, RecordState, RoleAssignmentRow, UserRow } from "./types";
import { calendarOf, FIRST_HISTORY_YEAR, snapshotDay } from "./years";

// The demo data as plain rows: a fictional district shaped like the seed articles (or a province of such
// districts for benchmarks), with its members, their facts, past years decided and published and the
// current year in progress. Pure and deterministic: the same options give equal datasets, ids included.
// The current review year is an option for that reason: the entry points (prisma/seed.ts, the test
// fixtures) read the clock once, with reviewYearOn(now) from lib/review/calendar.ts.

export interface DistrictOptions {
  /** The review year in progress (SELF_REVIEW); the year before it is the last published one. */
  currentYear: number;
  /** Grassroots organizations per district (default 54, as in the seed district). */
  grassroots?: number;
  /** Members in all (default 4 500), spread over the cells in proportion to their usual sizes. */
  members?: number;
  /** 1 (default): the district committee is the root. More: a province committee over that many districts. */
  districts?: number;
  /** Multiplies the current year's tasks in the register (default 1: about 7 a member; the province preset: 8, about 40). */
  taskScale?: number;
  /** First review year built (default 2019, the first with a rule set: five published years show commendation streaks). */
  historyFrom?: number;
  /**
   * Keeps the rows of a fixture apart from others in the same database: ids ("c<ns>…"), organization
   * codes ("<NS>-HU…"), card numbers and usernames ("bithu.<ns>") carry it. Lower-case letters and digits.
   */
  namespace?: string;
}

export const DEMO_SIZE = { grassroots: 54, members: 4_500, districts: 1 } as const;
export const PROVINCE_PRESET = { grassroots: 54, members: 300_000, districts: 15, taskScale: 8 } as const;

export function buildDistrict(options: DistrictOptions): DemoDataset {
  const currentYear = options.currentYear;
  const grassroots = options.grassroots ?? DEMO_SIZE.grassroots;
  const memberTarget = options.members ?? DEMO_SIZE.members;
  const districtCount = options.districts ?? DEMO_SIZE.districts;
  const historyFrom = Math.min(options.historyFrom ?? FIRST_HISTORY_YEAR, currentYear);
  const namespace = options.namespace ?? "";
  if (grassroots < 1 || districtCount < 1 || memberTarget < 0) throw new Error("grassroots and districts must be at least 1, members at least 0");
  if (!Number.isInteger(currentYear)) throw new Error(`the current year must be a whole year: ${currentYear}`);
  const years = Array.from({ length: currentYear - historyFrom + 1 }, (_, i) => historyFrom + i);
  // A year without a rule set (before 2019) has no calendar: refuse it before any work.
  years.forEach(calendarOf);
  // When the demo's rows say they were created: the import of the register before this year's review.
  const timestamp = moment(day(currentYear, 11, 1), 1);

  const ids = new IdFactory(namespace);
  const seedLabel = `kiem-diem-demo:${namespace}`;
  const codePrefix = namespace ? `${namespace.toUpperCase()}-` : "";

  // A bigger seed gets more hamlets per commune as well as fuller cells; a much smaller one fewer.
  const plan = (cellScale: number) =>
    Array.from({ length: districtCount }, (_, index) =>
      planDistrict(randomFor(seedLabel, "plan", index), { index, grassroots, cellScale, withDemoPeople: index === 0, currentYear }),
    );
  const factor = memberTarget / Math.max(1, expectedMembers(plan(1).flat()));
  const cellScale = factor >= 0.75 && factor <= 1.35 ? 1 : Math.min(4, Math.max(0.3, Math.sqrt(factor)));
  const plans = plan(cellScale);

  const tree = buildOrgTree({
    ids,
    seedLabel,
    codePrefix,
    timestamp,
    province: districtCount > 1 ? { name: provinceCommitteeName(), code: "TU", establishedOn: day(1946, 2, 3) } : null,
    districts: plans.map((grassrootsPlans, index) => ({
      committee: { name: `Huyện ủy ${districtName(index)}`, code: "HU", establishedOn: day(1947, 3, 1) },
      grassroots: grassrootsPlans,
    })),
  });
  const cells = tree.districts.flatMap(cellsUnder);
  const sizes = allocateSizes(cells, memberTarget, seedLabel);
  const { members, cellAssignments, byDemoUsername } = buildMembers({
    tree,
    sizes,
    ids,
    seedLabel,
    timestamp,
    cardPrefix: codePrefix,
    currentYear,
    ratingDate: calendarOf(currentYear).ratingDate,
    asOf: snapshotDay(currentYear),
  });

  const { users, roleAssignments, accounts } = buildAccounts(ids, tree.root, tree.districts[0], byDemoUsername, namespace, timestamp);
  // Accounts come in DEMO_ACCOUNTS order; usernames may carry the namespace.
  const userOf = (username: DemoUsername) => accounts[DEMO_ACCOUNTS.findIndex((a) => a.username === username)];

  const facts = buildFacts({ tree, members, ids, seedLabel, years });

  // The demo accounts' records are in known states: the member can write, the secretaries have work.
  const fixedStates = new Map<string, RecordState>();
  const fixedCellPhases = new Map<string, CellPhase>();
  const secretaryUserIdByCell = new Map<string, string>();
  const fix = (username: DemoPersonKey, state: RecordState, phase?: CellPhase) => {
    const member = byDemoUsername.get(username);
    if (!member) return;
    fixedStates.set(member.row.id, state);
    if (phase) fixedCellPhases.set(member.row.cellId, phase);
    if (username === "bithu" || username === "bithu2") secretaryUserIdByCell.set(member.row.cellId, userOf(username).userId);
  };
  fix("bithu", "SUBMITTED", "selfReview");
  fix("dangvien", "DRAFT");
  fix("bithu2", "REVIEWED", "meetingFinal");
  // The rest of the first commune has held its meetings: `danguy` has a whole organization's proposals
  // to decide (bithu's cell still to meet), and the cells propose more EXCELLENT than the 20 % allow.
  const bithuCell = byDemoUsername.get("bithu")?.row.cellId;
  const commune = tree.nodes.find((n) => n.row.id === bithuCell)?.grassroots;
  for (const node of tree.nodes) {
    if (commune && node.isCell && node.grassroots === commune && !fixedCellPhases.has(node.row.id)) fixedCellPhases.set(node.row.id, "meetingFinal");
  }
  // The demo cell shows the opinions before the meeting: one of its members was temporarily active in a
  // hamlet of another commune this year, and that cell's comment is still awaited (the record a draft).
  const showcase = temporaryActivityShowcase(members, byDemoUsername, tree.districts[0], currentYear);
  if (showcase) {
    cellAssignments.push({
      id: ids.next("cellAssignment"),
      memberId: showcase.row.id,
      cellId: showcase.temporary!.cell.row.id,
      kind: "TEMPORARY",
      fromDate: showcase.temporary!.from,
      toDate: showcase.temporary!.to,
      note: "Sinh hoạt tạm thời trong thời gian đi làm việc xa nơi cư trú",
    });
    fixedStates.set(showcase.row.id, "DRAFT");
  }

  // The demo member has tasks to report; the demo secretary, results of the cell's members to confirm.
  const taskShowcases = new Map<string, "toReport" | "toConfirm">();
  const bithu = byDemoUsername.get("bithu");
  if (bithu) {
    for (const m of members)
      if (m.row.cellId === bithu.row.cellId && m !== bithu && m.row.category !== "LEADER_MANAGER") taskShowcases.set(m.row.id, "toConfirm");
  }
  const dangvien = byDemoUsername.get("dangvien");
  if (dangvien) taskShowcases.set(dangvien.row.id, "toReport");

  const reviews = buildReviews({
    tree,
    members,
    facts,
    ids,
    seedLabel,
    years,
    deciderUserId: userOf("quantri").userId,
    secretaryUserIdByCell,
    fixedStates,
    fixedCellPhases,
    taskShowcases,
    taskScale: options.taskScale,
  });

  return {
    organizations: tree.nodes.map((n) => n.row),
    closure: closureRows(tree.nodes),
    members: members.map((m) => m.row),
    cellAssignments,
    civilServiceRatings: facts.civilServiceRows,
    disciplines: facts.disciplineRows,
    leaves: facts.leaveRows,
    users,
    roleAssignments,
    ...reviews,
    accounts,
  };
}

function expectedMembers(plans: readonly OrgPlan[]): number {
  let total = 0;
  const walk = (p: OrgPlan) => {
    if (p.size) total += (p.size[0] + p.size[1]) / 2;
    p.children.forEach(walk);
  };
  plans.forEach(walk);
  return total;
}

/**
 * One account per role, tied to the demo people: the administrator over everything, the standing
 * committee and the organization board over the (first) district, the rest in the first commune.
 * Everyone with a member also holds MEMBER over their own cell.
 */
function buildAccounts(
  ids: IdFactory,
  root: OrgNode,
  district: OrgNode,
  byDemoUsername: ReadonlyMap<DemoPersonKey, MemberInfo>,
  namespace: string,
  timestamp: Date,
): { users: UserRow[]; roleAssignments: RoleAssignmentRow[]; accounts: BuiltAccount[] } {
  const users: UserRow[] = [];
  const roleAssignments: RoleAssignmentRow[] = [];
  const accounts: BuiltAccount[] = [];
  for (const template of DEMO_ACCOUNTS) {
    const member = template.username === "quantri" ? null : (byDemoUsername.get(template.username) ?? null);
    const cell = member ? member.stays[member.stays.length - 1].cell : null;
    const scope = scopeOf(template, root, district, cell);
    const user: UserRow = {
      id: ids.next("user"),
      username: namespace ? `${template.username}.${namespace}` : template.username,
      displayName: template.username === "quantri" ? DEMO_ADMIN_DISPLAY_NAME : DEMO_PEOPLE[template.username].fullName,
      memberId: member?.row.id ?? null,
      locale: "vi",
      active: true,
      lastLoginAt: null,
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    users.push(user);
    const grant = (role: RoleAssignmentRow["role"], organization: OrgNode) =>
      roleAssignments.push({ id: ids.next("roleAssignment"), userId: user.id, role, organizationId: organization.row.id, createdAt: timestamp });
    grant(template.role, scope);
    if (cell && !(template.role === "MEMBER" && scope === cell)) grant("MEMBER", cell);
    accounts.push({
      username: user.username,
      role: template.role,
      displayName: user.displayName,
      organizationName: scope.row.name,
      organizationCode: scope.row.code,
      userId: user.id,
      organizationId: scope.row.id,
      memberId: member?.row.id ?? null,
      memberCellId: cell?.row.id ?? null,
    });
  }
  return { users, roleAssignments, accounts };
}

function scopeOf(account: DemoAccount, root: OrgNode, district: OrgNode, cell: OrgNode | null): OrgNode {
  switch (account.role) {
    case "ADMIN":
      return root;
    case "UPPER_STANDING":
    case "UPPER_BOARD":
      return district;
    case "GRASSROOTS_COMMITTEE":
      return cell?.grassroots ?? district.children[0] ?? district;
    default:
      return cell ?? firstCell(district);
  }
}

function firstCell(node: OrgNode): OrgNode {
  return cellsUnder(node)[0] ?? node;
}

/** Row counts and the figures the seed prints: organizations by kind, members by status, records by state. */
export function describeDataset(data: DemoDataset) {
  const count = <T>(rows: readonly T[], key: (row: T) => string) => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
    return counts;
  };
  const yearOfCycle = new Map(data.cycles.map((c) => [c.id, c.year]));
  return {
    rows: Object.fromEntries(
      Object.entries(data)
        .filter(([key]) => key !== "accounts")
        .map(([key, rows]) => [key, (rows as unknown[]).length]),
    ) as Record<Exclude<keyof DemoDataset, "accounts">, number>,
    organizationsByKind: count(data.organizations, (o) => o.kind),
    membersByStatus: count(data.members, (m) => m.status),
    probationary: data.members.filter((m) => m.officialOn === null).length,
    recordsByYearAndState: count(data.records, (r) => `${yearOfCycle.get(r.cycleId)} ${r.subjectKind} ${r.state}`),
  };
}

/**
 * The first plain member of the demo secretary's cell (no post, not a demo account, official, never
 * moved) is given a temporary activity from March to August of the year in a hamlet cell of another
 * commune. Called after buildMembers, so every other row and id stays as it was.
 */
function temporaryActivityShowcase(
  members: MemberInfo[],
  byDemoUsername: ReadonlyMap<DemoPersonKey, MemberInfo>,
  district: OrgNode,
  year: number,
): MemberInfo | null {
  const secretary = byDemoUsername.get("bithu");
  if (!secretary) return null;
  const cellId = secretary.row.cellId;
  const member = members.find(
    (m) =>
      m.row.cellId === cellId &&
      !m.holdsPost &&
      !m.demoUsername &&
      m.row.status === "ACTIVE" &&
      m.row.officialOn !== null &&
      m.stays.length === 1 &&
      !m.temporary,
  );
  const home = secretary.stays[secretary.stays.length - 1].cell;
  const elsewhere = cellsUnder(district).find((c) => c.profile === "residential" && c.grassroots !== home.grassroots && c.plan?.establishedOn === undefined);
  if (!member || !elsewhere) return null;
  member.temporary = { cell: elsewhere, from: day(year, 3, 2), to: day(year, 9, 1) };
  return member;
}
