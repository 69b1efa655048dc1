import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Field, Select, TextInput } from "@/components/forms/field";
import { TaskImportForm } from "@/components/tasks/task-import-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listTaskExportUnits } from "@/lib/data/task-export";
import { todayInVietnam } from "@/lib/i18n/format";
import { TASK_COLUMNS } from "@/lib/import/tasks";
import { subtreeRoots } from "@/lib/review/permissions";

// The task import (a cell's secretary for the cell and its members; a grassroots committee for its
// organization, its cells and their members), and the export of a unit's year beside it.
export default async function TaskImportPage() {
  const actor = await requireActor();
  if (subtreeRoots(actor, "task:keep").length === 0) notFound();
  const [t, units] = await Promise.all([getTranslations("tasks.import"), listTaskExportUnits(actor)]);
  const year = Number(todayInVietnam().slice(0, 4));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a
            href="/tasks/import/template"
            className="inline-flex min-h-10 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            download
          >
            <span aria-hidden>⤓</span>
            {t("template")}
          </a>
        }
      />
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <TaskImportForm />
        </Card>
        <div className="space-y-4">
          <Card title={t("columnsDoc")}>
            <ul className="list-disc pl-5 text-sm text-slate-700">
              {Object.values(TASK_COLUMNS).map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Card>
          <Card title={t("exportTitle")}>
            <form action="/tasks/export" method="get" className="space-y-3">
              <p className="text-sm text-slate-600">{t("exportIntro")}</p>
              <Field label={t("unit")}>
                <Select name="unit" defaultValue={units[0]?.id}>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("year")}>
                <TextInput name="year" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={year} widthClass="w-28" />
              </Field>
              <button
                type="submit"
                className="inline-flex min-h-10 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                <span aria-hidden>⤓</span>
                {t("export")}
              </button>
            </form>
          </Card>
        </div>
      </div>
    </>
  );
}
