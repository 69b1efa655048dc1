import type { Actor } from "@/lib/review/permissions";
import { loadActor } from "@/lib/data/actors";
import { db } from "@/lib/data/db";
import { writeDistrict } from "@/lib/demo/seed-writer";
import { buildDistrict } from "@/lib/demo/district";
import { ruleSetForYear } from "@/lib/grading/rule-sets";
import { DEFAULT_SCORE_SHEETS } from "@/lib/grading/score-sheet";
import { reviewYearOn } from "@/lib/review/calendar";
import { toSearchKey } from "@/lib/text/search";

// Integration tests run on the throw-away database of `npm run test:unit` (scripts/with-db.mjs --test)
// and share the seed's own generator and writer: the fixtures are the demo district.

/** The review year in progress, as the seed sees it today; the year before it is the last published. */
export const CURRENT_YEAR = reviewYearOn(new Date());

let seeded: Promise<void> | null = null;

/** The demo district, written once per test run. */
export function ensureDemoDistrict(): Promise<void> {
  seeded ??= (async () => {
    if (await db.organization.findUnique({ where: { code: "HU" } })) return;
    await writeDistrict(db, buildDistrict({ currentYear: CURRENT_YEAR }));
  })();
  return seeded;
}

/**
 * A date of a review year's calendar, `YYYY-MM-DD`: December of the year, or January (month 1) of the
 * year after it, when the upper committee decides. The review year is the current one unless given.
 */
export function dayOfCurrentYear(month: number, day: number, year = CURRENT_YEAR): string {
  return `${month === 1 ? year + 1 : year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export async function actorFor(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`no actor for ${username}`);
  return actor;
}

export async function orgByCode(code: string): Promise<string> {
  return (await db.organization.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** An active member whose cell lies in the given unit's subtree. */
export async function memberOf(unitId: string, options: { not?: string } = {}): Promise<string> {
  const member = await db.member.findFirstOrThrow({
    where: { status: "ACTIVE", cell: { ancestors: { some: { ancestorId: unitId } } }, ...(options.not ? { id: { not: options.not } } : {}) },
    orderBy: { cardNumber: "asc" },
    select: { id: true },
  });
  return member.id;
}

/** A second, tiny upper committee beside the demo district: what nobody of the district may reach. */
export async function otherDistrict(): Promise<{ orgId: string; cycleId: string; memberId: string }> {
  const established = new Date("2000-01-01");
  const upper = await db.organization.upsert({
    where: { code: "ZZ" },
    update: {},
    create: {
      code: "ZZ",
      name: "Huyện ủy Thử Nghiệm",
      nameSearch: toSearchKey("Huyện ủy Thử Nghiệm"),
      kind: "UPPER_COMMITTEE",
      sector: "OTHER",
      depth: 0,
      establishedOn: established,
    },
  });
  const cell = await db.organization.upsert({
    where: { code: "ZZ.01" },
    update: {},
    create: {
      code: "ZZ.01",
      name: "Chi bộ Thử Nghiệm",
      nameSearch: toSearchKey("Chi bộ Thử Nghiệm"),
      kind: "CHI_BO_CO_SO",
      sector: "AGENCY",
      parentId: upper.id,
      depth: 1,
      establishedOn: established,
    },
  });
  await db.orgClosure.createMany({
    data: [
      { ancestorId: upper.id, descendantId: upper.id, distance: 0 },
      { ancestorId: cell.id, descendantId: cell.id, distance: 0 },
      { ancestorId: upper.id, descendantId: cell.id, distance: 1 },
    ],
    skipDuplicates: true,
  });
  const member = await db.member.upsert({
    where: { cardNumber: "ZZ-0001" },
    update: {},
    create: {
      cardNumber: "ZZ-0001",
      fullName: "Trịnh Văn Khác",
      nameSearch: toSearchKey("Trịnh Văn Khác"),
      gender: "MALE",
      birthDate: new Date("1980-05-05"),
      admittedOn: new Date("2005-05-05"),
      officialOn: new Date("2006-05-05"),
      category: "NON_LEADER_IN_SYSTEM",
      cellId: cell.id,
      grassrootsId: cell.id,
    },
  });
  // Last year's review, published: the current year is left free for tests that open it (cycles.test.ts).
  const year = CURRENT_YEAR - 1;
  const cycle = await db.reviewCycle.upsert({
    where: { upperOrgId_year: { upperOrgId: upper.id, year } },
    update: {},
    create: {
      upperOrgId: upper.id,
      year,
      ruleSet: ruleSetForYear(year)!,
      ratingDate: new Date(dayOfCurrentYear(12, 15, year)),
      status: "PUBLISHED",
      selfReviewDue: new Date(dayOfCurrentYear(12, 10, year)),
      meetingsDue: new Date(dayOfCurrentYear(12, 20, year)),
      grassrootsDue: new Date(dayOfCurrentYear(12, 30, year)),
      upperDecisionDue: new Date(dayOfCurrentYear(1, 20, year)),
    },
  });
  return { orgId: cell.id, cycleId: cycle.id, memberId: member.id };
}

/**
 * A collective's score on the default sheet for organizations, item by item, adding up to `general` and
 * `results` points (each item filled up to its maximum in turn, in tenths): the input a cell or a
 * committee sends instead of two totals.
 */
export function collectiveItems(general: number, results: number): Record<string, number> {
  const items: Record<string, number> = {};
  for (const group of DEFAULT_SCORE_SHEETS.COLLECTIVE.groups) {
    let left = Math.round((group.key === "GENERAL" ? general : results) * 10);
    for (const item of group.items) {
      const tenths = Math.min(left, Math.round(item.maxPoints * 10));
      items[item.key] = tenths / 10;
      left -= tenths;
    }
    if (left !== 0) throw new RangeError(`${general}/${results} does not fit the collective sheet`);
  }
  return items;
}
