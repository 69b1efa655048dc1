// Used by the seed (prisma/seed.ts) and by the test fixtures (tests/integration/fixtures.ts): writes a
// dataset built by lib/demo into the database. It takes the client as an argument instead of importing
// lib/data/db.ts, whose `server-only` import fails outside Next.
//
// Tables are written in the order the foreign keys need, by default in one transaction: a failed write
// leaves nothing behind (the launcher only seeds an empty database, so a half-seeded one would never be
// repaired). A province may instead be written over several connections at once (`lanes`), which is not
// atomic: the caller clears the tables if it fails, as prisma/seed.ts does.
//
// Why not createMany: Prisma's createMany handles every row in JavaScript and managed 2 000–5 000 rows a
// second here, which puts a province (about five million rows) near half an hour. Each chunk below is one
// INSERT … SELECT FROM unnest(…) with one array parameter per column, ten times faster; the column lists
// are typed against the row types, and the row types are checked against Prisma's inputs (columnsOf).

import { hashPassword } from "@/lib/security/password";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import type {
  CellAssignmentRow,
  CivilServiceRatingRow,
  DemoDataset,
  DisciplineRow,
  LeaveRow,
  MeetingRow,
  MemberRow,
  OpinionRow,
  OrganizationRow,
  OrgClosureRow,
  PeerGroupRow,
  QuotaOverrideRow,
  RatingDecisionRow,
  RemediationItemRow,
  ReviewCycleRow,
  ReviewRecordRow,
  RoleAssignmentRow,
  ScoreSheetRow,
  SelfReviewRow,
  TaskFileRow,
  TaskQuarterReviewRow,
  TaskRow,
  UserRow,
} from "@/lib/demo/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export interface WriteDistrictOptions {
  /** The argon2id hash of every demo account's password; by default DEMO_PASSWORD is hashed once. */
  passwordHash?: string;
  /** Rows per INSERT statement (default 10 000). */
  chunkSize?: number;
  /**
   * Connections writing chunks of the same table at once (default 1: one transaction). More is faster on
   * a multi-core server (2 lanes: 1.8× here) but not atomic.
   */
  lanes?: number;
  /** Called after each table with its row count and the milliseconds it took. */
  onTable?: (table: string, rows: number, ms: number) => void;
}

/** Rows written, by table. */
export type WrittenCounts = Record<string, number>;

type UserWithHash = UserRow & { passwordHash: string };

/** How a column travels: as an array of this SQL type, cast to the column's type in the SELECT. */
type SqlType = "text" | "int4" | "bool" | "date" | "timestamp" | "jsonb" | "bytea" | `enum:${string}`;
/** Every field of the row, optional ones included: a forgotten column is a compile error. */
type Columns<Row> = { readonly [K in keyof Row]-?: SqlType };
/**
 * A table's columns, typed against its row type, which must still be what createMany would accept for its
 * model: a schema change that the rows do not follow fails the type check here.
 */
const columnsOf = <Input, Row extends Input>(columns: Columns<Row>) => columns;

