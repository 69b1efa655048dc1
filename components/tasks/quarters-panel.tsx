import { getTranslations } from "next-intl/server";
import { LevelBadge } from "@/components/review/level-badge";
import { Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { TaskRegister } from "@/lib/data/tasks";
import { formatDate, todayInVietnam } from "@/lib/i18n/format";
import { quarterBounds, QUARTERS } from "@/lib/review/tasks";
import { QuarterActions } from "./quarter-actions";

const FIGURES = ["due", "onTime", "late", "notDone", "exceeded", "pending"] as const;

/**
 * A register's year by quarter: the tasks due in each quarter and how they stand, and — for a leader or
 * an organization (Kết luận 198-KL/TW) — each quarter's self-assessment and the committee's confirmation.
 * The quarters stand beside the year-end review; nothing here adds them up into a level of the year.
 */
export async function QuartersPanel({ register }: { register: TaskRegister }) {
  const t = await getTranslations("tasks.quarters");
  const today = todayInVietnam();
  const assessed = register.subject.kind === "ORGANIZATION" || register.subject.leader;
  const subject =
    register.subject.kind === "MEMBER"
      ? { kind: "MEMBER" as const, memberId: register.subject.id }
      : { kind: "ORGANIZATION" as const, organizationId: register.subject.id };
  const reviewOf = new Map(register.quarterReviews.map((review) => [review.quarter, review]));
  const headingId = `quarters-${register.year}`;

  return (
    <Card title={t("title")} headingId={headingId}>
      <div className="space-y-5" data-testid="quarters-panel">
        <p className="text-sm text-slate-600">{t("description")}</p>
        <Table
          caption={t("caption", { year: register.year })}
          head={[t("quarter"), ...FIGURES.map((figure) => t(figure))]}
          align={["left", "right", "right", "right", "right", "right", "right"]}
          testId="quarters-table"
        >
          {register.quarters.map((q) => (
            <tr key={q.quarter}>
              <Td className="font-medium whitespace-nowrap">{t("quarterName", { quarter: q.quarter })}</Td>
              {FIGURES.map((figure) => (
                <Td key={figure} className={`text-right tabular-nums ${q[figure] === 0 ? "text-slate-500" : ""}`}>
                  {q[figure]}
                </Td>
              ))}
            </tr>
          ))}
        </Table>

        {assessed && (
          <section aria-labelledby={`${headingId}-assessments`} className="space-y-3">
            <h3 id={`${headingId}-assessments`} className="text-sm font-semibold text-slate-900">
              {t("assessments")}
            </h3>
            <ul className="grid gap-3 md:grid-cols-2" data-testid="quarter-reviews">
              {QUARTERS.map((quarter) => {
                const review = reviewOf.get(quarter) ?? null;
                const begun = quarterBounds(register.year, quarter).from <= today;
                return (
                  <li key={quarter} className="rounded-lg border border-slate-200 p-3 text-sm" data-testid={`quarter-review-${quarter}`}>
                    <h4 className="font-semibold text-slate-900">{t("quarterName", { quarter })}</h4>
                    {!begun ? (
                      <p className="mt-1 text-slate-600">{t("notBegun")}</p>
                    ) : (
                      <dl className="mt-2 space-y-2">
                        <div>
                          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("selfLevel")}</dt>
                          <dd className="mt-0.5">
                            {review?.selfLevel ? (
                              <>
                                <LevelBadge level={review.selfLevel} />
                                {review.selfAt && <span className="ml-2 text-xs text-slate-600">{t("assessedAt", { date: formatDate(review.selfAt) })}</span>}
                                {review.selfNote && <p className="mt-1 break-words whitespace-pre-line text-slate-800">{review.selfNote}</p>}
                              </>
                            ) : (
                              <span className="text-slate-600">{t("notAssessed")}</span>
                            )}
                          </dd>
                        </div>
                        <div>
                          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("confirmedLevel")}</dt>
                          <dd className="mt-0.5">
                            {review?.confirmedLevel ? (
                              <>
                                <LevelBadge level={review.confirmedLevel} />
                                {review.confirmedAt && (
                                  <span className="ml-2 text-xs text-slate-600">
                                    {review.confirmedBy
                                      ? t("confirmedBy", { name: review.confirmedBy.displayName, date: formatDate(review.confirmedAt) })
                                      : t("assessedAt", { date: formatDate(review.confirmedAt) })}
                                  </span>
                                )}
                                {review.confirmedNote && <p className="mt-1 break-words whitespace-pre-line text-slate-800">{review.confirmedNote}</p>}
                              </>
                            ) : (
                              <span className="text-slate-600">{t("notConfirmed")}</span>
                            )}
                          </dd>
                        </div>
                      </dl>
                    )}
                    {begun && (
                      <QuarterActions
                        subject={subject}
                        year={register.year}
                        quarter={quarter}
                        review={
                          review && {
                            id: review.id,
                            version: review.version,
                            selfLevel: review.selfLevel,
                            selfNote: review.selfNote,
                            confirmedLevel: review.confirmedLevel,
                            confirmedNote: review.confirmedNote,
                            confirmed: review.confirmedAt !== null,
                          }
                        }
                        canAssess={register.canKeep}
                        canConfirm={register.canConfirm}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    </Card>
  );
}
