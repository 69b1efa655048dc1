import type {
  Criterion,
  Discipline,
  GradingInput,
  Level,
  LevelOrNotRated,
  MemberInput,
  OrganizationInput,
  QuotaOverride,
  Score,
  Shortcomings,
  SubjectInput,
  Tasks,
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

function generateOrganization(random: () => number, id: string, peerGroup: string, memberLevels: LevelOrNotRated[]): OrganizationInput {
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

// QD366_HD43 (the 100-point scale), rated on 2026-12-15: scores mostly between 75 and 90, tasks mostly
// done on time, a few leaders and organizations with the rarer forcing facts.
const SCORES: readonly Score[] = [
  { general: 28, results: 67 },
  { general: 27.5, results: 63.5 },
  { general: 26, results: 63.9 },
  { general: 25, results: 60 },
  { general: 25, results: 60 },
  { general: 24.5, results: 56 },
  { general: 24, results: 55 },
  { general: 22, results: 50.5 },
  { general: 20, results: 45 },
  { general: 18, results: 37 },
  { general: 15, results: 30.5 },
];
const TASKS: readonly Tasks[] = [
  { assigned: 10, completed: 10, onTime: 10, exceeded: 4 },
  { assigned: 10, completed: 10, onTime: 10, exceeded: 3 },
  { assigned: 10, completed: 10, onTime: 10, exceeded: 1 },
  { assigned: 8, completed: 8, onTime: 8, exceeded: 0 },
  { assigned: 10, completed: 10, onTime: 9, exceeded: 2 },
  { assigned: 6, completed: 6, onTime: 3, exceeded: 0 },
  { assigned: 10, completed: 9, onTime: 9, exceeded: 0 },
  { assigned: 10, completed: 4, onTime: 4, exceeded: 0 },
  { assigned: 0, completed: 0, onTime: 0, exceeded: 0 },
];
const SHORTCOMINGS: readonly Shortcomings[] = [
  { named: 2, remedied: 2 },
  { named: 3, remedied: 1 },
];
const NO_DISCIPLINES: readonly Discipline[] = [];
const DISCIPLINES_366: readonly (readonly Discipline[])[] = [
  [{ decidedOn: "2026-05-01" }],
  [{ decidedOn: "2026-03-15", selfDetectedAndRemedied: true }],
  [{ decidedOn: "2025-11-20" }],
];
const LED_UNITS = [
  { count: 4, notCompleted: 0 },
  { count: 5, notCompleted: 1 },
  { count: 5, notCompleted: 3 },
] as const;

/**
 * A member as a data layer builds one: one object literal with every fact key (undefined when unknown,
 * such as the score of an unfinished sheet), the leader-only facts spread in for leaders only. Real input
 * has these few object shapes, not one per combination of facts; fewer shapes also keep V8's property
 * caches fast in every rule.
 */
function generateMember366(random: () => number, id: string, peerGroup: string): MemberInput {
  const roll = random();
  const status = roll < 0.01 ? "EXEMPT" : roll < 0.012 ? "SUSPENDED" : "ACTIVE";
  const admittedOn = roll >= 0.012 && roll < 0.04 ? (random() < 0.5 ? "2026-08-31" : "2026-03-02") : "2001-05-19";
  const categoryRoll = random();
  const category = categoryRoll < 0.15 ? "LEADER" : categoryRoll < 0.3 ? "OUTSIDE_SYSTEM" : "NON_LEADER";
  const score = random() < 0.98 ? pick(random, SCORES) : undefined;
  const subject: MemberInput = {
    id,
    kind: "MEMBER",
    peerGroup,
    proposed: proposalFor(random()),
    status,
    admittedOn,
    reviewDone: random() >= 0.005,
    disciplines: random() < 0.01 ? pick(random, DISCIPLINES_366) : NO_DISCIPLINES,
    category,
    score,
    tasks: random() < 0.85 ? pick(random, TASKS) : undefined,
    shortcomings: random() < 0.1 ? pick(random, SHORTCOMINGS) : undefined,
    degradationConcluded: random() < 0.002,
    prohibitedActsConcluded: random() < 0.002,
    ...(category === "LEADER"
      ? {
          ledUnits: random() < 0.3 ? pick(random, LED_UNITS) : undefined,
          lowConfidenceOver50: random() < 0.005,
          corruptionInScope: random() < 0.003,
          fiveTargetsMissed: random() < 0.01,
          forceMajeure: random() < 0.02,
        }
      : {}),
  };
  if (status !== "ACTIVE" || (admittedOn === "2026-08-31" && random() < 0.9)) subject.proposed = "NOT_RATED";
  return subject;
}

function generateOrganization366(random: () => number, id: string, peerGroup: string): OrganizationInput {
  return {
    id,
    kind: "ORGANIZATION",
    peerGroup,
    proposed: proposalFor(random()),
    establishedOn: random() < 0.01 ? "2026-09-01" : "1990-01-01",
    score: pick(random, SCORES),
    tasks: pick(random, TASKS),
    shortcomings: random() < 0.2 ? pick(random, SHORTCOMINGS) : undefined,
    disciplinedSubordinateUnits: random() < 0.05 ? 1 : 0,
    leadershipDisciplines: random() < 0.01 ? pick(random, DISCIPLINES_366) : NO_DISCIPLINES,
    leadershipMemberDegraded: random() < 0.003,
    disunityConcluded: random() < 0.002,
    fiveTargetsMissed: random() < 0.01,
    forceMajeure: random() < 0.01,
  };
}

/** What differs between the rule sets a territory can be generated for. */
interface Flavour {
  ruleSet: GradingInput["ruleSet"];
  ratingDate: string;
  member(random: () => number, id: string, peerGroup: string): MemberInput;
  organization(random: () => number, id: string, peerGroup: string, memberLevels: LevelOrNotRated[]): OrganizationInput;
  override(index: number, peerGroup: string): QuotaOverride;
}

const FLAVOURS = {
  QD132_HD21: {
    ruleSet: "QD132_HD21",
    ratingDate: "2024-12-10",
    member: generateMember,
    organization: generateOrganization,
    override: (index, peerGroup) => ({
      peerGroup,
      decisionNo: `${index + 1}-QĐ/HU`,
      decidedOn: "2024-12-20",
      issuer: "Ban Thường vụ Huyện ủy",
      reason: "Đơn vị có thành tích nổi trội",
    }),
  },
  QD366_HD43: {
    ruleSet: "QD366_HD43",
    ratingDate: "2026-12-15",
    member: generateMember366,
    organization: (random, id, peerGroup) => generateOrganization366(random, id, peerGroup),
    // Half the decisions name their own rate, the others take the default 25 %.
    override: (index, peerGroup) => ({
      peerGroup,
      decisionNo: `${index + 1}-QĐ/ĐU`,
      decidedOn: "2026-12-20",
      issuer: "Ban Thường vụ Đảng ủy",
      reason: "Đơn vị có thành tích xuất sắc, nổi trội",
      ...(index % 2 === 0 ? { ratePercent: 22 } : {}),
    }),
  },
} as const satisfies Record<string, Flavour>;

export type TerritoryRuleSet = keyof typeof FLAVOURS;

/**
 * The members of every grassroots organization (ids in order, so already sorted as evaluate outputs
 * them), then the organizations themselves, each carrying the proposed levels of its first members.
 */
export function generateTerritory(size: TerritorySize, seed = 20_241_210, ruleSet: TerritoryRuleSet = "QD132_HD21"): GradingInput {
  const flavour: Flavour = FLAVOURS[ruleSet];
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
      const member = flavour.member(random, flat("m-", tccs, "-", String(index).padStart(4, "0")), tccs);
      subjects.push(member);
      if (memberLevels.length < 30) memberLevels.push(member.proposed);
    }
    const district = group % size.districts;
    const type = ORGANIZATION_TYPES[Math.floor(group / size.districts) % ORGANIZATION_TYPES.length];
    organizations.push(flavour.organization(random, flat("o-", tccs), flat("district-", String(district), "-", type), memberLevels));
  }
  // "m-…" sorts before "o-…": appending the organizations keeps every id in order.
  for (const organization of organizations) subjects.push(organization);
  // One grassroots organization in a hundred has a committee decision letting it exceed the cap.
  const overrides = Array.from({ length: Math.floor(size.memberGroups / 100) }, (_, index) =>
    flavour.override(index, flat("tccs-", String(index * 100).padStart(6, "0"))),
  );
  return { ruleSet: flavour.ruleSet, ratingDate: flavour.ratingDate, quotaBase: "GOOD_ONLY", subjects, overrides };
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
