import { toSearchKey } from "@/lib/text/search";
import { DEMO_PEOPLE, type DemoPersonKey } from "./accounts";
import { addDays, addMonths, addYears, day, maxDate, randomDay } from "./dates";
import type { IdFactory } from "./ids";
import { vietnameseName } from "./names";
import { cellsUnder, type OrgNode, type OrgTree } from "./org-tree";
import type { CellProfile } from "./places";
import { Random, randomFor } from "./random";
import { TEMPORARY_NOTES } from "./texts";
import type { CellAssignmentRow, Gender, MemberCategory, MemberRow, MemberStatus } from "./types";

// Members of every cell: names, ages, admission, posts, civil-service status, where they live, and the
// cells they were in before (transfers, units founded this year, temporary activity).

export interface CellStay {
  cell: OrgNode;
  from: Date;
  /** Exclusive; null while the member is still there. */
  to: Date | null;
}

export interface MemberInfo {
  row: MemberRow;
  profile: CellProfile;
  /** Holds a post from the plan (secretary, head, committee leader…): stable people, never transferred. */
  holdsPost: boolean;
  /** How strong a performer, 0–1: drives yearly levels so that good members stay good (streaks). */
  merit: number;
  /** OFFICIAL cells, oldest first; the last one is the current cell. */
  stays: CellStay[];
  temporary: CellStay | null;
  demoUsername: DemoPersonKey | null;
}

interface ProfileTraits {
  female: number;
  civilServant: boolean;
  category: MemberCategory;
  age: (rng: Random) => number;
  /** Age at admission, for a member aged `age` now. */
  admissionAge: (rng: Random, age: number) => number;
}

const usualAdmission = (lo: number, hi: number) => (rng: Random, age: number) =>
  Math.max(18, Math.min(age - 1, lo + Math.floor(rng.next() ** 1.5 * (hi - lo))));

const TRAITS: Record<CellProfile, ProfileTraits> = {
  // Residential cells hold retirees (over half), farmers, traders and workers of private firms.
  residential: {
    female: 0.35,
    civilServant: false,
    category: "NOT_IN_POLITICAL_SYSTEM",
    age: (rng) => (rng.chance(0.55) ? rng.around(60, 90) : rng.around(24, 60)),
    admissionAge: usualAdmission(19, 45),
  },
  communeOffice: { female: 0.35, civilServant: true, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(26, 58), admissionAge: usualAdmission(21, 35) },
  communeMilitary: {
    female: 0.05,
    civilServant: false,
    category: "NOT_IN_POLITICAL_SYSTEM",
    age: (rng) => rng.around(22, 45),
    admissionAge: usualAdmission(19, 28),
  },
  communePolice: { female: 0.1, civilServant: false, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(24, 50), admissionAge: usualAdmission(19, 26) },
  communeSchool: { female: 0.7, civilServant: true, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(25, 58), admissionAge: usualAdmission(22, 38) },
  agency: { female: 0.45, civilServant: true, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(25, 60), admissionAge: usualAdmission(21, 36) },
  school: { female: 0.65, civilServant: true, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(25, 58), admissionAge: usualAdmission(22, 38) },
  health: { female: 0.6, civilServant: true, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(26, 58), admissionAge: usualAdmission(22, 38) },
  enterprise: { female: 0.3, civilServant: false, category: "NOT_IN_POLITICAL_SYSTEM", age: (rng) => rng.around(24, 58), admissionAge: usualAdmission(20, 36) },
  military: { female: 0.08, civilServant: false, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(23, 52), admissionAge: usualAdmission(19, 26) },
  police: { female: 0.15, civilServant: false, category: "NON_LEADER_IN_SYSTEM", age: (rng) => rng.around(23, 55), admissionAge: usualAdmission(19, 26) },
};

/** A post held by one of the first members of a cell. */
interface Slot {
  post: string | null;
  leader: boolean;
  civilServant?: boolean;
  gender?: Gender;
  minAge: number;
  /** Hamlet posts go to people still active, not to the oldest retirees. */
  maxAge?: number;
  demo?: DemoPersonKey;
}

const SECRETARY = "Bí thư chi bộ";