const ORGANIZATION = columnsOf<Prisma.OrganizationCreateManyInput, OrganizationRow>({
  id: "text",
  code: "text",
  name: "text",
  nameSearch: "text",
  kind: "enum:OrgKind",
  sector: "enum:OrgSector",
  parentId: "text",
  depth: "int4",
  position: "int4",
  establishedOn: "date",
  dissolvedOn: "date",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const CLOSURE = columnsOf<Prisma.OrgClosureCreateManyInput, OrgClosureRow>({ ancestorId: "text", descendantId: "text", distance: "int4" });
const MEMBER = columnsOf<Prisma.MemberCreateManyInput, MemberRow>({
  id: "text",
  cardNumber: "text",
  fullName: "text",
  nameSearch: "text",
  gender: "enum:Gender",
  birthDate: "date",
  admittedOn: "date",
  officialOn: "date",
  category: "enum:MemberCategory",
  post: "text",
  isCivilServant: "bool",
  status: "enum:MemberStatus",
  statusSince: "date",
  cellId: "text",
  grassrootsId: "text",
  residenceCell: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const CELL_ASSIGNMENT = columnsOf<Prisma.MemberCellAssignmentCreateManyInput, CellAssignmentRow>({
  id: "text",
  memberId: "text",
  cellId: "text",
  kind: "enum:CellAssignmentKind",
  fromDate: "date",
  toDate: "date",
  note: "text",
});
const CIVIL_SERVICE_RATING = columnsOf<Prisma.CivilServiceRatingCreateManyInput, CivilServiceRatingRow>({
  memberId: "text",
  year: "int4",
  level: "enum:RatingLevel",
});
const DISCIPLINE = columnsOf<Prisma.DisciplineCreateManyInput, DisciplineRow>({
  id: "text",
  memberId: "text",
  decidedOn: "date",
  form: "enum:DisciplineForm",
  reason: "text",
  selfDetectedAndRemedied: "bool",
  countedInYear: "int4",
});
const LEAVE = columnsOf<Prisma.LeaveCreateManyInput, LeaveRow>({ id: "text", memberId: "text", kind: "enum:LeaveKind", fromDate: "date", toDate: "date" });
const USER = columnsOf<Prisma.UserCreateManyInput, UserWithHash>({
  id: "text",
  username: "text",
  passwordHash: "text",
  displayName: "text",
  memberId: "text",
  locale: "text",
  active: "bool",
  lastLoginAt: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const ROLE_ASSIGNMENT = columnsOf<Prisma.RoleAssignmentCreateManyInput, RoleAssignmentRow>({
  id: "text",
  userId: "text",
  role: "enum:Role",
  organizationId: "text",
  createdAt: "timestamp",
});
const CYCLE = columnsOf<Prisma.ReviewCycleCreateManyInput, ReviewCycleRow>({
  id: "text",
  upperOrgId: "text",
  year: "int4",
  ruleSet: "enum:RuleSetId",
  ratingDate: "date",
  quotaBase: "enum:QuotaBase",
  status: "enum:CycleStatus",
  selfReviewDue: "date",
  meetingsDue: "date",
  grassrootsDue: "date",
  upperDecisionDue: "date",
  options: "jsonb",
  peerGroupsFrozenAt: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const SCORE_SHEET = columnsOf<Prisma.ScoreSheetCreateManyInput, ScoreSheetRow>({
  id: "text",
  cycleId: "text",
  framework: "enum:ScoreFramework",
  groups: "jsonb",
  version: "int4",
  updatedAt: "timestamp",
});
const PEER_GROUP = columnsOf<Prisma.PeerGroupCreateManyInput, PeerGroupRow>({
  id: "text",
  cycleId: "text",
  kind: "enum:SubjectKind",
  code: "text",
  name: "text",
  decidingOrgId: "text",
});
const QUOTA_OVERRIDE = columnsOf<Prisma.QuotaOverrideCreateManyInput, QuotaOverrideRow>({
  id: "text",
  cycleId: "text",
  peerGroupId: "text",
  decisionNo: "text",
  decidedOn: "date",
  issuer: "text",
  reason: "text",
  ratePercent: "int4",
  createdById: "text",
  createdAt: "timestamp",
});
const RECORD = columnsOf<Prisma.ReviewRecordCreateManyInput, ReviewRecordRow>({
  id: "text",
  cycleId: "text",
  subjectKind: "enum:SubjectKind",
  memberId: "text",
  organizationId: "text",
  scopeOrgId: "text",
  peerGroupId: "text",
  state: "enum:RecordState",
  notRatedReason: "enum:NotRatedReason",
  selfLevel: "enum:RatingLevel",
  proposedLevel: "enum:RatingLevel",
  decidedLevel: "enum:RatingLevel",
  criteria: "jsonb",
  voteTally: "jsonb",
  targetsCompletedPercent: "int4",
  degradationConcluded: "bool",
  leadershipDisciplined: "bool",
  disunityConcluded: "bool",
  localBodiesAtLeastGood: "bool",
  forceMajeure: "bool",
  category: "enum:MemberCategory",
  scoreItems: "jsonb",
  scoreGeneralTenths: "int4",
  scoreResultsTenths: "int4",
  tasksAssigned: "int4",
  tasksCompleted: "int4",
  tasksOnTime: "int4",
  tasksExceeded: "int4",
  shortcomingsNamed: "int4",
  shortcomingsRemedied: "int4",
  prohibitedActsConcluded: "bool",
  ledUnitsCount: "int4",
  ledUnitsNotCompleted: "int4",
  lowConfidenceOver50: "bool",
  corruptionInScope: "bool",
  fiveTargetsMissed: "bool",
  leadershipMemberDegraded: "bool",
  leadershipDisciplines: "jsonb",
  decisionReason: "text",
  verificationNote: "text",
  verifiedAt: "timestamp",
  decidedAt: "timestamp",
  publishedAt: "timestamp",
  version: "int4",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const SELF_REVIEW = columnsOf<Prisma.SelfReviewCreateManyInput, SelfReviewRow>({
  id: "text",
  recordId: "text",
  template: "text",
  content: "jsonb",
  enteredOnBehalfById: "text",
  submittedAt: "timestamp",
  version: "int4",
  updatedAt: "timestamp",
});
const OPINION = columnsOf<Prisma.OpinionCreateManyInput, OpinionRow>({
  id: "text",
  recordId: "text",
  source: "enum:OpinionSource",
  text: "text",
  givenOn: "date",
  givenBy: "text",
  createdAt: "timestamp",
});
const MEETING = columnsOf<Prisma.MeetingCreateManyInput, MeetingRow>({
  id: "text",
  cycleId: "text",
  organizationId: "text",
  heldOn: "date",
  place: "text",
  chairName: "text",
  recorderName: "text",
  minutes: "jsonb",
  status: "enum:MeetingStatus",
  finalizedAt: "timestamp",
  version: "int4",
  updatedAt: "timestamp",
});
const DECISION = columnsOf<Prisma.RatingDecisionCreateManyInput, RatingDecisionRow>({
  id: "text",
  recordId: "text",
  level: "enum:RatingLevel",
  reason: "text",
  decidedById: "text",
  decidedAt: "timestamp",
  supersededAt: "timestamp",
});
const REMEDIATION = columnsOf<Prisma.RemediationItemCreateManyInput, RemediationItemRow>({
  id: "text",
  memberId: "text",
  year: "int4",
  shortcoming: "text",
  measures: "text",
  responsible: "text",
  deadline: "date",
  status: "enum:RemediationStatus",
  updatedAt: "timestamp",
});

const TASK = columnsOf<Prisma.TaskCreateManyInput, TaskRow>({
  id: "text",
  subjectKind: "enum:SubjectKind",
  memberId: "text",
  organizationId: "text",
  year: "int4",
  title: "text",
  source: "text",
  assignedOn: "date",
  dueOn: "date",
  expectedProduct: "text",
  qualityMeasure: "text",
  status: "enum:TaskStatus",
  outcome: "enum:TaskOutcome",
  doneOn: "date",
  product: "text",
  productLink: "text",
  exceeded: "bool",
  exceededGrounds: "text",
  notDoneReason: "text",
  forceMajeure: "bool",
  returnReason: "text",
  reportedAt: "timestamp",
  confirmedAt: "timestamp",
  confirmedById: "text",
  version: "int4",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});
const TASK_FILE = columnsOf<Prisma.TaskFileCreateManyInput, TaskFileRow>({
  id: "text",
  taskId: "text",
  fileName: "text",
  contentType: "text",
  size: "int4",
  sha256: "text",
  content: "bytea",
  uploadedById: "text",
  createdAt: "timestamp",
});
const TASK_QUARTER = columnsOf<Prisma.TaskQuarterReviewCreateManyInput, TaskQuarterReviewRow>({
  id: "text",
  subjectKind: "enum:SubjectKind",
  memberId: "text",
  organizationId: "text",
  year: "int4",
  quarter: "int4",
  selfLevel: "enum:RatingLevel",
  selfNote: "text",
  selfAt: "timestamp",
  confirmedLevel: "enum:RatingLevel",
  confirmedNote: "text",
  confirmedAt: "timestamp",
  confirmedById: "text",
  version: "int4",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});

export async function writeDistrict(db: PrismaClient, data: DemoDataset, options: WriteDistrictOptions = {}): Promise<WrittenCounts> {
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const chunkSize = options.chunkSize ?? 10_000;
  const lanes = Math.max(1, Math.floor(options.lanes ?? 1));
  const counts: WrittenCounts = {};

  const writer =
    (client: Executor, laneCount: number): Write =>
    async (table, columns, rows) => {
      const started = Date.now();
      const sql = insertSql(table, columns);
      const names = Object.keys(columns) as Array<keyof (typeof rows)[number] & string>;
      const chunks: Array<(typeof rows)[number][]> = [];
      for (let i = 0; i < rows.length; i += chunkSize) chunks.push(rows.slice(i, i + chunkSize));
      // A table that references itself (Organization) goes chunk after chunk: parents before children.
      const width = table === "Organization" ? 1 : laneCount;
      await Promise.all(
        Array.from({ length: Math.min(width, chunks.length) }, async (_, lane) => {
          for (let c = lane; c < chunks.length; c += width) {
            const chunk = chunks[c];
            await client.$executeRawUnsafe(sql, ...names.map((name) => arrayLiteral(chunk.map((row) => toSql(row[name], columns[name])))));
          }
        }),
      );
      counts[table] = rows.length;
      options.onTable?.(table, rows.length, Date.now() - started);
    };

  if (lanes > 1) {
    await writeAll(writer(db, lanes), data, passwordHash);
  } else {
    // A province on one connection takes minutes: allow them, not the default 5 s.
    await db.$transaction((tx) => writeAll(writer(tx, 1), data, passwordHash), { timeout: 30 * 60_000, maxWait: 60_000 });
  }
  return counts;
}

/** What the writer needs of a client or a transaction. */
type Executor = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

type Write = <Row>(table: string, columns: Columns<Row>, rows: readonly Row[]) => Promise<void>;

async function writeAll(write: Write, data: DemoDataset, passwordHash: string): Promise<void> {
  // Parents come before children in `organizations`, so every chunk finds its parents written.
  await write("Organization", ORGANIZATION, data.organizations);
  await write("OrgClosure", CLOSURE, data.closure);
  await write("Member", MEMBER, data.members);
  await write("MemberCellAssignment", CELL_ASSIGNMENT, data.cellAssignments);
  await write("CivilServiceRating", CIVIL_SERVICE_RATING, data.civilServiceRatings);
  await write("Discipline", DISCIPLINE, data.disciplines);
  await write("Leave", LEAVE, data.leaves);
  await write(
    "User",
    USER,
    data.users.map((user) => ({ ...user, passwordHash })),
  );
  await write("RoleAssignment", ROLE_ASSIGNMENT, data.roleAssignments);
  await write("ReviewCycle", CYCLE, data.cycles);
  await write("ScoreSheet", SCORE_SHEET, data.scoreSheets);
  await write("PeerGroup", PEER_GROUP, data.peerGroups);
  await write("QuotaOverride", QUOTA_OVERRIDE, data.quotaOverrides);
  await write("ReviewRecord", RECORD, data.records);
  await write("SelfReview", SELF_REVIEW, data.selfReviews);
  await write("Opinion", OPINION, data.opinions);
  await write("Meeting", MEETING, data.meetings);
  await write("RatingDecision", DECISION, data.decisions);
  await write("RemediationItem", REMEDIATION, data.remediationItems);
  await write("Task", TASK, data.tasks);
  await write("TaskFile", TASK_FILE, data.taskFiles);
  await write("TaskQuarterReview", TASK_QUARTER, data.taskQuarterReviews);
}

/**
 * INSERT INTO "T" ("a", "b") SELECT "a"::"Enum", "b" FROM unnest($1::text[], $2::int4[]) AS t("a", "b").
 * Table, column and type names are constants of this file; only values travel as parameters.
 */
function insertSql(table: string, columns: Readonly<Record<string, SqlType>>): string {
  const entries = Object.entries(columns) as Array<[string, SqlType]>;
  const quoted = entries.map(([name]) => `"${name}"`).join(", ");
  const select = entries
    .map(([name, type]) => (type.startsWith("enum:") ? `t."${name}"::"${type.slice(5)}"` : type === "jsonb" ? `t."${name}"::jsonb` : `t."${name}"`))
    .join(", ");
  const arrays = entries.map(([, type], i) => `$${i + 1}::${arrayType(type)}[]`).join(", ");
  return `INSERT INTO "${table}" (${quoted}) SELECT ${select} FROM unnest(${arrays}) AS t(${quoted})`;
}

/**
 * A column's values as one PostgreSQL array literal ({"a","b",NULL}), sent as a single text parameter:
 * the driver passes one string through instead of handling every element of a 10 000-element array,
 * which made the province's writes CPU-bound in Node. Every text value is quoted, so only a bare NULL
 * is null; inside quotes a backslash escapes " and \.
 */
function arrayLiteral(values: ReadonlyArray<string | number | boolean | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) parts[i] = "NULL";
    else if (typeof value === "string") parts[i] = `"${value.replace(/[\\"]/g, "\\$&")}"`;
    else if (typeof value === "boolean") parts[i] = value ? "t" : "f";
    else parts[i] = String(value);
  }
  return `{${parts.join(",")}}`;
}

function arrayType(type: SqlType): string {
  if (type === "timestamp") return "timestamp(3)";
  if (type === "jsonb" || type.startsWith("enum:")) return "text";
  return type;
}

/** Dates as text PostgreSQL reads without a time zone: a day for DATE, UTC for TIMESTAMP(3) (as Prisma stores). */
function toSql(value: unknown, type: SqlType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  // bytea in hex form (\x…): the array literal quotes it and escapes the backslash.
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString().replace("Z", "");
  if (type === "jsonb") return JSON.stringify(value);
  return value as string | number | boolean;
}
