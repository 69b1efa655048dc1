import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { getUnitChildren } from "@/lib/data/organizations";
import { NotFoundError } from "@/lib/review/permissions";
import type { TreeRow } from "@/components/org/unit-tree-branch";

// GET /units/<id>/children → the units directly under it, as the tree shows them (TreeRow[], labels
// already in the reader's language), for the tree's disclosure when a person opens a unit. The tree page
// itself renders two levels; the cells of a district's grassroots organizations come from here, so the
// page does not carry hundreds of rows nobody opened. Same scope as the unit's page: outside it, or
// missing, is 404; without a session, 401.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const { id } = await params;
  try {
    const [t, tu, children] = await Promise.all([getTranslations(), getTranslations("units"), getUnitChildren(actor, id)]);
    const rows: TreeRow[] = children.map((c) => ({
      id: c.id,
      name: c.name,
      kind: t(`orgKinds.${c.kind}`),
      subUnits: c.counts.subUnits,
      badges: [
        { tone: "neutral" as const, text: tu("membersCount", { count: c.counts.members }) },
        ...(c.counts.probationary > 0 ? [{ tone: "amber" as const, text: tu("probationaryCount", { count: c.counts.probationary }) }] : []),
        ...(c.counts.subUnits > 0 ? [{ tone: "blue" as const, text: tu("subUnitsCount", { count: c.counts.subUnits }) }] : []),
      ],
    }));
    return Response.json(rows, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    throw error;
  }
}
