import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DownloadLink } from "@/components/reports/report-frame";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getTaskAppendix } from "@/lib/data/task-appendix";
import { taskAppendixDocument } from "@/lib/documents/task-appendix";
import { reviewYearOn } from "@/lib/review/calendar";
import { taskAppendixFileHref, taskRegisterHref, type TaskSubjectRef } from "@/lib/review/tasks";
import { OfficialDocumentView } from "./official-document-view";

/** `?year=` as a year the register may hold; else the review year under way. */
export function appendixYear(raw: string | undefined): number {
  const year = Number(raw);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : reviewYearOn(new Date());
}

/**
 * The printable appendix "Phụ lục về kết quả thực hiện nhiệm vụ" of a member's or an organization's year
 * (/members/<id>/tasks/appendix?year=Y, /units/<id>/tasks/appendix?year=Y): the document model the PDF
 * and the .docx are rendered from, with print, PDF and Word controls hidden on paper.
 */
export async function TaskAppendixPage({ subject, year }: { subject: TaskSubjectRef; year: number }) {
  const actor = await requireActor();
  const [t, data] = await Promise.all([
    getTranslations("tasks.appendix"),
    orNotFound(getTaskAppendix(actor, subject.kind === "MEMBER" ? { memberId: subject.id } : { organizationId: subject.id }, year)),
  ]);
  const doc = taskAppendixDocument(data);
  return (
    <article
      className="mx-auto max-w-[29.7cm] bg-white p-4 shadow-sm sm:p-6 print:max-w-none print:p-0 print:shadow-none"
      aria-label={t("pageTitle", { year })}
      data-testid="task-appendix"
    >
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2 font-sans text-sm">
        <Link prefetch={false} href={taskRegisterHref(subject, year)} className="font-medium text-brand-700 underline hover:text-brand-800">
          {t("back")}
        </Link>
        <span className="flex flex-wrap gap-2">
          <PrintButton label={t("print")} />
          <DownloadLink href={taskAppendixFileHref(subject, year, "pdf")} testId="task-appendix-pdf">
            {t("pdf")}
          </DownloadLink>
          <DownloadLink href={taskAppendixFileHref(subject, year, "docx")} testId="task-appendix-docx">
            {t("docx")}
          </DownloadLink>
        </span>
      </div>
      <OfficialDocumentView doc={doc} tableCaption={t("caption", { year })} />
    </article>
  );
}
