// Links between the report pages keep the unit and the year being looked at.

export type ReportParams = Record<string, string | number | null | undefined>;

export function reportHref(path: string, params: ReportParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
