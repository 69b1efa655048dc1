import { appendixYear, TaskAppendixPage } from "@/components/review/task-appendix-page";

/** An organization's appendix of the year's task results, to print (components/review/task-appendix-page.tsx). */
export default async function UnitTaskAppendixPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> }) {
  const [{ id }, { year }] = await Promise.all([params, searchParams]);
  return <TaskAppendixPage subject={{ kind: "ORGANIZATION", id }} year={appendixYear(year)} />;
}
