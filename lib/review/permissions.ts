// The role × scope matrix: who may do what, where. PURE — no framework, no database.
// The server asks `can` with facts it loaded itself (the target's organization and its ancestors),
// and the UI asks the same function to show or hide controls.

export const ROLES = ["MEMBER", "CELL_SECRETARY", "GRASSROOTS_COMMITTEE", "UPPER_BOARD", "UPPER_STANDING", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "org:read" // see a unit, its sub-units and counts
  | "org:manage" // edit the organization tree
  | "member:read" // see a member's details and history
  | "member:write" // edit a member's facts (post, civil-service status, residence cell…)
  | "member:write-residence" // state one's own residence-place cell (nơi cư trú)
  | "assessment:submit" // write and submit a self-review
  | "minutes:write" // record the review meeting of a cell
  | "rating:decide" // decide member levels and subordinate cells' levels (grassroots committee)
  | "rating:verify" // verify and propose grassroots organizations' levels (upper board, thẩm định)
  | "rating:approve" // decide grassroots organizations' levels (upper standing committee)
  | "rating:rereview" // order a decided or published level checked and rated again, by decision (upper standing committee, 366 Điều 15)
  | "rating:proposeRerate" // propose such a re-rating to the standing committee (upper board: it may propose, not order)
  | "cycle:manage" // set up a review cycle: deadlines, rule-set options, peer groups
  | "report:read" // statistics and progress of the units below
  | "task:keep" // declare tasks in the register and report their results (a member their own; a cell's or a committee's officers for their unit and its members)
  | "task:confirm" // confirm or send back a task's result (the secretary for members; a committee for leaders and the units below it)
  | "reminder:send" // remind a member below whose self-review is not in (the secretary, and the committees above)
  | "user:manage"; // accounts and role assignments

/**
 * How far a role's grant reaches from the organization it is assigned to:
 * - own: only the actor's own member record (and only inside the assigned unit);
 * - subtree: the assigned unit and everything below it.
 * A cell secretary is assigned to a cell, which has nothing below it, so "subtree" is "cell".
 */
export type Scope = "own" | "subtree";

const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  MEMBER: {
    "org:read": "subtree",
    "member:read": "own",
    "member:write-residence": "own",
    "assessment:submit": "own",
    "task:keep": "own",
  },
  CELL_SECRETARY: {
    "org:read": "subtree",
    "member:read": "subtree",
    "member:write": "subtree",
    "minutes:write": "subtree",
    "reminder:send": "subtree",
    "assessment:submit": "own",
    "task:keep": "subtree",
    "task:confirm": "subtree",
  },
  GRASSROOTS_COMMITTEE: {
    "org:read": "subtree",
    "member:read": "subtree",
    "member:write": "subtree",
    "rating:decide": "subtree",
    "report:read": "subtree",
    "reminder:send": "subtree",
    "task:keep": "subtree",
    "task:confirm": "subtree",
  },
  UPPER_BOARD: {
    "org:read": "subtree",
    "member:read": "subtree",
    "rating:verify": "subtree",
    "rating:proposeRerate": "subtree",
    "report:read": "subtree",
    "reminder:send": "subtree",
    "cycle:manage": "subtree",
    "task:confirm": "subtree",
  },
  UPPER_STANDING: {
    "org:read": "subtree",
    "member:read": "subtree",
    "rating:approve": "subtree",
    "rating:rereview": "subtree",
    "report:read": "subtree",
    "reminder:send": "subtree",
    "cycle:manage": "subtree",
  },
  ADMIN: {
    "org:read": "subtree",
    "org:manage": "subtree",
    "member:read": "subtree",
    "member:write": "subtree",
    "cycle:manage": "subtree",
    "report:read": "subtree",
    "user:manage": "subtree",
  },
};

export type RoleGrant = { role: Role; organizationId: string };

export type Actor = {
  userId: string;
  displayName: string;
  /** The member record of the person, when the account belongs to a member. */
  memberId: string | null;
  roles: RoleGrant[];
};

/** What a permission is asked about: a unit, or a member within a unit. */
export type Target = {
  /** The target's organization and all its ancestors, itself included (from the closure table). */
  organizationAncestry: readonly string[];
  /** Set when the target is a member (their record, profile or self-review). */
  memberId?: string;
};

export function scopeOf(role: Role, permission: Permission): Scope | undefined {
  return GRANTS[role][permission];
}

export function can(actor: Actor, permission: Permission, target: Target): boolean {
  return actor.roles.some((grant) => {
    const scope = scopeOf(grant.role, permission);
    if (!scope || !target.organizationAncestry.includes(grant.organizationId)) return false;
    return scope === "subtree" || (target.memberId !== undefined && target.memberId === actor.memberId);
  });
}

/**
 * The organizations whose subtrees a list may show for a permission: list queries filter on
 * "has one of these ancestors", so nobody can list what they may not read.
 * Roles with "own" scope contribute nothing here; their single record is reached through `can`.
 */
