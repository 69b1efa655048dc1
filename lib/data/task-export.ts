import "server-only";
import { can, canReadTasks, NotFoundError, subtreeRoots, type Actor } from "@/lib/review/permissions";
import type { TaskExportQuery } from "@/lib/schemas/task-sheets";
import { db } from "./db";
import { getOrgAncestry } from "./scope";
import { loadTaskSubject, TASK_COLUMNS, taskView } from "./tasks";

// What the task register's .xlsx export reads (lib/exports/task-sheets.ts lays it out): one register of
// a year under canReadTasks, as its page reads it; or a unit's whole year, every task of the members of
// its cells, for whoever reads the unit's members (its secretary, the committees above). Out of scope
// and missing are the same NotFoundError.

export type ExportedTask = {
  /** The member's card number or the organization's code: the import's first column, so a file goes back in. */
  subjectKey: string;
  subjectName: string;
  unitName: string;
  title: string;
  source: string;
  assignedOn: string;
  dueOn: string;
  expectedProduct: string;
  qualityMeasure: string;
  status: string;
  outcome: string | null;
  doneOn: string | null;
  product: string | null;
  productLink: string | null;
  exceeded: boolean;
  exceededGrounds: string | null;
  notDoneReason: string | null;
  forceMajeure: boolean;
};

const COLUMNS = {
  ...TASK_COLUMNS,
  member: { select: { cardNumber: true, fullName: true, cell: { select: { name: true } } } },
  organization: { select: { code: true, name: true, parent: { select: { name: true } } } },
} as const;

export async function getTaskExport(actor: Actor, query: TaskExportQuery): Promise<{ title: string; filename: string; tasks: ExportedTask[] }> {
  let where: { memberId: string } | { organizationId: string } | { member: { cell: { ancestors: { some: { ancestorId: string } } } } };
  let name: string;
  if (query.unit) {
    const unit = await db.organization.findUnique({ where: { id: query.unit }, select: { name: true } });
    const ancestry = unit ? await getOrgAncestry(query.unit) : [];
    if (!unit || !can(actor, "member:read", { organizationAncestry: ancestry })) throw new NotFoundError();
    where = { member: { cell: { ancestors: { some: { ancestorId: query.unit } } } } };
    name = unit.name;
  } else {
    const subject = await loadTaskSubject(db, { memberId: query.member, organizationId: query.organization });
    if (!subject || !canReadTasks(actor, subject)) throw new NotFoundError();
    where = subject.kind === "MEMBER" ? { memberId: subject.memberId } : { organizationId: subject.organizationId };
    name = subject.name;
  }
  const rows = await db.task.findMany({
    where: { ...where, year: query.year },
    orderBy: [{ member: { cardNumber: "asc" } }, { dueOn: "asc" }, { id: "asc" }],
    select: COLUMNS,
  });
  const tasks = rows.map(({ member, organization, ...task }) => ({
    ...taskView(task),
    subjectKey: member?.cardNumber ?? organization?.code ?? "",
    subjectName: member?.fullName ?? organization?.name ?? "",
    unitName: member?.cell.name ?? organization?.parent?.name ?? "",
  }));
  return { title: `Sổ theo dõi nhiệm vụ năm ${query.year} — ${name}`, filename: `so-nhiem-vu-${name}-${query.year}.xlsx`, tasks };
}

/** The units whose year the actor may export from the import page: those it keeps registers for, and the units right below them. */
export async function listTaskExportUnits(actor: Actor): Promise<{ id: string; name: string }[]> {
  const roots = subtreeRoots(actor, "task:keep");
  if (roots.length === 0) return [];
  return db.organization.findMany({
    where: { ancestors: { some: { ancestorId: { in: roots }, distance: { lte: 1 } } } },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
    select: { id: true, name: true },
  });
}
