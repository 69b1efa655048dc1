import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { updateCycleDeadlines, getCycleForEdit } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { getMemberPage, listUnitMembers, updateMemberProfile } from "@/lib/data/members";
import { getUnitChildren, getUnitPage, getUnitTree } from "@/lib/data/organizations";
import { setUserLocale } from "@/lib/data/users";
import { actorFor, CURRENT_YEAR, dayOfCurrentYear as on, ensureDemoDistrict, memberOf, orgByCode, otherDistrict } from "./fixtures";
import { ownerDb } from "./owner";

// The permission model against the real database: for each role, a read and a write inside its
// scope succeed, and the same outside it fail as "not found" and change nothing.

const QUERY = { q: "", page: 1 } as const;

async function profileInput(memberId: string, changes: { residenceCell?: string; post?: string } = {}) {
  const m = await db.member.findUniqueOrThrow({ where: { id: memberId } });
  return {
    memberId,
    expectedVersion: m.version,
    post: changes.post ?? m.post ?? "",
    residenceCell: changes.residenceCell ?? m.residenceCell ?? "",
    category: m.category,
    isCivilServant: m.isCivilServant,
  };
}

async function auditCount(entityId: string) {
  return db.auditLog.count({ where: { entityId } });
}

/** Runs a forbidden write and checks it is answered "not found" and leaves no trace. */
async function expectRefusedWrite(memberId: string, write: () => Promise<unknown>) {
  const before = await db.member.findUniqueOrThrow({ where: { id: memberId } });
  const audits = await auditCount(memberId);
  await expect(write()).rejects.toBeInstanceOf(NotFoundError);
  expect(await db.member.findUniqueOrThrow({ where: { id: memberId } })).toEqual(before);
  expect(await auditCount(memberId)).toBe(audits);
}

let cellEast: string; // bithu's cell (HU.01.04)
let cellWest: string; // bithu2's cell (HU.01.05)
let commune: string; // danguy's grassroots organization (HU.01)
let otherGrassroots: string; // another grassroots organization of the district
let outside: { orgId: string; cycleId: string; memberId: string };

beforeAll(async () => {
  await ensureDemoDistrict();
  [cellEast, cellWest, commune] = await Promise.all([orgByCode("HU.01.04"), orgByCode("HU.01.05"), orgByCode("HU.01")]);
  // Of the demo district (its codes begin "HU."), whatever other trees earlier suites wrote (the import's).
  otherGrassroots = (
    await db.organization.findFirstOrThrow({
      where: { kind: "CHI_BO_CO_SO", depth: 1, code: { startsWith: "HU." } },
      orderBy: { code: "asc" },
      select: { id: true },
    })
  ).id;
  outside = await otherDistrict();
});

describe("member (dangvien)", () => {
  let me: Actor;
  beforeAll(async () => {
    me = await actorFor("dangvien");
  });

  it("reads their own record and their cell, nothing more", async () => {
    await expect(getMemberPage(me, me.memberId!)).resolves.toMatchObject({ canEdit: false, canEditResidence: true });
    await expect(getUnitPage(me, cellEast)).resolves.toMatchObject({ unit: { id: cellEast }, canListMembers: false });
    await expect(getUnitChildren(me, commune)).rejects.toBeInstanceOf(NotFoundError);
    // Seeing the cell is not seeing its roster: names, card numbers and birth dates stay with the staff.
    await expect(listUnitMembers(me, cellEast, QUERY)).rejects.toBeInstanceOf(NotFoundError);
    const cellMate = await memberOf(cellEast, { not: me.memberId! });
    await expect(getMemberPage(me, cellMate)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitPage(me, commune)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("states their residence place, audited; cannot change their post or a cell-mate's record", async () => {
    const audits = await auditCount(me.memberId!);
    const input = await profileInput(me.memberId!, { residenceCell: "Chi bộ tổ dân phố 5", post: "Tự đặt chức vụ" });
    await updateMemberProfile(me, input);
    const after = await db.member.findUniqueOrThrow({ where: { id: me.memberId! } });
    expect(after.residenceCell).toBe("Chi bộ tổ dân phố 5");
    expect(after.post).not.toBe("Tự đặt chức vụ");
    expect(await auditCount(me.memberId!)).toBe(audits + 1);

    const cellMate = await memberOf(cellEast, { not: me.memberId! });
    await expectRefusedWrite(cellMate, async () => updateMemberProfile(me, await profileInput(cellMate, { residenceCell: "x" })));
  });

  it("sees the cell's proposal (voted in their presence), a decided level only once it is published; the committee sees it at once", async () => {
    const current = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, year: CURRENT_YEAR } });
    const record = await db.reviewRecord.findUniqueOrThrow({ where: { cycleId_memberId: { cycleId: current.id, memberId: me.memberId! } } });
    const saved = { state: record.state, decidedLevel: record.decidedLevel, proposedLevel: record.proposedLevel };
    try {
      await db.reviewRecord.update({ where: { id: record.id }, data: { state: "DECIDED", proposedLevel: "GOOD", decidedLevel: "GOOD" } });
      const own = (await getMemberPage(me, me.memberId!)).member.reviewRecords.find((r) => r.id === record.id)!;
      expect(own).toMatchObject({ state: "DECIDED", decidedLevel: null, proposedLevel: "GOOD" });
      const committee = await actorFor("danguy");
      const staff = (await getMemberPage(committee, me.memberId!)).member.reviewRecords.find((r) => r.id === record.id)!;
      expect(staff).toMatchObject({ state: "DECIDED", decidedLevel: "GOOD" });

      await db.reviewRecord.update({ where: { id: record.id }, data: { state: "PUBLISHED" } });
      const published = (await getMemberPage(me, me.memberId!)).member.reviewRecords.find((r) => r.id === record.id)!;
      expect(published).toMatchObject({ state: "PUBLISHED", decidedLevel: "GOOD" });
    } finally {
      await db.reviewRecord.update({ where: { id: record.id }, data: saved });
    }
  });

  it("keeps their interface language on their account, audited", async () => {
    const audits = await auditCount(me.userId);
    await setUserLocale(me, "en");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.userId } })).locale).toBe("en");
    await setUserLocale(me, "en"); // no change, no audit row
    expect(await auditCount(me.userId)).toBe(audits + 1);
    await setUserLocale(me, "vi");
  });
});

