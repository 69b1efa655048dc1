import "server-only";
import { decisionPublic } from "@/lib/review/disclosure";
import type { Actor, Role } from "@/lib/review/permissions";
import type { RecordState, SubjectKind } from "@/lib/generated/prisma/client";
import { getCurrentCycle, type CycleSummary } from "./cycles";
import { db } from "./db";

export type StateCounts = Partial<Record<RecordState, number>>;

export type RoleHome = {
  role: Role;
  unit: { id: string; name: string };
  cycle: CycleSummary | null;
  /** Review records of the unit's subtree in the current cycle, by state. */
  members: StateCounts;
  organizations: StateCounts;
  /** For the member role: their own record in the current cycle. */
  own: { id: string; state: RecordState; decidedLevel: string | null } | null;
  /** For the member role: their member record, to open their own page. */
  ownMemberId: string | null;
};

async function countByState(cycleId: string, unitId: string, subjectKind: SubjectKind): Promise<StateCounts> {
  const rows = await db.reviewRecord.groupBy({
    by: ["state"],
    where: { cycleId, subjectKind, scopeOrg: { ancestors: { some: { ancestorId: unitId } } } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

/** One card per role the person holds: where the current cycle stands in that role's scope. */
export async function getHome(actor: Actor): Promise<RoleHome[]> {
  const grants = [...actor.roles].sort((a, b) => ROLE_ORDER.indexOf(b.role) - ROLE_ORDER.indexOf(a.role));
  const units = await db.organization.findMany({
    where: { id: { in: grants.map((g) => g.organizationId) } },
    select: { id: true, name: true },
  });
  const unitName = new Map(units.map((u) => [u.id, u.name]));

  return Promise.all(
    grants.map(async (grant): Promise<RoleHome> => {
      const cycle = await getCurrentCycle(grant.organizationId);
      const base = {
        role: grant.role,
        unit: { id: grant.organizationId, name: unitName.get(grant.organizationId) ?? "" },
        cycle,
        members: {},
        organizations: {},
        own: null,
        ownMemberId: grant.role === "MEMBER" ? actor.memberId : null,
      };
      if (!cycle) return base;
      if (grant.role === "MEMBER") {
        const record = actor.memberId
          ? await db.reviewRecord.findUnique({
              where: { cycleId_memberId: { cycleId: cycle.id, memberId: actor.memberId } },
              select: { id: true, state: true, decidedLevel: true },
            })
          : null;
        // The member's card: the decided level once it is published (lib/review/disclosure.ts).
        const own = record && { ...record, decidedLevel: decisionPublic(record.state) ? record.decidedLevel : null };
        return { ...base, own };
      }
      const [members, organizations] = await Promise.all([
        countByState(cycle.id, grant.organizationId, "MEMBER"),
        countByState(cycle.id, grant.organizationId, "ORGANIZATION"),
      ]);
      return { ...base, members, organizations };
    }),
  );
}

/** Highest responsibility first on the home page. */
const ROLE_ORDER: Role[] = ["MEMBER", "CELL_SECRETARY", "GRASSROOTS_COMMITTEE", "UPPER_BOARD", "UPPER_STANDING", "ADMIN"];
