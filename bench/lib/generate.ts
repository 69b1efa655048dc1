import type {
  Criterion,
  Discipline,
  GradingInput,
  Level,
  LevelOrNotRated,
  MemberInput,
  OrganizationInput,
  SubjectInput,
} from "../../lib/grading";

// A deterministic territory for the grading benchmark: grassroots organizations (one member peer group
// each) grouped under districts, with the mix of facts a real review year shows. Seeded, so every run
// evaluates the same subjects.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface TerritorySize {
  members: number;
  /** Member peer groups: one per grassroots organization. */
  memberGroups: number;
  /** Grassroots organizations are rated too, in peer groups by type under each district. */
  districts: number;
}

export const PROVINCE: TerritorySize = { members: 300_000, memberGroups: 3_000, districts: 10 };
export const COUNTRY: TerritorySize = { members: 5_500_000, memberGroups: 55_000, districts: 700 };

const ORGANIZATION_TYPES = ["communes", "agencies", "enterprises", "schools", "armed-forces"] as const;

// Shared, immutable fact values: millions of members reuse a few arrays instead of allocating their own.
const CRITERIA: readonly (readonly Criterion[])[] = [
  [
    { taskResult: true, grade: "EXCELLENT" },
    { taskResult: false, grade: "GOOD" },
  ],
  [
    { taskResult: true, grade: "GOOD" },
    { taskResult: false, grade: "GOOD" },
  ],
  [
    { taskResult: true, grade: "AVERAGE" },
    { taskResult: false, grade: "GOOD" },
  ],
  [
    { taskResult: true, grade: "GOOD" },
    { taskResult: false, grade: "POOR" },
  ],
];
const DISCIPLINES: readonly (readonly Discipline[])[] = [
  [{ decidedOn: "2024-05-01" }],
  [{ decidedOn: "2024-03-15", selfDetectedAndRemedied: true }],
  [{ decidedOn: "2023-11-20" }],
];
const CIVIL_SERVICE_LEVELS: readonly Level[] = ["EXCELLENT", "GOOD", "GOOD", "COMPLETED", "NOT_COMPLETED"];

/**
 * Joins into a flat string, as JSON.parse or a database driver returns: a template literal would leave
 * a rope that V8 flattens on first comparison, a cost real input never pays.
 */
function flat(...parts: string[]): string {
  return parts.join("");
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A proposal mix close to published results: most GOOD, some EXCELLENT (often over the cap), a few below. */
function proposalFor(roll: number): LevelOrNotRated {
  if (roll < 0.17) return "EXCELLENT";
  if (roll < 0.87) return "GOOD";
  if (roll < 0.97) return "COMPLETED";
  return "NOT_COMPLETED";
}

function generateMember(random: () => number, id: string, peerGroup: string): MemberInput {
  const subject: MemberInput = { id, kind: "MEMBER", peerGroup, proposed: proposalFor(random()) };
  const roll = random();
  if (roll < 0.01) subject.status = "EXEMPT";
  else if (roll < 0.012) subject.status = "SUSPENDED";
  else if (roll < 0.04) subject.admittedOn = random() < 0.5 ? "2024-08-31" : "2024-03-02";
  if (random() < 0.3) subject.criteria = pick(random, CRITERIA);
  if (random() < 0.25) subject.civilServantLevel = pick(random, CIVIL_SERVICE_LEVELS);
  if (random() < 0.01) subject.disciplines = pick(random, DISCIPLINES);
  if (random() < 0.02) subject.sickLeaveDays = 60 + Math.floor(random() * 60);
  if (random() < 0.01) subject.targetsCompletedPercent = Math.floor(random() * 100);
  if (random() < 0.005) subject.reviewDone = false;
  if (subject.status || (subject.admittedOn === "2024-08-31" && random() < 0.9)) subject.proposed = "NOT_RATED";
  return subject;
}

function generateOrganization(
  random: () => number,
  id: string,
  peerGroup: string,
  memberLevels: LevelOrNotRated[],
): OrganizationInput {
  const subordinateUnits = 3 + Math.floor(random() * 12);
  return {
    id,
    kind: "ORGANIZATION",
    peerGroup,
    proposed: proposalFor(random()),
    establishedOn: random() < 0.01 ? "2024-09-01" : "1990-01-01",
    criteria: random() < 0.5 ? pick(random, CRITERIA) : undefined,
    subordinateLevels: memberLevels,
    subordinateUnits,
    disciplinedSubordinateUnits: random() < 0.05 ? Math.floor(random() * subordinateUnits) : 0,
    localBodiesAtLeastGood: random() < 0.9,
    leadershipDisciplined: random() < 0.005,
    disunityConcluded: random() < 0.002,
    targetsCompletedPercent: 40 + Math.floor(random() * 61),
    forceMajeure: random() < 0.01,
  };
}

/**
 * The members of every grassroots organization (ids in order, so already sorted as evaluate outputs
 * them), then the organizations themselves, each carrying the proposed levels of its first members.
 */
export function generateTerritory(size: TerritorySize, seed = 20_241_210): GradingInput {
  const random = seededRandom(seed);
  const subjects: SubjectInput[] = [];
  const organizations: OrganizationInput[] = [];
  const perGroup = Math.floor(size.members / size.memberGroups);
  let remainder = size.members - perGroup * size.memberGroups;
  for (let group = 0; group < size.memberGroups; group++) {
    const tccs = flat("tccs-", String(group).padStart(6, "0"));
    const count = perGroup + (remainder-- > 0 ? 1 : 0);
    const memberLevels: LevelOrNotRated[] = [];
    for (let index = 0; index < count; index++) {
      const member = generateMember(random, flat("m-", tccs, "-", String(index).padStart(4, "0")), tccs);
      subjects.push(member);
      if (memberLevels.length < 30) memberLevels.push(member.proposed);
    }
    const district = group % size.districts;
    const type = ORGANIZATION_TYPES[Math.floor(group / size.districts) % ORGANIZATION_TYPES.length];
    organizations.push(generateOrganization(random, flat("o-", tccs), flat("district-", String(district), "-", type), memberLevels));
  }
  // "m-…" sorts before "o-…": appending the organizations keeps every id in order.
  for (const organization of organizations) subjects.push(organization);
  // One grassroots organization in a hundred has a committee decision letting it exceed the cap.
  const overrides = Array.from({ length: Math.floor(size.memberGroups / 100) }, (_, index) => ({
    peerGroup: flat("tccs-", String(index * 100).padStart(6, "0")),
    decisionNo: `${index + 1}-QĐ/HU`,
    decidedOn: "2024-12-20",
    issuer: "Ban Thường vụ Huyện ủy",
    reason: "Đơn vị có thành tích nổi trội",
  }));
  return { ruleSet: "QD132_HD21", ratingDate: "2024-12-10", quotaBase: "GOOD_ONLY", subjects, overrides };
}

/** The same subjects in a seeded random order, to measure the cost of sorting the output. */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
