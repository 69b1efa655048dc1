import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { OpinionsView } from "@/lib/data/opinions";
import { displayDate } from "@/lib/review/history";
import { OPINION_SOURCES, type OpinionRequirement, type OpinionSource } from "@/lib/review/opinions";
import { OpinionActions, OpinionForm } from "./record-forms";

/**
 * "Ý kiến nhận xét" on a member's record: what the member's facts require, what was received (text, date,
 * who), what is missing; for the cell's secretary a form to record one, and edit or delete until the
 * meeting reviews the record. Everyone else who may read the record reads it.
 */
export async function OpinionsCard({ view }: { view: OpinionsView }) {
  const t = await getTranslations();
  const required = new Map(view.required.map((r) => [r.source, r]));
  const received = new Map(view.received.map((o) => [o.source, o]));
  // Required sources first, in the rule's order; then any opinion received though not required.
  const shown = OPINION_SOURCES.filter((s) => required.has(s) || received.has(s)).sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  const available = OPINION_SOURCES.filter((s) => !received.has(s)).sort((a, b) => Number(view.missing.includes(b)) - Number(view.missing.includes(a)));
  const suggestions = Object.fromEntries(
    OPINION_SOURCES.map((s) => {
      const body = required.get(s)?.body;
      return [s, body ? t("cell.opinions.suggestedGiver", { body }) : ""];
    }),
  ) as Record<OpinionSource, string>;
  const list = view.missing.map((s) => t(`cell.opinions.sourcesShort.${s}`)).join(", ");
  const note = view.canWrite
    ? view.locked === "CYCLE_CLOSED"
      ? t("cell.opinions.cycleClosedNote")
      : view.locked
        ? t("cell.opinions.lockedNote")
        : null
    : view.ownRecordOfficer
      ? t("cell.opinions.ownRecordNote")
      : view.own
        ? t("cell.opinions.memberNote")
        : null;

  return (
    <Card title={t("cell.opinions.title")} headingId="opinions-title">
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("cell.opinions.intro")}</p>
        <p className="text-sm font-medium text-slate-900" data-testid="opinions-summary">
          {view.required.length === 0
            ? t("cell.opinions.noneRequired")
            : view.missing.length > 0
              ? t("cell.opinions.summaryMissing", { count: view.missing.length, list })
              : t("cell.opinions.summaryComplete")}
        </p>
        {shown.length > 0 && (
          <ul className="space-y-3">
            {shown.map((source) => {
              const requirement = required.get(source);
              const opinion = received.get(source);
              return (
                <li key={source} className="rounded-lg border border-slate-200 p-3" data-testid={`opinion-${source}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="text-sm font-semibold text-slate-900">{t(`cell.opinions.sources.${source}`)}</h3>
                    {requirement ? (
                      opinion ? (
                        <Badge tone="green">{t("cell.opinions.received")}</Badge>
                      ) : (
                        <Badge tone="amber">{t("cell.opinions.missing")}</Badge>
                      )
                    ) : (
                      <Badge>{t("cell.opinions.notRequired")}</Badge>
                    )}
                  </div>
                  {requirement && <p className="mt-1 text-sm text-slate-600">{reasonSentence(t, requirement)}</p>}
                  {opinion ? (
                    <figure className="mt-2">
                      <blockquote className="whitespace-pre-line break-words border-l-4 border-slate-200 pl-3 text-sm text-slate-900">
                        {opinion.text}
                      </blockquote>
                      <figcaption className="mt-1 text-xs text-slate-600">
                        {t("cell.opinions.givenLine", { givenBy: opinion.givenBy, date: displayDate(opinion.givenOn) })}
                      </figcaption>
                    </figure>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600">{t("cell.opinions.notReceived")}</p>
                  )}
                  {opinion && view.canEdit && (
                    <OpinionActions
                      opinion={opinion}
                      bounds={{ year: view.year, today: view.window.today }}
                      window={{ from: view.window.from, to: view.window.to }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {note && (
          <p role="note" className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            {note}
          </p>
        )}
        {view.canEdit && (
          <section aria-labelledby="opinion-add-title" className="border-t border-slate-100 pt-4">
            <h3 id="opinion-add-title" className="mb-3 text-sm font-semibold text-slate-900">
              {t("cell.opinions.addTitle")}
            </h3>
            <OpinionForm
              mode="add"
              recordId={view.recordId}
              sources={available}
              suggestions={suggestions}
              bounds={{ year: view.year, today: view.window.today }}
              window={{ from: view.window.from, to: view.window.to }}
            />
          </section>
        )}
      </div>
    </Card>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function reasonSentence(t: Translate, r: OpinionRequirement): string {
  const body = r.body ?? t("cell.opinions.residenceUnknown");
  const from = r.from ? displayDate(r.from) : "";
  switch (r.reason) {
    case "TRANSFERRED_IN":
      return t("cell.opinions.reasons.TRANSFERRED_IN", { body, from, to: r.to ? displayDate(r.to) : "" });
    case "TEMPORARY_ACTIVITY":
      return r.to
        ? t("cell.opinions.reasons.TEMPORARY_ACTIVITY", { body, from, to: displayDate(r.to) })
        : t("cell.opinions.reasons.TEMPORARY_ACTIVITY_OPEN", { body, from });
    default:
      return t(`cell.opinions.reasons.${r.reason}`, { body });
  }
}
