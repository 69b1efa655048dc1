import "server-only";
import { toIsoDate } from "@/lib/i18n/format";
import type { DerivedOrganizationFacts, LeadershipDisciplineAnswer } from "@/lib/review/facts";
import type { DbClient } from "./db";

// The organization facts of Quy định 366 that the app already holds (docs/rating-rules.md §7.11): a unit's
// leadership collective is the members holding an office in it — as the app records offices, the accounts
// with a cell secretary's or a committee's role at the unit, linked to their member — with their
// disciplines of the review year and whether their own record this year concludes degradation; its
// directly subordinate units' own records say whether their collective was disciplined. Two queries for
// any number of units: the desks read them for every row at once.

type LeaderRow = {
  unit: string;
  fullName: string;
  disciplineId: string | null;
  decidedOn: Date | null;
  form: string | null;
  selfDetectedAndRemedied: boolean | null;
  countedInYear: number | null;
  degraded: boolean;
};

export async function derivedOrganizationFacts(
  unitIds: readonly string[],
  cycle: { id: string; year: number },
  client: DbClient,
): Promise<Map<string, DerivedOrganizationFacts>> {
  const result = new Map<string, DerivedOrganizationFacts>(
    unitIds.map((id) => [id, { leadershipDisciplines: [], degradedLeaders: [], disciplinedSubordinates: [], subordinateUnits: 0 }]),
  );
  if (unitIds.length === 0) return result;
  const ids = [...unitIds];
  const [leaders, subordinates] = await Promise.all([
    client.$queryRaw<LeaderRow[]>`
      WITH leaders AS (
        SELECT DISTINCT ra."organizationId" AS unit, u."memberId"
          FROM "RoleAssignment" ra JOIN "User" u ON u.id = ra."userId"
         WHERE ra."organizationId" = ANY(${ids}::text[]) AND ra.role IN ('CELL_SECRETARY', 'GRASSROOTS_COMMITTEE')
           AND u."memberId" IS NOT NULL AND u.active
      )
      SELECT l.unit, m."fullName", d.id AS "disciplineId", d."decidedOn", d.form::text AS form, d."selfDetectedAndRemedied", d."countedInYear",
             COALESCE(r."degradationConcluded", false) AS degraded
        FROM leaders l
        JOIN "Member" m ON m.id = l."memberId"
        LEFT JOIN "Discipline" d ON d."memberId" = l."memberId" AND d."decidedOn" >= make_date(${cycle.year}, 1, 1) AND d."decidedOn" < make_date(${cycle.year + 1}, 1, 1)
        LEFT JOIN "ReviewRecord" r ON r."memberId" = l."memberId" AND r."cycleId" = ${cycle.id}
       ORDER BY l.unit, m."fullName", d."decidedOn"`,
    client.$queryRaw<{ unit: string; units: number; disciplined: string[] }[]>`
      SELECT child."parentId" AS unit, count(*)::int AS units,
             COALESCE(array_agg(child.name ORDER BY child.position, child.name) FILTER (WHERE r."leadershipDisciplined"), '{}') AS disciplined
        FROM "Organization" child JOIN "ReviewRecord" r ON r."organizationId" = child.id AND r."cycleId" = ${cycle.id}
       WHERE child."parentId" = ANY(${ids}::text[])
       GROUP BY child."parentId"`,
  ]);
  for (const row of leaders) {
    const facts = result.get(row.unit)!;
    if (row.degraded && !facts.degradedLeaders.includes(row.fullName)) facts.degradedLeaders.push(row.fullName);
    if (row.disciplineId === null) continue;
    facts.leadershipDisciplines.push({
      disciplineId: row.disciplineId,
      memberName: row.fullName,
      decidedOn: toIsoDate(row.decidedOn!),
      form: row.form!,
      selfDetectedAndRemedied: row.selfDetectedAndRemedied!,
      countedInEarlierYear: row.countedInYear !== null && row.countedInYear < cycle.year,
    });
  }
  for (const row of subordinates) {
    const facts = result.get(row.unit)!;
    facts.subordinateUnits = row.units;
    facts.disciplinedSubordinates = row.disciplined;
  }
  return result;
}

/** The committee's answers as stored on the unit's record (ReviewRecord.leadershipDisciplines), read defensively. */
export function storedAnswers(raw: unknown): LeadershipDisciplineAnswer[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: unknown) => {
    if (typeof a !== "object" || a === null) return [];
    const { disciplineId, atFormerUnit, unrelatedToDuties } = a as Record<string, unknown>;
    return typeof disciplineId === "string" ? [{ disciplineId, atFormerUnit: atFormerUnit === true, unrelatedToDuties: unrelatedToDuties === true }] : [];
  });
}