describe("cell secretary (bithu)", () => {
  let secretary: Actor;
  beforeAll(async () => {
    secretary = await actorFor("bithu");
  });

  it("lists the members of their cell, not of another cell", async () => {
    const list = await listUnitMembers(secretary, cellEast, QUERY);
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.cell.id === cellEast)).toBe(true);
    await expect(listUnitMembers(secretary, cellWest, QUERY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMemberPage(secretary, await memberOf(cellWest))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("edits a member of the cell with an audit row; another cell's member is not found and unchanged", async () => {
    const memberId = await memberOf(cellEast);
    await updateMemberProfile(secretary, await profileInput(memberId, { post: "Tổ trưởng tổ dân vận" }));
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).post).toBe("Tổ trưởng tổ dân vận");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: memberId, action: "member.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: secretary.userId, organizationId: cellEast });
    expect(audit.data).toMatchObject({ after: { post: "Tổ trưởng tổ dân vận" } });

    const westMember = await memberOf(cellWest);
    await expectRefusedWrite(westMember, async () => updateMemberProfile(secretary, await profileInput(westMember, { post: "x" })));
  });

  it("refuses a stale edit instead of overwriting, and writes nothing", async () => {
    const memberId = await memberOf(cellEast);
    const stale = await profileInput(memberId, { post: "Bản cũ" });
    await updateMemberProfile(secretary, await profileInput(memberId, { post: "Bản mới" }));
    const audits = await auditCount(memberId);
    await expect(updateMemberProfile(secretary, stale)).rejects.toMatchObject({ code: "STALE_EDIT" });
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).post).toBe("Bản mới");
    expect(await auditCount(memberId)).toBe(audits);
  });

  it("rejects invalid input and changes nothing", async () => {
    const memberId = await memberOf(cellEast);
    const before = await db.member.findUniqueOrThrow({ where: { id: memberId } });
    const input = { ...(await profileInput(memberId)), post: "x".repeat(500) };
    await expect(updateMemberProfile(secretary, input)).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.member.findUniqueOrThrow({ where: { id: memberId } })).toEqual(before);
  });
});

