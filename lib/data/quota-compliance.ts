import "server-only";
import type { Actor } from "@/lib/review/permissions";
import type { QuotaBase, RuleSetId, SubjectKind } from "@/lib/generated/prisma/client";
import { checkQuota, quotaRuleFor, type QuotaCheck } from "@/lib/grading";
import { toIsoDate } from "@/lib/i18n/format";
import { db } from "./db";
import { cyclesOver } from "./record-tally";
import { getReportScope, pickYear, type ReportScope } from "./report-scope";

// Quota compliance of every peer group decided under the viewer's unit: the 20 % arithmetic of
// lib/grading (never recomputed here), on the level decided where there is one and the level proposed
// otherwise, with the override decisions that raised a group's rate or let it exceed.

export type QuotaOverrideRow = { decisionNo: string; decidedOn: string; issuer: string; reason: string; ratePercent: number | null };

/** A peer group as the report's query reads it: who it is, its rules, and its counts. */
type GroupCounts = {
  id: string;
  code: string;
  name: string;
  kind: SubjectKind;
  decidingOrg: string;
  ruleSet: RuleSetId;
  quotaBase: QuotaBase;
  /** Subjects in the group, rated ones, and those with a decided level. */
  subjects: number;
  rated: number;
  decided: number;
};

export type QuotaGroupRow = GroupCounts & {
  check: QuotaCheck;
  ratePercent: number;
  overrides: QuotaOverrideRow[];
};

export type QuotaCompliance = ReportScope & { year: number | null; groups: QuotaGroupRow[]; overCap: number; overridden: number };

export async function getQuotaCompliance(actor: Actor, query: { unit?: string | null; year?: number | null }): Promise<QuotaCompliance> {
  const scope = await getReportScope(actor, query.unit);
  const year = pickYear(scope, query.year, "current");
  if (year === null) return { ...scope, year, groups: [], overCap: 0, overridden: 0 };
  const unitId = scope.unit.id;
  const cycleIds = (await cyclesOver(unitId, [year])).get(year)!;
  // The counts per group are sums of the records' tally (lib/data/record-tally.ts), never the records.
  const rows = await db.$queryRaw<(GroupCounts & { excellent: number; good: number })[]>`
    SELECT pg.id, pg.code, pg.name, pg.kind::text AS kind, d.name AS "decidingOrg", cy."ruleSet"::text AS "ruleSet", cy."quotaBase"::text AS "quotaBase",
           COALESCE(sum(t.total), 0)::int AS subjects,
           COALESCE(sum(t.total - t."notRated"), 0)::int AS rated,
           COALESCE(sum(t.excellent + t.good + t.completed + t."notCompleted"), 0)::int AS decided,
           COALESCE(sum(t."standingExcellent"), 0)::int AS excellent,
           COALESCE(sum(t."standingGood"), 0)::int AS good
      FROM "PeerGroup" pg
      JOIN "ReviewCycle" cy ON cy.id = pg."cycleId"
      JOIN "Organization" d ON d.id = pg."decidingOrgId"
      LEFT JOIN "RecordTally" t ON t."cycleId" = ANY(${cycleIds}::text[]) AND t."cycleId" = pg."cycleId" AND t."peerGroupId" = pg.id
     WHERE pg."cycleId" = ANY(${cycleIds}::text[])
       AND pg."decidingOrgId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
     GROUP BY pg.id, d.name, cy."ruleSet", cy."quotaBase"
     ORDER BY pg.kind, pg.code`;
  const overrides = await db.quotaOverride.findMany({
    where: { peerGroupId: { in: rows.map((r) => r.id) } },
    orderBy: { decidedOn: "asc" },
    select: { peerGroupId: true, decisionNo: true, decidedOn: true, issuer: true, reason: true, ratePercent: true },
  });
  const groups = rows.map((r): QuotaGroupRow => {
    const own = overrides.filter((o) => o.peerGroupId === r.id);
    const latest = own.at(-1) ?? null;
    const rule = quotaRuleFor(r.ruleSet, latest ? { ratePercent: latest.ratePercent ?? undefined } : null);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      decidingOrg: r.decidingOrg,
      ruleSet: r.ruleSet,
      quotaBase: r.quotaBase,
      subjects: r.subjects,
      rated: r.rated,
      decided: r.decided,
      check: checkQuota({ excellent: r.excellent, good: r.good }, r.quotaBase, latest !== null, rule),
      ratePercent: rule.ratePercent,
      overrides: own.map((o) => ({
        decisionNo: o.decisionNo,
        decidedOn: toIsoDate(o.decidedOn),
        issuer: o.issuer,
        reason: o.reason,
        ratePercent: o.ratePercent,
      })),
    };
  });
  // The groups that break the rule first, then those over the cap by decision, then the rest.
  const rank = (g: QuotaGroupRow) => (!g.check.ok ? 0 : g.check.excess > 0 ? 1 : g.overrides.length ? 2 : 3);
  groups.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
  return {
    ...scope,
    year,
    groups,
    overCap: groups.filter((g) => g.check.excess > 0).length,
    overridden: groups.filter((g) => g.overrides.length > 0).length,
  };
}
