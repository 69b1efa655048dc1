"use client";

import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { Field, Select, Textarea, TextInput } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { rateUnitAction } from "@/lib/actions/unit-ratings";
import { evaluateSubject } from "@/lib/grading/evaluate";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import type { Level, LevelOrNotRated } from "@/lib/grading/types";
import { formatIsoDate } from "@/lib/i18n/format";
import { scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { COLLECTIVE_REPORT_SECTIONS, type CollectiveReport } from "@/lib/review/collective-report";
import { organizationSubject, scoredItems, type StoredOrganizationFacts } from "@/lib/review/facts";
import type { OrderGap } from "@/lib/review/order-of-work";
import type { UnitSelfRatingInput } from "@/lib/schemas/decisions";
import { LevelOptions } from "./decision-parts";
import { RegisterTaskFacts } from "./register-task-facts";
import type { TaskCapSource } from "./task-cap-lines";
import { VerdictPanel } from "./verdict-panel";

type NumberField =
  "tasks.assigned" | "tasks.completed" | "tasks.onTime" | "tasks.exceeded" | "shortcomings.named" | "shortcomings.remedied" | "targetsCompletedPercent";

/** The facts the committee is asked (what the app cannot derive); the older rule sets' local bodies among them. */
const FLAGS_366 = ["leadershipDisciplined", "leadershipMemberDegraded", "disunityConcluded", "forceMajeure"] as const;
const FLAGS_OLDER = ["localBodiesAtLeastGood", "leadershipDisciplined", "disunityConcluded", "leadershipMemberDegraded", "forceMajeure"] as const;

/**
 * A unit rates itself: the cell's proposal voted at its meeting (its secretary records it), or the
 * grassroots committee's self-rating of its organization — the facts the organization rules read, and
 * the level, with the live verdict of the rules beside it.
 */
export function UnitSelfRatingForm({
  recordId,
  version,
  facts,
  level,
  kind,
  verdict,
  cycle,
  answersForTargets = false,
  orderGaps = [],
  sheet = null,
  scoreItems = {},
  report = {},
  register = null,
}: {
  recordId: string;
  version: number;
  facts: StoredOrganizationFacts;
  level: Level | null;
  kind: "SUBORDINATE" | "GRASSROOTS";
  verdict: { facts: StoredOrganizationFacts; subordinateLevels: LevelOrNotRated[]; establishedOn: string; peerGroup: string };
  cycle: { ruleSet: RuleSetId; ratingDate: string };
  /** A locality's organization (xã, phường): it answers for the five socio-economic targets. */
  answersForTargets?: boolean;
  /** What must be done below before this unit rates itself (366 Điều 7 k3, Điều 12 k2). */
  orderGaps?: OrderGap[];
  /** The cycle's sheet for organizations (Mẫu 01, part B): scored item by item under QD366_HD43. */
  sheet?: ScoreSheetContent | null;
  scoreItems?: Record<string, number>;
  /** The collective's report as written so far (Mẫu 01, part A). */
  report?: CollectiveReport;
  /** The cycle counts the tasks from the register: the four numbers are shown as counted, not asked. */
  register?: (TaskCapSource & { canRead: boolean }) | null;
}) {
  const under366 = cycle.ruleSet === "QD366_HD43";
  const derived = facts.derived;
  const answerOf = (disciplineId: string) => facts.leadershipDisciplineAnswers.find((a) => a.disciplineId === disciplineId);
  const t = useTranslations("decideOrgs.selfRating");
  const tAll = useTranslations();
  const form = useForm<UnitSelfRatingInput>({
    defaultValues: {
      recordId,
      expectedVersion: version,
      level: level ?? "GOOD",
      scoreItems,
      report,
      tasks: facts.tasks,
      shortcomings: facts.shortcomings,
      targetsCompletedPercent: facts.targetsCompletedPercent,
      localBodiesAtLeastGood: facts.localBodiesAtLeastGood,
      leadershipDisciplined: facts.leadershipDisciplined,
      disunityConcluded: facts.disunityConcluded,
      leadershipMemberDegraded: facts.leadershipMemberDegraded,
      forceMajeure: facts.forceMajeure,
      fiveTargetsMissed: facts.fiveTargetsMissed,
      leadershipDisciplineAnswers: derived.leadershipDisciplines.map((d) => ({
        disciplineId: d.disciplineId,
        atFormerUnit: answerOf(d.disciplineId)?.atFormerUnit ?? false,
        unrelatedToDuties: answerOf(d.disciplineId)?.unrelatedToDuties ?? false,
      })),
      note: "",
    },
  });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, rateUnitAction, { success: t("saved"), refresh: true });
  const asNumberOrNull = { setValueAs: (v: string) => (v === "" || v === null ? null : Number(v)) };
  const values = useWatch({ control: form.control });
  const num = (v: unknown, fallback: number | null = null) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
  // The totals as the server will compute them: from the items, and only once every item is scored.
  const totals = sheet ? scoreTotals(sheet, scoredItems((values.scoreItems ?? {}) as Record<string, number | null>)) : null;
  const liveFacts: StoredOrganizationFacts = {
    ...verdict.facts,
    scoreGeneralTenths: totals?.complete ? totals.generalTenths : null,
    scoreResultsTenths: totals?.complete ? totals.resultsTenths : null,
    tasks: {
      assigned: num(values.tasks?.assigned, 0)!,
      completed: num(values.tasks?.completed, 0)!,
      onTime: num(values.tasks?.onTime, 0)!,
      exceeded: num(values.tasks?.exceeded, 0)!,
    },
    shortcomings: { named: num(values.shortcomings?.named, 0)!, remedied: num(values.shortcomings?.remedied, 0)! },
    targetsCompletedPercent: num(values.targetsCompletedPercent),
    localBodiesAtLeastGood: values.localBodiesAtLeastGood ?? true,
    leadershipDisciplined: values.leadershipDisciplined ?? false,
    disunityConcluded: values.disunityConcluded ?? false,
    leadershipMemberDegraded: values.leadershipMemberDegraded ?? false,
    forceMajeure: values.forceMajeure ?? false,
    fiveTargetsMissed: answersForTargets && (values.fiveTargetsMissed ?? false),
    leadershipDisciplineAnswers: (values.leadershipDisciplineAnswers ?? []).map((a, i) => ({
      disciplineId: a?.disciplineId ?? derived.leadershipDisciplines[i]?.disciplineId ?? "",
      atFormerUnit: a?.atFormerUnit ?? false,
      unrelatedToDuties: a?.unrelatedToDuties ?? false,
    })),
  };
  const live = evaluateSubject(
    organizationSubject(recordId, liveFacts, {
      peerGroup: verdict.peerGroup,
      proposed: (values.level as Level) ?? "GOOD",
      subordinateLevels: verdict.subordinateLevels,
      establishedOn: verdict.establishedOn,
    }),
    { ruleSet: cycle.ruleSet, ratingDate: cycle.ratingDate },
  );
  const numberField = (name: NumberField, label: string, options: { step?: string; max?: number } = {}) => (
    <Field key={name} label={label} error={fieldError(name)}>
      <TextInput
        type="number"
        min={0}
        max={options.max}
        step={options.step ?? "1"}
        inputMode={options.step ? "decimal" : "numeric"}
        {...form.register(name, asNumberOrNull)}
      />
    </Field>
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 rounded-lg bg-slate-50 p-3 lg:grid-cols-2"
      aria-label={kind === "GRASSROOTS" ? t("titleGrassroots") : t("titleCell")}
    >
      <div className="space-y-3">
        {/* On the cell's page the card around the form carries the title. */}
        {kind === "GRASSROOTS" ? <p className="text-sm font-semibold text-slate-900">{t("titleGrassroots")}</p> : null}
        <FormAlert message={status?.message} tone={status?.tone} />
        {orderGaps.length > 0 ? (
          <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="order-gaps">
            <p className="font-medium">{t("orderGaps.title")}</p>
            <ul className="list-disc pl-5">
              {orderGaps.map((gap) => (
                <li key={gap.code}>{t(`orderGaps.${gap.code}`, { count: "count" in gap ? gap.count : 0 })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {sheet ? (
          <section className="space-y-3" aria-labelledby={`${recordId}-score`}>
            <h3 id={`${recordId}-score`} className="text-sm font-semibold text-slate-900">
              {t("score.title")}
            </h3>
            {sheet.groups.map((group) => {
              const sum = group.key === "GENERAL" ? totals!.generalTenths : totals!.resultsTenths;
              return (
                <fieldset key={group.key} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
                  <legend className="px-1 text-sm font-medium text-slate-800">
                    {tAll(`cycle.groups.${group.key}`)} —{" "}
                    {t("score.groupTotal", { sum: (sum / 10).toLocaleString("vi-VN"), max: group.key === "GENERAL" ? 30 : 70 })}
                  </legend>
                  {group.items.map((item) => (
                    <Field
                      key={item.key}
                      label={
                        <>
                          {item.label} <span className="text-slate-600">({t("score.max", { max: item.maxPoints.toLocaleString("vi-VN") })})</span>
                        </>
                      }
                      labelClassName="mb-1 block text-sm text-slate-800"
                      error={fieldError(`scoreItems.${item.key}`)}
                    >
                      <TextInput
                        type="number"
                        min={0}
                        max={item.maxPoints}
                        step="0.1"
                        inputMode="decimal"
                        {...form.register(`scoreItems.${item.key}`, asNumberOrNull)}
                      />
                    </Field>
                  ))}
                </fieldset>
              );
            })}
            <p className="text-sm font-medium text-slate-900" data-testid="collective-total">
              {totals!.complete
                ? t("score.total", { total: ((totals!.generalTenths + totals!.resultsTenths) / 10).toLocaleString("vi-VN") })
                : t("score.incomplete")}
            </p>
          </section>
        ) : null}
        {register ? (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("tasks")}</legend>
            <RegisterTaskFacts
              register={register}
              labels={{ assigned: t("tasksAssigned"), completed: t("tasksCompleted"), onTime: t("tasksOnTime"), exceeded: t("tasksExceeded") }}
            />
          </fieldset>
        ) : (
          <fieldset className="grid grid-cols-2 gap-3">
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("tasks")}</legend>
            {numberField("tasks.assigned", t("tasksAssigned"))}
            {numberField("tasks.completed", t("tasksCompleted"))}
            {numberField("tasks.onTime", t("tasksOnTime"))}
            {numberField("tasks.exceeded", t("tasksExceeded"))}
          </fieldset>
        )}
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("shortcomings")}</legend>
          {numberField("shortcomings.named", t("shortcomingsNamed"))}
          {numberField("shortcomings.remedied", t("shortcomingsRemedied"))}
        </fieldset>
        {/* Read by the older rule sets only: a QD366_HD43 cycle does not ask them. */}
        {under366 ? null : numberField("targetsCompletedPercent", t("targets"), { max: 100 })}
        {under366 ? (
          <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-labelledby={`${recordId}-derived`} data-testid="derived-facts">
            <h3 id={`${recordId}-derived`} className="text-sm font-medium text-slate-800">
              {t("derived.title")}
            </h3>
            <p className="text-xs text-slate-600">{t("derived.source")}</p>
            {derived.leadershipDisciplines.length === 0 ? (
              <p className="text-sm text-slate-700">{t("derived.noDisciplines")}</p>
            ) : (
              <ul className="space-y-2">
                {derived.leadershipDisciplines.map((d, i) => (
                  <li key={d.disciplineId} className="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm">
                    <p className="text-slate-900">
                      {t("derived.discipline", { name: d.memberName, form: tAll(`disciplineForms.${d.form}`), date: formatIsoDate(d.decidedOn) })}
                      {d.selfDetectedAndRemedied ? ` ${t("derived.selfRemedied")}` : ""}
                      {d.countedInEarlierYear ? ` ${t("derived.countedEarlier")}` : ""}
                    </p>
                    <input type="hidden" {...form.register(`leadershipDisciplineAnswers.${i}.disciplineId`)} />
                    <label className="mt-1 flex min-h-10 items-center gap-2">
                      <input type="checkbox" className="size-5 shrink-0" {...form.register(`leadershipDisciplineAnswers.${i}.atFormerUnit`)} />
                      {t("derived.atFormerUnit")}
                    </label>
                    <label className="flex min-h-10 items-center gap-2">
                      <input type="checkbox" className="size-5 shrink-0" {...form.register(`leadershipDisciplineAnswers.${i}.unrelatedToDuties`)} />
                      {t("derived.unrelatedToDuties")}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {derived.degradedLeaders.length > 0 ? (
              <p className="text-sm text-slate-900">{t("derived.degraded", { names: derived.degradedLeaders.join(", ") })}</p>
            ) : null}
            {kind === "GRASSROOTS" || derived.subordinateUnits > 0 ? (
              <p className="text-sm text-slate-900">
                {derived.disciplinedSubordinates.length > 0
                  ? t("derived.subordinatesDisciplined", { names: derived.disciplinedSubordinates.join(", ") })
                  : t("derived.noSubordinatesDisciplined", { count: derived.subordinateUnits })}
              </p>
            ) : null}
          </section>
        ) : null}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("facts")}</legend>
          {(under366 ? FLAGS_366 : FLAGS_OLDER).map((name) => (
            <label key={name} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" className="size-5 shrink-0" {...form.register(name)} />
              {under366 ? t(`flags366.${name}`) : t(`flags.${name}`)}
            </label>
          ))}
          {under366 && answersForTargets ? (
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" className="size-5 shrink-0" {...form.register("fiveTargetsMissed")} />
              {t("flags366.fiveTargetsMissed")}
            </label>
          ) : null}
        </fieldset>
        {under366 ? (
          <details className="rounded-lg border border-slate-200 bg-white p-3" open={Object.keys(report).length > 0}>
            <summary className="cursor-pointer text-sm font-semibold text-slate-900">{t("report.title")}</summary>
            <p className="mt-1 text-xs text-slate-600">{t("report.hint")}</p>
            <div className="mt-2 space-y-3">
              {COLLECTIVE_REPORT_SECTIONS.map((section) => (
                <Field key={section} label={t(`report.sections.${section}`)}>
                  <Textarea {...form.register(`report.${section}`)} />
                </Field>
              ))}
            </div>
          </details>
        ) : null}
        <Field label={t("level")} error={fieldError("level")}>
          <Select {...form.register("level")}>
            <LevelOptions maxLevel={live.maxLevel} />
          </Select>
        </Field>
        <SubmitButton pending={pending}>{kind === "GRASSROOTS" ? t("submitGrassroots") : t("submitCell")}</SubmitButton>
      </div>
      <VerdictPanel
        verdict={live}
        scoreTenths={
          liveFacts.scoreGeneralTenths !== null && liveFacts.scoreResultsTenths !== null ? liveFacts.scoreGeneralTenths + liveFacts.scoreResultsTenths : null
        }
        taskCaps={register}
      />
    </form>
  );
}
