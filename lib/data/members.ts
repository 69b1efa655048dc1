import "server-only";
import { decisionPublic } from "@/lib/review/disclosure";
import { can, type Actor } from "@/lib/review/permissions";
import { DomainError } from "@/lib/errors";
import { Prisma, type MemberStatus } from "@/lib/generated/prisma/client";
import type { StoredMemberCategory } from "@/lib/review/facts";
import type { MemberListQuery } from "@/lib/schemas/members";
import { MemberProfileSchema } from "@/lib/schemas/members";
import { toSearchKey } from "@/lib/text/search";
import { command } from "./command";
import { db } from "./db";
import { authorizeMember, authorizeOrg, getOrgAncestry } from "./scope";

export const MEMBERS_PAGE_SIZE = 25;

export type MemberRow = {
  id: string;
  cardNumber: string;
  fullName: string;
  birthDate: Date;
  admittedOn: Date;
  officialOn: Date | null;
  post: string | null;
  status: MemberStatus;
  cell: { id: string; name: string };
};

const MEMBER_COLUMNS = {
  id: true,
  cardNumber: true,
  fullName: true,
  birthDate: true,
  admittedOn: true,
  officialOn: true,
  post: true,
  status: true,
  cell: { select: { id: true, name: true } },
} as const;

/** Members of a unit's whole subtree, filtered and paginated in SQL (trigram index on the search key). */
export async function listUnitMembers(
  actor: Actor,
  unitId: string,
  query: MemberListQuery,
  /** The unit's member count when the caller already has it (UnitCounts.members): saves a count. */
  unfilteredTotal?: number,
): Promise<{ rows: MemberRow[]; total: number; page: number; pageCount: number }> {
  await authorizeOrg(actor, "member:read", unitId);
  // LIKE wildcards typed by the person are literal characters here, never patterns.
  const key = toSearchKey(query.q).replace(/[\\%_]/g, "");
  if (key) return searchUnitMembers(unitId, key, query);
  const where: Prisma.MemberWhereInput = {
    cell: { ancestors: { some: { ancestorId: unitId } } },
    ...(query.status ? { status: query.status } : { status: { not: "LEFT" } }),
  };
  const total = !query.status && unfilteredTotal !== undefined ? unfilteredTotal : await db.member.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  // Without a search, most of the subtree qualifies: walking the names' index in order finds a page at once.
  const rows = await db.member.findMany({
    where,
    orderBy: [{ nameSearch: "asc" }, { id: "asc" }],
    skip: (page - 1) * MEMBERS_PAGE_SIZE,
    take: MEMBERS_PAGE_SIZE,
    select: MEMBER_COLUMNS,
  });
  return { rows, total, page, pageCount };
}

/**
 * A search by name: the matches are found once through the trigram index, then counted and the page
 * sorted from them, in one statement. Walking the names' index in order instead (what PostgreSQL picks
 * for ORDER BY … LIMIT) reads every name before the first match: the 100,000 names of a province that
 * sort before "nguyen van" to show 25, plus a second pass to count them.
 */
async function searchUnitMembers(unitId: string, key: string, query: MemberListQuery) {
  const status = query.status ? Prisma.sql`m.status = ${query.status}::"MemberStatus"` : Prisma.sql`m.status <> 'LEFT'`;
  const found = await db.$queryRaw<(Omit<MemberRow, "cell"> & { total: number; cellId: string | null; cellName: string | null })[]>`
    WITH matches AS MATERIALIZED (
      SELECT m.id, m."nameSearch" FROM "Member" m
       WHERE m."nameSearch" LIKE ${`%${key}%`} AND ${status}
         AND m."cellId" IN (SELECT "descendantId" FROM "OrgClosure" WHERE "ancestorId" = ${unitId})
    ), total AS (
      SELECT count(*)::int AS n FROM matches
    ), page AS (
      -- The page asked for, or the last one when it asks past the end (as the list without a search).
      SELECT id, "nameSearch" FROM matches ORDER BY "nameSearch", id
       LIMIT ${MEMBERS_PAGE_SIZE}
      OFFSET (SELECT (LEAST(${query.page}::int, GREATEST(1, ceil(n / ${MEMBERS_PAGE_SIZE}::numeric)::int)) - 1) * ${MEMBERS_PAGE_SIZE} FROM total)
    )
    SELECT t.n AS total, m.id, m."cardNumber", m."fullName", m."birthDate", m."admittedOn", m."officialOn", m.post,
           m.status::text AS status, c.id AS "cellId", c.name AS "cellName"
      FROM total t
      LEFT JOIN (page p JOIN "Member" m ON m.id = p.id JOIN "Organization" c ON c.id = m."cellId") ON true
     ORDER BY p."nameSearch", p.id`;
  const total = found[0].total;
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const rows: MemberRow[] = found
    .filter((r) => r.id !== null)
    .map(({ total: _t, cellId, cellName, ...row }) => ({ ...row, cell: { id: cellId!, name: cellName! } }));
  return { rows, total, page: Math.min(query.page, pageCount), pageCount };
}

