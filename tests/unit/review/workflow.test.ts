import { describe, expect, it } from "vitest";
import { ROLES, scopeOf, type Actor, type Role } from "@/lib/review/permissions";
import {
  assertTransition,
  availableTransitions,
  canTransition,
  nextState,
  RECORD_KINDS,
  RECORD_STATES,
  refusal,
  TRANSITION_NAMES,
  TRANSITIONS,
  transitionsFrom,
  WorkflowError,
  type RecordKind,
  type RecordState,
  type TransitionName,
} from "@/lib/review/workflow";
import { readFileSync } from "node:fs";

// Every transition × every role × every state × whose record, against matrices written out by hand
// from the regulation's defaults (lib/review/README.md), not read from the implementation.

// District D ⊃ commune C ⊃ cells C1, C2; another district D2 ⊃ cell X1.
const ANCESTRY = { C1: ["C1", "C", "D"], C2: ["C2", "C", "D"], X1: ["X1", "D2"] } as const;
// Where each role is assigned: a member and the secretary in C1, the committee in C, the upper levels in D.
const ASSIGNED: Record<Role, string> = {
  MEMBER: "C1",
  CELL_SECRETARY: "C1",
  GRASSROOTS_COMMITTEE: "C",
  UPPER_BOARD: "D",
  UPPER_STANDING: "D",
  ADMIN: "D",
};
const ME = "me";
const actorAs = (role: Role): Actor => ({ userId: `u-${role}`, displayName: role, memberId: ME, roles: [{ role, organizationId: ASSIGNED[role] }] });

/** Whose record, and where it is. */
const RECORDS = {
  own: { memberId: ME, organizationAncestry: ANCESTRY.C1 },
  cellMate: { memberId: "m2", organizationAncestry: ANCESTRY.C1 },
  otherCell: { memberId: "m3", organizationAncestry: ANCESTRY.C2 },
  otherDistrict: { memberId: "m9", organizationAncestry: ANCESTRY.X1 },
} as const;
type Whose = keyof typeof RECORDS;

/** Which roles reach a record of another member in each place (written out, not computed). */
const REACHES: Record<Exclude<Whose, "own">, readonly Role[]> = {
  cellMate: ROLES,
  otherCell: ["GRASSROOTS_COMMITTEE", "UPPER_BOARD", "UPPER_STANDING", "ADMIN"],
  otherDistrict: [],
};

const none = { MEMBER: [], CELL_SECRETARY: [], GRASSROOTS_COMMITTEE: [], UPPER_BOARD: [], UPPER_STANDING: [], ADMIN: [] };

/** Another member's record, within the actor's reach: state × role → what the actor may do. */
const ON_OTHERS: Record<RecordState, Record<Role, TransitionName[]>> = {
  DRAFT: { ...none, CELL_SECRETARY: ["submitOnBehalf", "markAbsent", "markNotRated"] },
  SUBMITTED: { ...none, CELL_SECRETARY: ["return", "markAbsent", "markNotRated", "review"] },
  RETURNED: { ...none, CELL_SECRETARY: ["submitOnBehalf", "markAbsent", "markNotRated"] },
  ABSENT: { ...none, CELL_SECRETARY: ["submitOnBehalf", "markNotRated", "review"] },
  NOT_RATED: { ...none, CELL_SECRETARY: ["reinstate"], GRASSROOTS_COMMITTEE: ["confirmNotRated", "rejectNotRated"] },
  REVIEWED: { ...none, GRASSROOTS_COMMITTEE: ["decide", "sendBack"] },
  DECIDED: { ...none, GRASSROOTS_COMMITTEE: ["decide", "publish", "reopen"], UPPER_STANDING: ["startRereview"] },
  PUBLISHED: { ...none, GRASSROOTS_COMMITTEE: ["reopen"], UPPER_STANDING: ["startRereview"] },
  UNDER_REREVIEW: { ...none, CELL_SECRETARY: ["finishRereview"] },
};

/** The actor's own record: only their self-review, whatever their office. */
const ON_OWN: Record<RecordState, Record<Role, TransitionName[]>> = {
  DRAFT: { ...none, MEMBER: ["submit"], CELL_SECRETARY: ["submit"] },
  SUBMITTED: none,
  RETURNED: { ...none, MEMBER: ["submit"], CELL_SECRETARY: ["submit"] },
  ABSENT: { ...none, MEMBER: ["submit"], CELL_SECRETARY: ["submit"] },
  NOT_RATED: none,
  REVIEWED: none,
  DECIDED: none,
  PUBLISHED: none,
  UNDER_REREVIEW: none,
};

