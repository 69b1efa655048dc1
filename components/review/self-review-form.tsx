"use client";

import { useTranslations } from "next-intl";
import { useCallback, useId, useMemo } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { Field, Select, Textarea, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { Options } from "@/components/forms/options";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { submitSelfReviewAction } from "@/lib/actions/self-reviews";
import { evaluateSubject } from "@/lib/grading/evaluate";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { CRITERION_GRADES, LEVELS, type IsoDate } from "@/lib/grading/types";
import { scoreTotals, toTenths, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { memberSubject, scoredItems, type MemberStanding } from "@/lib/review/facts";
import {
  completenessProblems,
  QD124_CRITERIA,
  RESULTS_CRITERION,
  type SelfReviewContent,
  type SelfReviewTemplate,
  type TemplateSection,
} from "@/lib/review/templates";
import { AutosaveBanner } from "./autosave-banner";
import { saveSelfReviewDraft } from "./save-draft";
import { useAutosave, useSaveOnChange } from "./use-autosave";
import { VerdictPanel } from "./verdict-panel";

type Props = {
  recordId: string;
  template: SelfReviewTemplate;
  sheet: ScoreSheetContent | null;
  content: SelfReviewContent;
  version: number;
  savedAt: string | null;
  standing: MemberStanding;
  ruleSet: RuleSetId;
  ratingDate: IsoDate;
  editable: boolean;
  /** The secretary typing in a paper form for this member. */
  onBehalfOf: string | null;
};

const toNumberOrNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));
const points = (tenths: number) => (tenths / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/**
 * The self-review on the official form of the cycle's rule set. Each section is a field; the form saves
 * itself as the member types (useAutosave), and the rules' verdict on the self-proposed level is shown
 * beside it, recomputed in the browser.
 */
export function SelfReviewForm(props: Props) {
  const { recordId, template, sheet, standing, ruleSet, ratingDate, editable, onBehalfOf } = props;
  const t = useTranslations();
  const form = useForm<SelfReviewContent>({ defaultValues: props.content });
  const values = useWatch({ control: form.control }) as SelfReviewContent;
  const { run, pending: submitting, status } = useAction();
  const submitBlockedId = useId();

  const save = useCallback((baseVersion: number, content: SelfReviewContent) => saveSelfReviewDraft(recordId, baseVersion, content), [recordId]);
  const restore = useCallback((content: SelfReviewContent) => form.reset(content), [form]);
  const autosave = useAutosave<SelfReviewContent>({
    storageKey: `self-review:${recordId}`,
    initialVersion: props.version,
    initialSavedAt: props.savedAt ? new Date(props.savedAt) : null,
    serverContent: props.content,
    save,
    onRestore: restore,
    enabled: editable,
  });
  useSaveOnChange(form, autosave.changed);

  const totals = sheet ? scoreTotals(sheet, scoredItems(values.scores ?? {})) : null;
  const verdict = useMemo(() => {
    const proposed = values.selfLevel ?? "NOT_COMPLETED";
    if (ruleSet === "QD366_HD43" && sheet) {
      const facts = {
        scoreItems: values.scores ?? {},
        tasks: { assigned: 0, completed: 0, onTime: 0, exceeded: 0 },
        shortcomings: { named: values.remediation?.length ?? 0, remedied: 0 },
        degradationConcluded: false,
        prohibitedActsConcluded: false,
        ledUnits: { count: 0, notCompleted: 0 },
        lowConfidenceOver50: false,
        corruptionInScope: false,
        fiveTargetsMissed: false,
        forceMajeure: false,
      };
      // The shortcomings of last year count as remedied when the member reports a result for each.
      facts.shortcomings.remedied = (values.remediation ?? []).filter((r) => r?.answer?.trim()).length;
      return evaluateSubject(memberSubject(standing, facts, sheet, { peerGroup: "", proposed }), { ruleSet, ratingDate });
    }
    const criteria = QD124_CRITERIA.flatMap((key) => {
      const grade = values.criteria?.[key];
      return grade ? [{ taskResult: key === RESULTS_CRITERION, grade }] : [];
    });
    return evaluateSubject(
      {
        id: standing.id,
        kind: "MEMBER",
        peerGroup: "",
        proposed,
        status: standing.status,
        admittedOn: standing.admittedOn,
        disciplines: standing.disciplines,
        criteria,
      },
      { ruleSet, ratingDate },
    );
  }, [values, ruleSet, sheet, standing, ratingDate]);

  const problems = completenessProblems(template, values, sheet);
  const missing = [...new Set(problems.map((p) => t(`selfReview.sections.${p.section}`).split(" ").slice(0, 6).join(" ")))];

  // What is on the screen is saved first: the server submits the version it holds.
  const submit = () =>
    run(
      async () => {
        await autosave.flush();
        return submitSelfReviewAction({ recordId, expectedVersion: autosave.currentVersion() });
      },
      { onSuccess: () => localStorage.removeItem(`self-review:${recordId}`), refresh: true },
    );

  const strengths = template.sections.filter(
    (s) => s.kind === "text" && !["shortcomings", "explanations", "collectiveResponsibility", "measures"].includes(s.key),
  );
  const rest = template.sections.filter((s) => !strengths.includes(s));
  const partB = rest.filter((s) => ["scores", "criteria", "selfLevel"].includes(s.kind));
  const partA = rest.filter((s) => !partB.includes(s));

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
      <form className="min-w-0 space-y-6" onSubmit={(e) => e.preventDefault()} noValidate>
        {editable && <AutosaveBanner {...autosave} />}
        {autosave.restored && autosave.status !== "conflict" && <p className="text-sm text-slate-600">{t("selfReview.restored")}</p>}
        {onBehalfOf && editable && (
          <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("selfReview.onBehalfNotice", { name: onBehalfOf })}</p>
        )}

        <h2 className="text-lg font-semibold text-slate-900">{t("selfReview.partA")}</h2>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-base font-semibold text-slate-900">{t("selfReview.strengths")}</legend>
          {strengths.map((section, i) => (
            <TextSection
              key={section.key}
              section={section}
              label={`${i + 1}. ${t(`selfReview.sections.${section.key}`)}`}
              register={form.register}
              editable={editable}
            />
          ))}
        </fieldset>
        {partA.map((section) =>
          section.kind === "remediation" ? (
            <fieldset key={section.key} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
              <legend className="px-1 text-base font-semibold text-slate-900">{t("selfReview.sections.remediation")}</legend>
              {(values.remediation ?? []).length === 0 ? (
                <p className="text-sm text-slate-600">{t("selfReview.noShortcomings")}</p>
              ) : (
                (values.remediation ?? []).map((item, i) => (
                  <div key={i} className="space-y-1">
                    <p className="text-sm font-medium text-slate-800">{t("selfReview.shortcomingN", { n: i + 1, text: item?.shortcoming ?? "" })}</p>
                    <Field label={t("selfReview.answerN", { n: i + 1 })}>
                      <Textarea autoGrow {...form.register(`remediation.${i}.answer`)} disabled={!editable} />
                    </Field>
                  </div>
                ))
              )}
            </fieldset>
          ) : (
            <fieldset key={section.key} className="rounded-lg border border-slate-200 bg-white p-4">
              <legend className="sr-only">{t(`selfReview.sections.${section.key}`)}</legend>
              <TextSection section={section} label={t(`selfReview.sections.${section.key}`)} register={form.register} editable={editable} />
            </fieldset>
          ),
        )}

        <h2 className="text-lg font-semibold text-slate-900">{t("selfReview.partB")}</h2>
        {partB.map((section) => {
          if (section.kind === "scores" && sheet) {
            return (
              <fieldset key={section.key} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
                <legend className="px-1 text-base font-semibold text-slate-900">{t("selfReview.sections.scores")}</legend>
                {sheet.groups.map((group) => {
                  const max = group.items.reduce((n, item) => n + (toTenths(item.maxPoints) ?? 0), 0);
                  const sum = group.key === "GENERAL" ? totals!.generalTenths : totals!.resultsTenths;
                  return (
                    <div key={group.key} className="space-y-3">
                      <h3 className="text-sm font-semibold text-slate-900">
                        {t(`cycle.groups.${group.key}`)} — {t("cycle.groupTotal", { sum: points(sum), max: points(max) })}
                      </h3>
                      {group.items.map((item) => (
                        <ScoreInput
                          key={item.key}
                          label={`${item.label} (${t("facts.maxPoints", { max: item.maxPoints.toLocaleString("vi-VN") })})`}
                          max={item.maxPoints}
                          disabled={!editable}
                          {...form.register(`scores.${item.key}`, { setValueAs: toNumberOrNull })}
                        />
                      ))}
                    </div>
                  );
                })}
                <p className="text-base font-semibold text-slate-900">
                  {totals!.complete ? t("selfReview.scoreTotal", { score: points(totals!.generalTenths + totals!.resultsTenths) }) : t("facts.scoreIncomplete")}
                </p>
              </fieldset>
            );
          }
          if (section.kind === "criteria") {
            return (
              <fieldset key={section.key} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
                <legend className="px-1 text-base font-semibold text-slate-900">{t("selfReview.sections.criteria")}</legend>
                {QD124_CRITERIA.map((key) => (
                  <GradeSelect
                    key={key}
                    label={t(`selfReview.sections.${key}`)}
                    disabled={!editable}
                    {...form.register(`criteria.${key}`, { setValueAs: (v) => v || null })}
                  />
                ))}
              </fieldset>
            );
          }
          return (
            <fieldset key={section.key} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <legend className="px-1 text-base font-semibold text-slate-900">{t("selfReview.sections.selfLevel")}</legend>
              {LEVELS.map((level) => (
                <label key={level} className="flex min-h-11 items-center gap-3 rounded-lg px-2 text-base hover:bg-slate-50 sm:text-sm">
                  <input type="radio" value={level} className="size-5" disabled={!editable} {...form.register("selfLevel")} />
                  {t(`grading.levels.${level}`)}
                </label>
              ))}
            </fieldset>
          );
        })}

        {editable && (
          <div className="space-y-3 border-t border-slate-200 pt-4">
            <FormAlert message={status?.message} />
            {problems.length > 0 && <p className="text-sm text-slate-700">{t("selfReview.incomplete", { sections: missing.join("; ") })}</p>}
            {/* A disabled button says nothing by itself: the reason stands beside it. */}
            {autosave.status === "conflict" && (
              <p id={submitBlockedId} className="text-sm font-medium text-amber-950">
                {t("selfReview.submitBlockedConflict")}
              </p>
            )}
            <ConfirmButton
              describedBy={autosave.status === "conflict" ? submitBlockedId : undefined}
              message={onBehalfOf ? t("selfReview.submitOnBehalfConfirm", { name: onBehalfOf }) : t("selfReview.submitConfirm")}
              confirmLabel={t("cycle.confirm")}
              cancelLabel={t("cycle.cancel")}
              onConfirm={submit}
              disabled={submitting || problems.length > 0 || autosave.status === "conflict"}
            >
              {submitting ? t("common.saving") : t("selfReview.submit")}
            </ConfirmButton>
          </div>
        )}
      </form>
      <div className="space-y-2 lg:sticky lg:top-4">
        <VerdictPanel verdict={verdict} scoreTenths={totals?.complete ? totals.generalTenths + totals.resultsTenths : null} />
        <p className="text-xs text-slate-600">{t("selfReview.verdictHint")}</p>
      </div>
    </div>
  );
}

function TextSection({
  section,
  label,
  register,
  editable,
}: {
  section: TemplateSection;
  label: string;
  register: UseFormRegister<SelfReviewContent>;
  editable: boolean;
}) {
  return (
    <Field label={label}>
      <Textarea autoGrow required={section.required} disabled={!editable} {...register(`texts.${section.key}`)} />
    </Field>
  );
}

/** A score beside its item, as on the paper form. */
function ScoreInput({ label, ...input }: React.ComponentProps<"input"> & { label: string }) {
  return (
    <Field label={label} className="grid grid-cols-[1fr_6rem] items-center gap-3" labelClassName="text-sm text-slate-800">
      <TextInput type="number" inputMode="decimal" step="0.1" min={0} tall className="text-right" {...input} />
    </Field>
  );
}

function GradeSelect({ label, ...select }: React.ComponentProps<"select"> & { label: string }) {
  const t = useTranslations("grading.criterionGrades");
  return (
    <Field label={label} className="grid gap-1 sm:grid-cols-[1fr_12rem] sm:items-center" labelClassName="text-sm text-slate-800">
      <Select tall {...select}>
        <Options values={CRITERION_GRADES} label={(grade) => t(grade)} all="—" />
      </Select>
    </Field>
  );
}
