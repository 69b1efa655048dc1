import { describe, expect, it } from "vitest";
import { NotFoundError, assertCan, can, subtreeRoots, type Actor, type Permission, type Role } from "@/lib/review/permissions";

// A small tree: district D ⊃ commune C ⊃ cells C1, C2; school S is a sibling of C.
const ANCESTRY = {
  D: ["D"],
  C: ["C", "D"],
  C1: ["C1", "C", "D"],
  C2: ["C2", "C", "D"],
  S: ["S", "D"],
} as const;

const actor = (role: Role, organizationId: keyof typeof ANCESTRY, memberId: string | null = null): Actor => ({
  userId: `u-${role}`,
  displayName: role,
  memberId,
  roles: [{ role, organizationId }],
});

const unit = (id: keyof typeof ANCESTRY) => ({ organizationAncestry: ANCESTRY[id] });
const member = (id: string, cell: keyof typeof ANCESTRY) => ({ memberId: id, organizationAncestry: ANCESTRY[cell] });

describe("can: role × scope", () => {
  const cases: [string, Actor, Permission, ReturnType<typeof unit> | ReturnType<typeof member>, boolean][] = [
    ["member reads own record", actor("MEMBER", "C1", "m1"), "member:read", member("m1", "C1"), true],
    ["member cannot read a cell-mate", actor("MEMBER", "C1", "m1"), "member:read", member("m2", "C1"), false],
    ["member states own residence", actor("MEMBER", "C1", "m1"), "member:write-residence", member("m1", "C1"), true],
    ["member cannot edit own facts", actor("MEMBER", "C1", "m1"), "member:write", member("m1", "C1"), false],
    ["member reads own cell", actor("MEMBER", "C1", "m1"), "org:read", unit("C1"), true],
    ["member cannot read the commune", actor("MEMBER", "C1", "m1"), "org:read", unit("C"), false],
    ["secretary edits a member of the cell", actor("CELL_SECRETARY", "C1"), "member:write", member("m2", "C1"), true],
    ["secretary cannot edit another cell", actor("CELL_SECRETARY", "C1"), "member:write", member("m3", "C2"), false],
    ["secretary writes the cell's minutes", actor("CELL_SECRETARY", "C1"), "minutes:write", unit("C1"), true],
    ["secretary cannot decide ratings", actor("CELL_SECRETARY", "C1"), "rating:decide", unit("C1"), false],
    ["committee decides in its cells", actor("GRASSROOTS_COMMITTEE", "C"), "rating:decide", unit("C2"), true],
    ["committee cannot reach the school", actor("GRASSROOTS_COMMITTEE", "C"), "member:read", member("m9", "S"), false],
    ["committee cannot read the district", actor("GRASSROOTS_COMMITTEE", "C"), "org:read", unit("D"), false],
    ["board reads every member below", actor("UPPER_BOARD", "D"), "member:read", member("m3", "C2"), true],
    ["board verifies, does not approve", actor("UPPER_BOARD", "D"), "rating:approve", unit("C"), false],
    ["board cannot edit members", actor("UPPER_BOARD", "D"), "member:write", member("m3", "C2"), false],
    ["standing committee approves", actor("UPPER_STANDING", "D"), "rating:approve", unit("S"), true],
    ["standing committee manages the cycle", actor("UPPER_STANDING", "D"), "cycle:manage", unit("D"), true],
    ["board does not order a re-rating (366 Điều 15: the standing committee decides)", actor("UPPER_BOARD", "D"), "rating:rereview", member("m3", "C2"), false],
    ["board proposes a re-rating below", actor("UPPER_BOARD", "D"), "rating:proposeRerate", member("m3", "C2"), true],
    ["standing committee needs no proposal of its own", actor("UPPER_STANDING", "D"), "rating:proposeRerate", member("m3", "C2"), false],
    ["standing committee orders a re-review below", actor("UPPER_STANDING", "D"), "rating:rereview", unit("S"), true],
    ["committee does not order re-reviews", actor("GRASSROOTS_COMMITTEE", "C"), "rating:rereview", member("m3", "C2"), false],
    ["admin manages users below", actor("ADMIN", "D"), "user:manage", unit("C1"), true],
    ["admin does not decide ratings", actor("ADMIN", "D"), "rating:decide", unit("C"), false],
    ["secretary reminds a member of the cell", actor("CELL_SECRETARY", "C1"), "reminder:send", member("m2", "C1"), true],
    ["secretary cannot remind another cell", actor("CELL_SECRETARY", "C1"), "reminder:send", member("m3", "C2"), false],
    ["committee reminds in its cells", actor("GRASSROOTS_COMMITTEE", "C"), "reminder:send", member("m3", "C2"), true],
    ["member cannot remind, not even a cell-mate", actor("MEMBER", "C1", "m1"), "reminder:send", member("m2", "C1"), false],
  ];
  it.each(cases)("%s", (_name, who, permission, target, expected) => {
    expect(can(who, permission, target)).toBe(expected);
  });

  it("combines several roles of one person", () => {
    const secretaryAndMember: Actor = {
      userId: "u",
      displayName: "",
      memberId: "m1",
      roles: [
        { role: "MEMBER", organizationId: "C1" },
        { role: "CELL_SECRETARY", organizationId: "C2" },
      ],
    };
    expect(can(secretaryAndMember, "member:write", member("m3", "C2"))).toBe(true);
    expect(can(secretaryAndMember, "member:write", member("m1", "C1"))).toBe(false);
    expect(can(secretaryAndMember, "member:read", member("m1", "C1"))).toBe(true);
  });

  it("an actor without roles can do nothing", () => {
    const nobody: Actor = { userId: "u", displayName: "", memberId: "m1", roles: [] };
    expect(can(nobody, "member:read", member("m1", "C1"))).toBe(false);
  });
});

describe("assertCan", () => {
  it("throws NotFound for a forbidden and for a missing target alike", () => {
    const secretary = actor("CELL_SECRETARY", "C1");
    expect(() => assertCan(secretary, "org:read", unit("C2"))).toThrow(NotFoundError);
    expect(() => assertCan(secretary, "org:read", null)).toThrow(NotFoundError);
    expect(() => assertCan(secretary, "org:read", unit("C1"))).not.toThrow();
  });
});

describe("subtreeRoots", () => {
  it("lists only subtree grants for the permission, once each", () => {
    const person: Actor = {
      userId: "u",
      displayName: "",
      memberId: "m1",
      roles: [
        { role: "MEMBER", organizationId: "C1" },
        { role: "CELL_SECRETARY", organizationId: "C1" },
        { role: "GRASSROOTS_COMMITTEE", organizationId: "C" },
      ],
    };
    expect(subtreeRoots(person, "member:read").sort()).toEqual(["C", "C1"]);
    expect(subtreeRoots(person, "rating:decide")).toEqual(["C"]);
    expect(subtreeRoots(actor("MEMBER", "C1", "m1"), "member:read")).toEqual([]);
  });
});