describe("grassroots committee (danguy)", () => {
  let committee: Actor;
  beforeAll(async () => {
    committee = await actorFor("danguy");
  });

  it("reads every cell of the commune, not another grassroots organization", async () => {
    const page = await getUnitPage(committee, commune);
    expect(page.children.map((c) => c.id)).toEqual(expect.arrayContaining([cellEast, cellWest]));
    expect(page.breadcrumbs).toEqual([]); // nothing above the committee's scope is named
    await expect(getUnitPage(committee, otherGrassroots)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("edits members in any cell of the commune, not elsewhere", async () => {
    const memberId = await memberOf(cellWest);
    await updateMemberProfile(committee, await profileInput(memberId, { residenceCell: "Thôn Tây" }));
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).residenceCell).toBe("Thôn Tây");
    const elsewhere = await memberOf(otherGrassroots);
    await expectRefusedWrite(elsewhere, async () => updateMemberProfile(committee, await profileInput(elsewhere, { post: "x" })));
  });
});

describe.each(["bantochuc", "thuongvu"] as const)("upper committee (%s)", (username) => {
  let upper: Actor;
  beforeAll(async () => {
    upper = await actorFor(username);
  });

  it("reads the whole district, not another district", async () => {
    const tree = await getUnitTree(upper);
    expect(tree.filter((n) => n.depth === 1)).toHaveLength(54);
    // The tree carries one level below the district; a grassroots organization's cells are read when opened.
    expect(tree.some((n) => n.parentId === commune)).toBe(false);
    const communeNode = tree.find((n) => n.id === commune)!;
    const cells = await getUnitChildren(upper, commune);
    expect(cells.map((c) => c.id)).toEqual(expect.arrayContaining([cellEast, cellWest]));
    expect(cells).toHaveLength(communeNode.counts.subUnits);
    expect(cells.reduce((sum, c) => sum + c.counts.members, 0)).toBe(communeNode.counts.members);
    await expect(getUnitChildren(upper, outside.orgId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMemberPage(upper, await memberOf(cellWest))).resolves.toMatchObject({ canEdit: false });
    await expect(getUnitPage(upper, outside.orgId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sets the cycle's deadlines with an audit row; another district's cycle is not found", async () => {
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { status: { not: "CLOSED" }, upperOrg: { code: "HU" } }, orderBy: { year: "desc" } });
    const current = await getCycleForEdit(upper, cycle.id);
    const audits = await auditCount(cycle.id);
    await updateCycleDeadlines(upper, {
      cycleId: cycle.id,
      expectedVersion: current.version,
      selfReviewDue: on(12, 5),
      meetingsDue: on(12, 15),
      grassrootsDue: on(12, 25),
      upperDecisionDue: on(1, 15),
    });
    expect((await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).meetingsDue.toISOString().slice(0, 10)).toBe(on(12, 15));
    expect(await auditCount(cycle.id)).toBe(audits + 1);

    const other = await db.reviewCycle.findUniqueOrThrow({ where: { id: outside.cycleId } });
    await expect(
      updateCycleDeadlines(upper, {
        cycleId: other.id,
        expectedVersion: other.version,
        selfReviewDue: on(12, 1),
        meetingsDue: on(12, 2),
        grassrootsDue: on(12, 3),
        upperDecisionDue: on(12, 4),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
  });

  it("refuses deadlines out of the order of the steps", async () => {
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, status: { not: "CLOSED" } }, orderBy: { year: "desc" } });
    await expect(
      updateCycleDeadlines(upper, {
        cycleId: cycle.id,
        expectedVersion: cycle.version,
        selfReviewDue: on(12, 20),
        meetingsDue: on(12, 10),
        grassrootsDue: on(12, 25),
        upperDecisionDue: on(1, 15),
      }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toEqual(cycle);
  });

  it("refuses a stale edit and a closed cycle, changing nothing", async () => {
    const cycle = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, status: { not: "CLOSED" } }, orderBy: { year: "desc" } });
    const dates = { selfReviewDue: on(12, 1), meetingsDue: on(12, 12), grassrootsDue: on(12, 26), upperDecisionDue: on(1, 12) };
    const stale = { cycleId: cycle.id, expectedVersion: cycle.version - 1, ...dates };
    await expect(updateCycleDeadlines(upper, stale)).rejects.toMatchObject({ code: "STALE_EDIT" });
    expect(await db.reviewCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toEqual(cycle);

    const closed = await db.reviewCycle.findFirstOrThrow({ where: { upperOrg: { code: "HU" }, year: CURRENT_YEAR - 1 } });
    await db.reviewCycle.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    try {
      const current = await db.reviewCycle.findUniqueOrThrow({ where: { id: closed.id } });
      await expect(updateCycleDeadlines(upper, { cycleId: closed.id, expectedVersion: current.version, ...dates })).rejects.toMatchObject({
        code: "CYCLE_CLOSED",
      });
      expect((await db.reviewCycle.findUniqueOrThrow({ where: { id: closed.id } })).selfReviewDue).toEqual(current.selfReviewDue);
    } finally {
      await db.reviewCycle.update({ where: { id: closed.id }, data: { status: closed.status } });
    }
  });

  it("cannot edit members (read-only role for member facts)", async () => {
    const memberId = await memberOf(cellEast);
    await expectRefusedWrite(memberId, async () => updateMemberProfile(upper, await profileInput(memberId, { post: "x" })));
  });
});

describe("administrator (quantri)", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await actorFor("quantri");
  });

  it("edits members anywhere in the district, nowhere else", async () => {
    const memberId = await memberOf(otherGrassroots);
    await updateMemberProfile(admin, await profileInput(memberId, { post: "Chuyên viên" }));
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).post).toBe("Chuyên viên");
    await expectRefusedWrite(outside.memberId, async () => updateMemberProfile(admin, await profileInput(outside.memberId, { post: "x" })));
    await expect(getUnitPage(admin, outside.orgId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    const row = await db.auditLog.findFirstOrThrow();
    // The app's role holds no right to change or remove a row; the owner is stopped by the triggers.
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "rewritten" } })).rejects.toThrow(/permission denied/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/);
    await expect(ownerDb.auditLog.update({ where: { id: row.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(ownerDb.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
