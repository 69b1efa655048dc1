import "server-only";
import { assertCan, type Actor, type Permission, type Target } from "@/lib/review/permissions";
import { db, type DbClient } from "./db";

/** The organization and all its ancestors, itself first. Empty when the id does not exist. */
export async function getOrgAncestry(organizationId: string, client: DbClient = db): Promise<string[]> {
  const rows = await client.orgClosure.findMany({
    where: { descendantId: organizationId },
    orderBy: { distance: "asc" },
    select: { ancestorId: true },
  });
  return rows.map((r) => r.ancestorId);
}

/** Loads the target's ancestry and checks the permission; throws NotFound otherwise (ids leak nothing). */
export async function authorizeOrg(actor: Actor, permission: Permission, organizationId: string, client: DbClient = db): Promise<Target> {
  const ancestry = await getOrgAncestry(organizationId, client);
  const target: Target | null = ancestry.length ? { organizationAncestry: ancestry } : null;
  assertCan(actor, permission, target);
  return target;
}

/** The same for a member: the target is their current cell and its ancestors, plus who they are. */
export async function authorizeMember(
  actor: Actor,
  permission: Permission,
  memberId: string,
  client: DbClient = db,
): Promise<Target & { memberId: string; cellId: string }> {
  const member = await client.member.findUnique({ where: { id: memberId }, select: { cellId: true } });
  const target = member ? { memberId, cellId: member.cellId, organizationAncestry: await getOrgAncestry(member.cellId, client) } : null;
  assertCan(actor, permission, target);
  return target;
}
