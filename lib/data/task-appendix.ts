import "server-only";
import { canReadTasks, NotFoundError, type Actor } from "@/lib/review/permissions";
import { countTasks } from "@/lib/review/tasks";
import { db } from "./db";
import { getUnitHeading } from "./documents";
import { loadTaskSubject } from "./tasks";
import { yearTasks, type SubjectRef } from "./task-yearend";

/**
 * The appendix "Phụ lục về kết quả thực hiện nhiệm vụ" of a subject's year: every task due in the year
 * with its result, product, progress, what exceeded and who confirmed it, the counts, and the header of
 * the subject's unit. Whoever reads the register reads its appendix (canReadTasks); else not found.
 */
export async function getTaskAppendix(actor: Actor, ref: SubjectRef, year: number) {
  const subject = await loadTaskSubject(db, ref);
  if (!subject || !canReadTasks(actor, subject)) throw new NotFoundError();
  const [tasks, heading] = await Promise.all([yearTasks(ref, year), getUnitHeading(subject.unitId)]);
  return {
    year,
    subject: {
      kind: subject.kind,
      id: subject.kind === "MEMBER" ? subject.memberId : subject.organizationId,
      name: subject.name,
    },
    heading,
    tasks,
    counts: countTasks(tasks, year),
  };
}
export type TaskAppendix = Awaited<ReturnType<typeof getTaskAppendix>>;
