import "server-only";
import { can, canReadTasks, subtreeRoots, type Actor } from "@/lib/review/permissions";
import type { OrgKind, OrgSector } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { authorizeOrg } from "./scope";

export type UnitCounts = { members: number; probationary: number; subUnits: number };

export type UnitNode = {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  sector: OrgSector;
  parentId: string | null;
  depth: number;
  counts: UnitCounts;
};

/** An organization as the tree, the import and the lists read it. */
export const NODE_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  sector: true,
  parentId: true,
  depth: true,
} as const;

/**
 * Member and sub-unit counts of many units at once, everyone in each unit's subtree. Members are
 * counted per cell by "MemberTally" (kept by triggers on Member, in the transaction of every change),
 * and only those per-cell counts are rolled up the closure table: a province's page sums a few thousand
 * rows, never its members. Two queries whatever the size.
 */
export async function countUnits(ids: string[]): Promise<Map<string, UnitCounts>> {
  const counts = new Map<string, UnitCounts>(ids.map((id) => [id, { members: 0, probationary: 0, subUnits: 0 }]));
  if (!ids.length) return counts;
  const [memberRows, childRows] = await Promise.all([
    db.$queryRaw<{ id: string; members: number; probationary: number }[]>`
      SELECT c."ancestorId" AS id, sum(t.members)::int AS members, sum(t.probationary)::int AS probationary
        FROM "MemberTally" t
        JOIN "OrgClosure" c ON c."descendantId" = t."cellId"
       WHERE c."ancestorId" = ANY(${ids})
       GROUP BY c."ancestorId"`,
    db.organization.groupBy({ by: ["parentId"], where: { parentId: { in: ids } }, _count: { _all: true } }),
  ]);
  for (const row of memberRows) {
    const c = counts.get(row.id)!;
    c.members = row.members;
    c.probationary = row.probationary;
  }
  for (const row of childRows) counts.get(row.parentId!)!.subUnits = row._count._all;
  return counts;
}

/**
 * The units the actor may read: their top units and one level below, with counts. Deeper levels are
 * read when a person opens a unit in the tree (getUnitChildren): a district's page would otherwise
 * carry its few hundred cells, most never looked at, and cost a row of rendering each.
 */
export async function getUnitTree(actor: Actor): Promise<UnitNode[]> {
  const roots = subtreeRoots(actor, "org:read");
  if (!roots.length) return [];
  const nodes = await db.organization.findMany({
    where: { ancestors: { some: { ancestorId: { in: roots }, distance: { lte: 1 } } } },
    orderBy: [{ depth: "asc" }, { position: "asc" }, { code: "asc" }],
    select: NODE_SELECT,
  });
  const counts = await countUnits(nodes.map((n) => n.id));
  return nodes.map((n) => ({ ...n, counts: counts.get(n.id)! }));
}

/** The units directly under one the actor may read, with counts: what the tree shows when it is opened. */
export async function getUnitChildren(actor: Actor, unitId: string): Promise<UnitNode[]> {
  await authorizeOrg(actor, "org:read", unitId);
  const children = await db.organization.findMany({
    where: { parentId: unitId },
    orderBy: [{ position: "asc" }, { code: "asc" }],
    select: NODE_SELECT,
  });
  const counts = await countUnits(children.map((c) => c.id));
  return children.map((c) => ({ ...c, counts: counts.get(c.id)! }));
}

export type UnitPage = {
  unit: UnitNode & { establishedOn: Date };
  /** The path from the actor's top readable unit down to this one (excluded). */
  breadcrumbs: { id: string; name: string }[];
  children: UnitNode[];
  /** Staff of the unit see its members; an ordinary member sees the unit, not a roster. */
  canListMembers: boolean;
  /** Whether the unit's task register (its program and plan) is the actor's to read. */
  canReadTasks: boolean;
};

export async function getUnitPage(actor: Actor, unitId: string): Promise<UnitPage> {
  const target = await authorizeOrg(actor, "org:read", unitId);
  const roots = new Set(subtreeRoots(actor, "org:read"));
  // Breadcrumbs stop at the highest ancestor the actor may read: nothing above the scope is named.
  const ancestry = target.organizationAncestry.slice(1);
  const topIndex = ancestry.findLastIndex((id) => roots.has(id));
  const visibleAncestors = topIndex >= 0 ? ancestry.slice(0, topIndex + 1) : [];

  const [unit, ancestors, children] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: unitId }, select: { ...NODE_SELECT, establishedOn: true } }),
    db.organization.findMany({ where: { id: { in: visibleAncestors } }, select: { id: true, name: true, depth: true } }),
    db.organization.findMany({
      where: { parentId: unitId },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: NODE_SELECT,
    }),
  ]);
  const counts = await countUnits([unitId, ...children.map((c) => c.id)]);
  return {
    unit: { ...unit, counts: counts.get(unitId)! },
    breadcrumbs: ancestors.sort((a, b) => a.depth - b.depth).map(({ id, name }) => ({ id, name })),
    children: children.map((c) => ({ ...c, counts: counts.get(c.id)! })),
    // A target without a memberId only matches subtree grants, never a member's "own" read.
    canListMembers: can(actor, "member:read", target),
    canReadTasks: canReadTasks(actor, { kind: "ORGANIZATION", organizationId: unitId, ancestry: target.organizationAncestry }),
  };
}
