import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { buildDocument } from "@/lib/exports/documents";

/** The minutes of the cell's meeting in the layout of the official document, for printing (the same text as the PDF and Word files). */
export default async function MinutesPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, { doc }] = await Promise.all([getTranslations("meeting"), orNotFound(buildDocument(actor, "minutes", { unit: id }))]);
  return (
    <article className="mx-auto max-w-[21cm] bg-white p-6 shadow-sm print:p-0 print:shadow-none">
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/units/${id}/meeting`} className="text-sm text-brand-700 underline hover:text-brand-800">
          {t("backToMeeting")}
        </Link>
        <PrintButton label={t("printNow")} />
      </div>
      <DocumentView doc={doc} />
    </article>
  );
}
