import { describe, expect, it } from "vitest";
import { ROLES, scopeOf, type Actor, type Role } from "@/lib/auth/permissions";
import {
  assertTransition,
  availableTransitions,
  canTransition,
  nextState,
  RECORD_STATES,
  refusal,
  TRANSITION_NAMES,
  TRANSITIONS,
  transitionsFrom,
  WorkflowError,
  type RecordState,
  type TransitionName,
} from "@/lib/review/workflow";
import { SUBJECT_KINDS, type SubjectKind } from "@/lib/grading";
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
  NOT_RATED: { ...none, CELL_SECRETARY: ["reinstate"] },
  REVIEWED: { ...none, GRASSROOTS_COMMITTEE: ["decide", "sendBack"] },
  DECIDED: { ...none, GRASSROOTS_COMMITTEE: ["publish", "reopen"], UPPER_BOARD: ["startRereview"], UPPER_STANDING: ["startRereview"] },
  PUBLISHED: { ...none, GRASSROOTS_COMMITTEE: ["reopen"], UPPER_BOARD: ["startRereview"], UPPER_STANDING: ["startRereview"] },
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

function expected(role: Role, state: RecordState, kind: SubjectKind, whose: Whose): TransitionName[] {
  // The organizations' half is not in the table yet.
  if (kind === "ORGANIZATION") return [];
  if (whose === "own") return ON_OWN[state][role];
  return REACHES[whose].includes(role) ? ON_OTHERS[state][role] : [];
}

const cases = ROLES.flatMap((role) =>
  RECORD_STATES.flatMap((state) =>
    SUBJECT_KINDS.flatMap((kind) => (Object.keys(RECORDS) as Whose[]).map((whose) => [role, state, kind, whose] as const)),
  ),
);

describe("canTransition: the whole matrix", () => {
  it("has every case", () => {
    expect(cases).toHaveLength(ROLES.length * RECORD_STATES.length * SUBJECT_KINDS.length * 4);
    expect(TRANSITION_NAMES).toHaveLength(13);
  });

  it.each(cases)("%s on a %s %s record (%s)", (role, state, kind, whose) => {
    const record = { state, kind, target: RECORDS[whose] };
    const allowed = TRANSITION_NAMES.filter((name) => canTransition(actorAs(role), name, record));
    expect(allowed.sort()).toEqual([...expected(role, state, kind, whose)].sort());
    expect(availableTransitions(actorAs(role), record).map((t) => t.name).sort()).toEqual(allowed);
  });
});

describe("the table", () => {
  it("transitionsFrom lists, per state, what leaves it for a member's record", () => {
    const FROM: Record<RecordState, TransitionName[]> = {
      DRAFT: ["submit", "submitOnBehalf", "markAbsent", "markNotRated"],
      SUBMITTED: ["return", "markAbsent", "markNotRated", "review"],
      RETURNED: ["submit", "submitOnBehalf", "markAbsent", "markNotRated"],
      ABSENT: ["submit", "submitOnBehalf", "markNotRated", "review"],
      NOT_RATED: ["reinstate"],
      REVIEWED: ["decide", "sendBack"],
      DECIDED: ["publish", "reopen", "startRereview"],
      PUBLISHED: ["reopen", "startRereview"],
      UNDER_REREVIEW: ["finishRereview"],
    };
    for (const state of RECORD_STATES) {
      expect(transitionsFrom(state, "MEMBER").map((t) => t.name).sort()).toEqual([...FROM[state]].sort());
      expect(transitionsFrom(state, "ORGANIZATION")).toEqual([]);
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
      review: "REVIEWED",
      decide: "DECIDED",
      publish: "PUBLISHED",
      sendBack: "UNDER_REREVIEW",
      reopen: "UNDER_REREVIEW",
      startRereview: "UNDER_REREVIEW",
      finishRereview: "REVIEWED",
    };
    for (const name of TRANSITION_NAMES) {
      for (const state of RECORD_STATES) {
        const leaves = transitionsFrom(state, "MEMBER").some((t) => t.name === name);
        expect(nextState(name, { state, kind: "MEMBER" })).toBe(leaves ? TO[name] : null);
        expect(nextState(name, { state, kind: "ORGANIZATION" })).toBeNull();
      }
    }
    expect(nextState("fly", { state: "DRAFT", kind: "MEMBER" })).toBeNull();
  });

  it("is well formed: unique names, known states, a permission some role holds", () => {
    expect(new Set(TRANSITION_NAMES).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) {
      expect(t.from.length).toBeGreaterThan(0);
      expect(t.from).not.toContain(t.to);
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
    const names = body.split("\n").map((line) => line.replace(/\/\/.*/, "").trim()).filter(Boolean);
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
    expect(refusal(actorAs("GRASSROOTS_COMMITTEE"), "decide", { ...mate, kind: "ORGANIZATION" })).toBe("KIND");
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
