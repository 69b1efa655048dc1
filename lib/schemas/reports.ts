import { z } from "zod";

// The query of the report pages and their exports. A page URL is typed by anyone: a bad parameter falls
// back to its default instead of failing.

export const PROGRESS_SORTS = ["name", "members", "done", "late"] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];
export const REPORT_SECTORS = ["COMMUNE", "AGENCY", "SCHOOL", "HEALTH", "ENTERPRISE", "ARMED_FORCES", "RESIDENTIAL", "OTHER"] as const;
export const REPORT_LISTS = ["excellent", "streak", "notCompleted", "remediation", "excellentOrganizations", "streakOrganizations"] as const;

export const ReportQuerySchema = z.object({
  unit: z.string().trim().min(1).max(40).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  sort: z.enum(PROGRESS_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  late: z.literal("1").optional().catch(undefined),
  sector: z.enum(REPORT_SECTORS).optional().catch(undefined),
  list: z.enum(REPORT_LISTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Parses URLSearchParams or a page's searchParams object. */
export function parseReportQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): ReportQuery {
  const raw =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ReportQuerySchema.parse(raw);
}
