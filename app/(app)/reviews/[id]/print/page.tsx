import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getSelfReviewPage } from "@/lib/data/self-reviews";
import { scoreTotals } from "@/lib/grading/score-sheet";
import { formatDate } from "@/lib/i18n/format";
import { scoredItems } from "@/lib/review/facts";
import { QD124_CRITERIA } from "@/lib/review/templates";

const points = (value: number | null | undefined) => (value === null || value === undefined ? "…" : value.toLocaleString("vi-VN"));

/**
 * The self-review in the layout of the official form, for printing: the Party header, the title of the
 * year, the sections in order, the points, the proposed level and the signature block. A paper form
 * typed in by the secretary says so on every copy.
 */
export default async function SelfReviewPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, page] = await Promise.all([getTranslations(), orNotFound(getSelfReviewPage(actor, id))]);
  const { content, template, sheet, member, cycle } = page;
  const totals = sheet ? scoreTotals(sheet, scoredItems(content.scores)) : null;
  const textSections = template.sections.filter((s) => s.kind === "text");
  const strengths = textSections.filter((s) => !["shortcomings", "explanations", "collectiveResponsibility", "measures"].includes(s.key));
  const paragraph = (text: string | undefined) => (text?.trim() ? <p className="whitespace-pre-wrap">{text}</p> : <p>…</p>);

  return (
    <article className="mx-auto max-w-[21cm] bg-white p-6 font-serif text-[13pt] leading-relaxed text-black shadow-sm print:p-0 print:shadow-none">
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2 font-sans text-sm">
        <Link href={`/reviews/${id}`} className="font-medium text-brand-700 underline hover:text-brand-800">
          {t("selfReview.backToForm")}
        </Link>
        <PrintButton label={t("selfReview.printNow")} />
      </div>
      <header className="grid grid-cols-2 gap-4 text-center text-[12pt]">
        <div>
          <p className="uppercase">{member.cell.name}</p>
          <p>*</p>
        </div>
        <div>
          <p className="font-bold underline underline-offset-4">{t("selfReview.party")}</p>
          <p className="italic">{t("selfReview.placeDate", { year: cycle.year })}</p>
        </div>
      </header>
      <p className="mt-2 text-right text-[11pt] italic">{t("selfReview.formName", { form: template.form })}</p>
      <h1 className="mt-6 text-center text-[14pt] font-bold">{t("selfReview.printTitle", { year: cycle.year })}</h1>
      <section className="mt-4">
        <p>
          {t("units.name")}: <strong>{member.fullName}</strong> — {t("member.cardNumber")}: {member.cardNumber} — {t("member.birthDate")}:{" "}
          {formatDate(member.birthDate)}
        </p>
        <p>
          {t("member.post")}: {member.post?.trim() || t("member.noPost")} — {t("member.cell")}: {member.cell.name}
        </p>
      </section>
      <h2 className="mt-6 font-bold">{t("selfReview.partA")}</h2>
      <h3 className="mt-3 font-bold">{t("selfReview.strengths")}</h3>
      {strengths.map((section, i) => (
        <section key={section.key} className="mt-2">
          <h4 className="font-semibold italic">
            {i + 1}. {t(`selfReview.sections.${section.key}`)}
          </h4>
          {paragraph(content.texts[section.key])}
        </section>
      ))}
      {template.sections
        .filter((s) => !strengths.includes(s) && !["scores", "criteria", "selfLevel"].includes(s.kind))
        .map((section) => (
          <section key={section.key} className="mt-3">
            <h3 className="font-bold">{t(`selfReview.sections.${section.key}`)}</h3>
            {section.kind === "remediation" ? (
              content.remediation.length === 0 ? (
                <p>{t("selfReview.noShortcomings")}</p>
              ) : (
                <ol className="list-decimal pl-6">
                  {content.remediation.map((item, i) => (
                    <li key={i}>
                      <p className="italic">{item.shortcoming}</p>
                      {paragraph(item.answer)}
                    </li>
                  ))}
                </ol>
              )
            ) : (
              paragraph(content.texts[section.key])
            )}
          </section>
        ))}
      <h2 className="mt-6 font-bold">{t("selfReview.partB")}</h2>
      {sheet && totals && (
        <section className="mt-2">
          <h3 className="font-bold">{t("selfReview.sections.scores")}</h3>
          <table className="mt-2 w-full border-collapse text-[12pt]">
            <tbody>
              {sheet.groups.flatMap((group) => [
                <tr key={group.key}>
                  <th scope="row" className="border border-black px-2 py-1 text-left">
                    {t(`cycle.groups.${group.key}`)}
                  </th>
                  <td className="border border-black px-2 py-1 text-right font-bold">
                    {points((group.key === "GENERAL" ? totals.generalTenths : totals.resultsTenths) / 10)}/{group.key === "GENERAL" ? 30 : 70}
                  </td>
                </tr>,
                ...group.items.map((item) => (
                  <tr key={item.key}>
                    <td className="border border-black px-2 py-1 pl-6">{item.label}</td>
                    <td className="border border-black px-2 py-1 text-right">
                      {points(content.scores[item.key])}/{points(item.maxPoints)}
                    </td>
                  </tr>
                )),
              ])}
              <tr>
                <th scope="row" className="border border-black px-2 py-1 text-left">
                  {t("selfReview.totalLabel")}
                </th>
                <td className="border border-black px-2 py-1 text-right font-bold">
                  {totals.complete ? `${points((totals.generalTenths + totals.resultsTenths) / 10)}/100` : "…/100"}
                </td>
              </tr>
            </tbody>
          </table>
        </section>
      )}
      {template.sections.some((s) => s.kind === "criteria") && (
        <section className="mt-2">
          <h3 className="font-bold">{t("selfReview.sections.criteria")}</h3>
          <ul className="pl-6">
            {QD124_CRITERIA.map((key) => (
              <li key={key}>
                {t(`selfReview.sections.${key}`)}: {content.criteria[key] ? t(`grading.criterionGrades.${content.criteria[key]}`) : "…"}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="mt-3">
        <h3 className="font-bold">{t("selfReview.sections.selfLevel")}</h3>
        <p>{content.selfLevel ? t(`grading.levels.${content.selfLevel}`) : "…"}</p>
      </section>
      <footer className="mt-10 grid grid-cols-2 gap-4 text-center">
        <div className="text-left text-[11pt] italic">{page.enteredOnBehalfBy && t("selfReview.onBehalf", { name: page.enteredOnBehalfBy })}</div>
        <div>
          <p className="font-bold">{t("selfReview.signature")}</p>
          <p className="italic">{t("selfReview.signatureHint")}</p>
          <p className="mt-16 font-bold">{member.fullName}</p>
        </div>
      </footer>
    </article>
  );
}