export function subtreeRoots(actor: Actor, permission: Permission): string[] {
  const roots = actor.roles.filter((grant) => scopeOf(grant.role, permission) === "subtree").map((grant) => grant.organizationId);
  return [...new Set(roots)];
}

export class NotFoundError extends Error {
  constructor() {
    // Forbidden and missing look the same to the caller, so ids leak nothing.
    super("NOT_FOUND");
    this.name = "NotFoundError";
  }
}

export function assertCan(actor: Actor, permission: Permission, target: Target | null): asserts target is Target {
  if (!target || !can(actor, permission, target)) throw new NotFoundError();
}

// ───────────────────────────── The task register ─────────────────────────────

/**
 * Whose register a task belongs to, with the facts the rules below read: a member (in their cell now;
 * a leader's tasks are confirmed by a committee, not by the cell's secretary) or an organization.
 */
export type TaskSubject =
  | { kind: "MEMBER"; memberId: string; leader: boolean; cellAncestry: readonly string[] }
  | { kind: "ORGANIZATION"; organizationId: string; ancestry: readonly string[] };

/** Who may read a register: whoever reads the member; for a unit, its keepers, its confirmers and the committees above. */
export function canReadTasks(actor: Actor, subject: TaskSubject): boolean {
  if (subject.kind === "MEMBER") return can(actor, "member:read", { organizationAncestry: subject.cellAncestry, memberId: subject.memberId });
  return canKeepTasks(actor, subject) || canConfirmTasks(actor, subject) || can(actor, "report:read", { organizationAncestry: subject.ancestry });
}

/** Who declares tasks and reports results: the member, the officers of the member's cell or unit; a unit's own officers and the committees above. */
export function canKeepTasks(actor: Actor, subject: TaskSubject): boolean {
  if (subject.kind === "MEMBER") return can(actor, "task:keep", { organizationAncestry: subject.cellAncestry, memberId: subject.memberId });
  return can(actor, "task:keep", { organizationAncestry: subject.ancestry });
}

/** The roles that confirm a member's results: the cell's secretary (not a leader's) and the grassroots committee. */
export const MEMBER_TASK_CONFIRMERS: readonly Role[] = ["CELL_SECRETARY", "GRASSROOTS_COMMITTEE"];
/** The roles that confirm an organization's results, from strictly above it: a grassroots committee (its cells), the upper level (its grassroots organizations). */
export const UNIT_TASK_CONFIRMERS: readonly Role[] = ["GRASSROOTS_COMMITTEE", "UPPER_BOARD", "UPPER_STANDING"];

/**
 * Who confirms or sends back a result. Nobody confirms their own: not a member their own tasks, not a
 * unit's officers their unit's (an organization's are confirmed from strictly above it: a cell's by its
 * committee, a grassroots organization's by the level above). A leader's tasks go to a committee, not to
 * the cell's secretary; the upper level confirms organizations, not members.
 */
export function canConfirmTasks(actor: Actor, subject: TaskSubject): boolean {
  if (subject.kind === "MEMBER") {
    if (actor.memberId === subject.memberId) return false;
    return actor.roles.some(
      (grant) =>
        MEMBER_TASK_CONFIRMERS.includes(grant.role) &&
        scopeOf(grant.role, "task:confirm") === "subtree" &&
        subject.cellAncestry.includes(grant.organizationId) &&
        !(subject.leader && grant.role === "CELL_SECRETARY"),
    );
  }
  // An officer of the unit itself (a cell's secretary who also sits on the committee) keeps its tasks: not theirs to confirm.
  if (actor.roles.some((grant) => grant.organizationId === subject.organizationId)) return false;
  return actor.roles.some(
    (grant) =>
      UNIT_TASK_CONFIRMERS.includes(grant.role) && scopeOf(grant.role, "task:confirm") === "subtree" && subject.ancestry.includes(grant.organizationId),
  );
}

/**
 * Where the results an actor may confirm are, as canConfirmTasks decides one by one: the members of the
 * cells under `allMembers` (a committee's), those under `membersNotLeaders` who are not leaders (a cell's
 * secretary's), and the organizations under `units` (a committee's or the upper level's) except
 * `ownUnits`, the units the actor holds a role in. What the confirmer's list and its count search.
 */
export function taskConfirmRoots(actor: Actor): { allMembers: string[]; membersNotLeaders: string[]; units: string[]; ownUnits: string[] } {
  const roots = (accepts: (role: Role) => boolean) => [
    ...new Set(actor.roles.filter((g) => accepts(g.role) && scopeOf(g.role, "task:confirm") === "subtree").map((g) => g.organizationId)),
  ];
  return {
    allMembers: roots((role) => MEMBER_TASK_CONFIRMERS.includes(role) && role !== "CELL_SECRETARY"),
    membersNotLeaders: roots((role) => role === "CELL_SECRETARY"),
    units: roots((role) => UNIT_TASK_CONFIRMERS.includes(role)),
    ownUnits: [...new Set(actor.roles.map((g) => g.organizationId))],
  };
}
