import { appendixYear, TaskAppendixPage } from "@/components/review/task-appendix-page";

/** A member's appendix of the year's task results, to print (components/review/task-appendix-page.tsx). */
export default async function MemberTaskAppendixPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> }) {
  const [{ id }, { year }] = await Promise.all([params, searchParams]);
  return <TaskAppendixPage subject={{ kind: "MEMBER", id }} year={appendixYear(year)} />;
}
