import { toSearchKey } from "@/lib/text/search";

// Sorting and filtering of the progress board's rows (one level of the tree, a few hundred rows at most:
// the rows themselves come from SQL already limited to the viewer's scope). Pure.

export type SortableRow = {
  name: string;
  code: string;
  sector: string;
  members: number;
  byState: { NOT_RATED: number };
  reviewed: number;
  lateTotal: number;
};

/**
 * The board's columns of members by where their record stands. They part the members with nothing left
 * over, so a row's columns add up to its members (100 %): not submitted (a draft, or returned), submitted
 * or waiting to be reviewed again, reviewed at the meeting or beyond, absent from it, not rated.
 */
export function stateColumns(
  byState: Record<"DRAFT" | "SUBMITTED" | "RETURNED" | "REVIEWED" | "DECIDED" | "PUBLISHED" | "ABSENT" | "NOT_RATED" | "UNDER_REREVIEW", number>,
) {
  return {
    notSubmitted: byState.DRAFT + byState.RETURNED,
    submitted: byState.SUBMITTED + byState.UNDER_REREVIEW,
    reviewed: byState.REVIEWED + byState.DECIDED + byState.PUBLISHED,
    absent: byState.ABSENT,
    notRated: byState.NOT_RATED,
  };
}

/** Share of the members to rate that are reviewed or beyond, in whole percent (100 when none to rate). */
export function donePercent(row: Pick<SortableRow, "members" | "byState" | "reviewed">): number {
  const toRate = row.members - row.byState.NOT_RATED;
  return toRate > 0 ? Math.floor((row.reviewed * 100) / toRate) : 100;
}

export function filterRows<T extends SortableRow>(rows: readonly T[], filter: { q?: string; lateOnly?: boolean; sector?: string }): T[] {
  const key = filter.q ? toSearchKey(filter.q) : "";
  return rows.filter(
    (r) =>
      (!key || toSearchKey(r.name).includes(key) || r.code.toLowerCase().includes(key)) &&
      (!filter.lateOnly || r.lateTotal > 0) &&
      (!filter.sector || r.sector === filter.sector),
  );
}

export function sortRows<T extends SortableRow>(
  rows: readonly T[],
  sort: "name" | "members" | "done" | "late" = "name",
  dir: "asc" | "desc" = sort === "name" ? "asc" : "desc",
): T[] {
  const value = (r: T): number | string => (sort === "members" ? r.members : sort === "done" ? donePercent(r) : sort === "late" ? r.lateTotal : "");
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * a.name.localeCompare(b.name, "vi");
    const va = value(a) as number;
    const vb = value(b) as number;
    return va === vb ? a.name.localeCompare(b.name, "vi") : sign * (va - vb);
  });
}