/** Posts that only a woman or only a veteran holds. */
function postHolder(post: string): Partial<Slot> {
  if (post.includes("Phụ nữ")) return { gender: "FEMALE" };
  if (post.includes("Cựu chiến binh")) return { gender: "MALE", minAge: 55 };
  return {};
}

function slotsFor(cell: OrgNode, size: number): Slot[] {
  const plan = cell.plan!;
  const profile = cell.profile!;
  const demo = plan.demoPeople ?? [];
  const slots: Slot[] = [];
  for (const username of demo) {
    const person = DEMO_PEOPLE[username];
    if (person.post && person.post !== SECRETARY)
      slots.push({ post: person.post, leader: true, civilServant: TRAITS[profile].civilServant, minAge: 42, maxAge: 58, demo: username });
  }
  for (const post of plan.leaderPosts ?? []) slots.push({ post, leader: true, civilServant: TRAITS[profile].civilServant, minAge: 35, ...postHolder(post) });

  const secretaryDemo = demo.find((u) => DEMO_PEOPLE[u].post === SECRETARY);
  const head = profile === "residential" ? undefined : plan.headTitle;
  slots.push({
    post: secretaryDemo || !head ? SECRETARY : `${SECRETARY}, ${head}`,
    leader: true,
    // The commune's military commander is a commune civil servant; the militia are not.
    civilServant: TRAITS[profile].civilServant || profile === "communeMilitary",
    minAge: 30,
    maxAge: secretaryDemo ? 62 : 70,
    demo: secretaryDemo,
  });

  if (profile === "residential") {
    if (size >= 10) slots.push({ post: "Phó Bí thư chi bộ", leader: false, minAge: 30, maxAge: 70 });
    const headOfHamlet = cell.row.name.includes("khu phố") ? "Trưởng khu phố" : "Trưởng thôn";
    slots.push({ post: headOfHamlet, leader: false, minAge: 30, maxAge: 68 });
    slots.push({ post: "Trưởng ban công tác Mặt trận", leader: false, minAge: 40, maxAge: 75 });
    slots.push({ post: "Chi hội trưởng Hội Cựu chiến binh", leader: false, gender: "MALE", minAge: 58, maxAge: 80 });
    slots.push({ post: "Chi hội trưởng Hội Liên hiệp Phụ nữ", leader: false, gender: "FEMALE", minAge: 30, maxAge: 65 });
  } else if (plan.deputyTitle) {
    slots.push({
      post: size >= 10 ? `Phó Bí thư chi bộ, ${plan.deputyTitle}` : plan.deputyTitle,
      leader: true,
      civilServant: TRAITS[profile].civilServant,
      minAge: 30,
    });
  } else if (size >= 10) {
    slots.push({ post: "Phó Bí thư chi bộ", leader: true, civilServant: TRAITS[profile].civilServant, minAge: 30 });
  }
  for (const username of demo) {
    if (DEMO_PEOPLE[username].post === null) slots.push({ post: null, leader: false, minAge: 30, maxAge: 50, demo: username });
  }
  // A small cell cannot fill every post; the demo people always get theirs.
  const kept = slots.slice(0, size);
  for (const slot of slots.slice(size)) if (slot.demo) kept.push(slot);
  return kept;
}

// ───────────────────────────── sizes ─────────────────────────────

/** People behind demo accounts need a cell with room for them and a few colleagues. */
function minimumSize(cell: OrgNode, floor: number): number {
  const demoPeople = cell.plan?.demoPeople?.length ?? 0;
  return Math.max(floor, demoPeople ? demoPeople + 3 : 0);
}

/**
 * How many members each cell gets: natural sizes from the plans, scaled so the total is exactly
 * `target` (largest remainder), never below 3 when the target allows it (a chi bộ needs three members).
 */