function expected(role: Role, state: RecordState, whose: Whose): TransitionName[] {
  if (whose === "own") return ON_OWN[state][role];
  return REACHES[whose].includes(role) ? ON_OTHERS[state][role] : [];
}

const cases = ROLES.flatMap((role) => RECORD_STATES.flatMap((state) => (Object.keys(RECORDS) as Whose[]).map((whose) => [role, state, whose] as const)));

describe("canTransition: the whole matrix of members' records", () => {
  it("has every case", () => {
    expect(cases).toHaveLength(ROLES.length * RECORD_STATES.length * 4);
    expect(TRANSITION_NAMES).toHaveLength(25);
  });

  it.each(cases)("%s on a %s member's record (%s)", (role, state, whose) => {
    const record = { state, kind: "MEMBER" as const, target: RECORDS[whose] };
    const allowed = TRANSITION_NAMES.filter((name) => canTransition(actorAs(role), name, record));
    expect(allowed.sort()).toEqual([...expected(role, state, whose)].sort());
    expect(
      availableTransitions(actorAs(role), record)
        .map((t) => t.name)
        .sort(),
    ).toEqual(allowed);
  });
});

// Units' records: the cell C1 (a subordinate unit of the commune C), the commune C itself (a grassroots
// organization under the district D), and a cell of another district.
const UNITS = {
  ownCell: { kind: "SUBORDINATE", target: { organizationAncestry: ANCESTRY.C1 } },
  otherCell: { kind: "SUBORDINATE", target: { organizationAncestry: ANCESTRY.C2 } },
  commune: { kind: "GRASSROOTS", target: { organizationAncestry: ["C", "D"] } },
  foreign: { kind: "SUBORDINATE", target: { organizationAncestry: ANCESTRY.X1 } },
} as const satisfies Record<string, { kind: RecordKind; target: { organizationAncestry: readonly string[] } }>;
type Unit = keyof typeof UNITS;

/** Written out by hand: role × unit × state → what the role may do (every other combination: nothing). */
const ON_UNITS: Partial<Record<Role, Partial<Record<Unit, Partial<Record<RecordState, TransitionName[]>>>>>> = {
  // The secretary records the cell's own proposal at its meeting, and nothing else of any unit.
  CELL_SECRETARY: { ownCell: { DRAFT: ["proposeUnit"], REVIEWED: ["proposeUnit"], UNDER_REREVIEW: ["proposeUnit"] } },
  // The committee decides its cells, rates its own organization, and never decides it.
  GRASSROOTS_COMMITTEE: {
    ownCell: { REVIEWED: ["decideUnit", "sendBackUnit"], DECIDED: ["decideUnit", "publishUnit", "sendBackUnit"], PUBLISHED: ["sendBackUnit"] },
    otherCell: { REVIEWED: ["decideUnit", "sendBackUnit"], DECIDED: ["decideUnit", "publishUnit", "sendBackUnit"], PUBLISHED: ["sendBackUnit"] },
    commune: { DRAFT: ["selfRate"], RETURNED: ["selfRate"], UNDER_REREVIEW: ["selfRate"] },
  },
  // The board verifies; it may propose a re-rating (rating:proposeRerate) but not order one (366 Điều 15).
  UPPER_BOARD: {
    ownCell: {},
    otherCell: {},
    commune: { SUBMITTED: ["verify", "returnRating"], REVIEWED: ["verify"] },
  },
  UPPER_STANDING: {
    ownCell: { DECIDED: ["startRereview"], PUBLISHED: ["startRereview"] },
    otherCell: { DECIDED: ["startRereview"], PUBLISHED: ["startRereview"] },
    commune: {
      SUBMITTED: ["sendBackRating"],
      REVIEWED: ["approve", "sendBackRating"],
      DECIDED: ["approve", "publishApproved", "sendBackRating", "startRereview"],
      PUBLISHED: ["sendBackRating", "startRereview"],
    },
  },
};

const unitCases = ROLES.flatMap((role) => RECORD_STATES.flatMap((state) => (Object.keys(UNITS) as Unit[]).map((unit) => [role, state, unit] as const)));

