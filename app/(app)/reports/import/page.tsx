import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/reports/import-form";
import { ReportFrame } from "@/components/reports/report-frame";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { subtreeRoots } from "@/lib/review/permissions";
import { requireActor } from "@/lib/auth/session";
import { MEMBER_COLUMNS, ORG_COLUMNS } from "@/lib/import/register";

export default async function ImportPage() {
  const actor = await requireActor();
  if (subtreeRoots(actor, "org:manage").length === 0) notFound();
  const t = await getTranslations("reports.import");
  return (
    <ReportFrame tab="import" unit={{ id: "", name: "" }} breadcrumbs={[]} years={[]} year={null} canImport>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a
            href="/reports/import/template"
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
          <ImportForm />
        </Card>
        <Card title={t("columnsDoc")}>
          <h3 className="text-sm font-semibold">Tổ chức đảng</h3>
          <ul className="mb-3 list-disc pl-5 text-sm text-slate-700">
            {Object.values(ORG_COLUMNS).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <h3 className="text-sm font-semibold">Đảng viên</h3>
          <ul className="list-disc pl-5 text-sm text-slate-700">
            {Object.values(MEMBER_COLUMNS).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </Card>
      </div>
    </ReportFrame>
  );
}