export function allocateSizes(cells: readonly OrgNode[], target: number, seedLabel: string): Map<OrgNode, number> {
  const natural = cells.map((cell) => {
    const [min, max] = cell.plan!.size!;
    return randomFor(seedLabel, "size", cell.row.code).around(min, max);
  });
  const floor = target >= 3 * cells.length ? 3 : target >= cells.length ? 1 : 0;
  const minimums = cells.map((cell) => minimumSize(cell, floor));
  const spare = Math.max(0, target - minimums.reduce((s, n) => s + n, 0));
  const weight = natural.reduce((s, n) => s + n, 0);
  const shares = natural.map((n) => (spare * n) / weight);
  const sizes = shares.map((share, i) => minimums[i] + Math.floor(share));
  let left = Math.max(0, target - sizes.reduce((s, n) => s + n, 0));
  const byRemainder = shares.map((share, i) => ({ i, remainder: share - Math.floor(share) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    sizes[i]++;
  }
  return new Map(cells.map((cell, i) => [cell, sizes[i]]));
}

/** Expected members of the plans, for choosing how many residential cells a seed of a given size needs. */
export function naturalTotal(cells: readonly OrgNode[]): number {
  return cells.reduce((sum, cell) => sum + (cell.plan!.size![0] + cell.plan!.size![1]) / 2, 0);
}

// ───────────────────────────── members ─────────────────────────────

export interface MemberBuildInput {
  tree: OrgTree;
  sizes: Map<OrgNode, number>;
  ids: IdFactory;
  seedLabel: string;
  timestamp: Date;
  cardPrefix: string;
  /** The current review year: this year's moves, admissions and suspensions are dated in it. */
  currentYear: number;
  /** The rating date of the current year: who is admitted too recently to be rated. */
  ratingDate: Date;
  /** "Now" for the demo's people: ages, and whether the probation year is over. */
  asOf: Date;
}

export interface MemberBuild {
  members: MemberInfo[];
  cellAssignments: CellAssignmentRow[];
  byDemoUsername: Map<DemoPersonKey, MemberInfo>;
}

export function buildMembers(input: MemberBuildInput): MemberBuild {
  const members: MemberInfo[] = [];
  const byDemoUsername = new Map<DemoPersonKey, MemberInfo>();
  for (const district of input.tree.districts) {
    const cells = cellsUnder(district);
    const residential = cells.filter((c) => c.profile === "residential" && !isRecent(c));
    const districtMembers: MemberInfo[] = [];
    for (const cell of cells) {
      const size = input.sizes.get(cell) ?? 0;
      const rng = randomFor(input.seedLabel, "members", cell.row.code);
      const slots = slotsFor(cell, size);
      const count = Math.max(size, slots.length);
      for (let i = 0; i < count; i++) {
        const member = makeMember(input, rng, cell, slots[i] ?? null, residential, members.length);
        members.push(member);
        districtMembers.push(member);
        if (member.demoUsername) byDemoUsername.set(member.demoUsername, member);
      }
    }
    const rng = randomFor(input.seedLabel, "moves", district.row.code);
    addTransfers(rng, districtMembers, cells, input.currentYear);
    addTemporaryActivity(rng, districtMembers, cells, input.currentYear);
    suspendSome(rng, districtMembers, input.currentYear);
  }
  for (const member of members) {
    const current = member.stays[member.stays.length - 1].cell;
    member.row.cellId = current.row.id;
    member.row.grassrootsId = current.grassroots!.row.id;
  }
  return { members, cellAssignments: assignmentRows(input.ids, members), byDemoUsername };
}

/** A unit founded this year (places.ts gives only those a fixed founding date). */
function isRecent(cell: OrgNode): boolean {
  return cell.plan?.establishedOn !== undefined;
}

function makeMember(input: MemberBuildInput, rng: Random, cell: OrgNode, slot: Slot | null, residentialCells: readonly OrgNode[], index: number): MemberInfo {
  const profile = cell.profile!;
  const traits = TRAITS[profile];
  const person = slot?.demo ? DEMO_PEOPLE[slot.demo] : null;
  const gender: Gender = person?.gender ?? slot?.gender ?? (rng.chance(traits.female) ? "FEMALE" : "MALE");
  const fullName = person?.fullName ?? vietnameseName(rng, gender);
  const age = Math.min(Math.max(traits.age(rng), slot?.minAge ?? 0), slot?.maxAge ?? 120);
  const { currentYear: year, ratingDate, asOf } = input;
  const birthDate = addDays(addYears(asOf, -age), -rng.int(1, 364));

  // A few young members joined recently: some within six months of the rating date (not rated this
  // year), some still probationary (dự bị) but rated, some admitted in the second half of last year
  // (not rated last year, rated this year).
  const sixMonthsBefore = addMonths(ratingDate, -6);
  const yearBefore = addMonths(asOf, -12);
  let admittedOn: Date;
  const roll = rng.next();
  if (!slot && age <= 40 && roll < 0.02) admittedOn = randomDay(rng, addDays(sixMonthsBefore, 1), day(year, 10, 30));
  else if (!slot && age <= 40 && roll < 0.07) admittedOn = randomDay(rng, addDays(yearBefore, 1), sixMonthsBefore);
  else if (!slot && age <= 40 && roll < 0.095) admittedOn = randomDay(rng, day(year - 1, 7, 1), yearBefore);
  else {
    const admitted = addDays(addYears(birthDate, traits.admissionAge(rng, age)), rng.int(0, 364));
    admittedOn = admitted.getTime() > day(year - 1, 6, 1).getTime() ? randomDay(rng, day(year - 3, 1, 4), day(year - 1, 5, 31)) : admitted;
  }
  admittedOn = maxDate(admittedOn, addYears(birthDate, 18));
  const officialAfterYear = addMonths(admittedOn, 12);
  const officialOn = officialAfterYear.getTime() <= asOf.getTime() ? officialAfterYear : null;

  // Exempt from party work (miễn công tác và sinh hoạt đảng): elderly members of residential cells.
  let status: MemberStatus = "ACTIVE";
  let statusSince: Date | null = null;
  if (!slot && profile === "residential" && age >= 75 && rng.chance(0.035)) {
    status = "EXEMPT";
    statusSince = randomDay(rng, day(year - 8, 1, 4), day(year, 9, 30));
  }

  const isLeader = slot?.leader ?? false;
  const category: MemberCategory = isLeader ? "LEADER_MANAGER" : slot && profile === "residential" ? "NOT_IN_POLITICAL_SYSTEM" : traits.category;
  const isCivilServant = slot?.civilServant ?? traits.civilServant;

  // Working members keep in touch with the cell where they live (QĐ 213); soldiers in barracks need not.
  const needsResidence = profile !== "residential" && !((profile === "military" || profile === "police") && rng.chance(0.4));
  let residenceCell: string | null = null;
  if (needsResidence && residentialCells.length) {
    const home = rng.pick(residentialCells);
    residenceCell = `${home.row.name}, ${home.grassroots!.row.name}`;
  }

  const merit = isLeader ? 0.3 + 0.7 * rng.next() : rng.next();
  const row: MemberRow = {
    id: input.ids.next("member"),
    cardNumber: `${input.cardPrefix}${cardDigits(index)}`,
    fullName,
    nameSearch: toSearchKey(fullName),
    gender,
    birthDate,
    admittedOn,
    officialOn,
    category,
    post: person ? person.post : (slot?.post ?? null),
    isCivilServant,
    status,
    statusSince,
    cellId: cell.row.id,
    grassrootsId: cell.grassroots!.row.id,
    residenceCell,
    createdAt: input.timestamp,
    updatedAt: input.timestamp,
  };
  return {
    row,
    profile,
    holdsPost: slot !== null,
    merit,
    stays: firstStays(rng, cell, admittedOn, residentialCells),
    temporary: null,
    demoUsername: slot?.demo ?? null,
  };
}

/** 8 digits, distinct for every index below 90 million (48 271 is prime to 90 000 000). */
function cardDigits(index: number): string {
  return String(10_000_000 + ((index * 48_271 + 7_654_321) % 90_000_000));
}

/** Where a member has been: a unit founded this year took its members from the cells they were in. */
function firstStays(rng: Random, cell: OrgNode, admittedOn: Date, residentialCells: readonly OrgNode[]): CellStay[] {
  const founded = cell.row.establishedOn;
  if (admittedOn.getTime() >= founded.getTime()) return [{ cell, from: admittedOn, to: null }];
  if (!isRecent(cell)) return [{ cell, from: founded, to: null }];
  const siblings = cell.parent!.children;
  const previous = siblings[siblings.indexOf(cell) - 1];
  const source = cell.plan?.formedFrom === "previousSibling" && previous?.isCell ? previous : residentialCells.length ? rng.pick(residentialCells) : null;
  if (!source) return [{ cell, from: admittedOn, to: null }];
  return [
    { cell: source, from: maxDate(admittedOn, source.row.establishedOn), to: founded },
    { cell, from: founded, to: null },
  ];
}

/** About 2 % moved cell this year; half after six months or more in the old cell (its opinion is then needed). */
function addTransfers(rng: Random, members: MemberInfo[], cells: readonly OrgNode[], year: number): void {
  const movable = members.filter(
    (m) => !m.holdsPost && !m.demoUsername && m.stays.length === 1 && !isRecent(m.stays[0].cell) && m.row.admittedOn.getTime() < day(year, 1, 1).getTime(),
  );
  const oldCells = cells.filter((c) => !isRecent(c));
  for (const member of rng.sample(movable, Math.round(members.length * 0.02))) {
    const current = member.stays[0].cell;
    const sameKind = oldCells.filter((c) => c !== current && (c.profile === "residential") === (current.profile === "residential"));
    const elsewhere = sameKind.filter((c) => c.grassroots !== current.grassroots);
    const pool = elsewhere.length && rng.chance(0.6) ? elsewhere : sameKind;
    if (!pool.length) continue;
    const source = rng.pick(pool);
    const movedOn = rng.chance(0.5) ? randomDay(rng, day(year, 7, 1), day(year, 10, 31)) : randomDay(rng, day(year, 2, 1), day(year, 6, 14));
    member.stays = [
      { cell: source, from: maxDate(member.row.admittedOn, source.row.establishedOn), to: movedOn },
      { cell: current, from: movedOn, to: null },
    ];
  }
}

/** A few working members are temporarily active in another cell (study, secondment). */
function addTemporaryActivity(rng: Random, members: MemberInfo[], cells: readonly OrgNode[], year: number): void {
  const working = members.filter((m) => m.profile !== "residential" && !m.demoUsername && m.row.status === "ACTIVE");
  for (const member of rng.sample(working, Math.round(members.length * 0.007))) {
    const current = member.stays[member.stays.length - 1].cell;
    const others = cells.filter((c) => c !== current && !isRecent(c));
    if (!others.length) continue;
    const from = randomDay(rng, day(year, 3, 1), day(year, 10, 1));
    member.temporary = { cell: rng.pick(others), from, to: rng.chance(0.5) ? null : addDays(from, rng.int(60, 150)) };
  }
}

/** One to three members suspended from party activity (đình chỉ sinh hoạt đảng) late this year. */
function suspendSome(rng: Random, members: MemberInfo[], year: number): void {
  const candidates = members.filter((m) => !m.holdsPost && !m.demoUsername && m.row.status === "ACTIVE" && m.row.officialOn);
  const count = Math.min(3, Math.max(1, Math.round(members.length / 2000)));
  for (const member of rng.sample(candidates, count)) {
    member.row.status = "SUSPENDED";
    member.row.statusSince = randomDay(rng, day(year, 8, 1), day(year, 10, 31));
  }
}

function assignmentRows(ids: IdFactory, members: readonly MemberInfo[]): CellAssignmentRow[] {
  const rows: CellAssignmentRow[] = [];
  for (const member of members) {
    member.stays.forEach((stay, i) => {
      const next = member.stays[i + 1];
      const previous = member.stays[i - 1];
      rows.push({
        id: ids.next("cellAssignment"),
        memberId: member.row.id,
        cellId: stay.cell.row.id,
        kind: "OFFICIAL",
        fromDate: stay.from,
        toDate: stay.to,
        note: next ? `Chuyển sinh hoạt đảng chính thức đến ${next.cell.row.name}` : previous ? `Tiếp nhận từ ${previous.cell.row.name}` : null,
      });
    });
    if (member.temporary) {
      rows.push({
        id: ids.next("cellAssignment"),
        memberId: member.row.id,
        cellId: member.temporary.cell.row.id,
        kind: "TEMPORARY",
        fromDate: member.temporary.from,
        toDate: member.temporary.to,
        note: TEMPORARY_NOTES[member.row.cardNumber.charCodeAt(member.row.cardNumber.length - 1) % TEMPORARY_NOTES.length],
      });
    }
  }
  return rows;
}

/** The OFFICIAL cell on a date, or null before the member was admitted. */
export function cellOn(member: MemberInfo, date: Date): OrgNode | null {
  const t = date.getTime();
  for (const stay of member.stays) {
    if (stay.from.getTime() <= t && (stay.to === null || t < stay.to.getTime())) return stay.cell;
  }
  return null;
}