describe("canTransition: the whole matrix of units' records", () => {
  it.each(unitCases)("%s on a %s record of %s", (role, state, unit) => {
    const record = { state, ...UNITS[unit] };
    const allowed = TRANSITION_NAMES.filter((name) => canTransition(actorAs(role), name, record));
    expect(allowed.sort()).toEqual([...(ON_UNITS[role]?.[unit]?.[state] ?? [])].sort());
  });

  it("a unit's record is the actor's own where they hold an office", () => {
    const committee = actorAs("GRASSROOTS_COMMITTEE");
    expect(refusal(committee, "decideUnit", { state: "REVIEWED", ...UNITS.ownCell })).toBeNull();
    const committeeAndSecretary: Actor = { ...committee, roles: [...committee.roles, { role: "CELL_SECRETARY", organizationId: "C1" }] };
    expect(refusal(committeeAndSecretary, "decideUnit", { state: "REVIEWED", ...UNITS.ownCell })).toBe("OWN_RECORD");
    expect(refusal(committeeAndSecretary, "decideUnit", { state: "REVIEWED", ...UNITS.otherCell })).toBeNull();
    expect(refusal(actorAs("UPPER_BOARD"), "selfRate", { state: "DRAFT", ...UNITS.commune })).toBe("OWN_RECORD");
  });
});

describe("the table", () => {
  it("transitionsFrom lists, per state, what leaves it for a member's record", () => {
    const FROM: Record<RecordState, TransitionName[]> = {
      DRAFT: ["submit", "submitOnBehalf", "markAbsent", "markNotRated"],
      SUBMITTED: ["return", "markAbsent", "markNotRated", "review"],
      RETURNED: ["submit", "submitOnBehalf", "markAbsent", "markNotRated"],
      ABSENT: ["submit", "submitOnBehalf", "markNotRated", "review"],
      NOT_RATED: ["reinstate", "confirmNotRated", "rejectNotRated"],
      REVIEWED: ["decide", "sendBack"],
      DECIDED: ["decide", "publish", "reopen", "startRereview"],
      PUBLISHED: ["reopen", "startRereview"],
      UNDER_REREVIEW: ["finishRereview"],
    };
    for (const state of RECORD_STATES) {
      expect(
        transitionsFrom(state, "MEMBER")
          .map((t) => t.name)
          .sort(),
      ).toEqual([...FROM[state]].sort());
    }
  });

  it("nextState follows each transition, and nothing else", () => {
    const TO: Record<TransitionName, RecordState> = {
      submit: "SUBMITTED",
      submitOnBehalf: "SUBMITTED",
      return: "RETURNED",
      markAbsent: "ABSENT",
      markNotRated: "NOT_RATED",
      reinstate: "DRAFT",
      confirmNotRated: "NOT_RATED",
      rejectNotRated: "DRAFT",
      review: "REVIEWED",
      decide: "DECIDED",
      publish: "PUBLISHED",
      sendBack: "UNDER_REREVIEW",
      reopen: "UNDER_REREVIEW",
      startRereview: "UNDER_REREVIEW",
      finishRereview: "REVIEWED",
      proposeUnit: "REVIEWED",
      decideUnit: "DECIDED",
      publishUnit: "PUBLISHED",
      sendBackUnit: "UNDER_REREVIEW",
      selfRate: "SUBMITTED",
      verify: "REVIEWED",
      returnRating: "RETURNED",
      approve: "DECIDED",
      publishApproved: "PUBLISHED",
      sendBackRating: "UNDER_REREVIEW",
    };
    for (const name of TRANSITION_NAMES) {
      for (const state of RECORD_STATES) {
        for (const kind of RECORD_KINDS) {
          const leaves = transitionsFrom(state, kind).some((t) => t.name === name);
          expect(nextState(name, { state, kind })).toBe(leaves ? TO[name] : null);
        }
      }
    }
    expect(nextState("fly", { state: "DRAFT", kind: "MEMBER" })).toBeNull();
  });

  it("is well formed: unique names, known states, a permission some role holds", () => {
    expect(new Set(TRANSITION_NAMES).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) {
      expect(t.from.length).toBeGreaterThan(0);
      // Only deciding again (a level not yet published), re-verifying and confirming a proposal to leave a
      // member unrated stay where they are.
      if (!["decide", "decideUnit", "approve", "verify", "proposeUnit", "confirmNotRated"].includes(t.name)) expect(t.from).not.toContain(t.to);
      expect(ROLES.some((role) => scopeOf(role, t.permission) !== undefined)).toBe(true);
    }
  });

  it("needs a reason to send anything back, a vote to review, a reason to leave a subject unrated", () => {
    const requires = Object.fromEntries(TRANSITIONS.map((t) => [t.name, [...t.requires]]));
    expect(requires).toMatchObject({
      return: ["reason"],
      sendBack: ["reason"],
      reopen: ["reason"],
      startRereview: ["reason"],
      reinstate: ["reason"],
      review: ["vote"],
      finishRereview: ["vote"],
      markNotRated: ["notRatedReason"],
      decide: ["level"],
    });
  });

  it("states the Prisma enum RecordState, in its order", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    const body = /enum RecordState \{([^}]*)\}/.exec(schema)![1];
    const names = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*/, "").trim())
      .filter(Boolean);
    expect(names).toEqual([...RECORD_STATES]);
  });
});

