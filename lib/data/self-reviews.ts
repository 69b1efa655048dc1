import "server-only";
import { randomUUID } from "node:crypto";
import { toIsoDate } from "@/lib/i18n/format";
import { assertCan, can, NotFoundError, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetId } from "@/lib/grading";
import { frameworkOf, scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { RULES_CATEGORY, scoredItems, type MemberStanding, type StoredMemberCategory } from "@/lib/review/facts";
import { completenessProblems, emptyContent, templateFor, type SelfReviewContent } from "@/lib/review/templates";
import { opinionStatus, requiredOpinions } from "@/lib/review/opinions";
import { canTransition, type RecordState } from "@/lib/review/workflow";
import { ReturnSelfReviewSchema, SaveSelfReviewSchema, SelfReviewContentSchema, SubmitSelfReviewSchema } from "@/lib/schemas/self-reviews";
import { command, recordAudit } from "./command";
import { awaitsConfirmation } from "./not-rated";
import { getCurrentCycle } from "./cycles";
import { db, type DbClient } from "./db";
import { lockAndLoadMemberRecord, loadMemberRecord, type MemberRecord } from "./member-record";
import { opinionFacts, STAY_SELECT, staysTouchingYear } from "./opinions";
import { authorizeOrg } from "./scope";

/** States in which the self-review is still being written (by its member, or by the secretary for them). */
const WRITABLE: readonly RecordState[] = ["DRAFT", "RETURNED", "ABSENT"];

/** The record, its member, its self-review and its cycle: what the page shows and the commands check. */
const RECORD_SELECT = {
  id: true,
  state: true,
  notRatedReason: true,
  notRatedConfirmedAt: true,
  version: true,
  category: true,
  scoreItems: true,
  cycleId: true,
  cycle: { select: { year: true, ruleSet: true, ratingDate: true, status: true, selfReviewDue: true } },
  member: {
    select: { fullName: true, category: true, status: true, admittedOn: true, post: true, cardNumber: true, birthDate: true, cell: { select: { name: true } } },
  },
  selfReview: {
    select: {
      id: true,
      template: true,
      content: true,
      version: true,
      submittedAt: true,
      updatedAt: true,
      returnReason: true,
      returnedAt: true,
      enteredOnBehalfById: true,
      enteredOnBehalfBy: { select: { displayName: true } },
    },
  },
} as const satisfies Prisma.ReviewRecordSelect;
type LoadedRecord = MemberRecord<typeof RECORD_SELECT>;

/** The member's own (assessment:submit) or the cell's secretary typing a paper form (minutes:write). */
function writerRole(
  actor: Actor,
  record: Pick<LoadedRecord, "memberId" | "target"> & { selfReview: { enteredOnBehalfById: string | null } | null },
): "self" | "onBehalf" | null {
  const own = actor.memberId === record.memberId;
  if (own && can(actor, "assessment:submit", record.target)) return "self";
  // The secretary types in a paper form only where the member has not begun one of their own.
  if (!own && can(actor, "minutes:write", record.target) && (!record.selfReview || record.selfReview.enteredOnBehalfById !== null)) return "onBehalf";
  return null;
}

/** Shortcomings named at the last review: last year's remediation items, one per line, to be answered. */
async function lastYearShortcomings(client: DbClient, memberId: string, year: number): Promise<string[]> {
  const items = await client.remediationItem.findMany({ where: { memberId, year: year - 1 }, orderBy: { deadline: "asc" }, select: { shortcoming: true } });
  return items.map((i) => i.shortcoming);
}

async function sheetFor(client: DbClient, record: LoadedRecord): Promise<ScoreSheetContent | null> {
  if (record.cycle.ruleSet !== "QD366_HD43") return null;
  const category = record.category ?? record.member.category;
  const sheet = await client.scoreSheet.findUnique({
    where: { cycleId_framework: { cycleId: record.cycleId, framework: frameworkOf({ kind: "MEMBER", category: RULES_CATEGORY[category] }) } },
    select: { groups: true },
  });
  return (sheet?.groups as unknown as ScoreSheetContent) ?? null;
}

/** Everything the self-review page shows: the form, what is written, who may do what, the facts of the rules. */
export async function getSelfReviewPage(actor: Actor, recordId: string) {
  const record = await loadMemberRecord(db, recordId, RECORD_SELECT);
  if (!record || !can(actor, "member:read", record.target)) throw new NotFoundError();
  const category = record.category ?? record.member.category;
  const template = templateFor(record.cycle.ruleSet, RULES_CATEGORY[category]);
  if (!template) throw new NotFoundError();
  const [sheet, shortcomings, disciplines] = await Promise.all([
    sheetFor(db, record),
    record.selfReview ? Promise.resolve([]) : lastYearShortcomings(db, record.memberId, record.cycle.year),
    db.discipline.findMany({ where: { memberId: record.memberId }, select: { decidedOn: true, selfDetectedAndRemedied: true, countedInYear: true } }),
  ]);
  const content = record.selfReview ? (record.selfReview.content as unknown as SelfReviewContent) : emptyContent(shortcomings);
  const writer = WRITABLE.includes(record.state) ? writerRole(actor, record) : null;
  const context = { state: record.state, kind: "MEMBER" as const, target: record.target };
  const standing: MemberStanding = {
    id: record.memberId,
    category,
    status: record.member.status === "LEFT" ? "ACTIVE" : record.member.status,
    admittedOn: toIsoDate(record.member.admittedOn),
    disciplines: disciplines.map((d) => ({
      decidedOn: toIsoDate(d.decidedOn),
      selfDetectedAndRemedied: d.selfDetectedAndRemedied,
      countedInEarlierYear: d.countedInYear !== null && d.countedInYear < record.cycle.year,
    })),
  };
  return {
    record: {
      id: record.id,
      state: record.state,
      notRatedReason: record.notRatedReason,
      awaitsConfirmation: awaitsConfirmation(record),
      memberId: record.memberId,
      version: record.version,
    },
    member: record.member,
    cycle: record.cycle,
    template,
    sheet,
    content: { ...emptyContent(), ...content },
    version: record.selfReview?.version ?? 0,
    savedAt: record.selfReview?.updatedAt ?? null,
    submittedAt: record.selfReview?.submittedAt ?? null,
    returnReason: record.state === "RETURNED" ? (record.selfReview?.returnReason ?? null) : null,
    enteredOnBehalfBy: record.selfReview?.enteredOnBehalfBy?.displayName ?? null,
    standing,
    writer,
    canReturn: canTransition(actor, "return", context),
    /** The secretary records the cell's new vote on a record the committee sent back. */
    canRereview: canTransition(actor, "finishRereview", context),
    /** The secretary sets the record aside from the rating, or takes it back into the review. */
    canMarkNotRated: canTransition(actor, "markNotRated", context) && record.cycle.status !== "PUBLISHED" && record.cycle.status !== "CLOSED",
    canReinstate: canTransition(actor, "reinstate", context) && record.cycle.status !== "PUBLISHED" && record.cycle.status !== "CLOSED",
    /** 366 Điều 15: the standing committee orders a decided or published result rated again; the board proposes it. */
    canOrderRerate: canTransition(actor, "startRereview", context),
    canProposeRerate: (record.state === "DECIDED" || record.state === "PUBLISHED") && can(actor, "rating:proposeRerate", record.target),
  };
}

export type SaveResult =
  { saved: true; version: number; savedAt: Date } | { saved: false; conflict: { version: number; content: SelfReviewContent; savedAt: Date } };

/** What a save reads, in one query: the record, its rule set and category, its self-review, its cell's ancestry. */
type SaveRow = {
  id: string;
  state: RecordState;
  memberId: string;
  category: StoredMemberCategory | null;
  memberCategory: StoredMemberCategory;
  ruleSet: RuleSetId;
  ancestry: string[];
  selfReviewId: string | null;
  version: number | null;
  content: Prisma.JsonValue;
  updatedAt: Date | null;
  enteredOnBehalfById: string | null;
};

/**
 * Saves a draft as it is typed: one small write, no audit row per keystroke (submitting is audited).
 * The save names the version its text was typed on; when another tab or person saved since, nothing is
 * written and the newer text comes back, so the person chooses — never a silent overwrite.
 *
 * It is the busiest write of the review, so it costs two statements: one read of everything the
 * authorization and the form need (what loadMemberRecord reads in seven), and one write of both rows.
 * That is why it is not a command (lib/data/command.ts): a draft has no audit row, and the command's
 * transaction, lock and separate loads would be several statements more on every pause in typing; the
 * version compared in the write's own statement is what keeps two saves from both winning.
 */
export async function saveSelfReviewDraft(actor: Actor, raw: unknown): Promise<SaveResult> {
  const input = SaveSelfReviewSchema.parse(raw);
  const [row] = await db.$queryRaw<SaveRow[]>`
    SELECT r.id, r.state::text AS state, r."memberId", r.category::text AS category, m.category::text AS "memberCategory",
           c."ruleSet"::text AS "ruleSet",
           ARRAY(SELECT o."ancestorId" FROM "OrgClosure" o WHERE o."descendantId" = r."scopeOrgId" ORDER BY o.distance) AS ancestry,
           s.id AS "selfReviewId", s.version, s."updatedAt", s."enteredOnBehalfById",
           -- the text is read back only for the answer to a stale save
           CASE WHEN s.version <> ${input.baseVersion} THEN s.content END AS content
    FROM "ReviewRecord" r
    JOIN "Member" m ON m.id = r."memberId"
    JOIN "ReviewCycle" c ON c.id = r."cycleId"
    LEFT JOIN "SelfReview" s ON s."recordId" = r.id
    WHERE r.id = ${input.recordId}`;
  if (!row) throw new NotFoundError();
  const selfReview =
    row.selfReviewId === null ? null : { version: row.version!, content: row.content, updatedAt: row.updatedAt!, enteredOnBehalfById: row.enteredOnBehalfById };
  const record = { memberId: row.memberId, selfReview, target: { organizationAncestry: row.ancestry, memberId: row.memberId } };
  assertCan(actor, "member:read", record.target);
  const writer = writerRole(actor, record);
  if (!writer) throw new NotFoundError();
  if (!WRITABLE.includes(row.state)) throw new DomainError("SELF_REVIEW_LOCKED");
  const template = templateFor(row.ruleSet, RULES_CATEGORY[row.category ?? row.memberCategory]);
  if (!template) throw new NotFoundError();
  const content = input.content as SelfReviewContent;
  const enteredOnBehalfById = writer === "onBehalf" ? actor.userId : null;
  const now = new Date();
  if (!selfReview) {
    if (input.baseVersion !== 0) throw new NotFoundError();
    // The first save creates the draft in one statement: a second tab's first save at the same moment
    // finds the row there (ON CONFLICT) and is answered with what the first one wrote, as any stale save.
    const created = await db.$executeRaw`
      WITH saved AS (
        INSERT INTO "SelfReview" (id, "recordId", template, content, "enteredOnBehalfById", version, "updatedAt")
        VALUES (${randomUUID()}, ${row.id}, ${template.id}, ${JSON.stringify(content)}::jsonb, ${enteredOnBehalfById}, 1, ${now})
        ON CONFLICT ("recordId") DO NOTHING
        RETURNING "recordId"
      )
      UPDATE "ReviewRecord" SET "selfLevel" = ${content.selfLevel}::"RatingLevel", "updatedAt" = ${now}
      WHERE id IN (SELECT "recordId" FROM saved)`;
    if (created === 0) return currentDraftAsConflict(row.id);
    return { saved: true, version: 1, savedAt: now };
  }
  // Saved since from another tab or by another person: the newer text goes back, nothing is written.
  if (selfReview.version !== input.baseVersion) {
    return {
      saved: false,
      conflict: { version: selfReview.version, content: selfReview.content as unknown as SelfReviewContent, savedAt: selfReview.updatedAt },
    };
  }
  // Compare and write in one statement: two saves on the same version cannot both win, and the record's
  // self-proposed level changes only with the text that proposes it.
  const updated = await db.$executeRaw`
    WITH saved AS (
      UPDATE "SelfReview"
      SET content = ${JSON.stringify(content)}::jsonb, version = version + 1, "updatedAt" = ${now},
          "enteredOnBehalfById" = COALESCE(${enteredOnBehalfById}, "enteredOnBehalfById")
      WHERE "recordId" = ${row.id} AND version = ${input.baseVersion}
      RETURNING "recordId"
    )
    UPDATE "ReviewRecord" SET "selfLevel" = ${content.selfLevel}::"RatingLevel", "updatedAt" = ${now}
    WHERE id IN (SELECT "recordId" FROM saved)`;
  // Another save won between the read and the write: answer with what it wrote.
  if (updated === 0) return currentDraftAsConflict(row.id);
  return { saved: true, version: input.baseVersion + 1, savedAt: now };
}

/** A save that lost to another (a tab, a person) is answered with what the other wrote, and writes nothing. */
async function currentDraftAsConflict(recordId: string): Promise<SaveResult> {
  const current = await db.selfReview.findUnique({ where: { recordId }, select: { version: true, content: true, updatedAt: true } });
  if (!current) throw new NotFoundError();
  return { saved: false, conflict: { version: current.version, content: current.content as unknown as SelfReviewContent, savedAt: current.updatedAt } };
}

/**
 * Submits the self-review: complete (every required section, every shortcoming answered, every item
 * scored), then read-only. A submission by the secretary is the paper form typed in for the member and
 * says so. Under QD366_HD43 the member's own points become the record's points until the cell changes them.
 */
export const submitSelfReview = command({
  input: SubmitSelfReviewSchema,
  load: async (tx, input, actor) => {
    const record = await lockAndLoadMemberRecord(tx, input.recordId, RECORD_SELECT);
    // Who writes — the member, or the secretary typing their paper form — names the step and the audit row.
    return record && { ...record, writer: writerRole(actor, record) };
  },
  authorize: (actor, record) => can(actor, "member:read", record.target) && record.writer !== null,
  transition: (record) => ({
    name: record.writer === "self" ? "submit" : "submitOnBehalf",
    record: { state: record.state, kind: "MEMBER", target: record.target },
  }),
  write: async ({ tx, actor, input, loaded: record, transition }) => {
    if (!record.selfReview) throw new DomainError("SELF_REVIEW_INCOMPLETE");
    if (record.selfReview.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const content = SelfReviewContentSchema.parse(record.selfReview.content) as SelfReviewContent;
    const template = templateFor(record.cycle.ruleSet, RULES_CATEGORY[record.category ?? record.member.category])!;
    const sheet = await sheetFor(tx, record);
    const problems = completenessProblems(template, content, sheet);
    if (problems.length > 0) {
      throw new DomainError(
        "SELF_REVIEW_INCOMPLETE",
        Object.fromEntries(
          problems.map((p) => [p.index === undefined ? p.section : `${p.section}.${p.index}`, p.code === "SCORE_RANGE" ? "scoreRange" : "required"]),
        ),
      );
    }
    const now = new Date();
    await tx.selfReview.update({
      where: { recordId: record.id },
      data: { submittedAt: now, returnReason: null, enteredOnBehalfById: record.writer === "onBehalf" ? actor.userId : undefined, version: { increment: 1 } },
    });
    const scores = sheet ? scoredItems(content.scores) : null;
    const totals = sheet && scores ? scoreTotals(sheet, scores) : null;
    await tx.reviewRecord.update({
      where: { id: record.id },
      data: {
        state: transition.to,
        selfLevel: content.selfLevel,
        version: { increment: 1 },
        ...(totals && record.scoreItems === null
          ? { scoreItems: scores!, scoreGeneralTenths: totals.generalTenths, scoreResultsTenths: totals.resultsTenths }
          : {}),
      },
    });
    return {
      result: { state: transition.to },
      audit: recordAudit(record, record.writer === "self" ? "selfReview.submit" : "selfReview.submitOnBehalf", {
        before: { state: record.state },
        after: { state: transition.to, selfLevel: content.selfLevel },
      }),
    };
  },
});

/** The secretary sends a submitted self-review back to its member, with the reason they will read. */
export const returnSelfReview = command({
  input: ReturnSelfReviewSchema,
  load: (tx, input) => lockAndLoadMemberRecord(tx, input.recordId, RECORD_SELECT),
  authorize: (actor, record) => can(actor, "member:read", record.target),
  transition: (record) => ({ name: "return", record: { state: record.state, kind: "MEMBER", target: record.target } }),
  write: async ({ tx, input, loaded: record, transition }) => {
    await tx.selfReview.update({
      where: { recordId: record.id },
      data: { returnReason: input.reason, returnedAt: new Date(), submittedAt: null, version: { increment: 1 } },
    });
    await tx.reviewRecord.update({ where: { id: record.id }, data: { state: transition.to, version: { increment: 1 } } });
    return {
      result: { state: transition.to },
      audit: recordAudit(record, "selfReview.return", { before: { state: record.state }, after: { state: transition.to }, reason: input.reason }),
    };
  },
});

/** The records of one cell in the review under way: who has written, submitted, been returned. */
export async function listCellRecords(actor: Actor, cellId: string) {
  await authorizeOrg(actor, "member:read", cellId);
  const [cell, cycle] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: cellId }, select: { id: true, name: true, sector: true } }),
    getCurrentCycle(cellId),
  ]);
  if (!cycle) return { cell: { id: cell.id, name: cell.name }, cycle: null, records: [] };
  const records = await db.reviewRecord.findMany({
    where: { cycleId: cycle.id, scopeOrgId: cellId, subjectKind: "MEMBER" },
    orderBy: { member: { nameSearch: "asc" } },
    select: {
      id: true,
      state: true,
      selfLevel: true,
      notRatedReason: true,
      member: {
        select: {
          id: true,
          fullName: true,
          officialOn: true,
          category: true,
          residenceCell: true,
          // The stays that can call for an opinion, and the opinions received: loaded for the whole cell
          // with the records (one query per relation, not per row), then read by the pure rule.
          cellHistory: { where: staysTouchingYear(cycle.year), select: STAY_SELECT },
        },
      },
      selfReview: { select: { submittedAt: true, updatedAt: true, enteredOnBehalfById: true } },
      opinions: { select: { source: true } },
    },
  });
  return {
    cell: { id: cell.id, name: cell.name },
    cycle,
    records: records.map(({ opinions, member, ...record }) => {
      const facts = opinionFacts({
        year: cycle.year,
        state: record.state,
        scopeOrgId: cellId,
        cellSector: cell.sector,
        member: member!,
        stays: member!.cellHistory,
      });
      const status = opinionStatus(requiredOpinions(facts), opinions);
      return {
        ...record,
        member: { id: member!.id, fullName: member!.fullName, officialOn: member!.officialOn },
        opinions: { required: status.required.length, missing: status.missing },
      };
    }),
  };
}
