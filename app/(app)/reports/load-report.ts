import "server-only";
import { orNotFound } from "@/lib/auth/not-found";
import { subtreeRoots, type Actor } from "@/lib/review/permissions";
import { requireActor } from "@/lib/auth/session";
import type { ReportScope } from "@/lib/data/report-scope";
import { parseReportQuery, type ReportQuery } from "@/lib/schemas/reports";

export type ReportSearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What every report page does first: the person asking, the unit, year and filters from the address,
 * the report's one use case (a unit outside the person's scope is the 404 page), and what the frame
 * around it shows — the unit's path, the year chooser, the import tab for those who manage units.
 */
export async function loadReport<R extends ReportScope & { year: number | null }>(
  searchParams: ReportSearchParams,
  getReport: (actor: Actor, query: ReportQuery) => Promise<R>,
) {
  const actor = await requireActor();
  const query = parseReportQuery(await searchParams);
  const report = await orNotFound(getReport(actor, query));
  const frame = {
    unit: report.unit,
    breadcrumbs: report.breadcrumbs,
    years: report.years,
    year: report.year,
    canImport: subtreeRoots(actor, "org:manage").length > 0,
  };
  return { query, report, frame };
}
