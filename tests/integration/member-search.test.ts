import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/review/permissions";
import { db } from "@/lib/data/db";
import { listUnitMembers, MEMBERS_PAGE_SIZE } from "@/lib/data/members";
import { toSearchKey } from "@/lib/text/search";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";

// The unit page's search by name, on the demo district: typed without tone marks or with them, it finds
// every member of the unit's subtree whose name holds the words, each once across the pages, in the
// list's order (by name), counted right; a page past the end shows the last one; the status filter holds.

let admin: Actor;
let district: string;
let commune: string;

/** Members of the subtree whose name, folded, holds `key`: the answer worked out from every member in JS. */
async function expected(unitId: string, key: string, keep: (status: string) => boolean) {
  const members = await db.member.findMany({
    where: { cell: { ancestors: { some: { ancestorId: unitId } } } },
    select: { id: true, fullName: true, status: true },
  });
  return members.filter((m) => keep(m.status) && toSearchKey(m.fullName).includes(key));
}

/** Every page of a search, one after the other. */
async function allPages(unitId: string, q: string, status?: "ACTIVE" | "EXEMPT" | "SUSPENDED" | "LEFT") {
  const first = await listUnitMembers(admin, unitId, { q, page: 1, status });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++) pages.push(await listUnitMembers(admin, unitId, { q, page, status }));
  return { total: first.total, pageCount: first.pageCount, rows: pages.flatMap((p) => p.rows) };
}

beforeAll(async () => {
  await ensureDemoDistrict();
  admin = await actorFor("quantri");
  [district, commune] = await Promise.all([orgByCode("HU"), orgByCode("HU.01")]);
});

describe("searching a unit's members by name", () => {
  it("finds every 'Nguyễn Văn' of the district from 'nguyen van', once each, by name, over several pages", async () => {
    const want = await expected(district, "nguyen van", (s) => s !== "LEFT");
    expect(want.length).toBeGreaterThan(MEMBERS_PAGE_SIZE * 2);
    const found = await allPages(district, "nguyen van");
    expect(found.total).toBe(want.length);
    expect(found.pageCount).toBe(Math.ceil(want.length / MEMBERS_PAGE_SIZE));
    expect(found.rows.map((r) => r.id).sort()).toEqual(want.map((m) => m.id).sort());
    // The list's order: by the folded name, then the id (the pages follow on from each other).
    const byName = await db.member.findMany({
      where: { id: { in: want.map((m) => m.id) } },
      orderBy: [{ nameSearch: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(found.rows.map((r) => r.id)).toEqual(byName.map((m) => m.id));
    expect(found.rows.every((r) => toSearchKey(r.fullName).includes("nguyen van"))).toBe(true);
    // Each row carries its cell, as the list shows it.
    const row = found.rows[0];
    const cell = await db.member.findUniqueOrThrow({ where: { id: row.id }, select: { cell: { select: { id: true, name: true } } } });
    expect(row.cell).toEqual(cell.cell);
  });

  it("gives the same answer typed with its tone marks, in capitals, with extra spaces", async () => {
    const plain = await listUnitMembers(admin, commune, { q: "nguyen van", page: 1 });
    const typed = await listUnitMembers(admin, commune, { q: "  NGUYỄN   Văn ", page: 1 });
    expect(plain.total).toBeGreaterThan(0);
    expect(typed).toEqual(plain);
  });

  it("shows the last page when asked for one past the end, and nothing but a count of zero when nobody matches", async () => {
    const last = await listUnitMembers(admin, district, { q: "nguyen van", page: 10_000 });
    expect(last.page).toBe(last.pageCount);
    expect(last.rows.length).toBe(last.total - (last.pageCount - 1) * MEMBERS_PAGE_SIZE);
    const none = await listUnitMembers(admin, district, { q: "zzqx", page: 3 });
    expect(none).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
    // A wildcard typed by the person is a character like any other, never "anything".
    expect((await listUnitMembers(admin, district, { q: "%", page: 1 })).total).toBe((await listUnitMembers(admin, district, { q: "", page: 1 })).total);
  });

  it("keeps to the status asked for, and leaves members who left out otherwise", async () => {
    for (const status of ["ACTIVE", "LEFT"] as const) {
      const want = await expected(district, "thi", (s) => s === status);
      const found = await allPages(district, "thi", status);
      expect(found.total).toBe(want.length);
      expect(found.rows.map((r) => r.id).sort()).toEqual(want.map((m) => m.id).sort());
      expect(found.rows.every((r) => r.status === status)).toBe(true);
    }
    const all = await expected(district, "thi", (s) => s !== "LEFT");
    expect((await listUnitMembers(admin, district, { q: "thi", page: 1 })).total).toBe(all.length);
  });

  it("searches only the unit's own subtree", async () => {
    const inCommune = await allPages(commune, "nguyen");
    const want = await expected(commune, "nguyen", (s) => s !== "LEFT");
    expect(inCommune.rows.map((r) => r.id).sort()).toEqual(want.map((m) => m.id).sort());
    expect((await listUnitMembers(admin, district, { q: "nguyen", page: 1 })).total).toBeGreaterThan(inCommune.total);
  });
});
