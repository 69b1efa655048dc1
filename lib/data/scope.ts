import "server-only";
import { NotFoundError, can, subtreeRoots, type Actor, type Permission, type Target } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "./db";

/** The organization and all its ancestors, itself first. Empty when the id does not exist. */
export async function getOrgAncestry(organizationId: string, client: Tx | typeof db = db): Promise<string[]> {
  const rows = await client.orgClosure.findMany({
    where: { descendantId: organizationId },
    orderBy: { distance: "asc" },
    select: { ancestorId: true },
  });
  return rows.map((r) => r.ancestorId);
}

/** Loads the target's ancestry and checks the permission; throws NotFound otherwise (ids leak nothing). */
export async function authorizeOrg(
  actor: Actor,
  permission: Permission,
  organizationId: string,
  client: Tx | typeof db = db,
): Promise<Target> {
  const target: Target = { organizationAncestry: await getOrgAncestry(organizationId, client) };
  if (!target.organizationAncestry.length || !can(actor, permission, target)) throw new NotFoundError();
  return target;
}

/** A `where` on Organization: inside one of the actor's subtrees for the permission. */
export function orgsInScope(actor: Actor, permission: Permission): Prisma.OrganizationWhereInput {
  return { ancestors: { some: { ancestorId: { in: subtreeRoots(actor, permission) } } } };
}