describe("people with several roles, and records without an owner", () => {
  const secretaryAndCommittee: Actor = {
    userId: "u",
    displayName: "",
    memberId: ME,
    roles: [
      { role: "MEMBER", organizationId: "C1" },
      { role: "CELL_SECRETARY", organizationId: "C1" },
      { role: "GRASSROOTS_COMMITTEE", organizationId: "C" },
    ],
  };

  it("submits their own self-review and nothing more on it", () => {
    const own = (state: RecordState) => ({ state, kind: "MEMBER" as const, target: RECORDS.own });
    expect(canTransition(secretaryAndCommittee, "submit", own("DRAFT"))).toBe(true);
    expect(refusal(secretaryAndCommittee, "review", own("SUBMITTED"))).toBe("OWN_RECORD");
    expect(refusal(secretaryAndCommittee, "decide", own("REVIEWED"))).toBe("OWN_RECORD");
    expect(refusal(secretaryAndCommittee, "markNotRated", own("DRAFT"))).toBe("OWN_RECORD");
  });

  it("acts on others with every office held", () => {
    const mate = (state: RecordState) => ({ state, kind: "MEMBER" as const, target: RECORDS.cellMate });
    expect(canTransition(secretaryAndCommittee, "review", mate("SUBMITTED"))).toBe(true);
    expect(canTransition(secretaryAndCommittee, "decide", mate("REVIEWED"))).toBe(true);
    expect(refusal(secretaryAndCommittee, "submit", mate("DRAFT"))).toBe("OWN_RECORD");
  });

  it("an account without a member record submits nothing and is never on its own record", () => {
    const staff: Actor = { userId: "u", displayName: "", memberId: null, roles: [{ role: "GRASSROOTS_COMMITTEE", organizationId: "C" }] };
    expect(canTransition(staff, "decide", { state: "REVIEWED", kind: "MEMBER", target: RECORDS.cellMate })).toBe(true);
    expect(canTransition(staff, "submit", { state: "DRAFT", kind: "MEMBER", target: RECORDS.cellMate })).toBe(false);
  });

  it("refuses a member's record that does not say whose it is", () => {
    const anonymous = { state: "REVIEWED" as const, kind: "MEMBER" as const, target: { organizationAncestry: ANCESTRY.C1 } };
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "decide", anonymous)).toBe("PERMISSION");
  });

  it("says why, in order: unknown name, kind, state, own record, permission", () => {
    const mate = { state: "REVIEWED" as const, kind: "MEMBER" as const, target: RECORDS.cellMate };
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "fly", mate)).toBe("UNKNOWN");
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "decide", { ...mate, kind: "SUBORDINATE" })).toBe("KIND");
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "publish", mate)).toBe("STATE");
    expect(refusal(actorAs("UPPER_STANDING"), "decide", mate)).toBe("PERMISSION");
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "decide", mate)).toBeNull();
  });
});

describe("assertTransition", () => {
  it("returns the transition when allowed", () => {
    const t = assertTransition(actorAs("CELL_SECRETARY"), "return", { state: "SUBMITTED", kind: "MEMBER", target: RECORDS.cellMate });
    expect(t).toMatchObject({ name: "return", to: "RETURNED", requires: ["reason"] });
  });

  it("throws TRANSITION_NOT_ALLOWED with what was asked", () => {
    const attempt = () => assertTransition(actorAs("CELL_SECRETARY"), "decide", { state: "REVIEWED", kind: "MEMBER", target: RECORDS.cellMate });
    expect(attempt).toThrow(WorkflowError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: "TRANSITION_NOT_ALLOWED", transition: "decide", state: "REVIEWED", refusal: "PERMISSION" });
    }
  });
});