export async function getMemberPage(actor: Actor, memberId: string) {
  const target = await authorizeMember(actor, "member:read", memberId);
  // Staff of the unit see the record as the committee does; the member themself sees the cell's proposal
  // (voted in their presence) and a decided level only once it is published (lib/review/disclosure.ts).
  const staffView = can(actor, "member:read", { organizationAncestry: target.organizationAncestry });
  const member = await db.member.findUniqueOrThrow({
    where: { id: memberId },
    include: {
      cell: { select: { id: true, name: true } },
      grassroots: { select: { id: true, name: true } },
      cellHistory: { orderBy: { fromDate: "desc" }, include: { cell: { select: { id: true, name: true } } } },
      civilServiceRatings: { orderBy: { year: "desc" } },
      disciplines: { orderBy: { decidedOn: "desc" } },
      leaves: { orderBy: { fromDate: "desc" } },
      reviewRecords: {
        orderBy: { cycle: { year: "desc" } },
        select: {
          id: true,
          state: true,
          proposedLevel: true,
          decidedLevel: true,
          notRatedReason: true,
          cycle: { select: { year: true, ruleSet: true, status: true } },
        },
      },
    },
  });
  const reviewRecords = member.reviewRecords.map((r) => (staffView || decisionPublic(r.state) ? r : { ...r, decidedLevel: null }));
  const canEdit = can(actor, "member:write", target);
  return {
    member: { ...member, reviewRecords },
    canEdit,
    canEditResidence: can(actor, "member:write-residence", target),
    /** An officer on their own record edits their post and residence, not the facts their rating rests on. */
    canEditRatingFacts: canEdit && actor.memberId !== memberId,
  };
}

/**
 * Edits a member's facts. Whoever may write members (secretary, committee, admin in scope) edits all
 * fields; the member themself may only state their residence-place cell.
 */
export const updateMemberProfile = command({
  input: MemberProfileSchema,
  load: async (tx, input) => {
    // Lock the row: the staleness check and the write must see the same version.
    const [before] = await tx.$queryRaw<
      {
        cellId: string;
        post: string | null;
        residenceCell: string | null;
        email: string | null;
        category: StoredMemberCategory;
        isCivilServant: boolean;
        version: number;
      }[]
    >`SELECT "cellId", post, "residenceCell", email, category, "isCivilServant", version FROM "Member" WHERE id = ${input.memberId} FOR UPDATE`;
    return before ? { before, target: { memberId: input.memberId, organizationAncestry: await getOrgAncestry(before.cellId, tx) } } : null;
  },
  authorize: (actor, { target }) => can(actor, "member:write", target) || can(actor, "member:write-residence", target),
  write: async ({ tx, actor, input, loaded: { before, target } }) => {
    const full = can(actor, "member:write", target);
    if (before.version !== input.expectedVersion) throw new DomainError("STALE_EDIT");
    // The category and the civil-service status are facts the person's rating rests on (which form,
    // which score sheet, which cap): nobody decides them on their own record, another officer does.
    const ownRatingFactsChanged =
      full && actor.memberId === input.memberId && (input.category !== before.category || input.isCivilServant !== before.isCivilServant);
    if (ownRatingFactsChanged) throw new DomainError("OWN_PROFILE_FACTS", { category: "OWN_PROFILE_FACTS" });

    const residenceCell = input.residenceCell || null;
    // The e-mail address is the member's own to give, or an officer's to record, like the residence.
    const email = input.email === undefined ? {} : { email: input.email.trim() || null };
    const changes = full
      ? { post: input.post || null, residenceCell, ...email, category: input.category, isCivilServant: input.isCivilServant }
      : { residenceCell, ...email };
    const updated = await tx.member.update({
      where: { id: input.memberId },
      data: { ...changes, version: { increment: 1 } },
      select: { version: true },
    });
    const { cellId, version: _, ...previous } = before;
    return {
      result: { version: updated.version },
      audit: { action: "member.update", entityId: input.memberId, organizationId: cellId, data: { before: previous, after: changes } },
    };
  },
});
