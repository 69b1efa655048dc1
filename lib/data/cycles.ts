import "server-only";
import { can, NotFoundError, subtreeRoots, type Actor, type Target } from "@/lib/review/permissions";
import type { Prisma, ScoreFramework } from "@/lib/generated/prisma/client";
import { ruleSetForYear } from "@/lib/grading";
import { DEFAULT_SCORE_SHEETS, SCORE_FRAMEWORKS, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { reviewYearOn } from "@/lib/review/calendar";
import { deadlinesEditable, deadlinesOutsideYear } from "@/lib/review/cycle-deadlines";
import { meetingRulesFrom } from "@/lib/review/meeting";
import { usesTaskRegister } from "@/lib/review/tasks";
import { SetTaskRegisterSchema } from "@/lib/schemas/tasks";
import { DomainError } from "@/lib/errors";
import { CycleDeadlinesSchema, CycleIdSchema, OpenCycleSchema, ScoreSheetSchema } from "@/lib/schemas/cycles";
import { command, rowAudit } from "./command";
import { db, type DbClient, type Tx } from "./db";
import { authorizeOrg, getOrgAncestry } from "./scope";
import { recountCycleTaskFacts } from "./tasks";

const CYCLE_SELECT = {
  id: true,
  year: true,
  ruleSet: true,
  ratingDate: true,
  quotaBase: true,
  status: true,
  selfReviewDue: true,
  meetingsDue: true,
  grassrootsDue: true,
  upperDecisionDue: true,
  upperOrgId: true,
  version: true,
} as const;

/**
 * The review under way for an organization: the newest cycle not closed, of any upper committee above
 * (or at) it, of a year up to the current review year. A cycle already opened to prepare next year (its
 * score sheets) does not take the place of this year's review until nothing else is open. Inside a command,
 * pass its transaction: the read then uses the transaction's connection instead of holding a second one.
 */
export async function getCurrentCycle(organizationId: string, client: DbClient = db) {
  const find = (year?: { lte: number }) =>
    client.reviewCycle.findFirst({
      where: {
        status: { not: "CLOSED" },
        year,
        upperOrg: { descendants: { some: { descendantId: organizationId } } },
      },
      orderBy: { year: "desc" },
      select: CYCLE_SELECT,
    });
  return (await find({ lte: reviewYearOn(new Date()) })) ?? (await find());
}

export type CycleSummary = NonNullable<Awaited<ReturnType<typeof getCurrentCycle>>>;

export type OrgCycle = { target: Target; cycle: CycleSummary };

/**
 * What a command over a whole organization loads first (lib/data/command.ts): the organization as its
 * permissions are checked on (its ancestry), and its review under way. Null when either is missing.
 */
export async function loadOrgCycle(tx: Tx, organizationId: string): Promise<OrgCycle | null> {
  const organizationAncestry = await getOrgAncestry(organizationId, tx);
  const cycle = organizationAncestry.length > 0 ? await getCurrentCycle(organizationId, tx) : null;
  return cycle ? { target: { organizationAncestry }, cycle } : null;
}

export async function getCycleForEdit(actor: Actor, cycleId: string) {
  const found = await db.reviewCycle.findUnique({ where: { id: cycleId }, select: { ...CYCLE_SELECT, options: true } });
  if (!found) throw new NotFoundError();
  await authorizeOrg(actor, "cycle:manage", found.upperOrgId);
  const { options, ...cycle } = found;
  return {
    ...cycle,
    adoptionBase: meetingRulesFrom(options).adoptionBase,
    deadlinesEditable: deadlinesEditable(cycle.status),
    taskRegister: usesTaskRegister(options),
  };
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A cycle's row as its commands lock it: what the deadlines, the sheets and the start read and change. */
type LockedCycle = {
  upperOrgId: string;
  version: number;
  status: string;
  year: number;
  selfReviewDue: Date;
  meetingsDue: Date;
  grassrootsDue: Date;
  upperDecisionDue: Date;
  options: unknown;
};

/**
 * The commands on one cycle (its deadlines, score sheets, start): the cycle row locked — they exclude
 * each other — and authorized for its upper committee's managers.
 */
const ON_MANAGED_CYCLE = {
  load: async (tx: Tx, input: { cycleId: string }) => {
    const [cycle] = await tx.$queryRaw<LockedCycle[]>`
      SELECT "upperOrgId", version, status::text AS status, year, "selfReviewDue", "meetingsDue", "grassrootsDue", "upperDecisionDue", options
        FROM "ReviewCycle" WHERE id = ${input.cycleId} FOR UPDATE`;
    return cycle ? { cycle, target: { organizationAncestry: await getOrgAncestry(cycle.upperOrgId, tx) } } : null;
  },
  authorize: (actor: Actor, { target }: { target: Target }) => can(actor, "cycle:manage", target),
};

/** Sets the phase deadlines of a cycle (the upper committee's plan). */
export const updateCycleDeadlines = command({
  input: CycleDeadlinesSchema,
  ...ON_MANAGED_CYCLE,
  write: async ({ tx, input, loaded: { cycle } }) => {
    // Published results and closed years keep the plan they were run under.
    if (!deadlinesEditable(cycle.status)) throw new DomainError(cycle.status === "CLOSED" ? "CYCLE_CLOSED" : "CYCLE_NOT_EDITABLE");
    if (cycle.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const outside = deadlinesOutsideYear(cycle.year, input);
    if (outside.length > 0) throw new DomainError("INVALID_INPUT", Object.fromEntries(outside.map((f) => [f, "deadlineOutsideCycle"])));
    const { upperOrgId, version: _v, status: _s, year: _y, options, ...deadlines } = cycle;
    // The vote's base changes only before any cell has counted a vote under the other one.
    const baseBefore = meetingRulesFrom(options).adoptionBase;
    const baseAfter = input.adoptionBase ?? baseBefore;
    if (baseAfter !== baseBefore && (await tx.meeting.count({ where: { cycleId: input.cycleId, status: "FINALIZED" } })) > 0) {
      throw new DomainError("CYCLE_NOT_EDITABLE", { adoptionBase: "voteBaseLocked" });
    }
    const before = { ...deadlines, adoptionBase: baseBefore };
    const after = {
      selfReviewDue: toDate(input.selfReviewDue),
      meetingsDue: toDate(input.meetingsDue),
      grassrootsDue: toDate(input.grassrootsDue),
      upperDecisionDue: toDate(input.upperDecisionDue),
    };
    const optionsAfter = { ...(typeof options === "object" && options !== null ? options : {}), adoptionBase: baseAfter };
    const updated = await tx.reviewCycle.update({
      where: { id: input.cycleId },
      data: { ...after, options: optionsAfter, version: { increment: 1 } },
      select: { version: true },
    });
    return {
      result: { version: updated.version },
      audit: { action: "cycle.deadlines", entityId: input.cycleId, organizationId: upperOrgId, data: { before, after: { ...after, adoptionBase: baseAfter } } },
    };
  },
});

/**
 * Whether the cycle counts its records' task facts from the task register (docs/task-register.md): chosen
 * before the committees decide. Turned on, every record not decided has its facts recounted from the
 * register at once; turned off, the facts stay as they were and are entered by hand again.
 */
export const setCycleTaskRegister = command({
  input: SetTaskRegisterSchema,
  ...ON_MANAGED_CYCLE,
  write: async ({ tx, input, loaded: { cycle } }) => {
    if (cycle.status !== "PREPARING" && cycle.status !== "SELF_REVIEW")
      throw new DomainError(cycle.status === "CLOSED" ? "CYCLE_CLOSED" : "CYCLE_NOT_EDITABLE");
    if (cycle.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const before = usesTaskRegister(cycle.options);
    const options = { ...(typeof cycle.options === "object" && cycle.options !== null ? cycle.options : {}), taskRegister: input.enabled };
    const updated = await tx.reviewCycle.update({ where: { id: input.cycleId }, data: { options, version: { increment: 1 } }, select: { version: true } });
    const records = input.enabled && !before ? await recountCycleTaskFacts(tx, input.cycleId, cycle.year) : 0;
    return {
      result: { version: updated.version, records },
      audit: rowAudit({ id: input.cycleId, organizationId: cycle.upperOrgId }, "cycle.taskRegister", { before, after: input.enabled, records }),
    };
  },
});

// ───────────────────────────── cycles of an upper committee ─────────────────────────────

/** Cycles of the upper committees the person manages, newest first, with what opening one needs. */
export async function listManagedCycles(actor: Actor) {
  const roots = subtreeRoots(actor, "cycle:manage");
  if (roots.length === 0) throw new NotFoundError();
  const committees = await db.organization.findMany({
    where: { kind: "UPPER_COMMITTEE", ancestors: { some: { ancestorId: { in: roots } } } },
    orderBy: [{ depth: "asc" }, { position: "asc" }],
    select: { id: true, name: true, cyclesAsUpper: { orderBy: { year: "desc" }, select: CYCLE_SELECT } },
  });
  const currentYear = reviewYearOn(new Date());
  return committees.map((committee) => {
    const taken = new Set(committee.cyclesAsUpper.map((c) => c.year));
    // The review of this year, or the next one once this year's is open; never a year without rules.
    const openable = [currentYear, currentYear + 1].filter((year) => !taken.has(year));
    return { id: committee.id, name: committee.name, cycles: committee.cyclesAsUpper, openable };
  });
}

/**
 * Opens the review of a year for an upper committee: the rule set of the year, deadlines around HD 43
 * (reviews closed before 31/12, results up in January), under QD366_HD43 the four default score sheets,
 * the default peer groups, and one record per member and organization below — all in one transaction
 * with its audit row, in set-based SQL (no query per row).
 */
export const openCycle = command({
  input: OpenCycleSchema,
  load: async (tx, input) => {
    const ruleSet = input.year <= reviewYearOn(new Date()) + 1 ? ruleSetForYear(input.year) : null;
    if (!ruleSet) throw new DomainError("INVALID_INPUT", { year: "cycleYearRange" });
    const upper = await tx.organization.findUnique({ where: { id: input.upperOrgId }, select: { kind: true } });
    if (!upper || upper.kind !== "UPPER_COMMITTEE") return null;
    return { ruleSet, target: { organizationAncestry: await getOrgAncestry(input.upperOrgId, tx) } };
  },
  authorize: (actor, { target }) => can(actor, "cycle:manage", target),
  write: async ({ tx, input: { upperOrgId, year }, loaded: { ruleSet } }) => {
    // Serializes two people opening the same year: the second waits here, then sees the first's cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cycle:${upperOrgId}:${year}`}))`;
    const existing = await tx.reviewCycle.findUnique({ where: { upperOrgId_year: { upperOrgId, year } }, select: { id: true } });
    if (existing) throw new DomainError("CYCLE_EXISTS", { year: "cycleExists" });

    const cycle = await tx.reviewCycle.create({
      data: {
        upperOrgId,
        year,
        ruleSet,
        // HD 43 4.1: the review and rating end before 31/12 (the dossiers go up by 01/02, Mẫu 04).
        ratingDate: utcDay(year, 12, 15),
        selfReviewDue: utcDay(year, 12, 10),
        meetingsDue: utcDay(year, 12, 18),
        grassrootsDue: utcDay(year, 12, 25),
        upperDecisionDue: utcDay(year, 12, 30),
      },
      select: { id: true, ratingDate: true },
    });
    if (ruleSet === "QD366_HD43") {
      await tx.scoreSheet.createMany({
        data: SCORE_FRAMEWORKS.map((framework) => ({
          cycleId: cycle.id,
          framework,
          groups: DEFAULT_SCORE_SHEETS[framework] as unknown as Prisma.InputJsonValue,
        })),
      });
    }
    const counts = await createDefaultGroupsAndRecords(tx, cycle.id, upperOrgId, year);
    return {
      result: { id: cycle.id, ...counts },
      audit: { action: "cycle.open", entityId: cycle.id, organizationId: upperOrgId, data: { year, ruleSet, ...counts } },
    };
  },
});

const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/**
 * Default peer groups (docs/rating-rules.md §5): the members of each grassroots organization; the
 * grassroots organizations of each sector under the upper committee; the subordinate units of each
 * đảng bộ cơ sở. Then a record per member (not rated when exempt, suspended or admitted under six
 * months before the rating date) and per organization below the upper committee.
 */
async function createDefaultGroupsAndRecords(tx: Tx, cycleId: string, upperOrgId: string, year: number) {
  const groups = await tx.$executeRaw`
    INSERT INTO "PeerGroup" (id, "cycleId", kind, code, name, "decidingOrgId")
    SELECT gen_random_uuid()::text, ${cycleId}, 'MEMBER'::"SubjectKind", 'M-' || o.code, 'Đảng viên - ' || o.name, o.id
      FROM "Organization" o JOIN "OrgClosure" c ON c."descendantId" = o.id AND c."ancestorId" = ${upperOrgId}
     WHERE o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') AND o."dissolvedOn" IS NULL
    UNION ALL
    SELECT gen_random_uuid()::text, ${cycleId}, 'ORGANIZATION'::"SubjectKind", 'C-' || o.code, 'Chi bộ trực thuộc - ' || o.name, o.id
      FROM "Organization" o JOIN "OrgClosure" c ON c."descendantId" = o.id AND c."ancestorId" = ${upperOrgId}
     WHERE o.kind = 'DANG_BO_CO_SO' AND o."dissolvedOn" IS NULL
    UNION ALL
    SELECT gen_random_uuid()::text, ${cycleId}, 'ORGANIZATION'::"SubjectKind", 'O-' || s.sector, 'Tổ chức cơ sở đảng - ' || s.sector, ${upperOrgId}
      FROM (SELECT DISTINCT o.sector::text AS sector
              FROM "Organization" o JOIN "OrgClosure" c ON c."descendantId" = o.id AND c."ancestorId" = ${upperOrgId}
             WHERE o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') AND o."dissolvedOn" IS NULL) s`;

  // The six months are calendar months; PostgreSQL clamps to the month's end as the rules do
  // (31/08 + 6 months = 28/02).
  const members = await tx.$executeRaw`
    INSERT INTO "ReviewRecord" (id, "cycleId", "subjectKind", "memberId", "scopeOrgId", "peerGroupId", state,
                                "notRatedReason", category, "shortcomingsNamed", "shortcomingsRemedied", "updatedAt")
    SELECT gen_random_uuid()::text, cy.id, 'MEMBER'::"SubjectKind", m.id, m."cellId", pg.id,
           CASE WHEN nr.reason IS NULL THEN 'DRAFT' ELSE 'NOT_RATED' END::"RecordState",
           nr.reason::"NotRatedReason", m.category, COALESCE(ri.named, 0), COALESCE(ri.remedied, 0), now()
      FROM "ReviewCycle" cy
      JOIN "OrgClosure" c ON c."ancestorId" = cy."upperOrgId"
      JOIN "Member" m ON m."cellId" = c."descendantId" AND m.status <> 'LEFT'
      LEFT JOIN "Organization" g ON g.id = m."grassrootsId"
      LEFT JOIN "PeerGroup" pg ON pg."cycleId" = cy.id AND pg.code = 'M-' || g.code
      CROSS JOIN LATERAL (SELECT CASE
             WHEN m.status = 'EXEMPT' THEN 'EXEMPT'
             WHEN m.status = 'SUSPENDED' THEN 'SUSPENDED'
             WHEN (m."admittedOn" + interval '6 months')::date > cy."ratingDate" THEN 'NEW_MEMBER'
           END AS reason) nr
      LEFT JOIN (SELECT "memberId", count(*)::int AS named, count(*) FILTER (WHERE status = 'DONE')::int AS remedied
                   FROM "RemediationItem" WHERE year = ${year - 1} GROUP BY "memberId") ri ON ri."memberId" = m.id
     WHERE cy.id = ${cycleId}`;

  const organizations = await tx.$executeRaw`
    INSERT INTO "ReviewRecord" (id, "cycleId", "subjectKind", "organizationId", "scopeOrgId", "peerGroupId", state,
                                "notRatedReason", "updatedAt")
    SELECT gen_random_uuid()::text, cy.id, 'ORGANIZATION'::"SubjectKind", o.id, o.id,
           CASE WHEN o.kind IN ('DANG_BO_CO_SO', 'CHI_BO_CO_SO') THEN og.id ELSE cg.id END,
           CASE WHEN (o."establishedOn" + interval '6 months')::date > cy."ratingDate" THEN 'NOT_RATED' ELSE 'DRAFT' END::"RecordState",
           CASE WHEN (o."establishedOn" + interval '6 months')::date > cy."ratingDate" THEN 'NEW_ORGANIZATION' END::"NotRatedReason",
           now()
      FROM "ReviewCycle" cy
      JOIN "OrgClosure" c ON c."ancestorId" = cy."upperOrgId" AND c.distance > 0
      JOIN "Organization" o ON o.id = c."descendantId" AND o."dissolvedOn" IS NULL
      LEFT JOIN "PeerGroup" og ON og."cycleId" = cy.id AND og.code = 'O-' || o.sector::text
      LEFT JOIN LATERAL (SELECT g.code FROM "OrgClosure" gc JOIN "Organization" g ON g.id = gc."ancestorId"
                          WHERE gc."descendantId" = o.id AND gc.distance > 0 AND g.kind = 'DANG_BO_CO_SO' LIMIT 1) parent ON true
      LEFT JOIN "PeerGroup" cg ON cg."cycleId" = cy.id AND cg.code = 'C-' || parent.code
     WHERE cy.id = ${cycleId} AND o.kind <> 'UPPER_COMMITTEE'`;
  return { peerGroups: groups, memberRecords: members, organizationRecords: organizations };
}

/** A cycle as its overview page shows it, with its score sheets' summaries. */
export async function getCycleOverview(actor: Actor, cycleId: string) {
  const cycle = await getCycleForEdit(actor, cycleId);
  const [sheets, upper] = await Promise.all([
    db.scoreSheet.findMany({ where: { cycleId }, select: { framework: true, groups: true, updatedAt: true } }),
    db.organization.findUniqueOrThrow({ where: { id: cycle.upperOrgId }, select: { name: true } }),
  ]);
  const order = (f: ScoreFramework) => SCORE_FRAMEWORKS.indexOf(f);
  return {
    ...cycle,
    upperOrgName: upper.name,
    sheetsEditable: cycle.status === "PREPARING",
    sheets: sheets
      .sort((a, b) => order(a.framework) - order(b.framework))
      .map((s) => ({
        framework: s.framework,
        itemCount: (s.groups as unknown as ScoreSheetContent).groups.reduce((n, g) => n + g.items.length, 0),
        updatedAt: s.updatedAt,
      })),
  };
}

export async function getScoreSheet(actor: Actor, cycleId: string, framework: string) {
  const cycle = await getCycleForEdit(actor, cycleId);
  if (!(SCORE_FRAMEWORKS as readonly string[]).includes(framework)) throw new NotFoundError();
  const sheet = await db.scoreSheet.findUnique({
    where: { cycleId_framework: { cycleId, framework: framework as ScoreFramework } },
    select: { framework: true, groups: true, version: true },
  });
  if (!sheet) throw new NotFoundError();
  return {
    cycle,
    framework: sheet.framework,
    content: sheet.groups as unknown as ScoreSheetContent,
    version: sheet.version,
    editable: cycle.status === "PREPARING",
  };
}

/** Saves a score sheet of a cycle that is still being prepared (HD 43 7.12); frozen afterwards. */
export const updateScoreSheet = command({
  input: ScoreSheetSchema,
  ...ON_MANAGED_CYCLE,
  write: async ({ tx, input, loaded: { cycle } }) => {
    if (cycle.status !== "PREPARING") throw new DomainError("SHEET_FROZEN");
    const current = await tx.scoreSheet.findUnique({
      where: { cycleId_framework: { cycleId: input.cycleId, framework: input.framework } },
      select: { id: true, version: true, groups: true },
    });
    if (!current) throw new NotFoundError();
    if (current.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const groups = {
      groups: input.groups.map((g) => ({ key: g.key, items: g.items.map((i) => ({ key: i.key, label: i.label.trim(), maxPoints: i.maxPoints })) })),
    };
    const updated = await tx.scoreSheet.update({ where: { id: current.id }, data: { groups, version: { increment: 1 } }, select: { version: true } });
    return {
      result: { version: updated.version },
      audit: rowAudit({ id: current.id, organizationId: cycle.upperOrgId }, "scoreSheet.update", {
        framework: input.framework,
        before: current.groups,
        after: groups,
      }),
    };
  },
});

/** PREPARING → SELF_REVIEW: members may write their self-reviews, and the score sheets are frozen. */
export const startSelfReviews = command({
  input: CycleIdSchema,
  ...ON_MANAGED_CYCLE,
  write: async ({ tx, input, loaded: { cycle } }) => {
    if (cycle.status !== "PREPARING") throw new DomainError("CYCLE_ALREADY_STARTED");
    if (cycle.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    const updated = await tx.reviewCycle.update({
      where: { id: input.cycleId },
      data: { status: "SELF_REVIEW", version: { increment: 1 } },
      select: { version: true },
    });
    return {
      result: { version: updated.version },
      audit: rowAudit({ id: input.cycleId, organizationId: cycle.upperOrgId }, "cycle.startSelfReviews", {
        before: { status: "PREPARING" },
        after: { status: "SELF_REVIEW" },
      }),
    };
  },
});
