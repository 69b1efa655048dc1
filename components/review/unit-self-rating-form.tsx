"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { rateUnitAction } from "@/lib/actions/unit-ratings";
import { evaluateSubject } from "@/lib/grading/evaluate";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { LEVELS, type Level, type LevelOrNotRated } from "@/lib/grading/types";
import { organizationSubject, type StoredOrganizationFacts } from "@/lib/review/facts";
import { UnitSelfRatingSchema, type UnitSelfRatingInput } from "@/lib/schemas/decisions";
import { VerdictPanel } from "./verdict-panel";

type NumberField = "scoreGeneral" | "scoreResults" | "tasks.assigned" | "tasks.completed" | "tasks.onTime" | "tasks.exceeded" | "shortcomings.named" | "shortcomings.remedied" | "targetsCompletedPercent";

const FLAGS = ["localBodiesAtLeastGood", "leadershipDisciplined", "disunityConcluded", "leadershipMemberDegraded", "forceMajeure"] as const;

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
}: {
  recordId: string;
  version: number;
  facts: StoredOrganizationFacts;
  level: Level | null;
  kind: "SUBORDINATE" | "GRASSROOTS";
  verdict: { facts: StoredOrganizationFacts; subordinateLevels: LevelOrNotRated[]; establishedOn: string; peerGroup: string };
  cycle: { ruleSet: RuleSetId; ratingDate: string };
}) {
  const t = useTranslations("decideOrgs.selfRating");
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<UnitSelfRatingInput>({
    resolver: zodResolver(UnitSelfRatingSchema),
    defaultValues: {
      recordId,
      expectedVersion: version,
      level: level ?? "GOOD",
      scoreGeneral: facts.scoreGeneralTenths === null ? null : facts.scoreGeneralTenths / 10,
      scoreResults: facts.scoreResultsTenths === null ? null : facts.scoreResultsTenths / 10,
      tasks: facts.tasks,
      shortcomings: facts.shortcomings,
      targetsCompletedPercent: facts.targetsCompletedPercent,
      localBodiesAtLeastGood: facts.localBodiesAtLeastGood,
      leadershipDisciplined: facts.leadershipDisciplined,
      disunityConcluded: facts.disunityConcluded,
      leadershipMemberDegraded: facts.leadershipMemberDegraded,
      forceMajeure: facts.forceMajeure,
      note: "",
    },
  });
  const { status, onSubmit, fieldError } = useActionForm(form, rateUnitAction, { successMessage: t("saved"), onSuccess: () => router.refresh() });
  const values = useWatch({ control: form.control });
  const num = (v: unknown, fallback: number | null = null) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
  const liveFacts: StoredOrganizationFacts = {
    ...verdict.facts,
    scoreGeneralTenths: num(values.scoreGeneral) === null ? null : Math.round(num(values.scoreGeneral)! * 10),
    scoreResultsTenths: num(values.scoreResults) === null ? null : Math.round(num(values.scoreResults)! * 10),
    tasks: { assigned: num(values.tasks?.assigned, 0)!, completed: num(values.tasks?.completed, 0)!, onTime: num(values.tasks?.onTime, 0)!, exceeded: num(values.tasks?.exceeded, 0)! },
    shortcomings: { named: num(values.shortcomings?.named, 0)!, remedied: num(values.shortcomings?.remedied, 0)! },
    targetsCompletedPercent: num(values.targetsCompletedPercent),
    localBodiesAtLeastGood: values.localBodiesAtLeastGood ?? true,
    leadershipDisciplined: values.leadershipDisciplined ?? false,
    disunityConcluded: values.disunityConcluded ?? false,
    leadershipMemberDegraded: values.leadershipMemberDegraded ?? false,
    forceMajeure: values.forceMajeure ?? false,
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
    <label key={name} className="block text-sm font-medium text-slate-800">
      {label}
      <input
        type="number"
        min={0}
        max={options.max}
        step={options.step ?? "1"}
        inputMode={options.step ? "decimal" : "numeric"}
        {...form.register(name, { setValueAs: (v: string) => (v === "" || v === null ? null : Number(v)) })}
        aria-invalid={fieldError(name) ? true : undefined}
        className="mt-1 block min-h-10 w-full rounded-lg border border-slate-300 px-3"
      />
      {fieldError(name) ? <span className="mt-1 block text-sm font-normal text-red-700">{fieldError(name)}</span> : null}
    </label>
  );
  const maxIndex = live.maxLevel ? LEVELS.indexOf(live.maxLevel) : 0;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg bg-slate-50 p-3 lg:grid-cols-2" aria-label={kind === "GRASSROOTS" ? t("titleGrassroots") : t("titleCell")}>
      <div className="space-y-3">
        {/* On the cell's page the card around the form carries the title. */}
        {kind === "GRASSROOTS" ? <p className="text-sm font-semibold text-slate-900">{t("titleGrassroots")}</p> : null}
        <FormAlert message={status?.message} tone={status?.tone} />
        <div className="grid grid-cols-2 gap-3">
          {numberField("scoreGeneral", t("scoreGeneral"), { step: "0.1", max: 30 })}
          {numberField("scoreResults", t("scoreResults"), { step: "0.1", max: 70 })}
        </div>
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("tasks")}</legend>
          {numberField("tasks.assigned", t("tasksAssigned"))}
          {numberField("tasks.completed", t("tasksCompleted"))}
          {numberField("tasks.onTime", t("tasksOnTime"))}
          {numberField("tasks.exceeded", t("tasksExceeded"))}
        </fieldset>
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("shortcomings")}</legend>
          {numberField("shortcomings.named", t("shortcomingsNamed"))}
          {numberField("shortcomings.remedied", t("shortcomingsRemedied"))}
        </fieldset>
        {numberField("targetsCompletedPercent", t("targets"), { max: 100 })}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("facts")}</legend>
          {FLAGS.map((name) => (
            <label key={name} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" className="size-5" {...form.register(name)} />
              {t(`flags.${name}`)}
            </label>
          ))}
        </fieldset>
        <label className="block text-sm font-medium text-slate-800">
          {t("level")}
          <select {...form.register("level")} className="mt-1 block min-h-10 w-full rounded-lg border border-slate-300 px-2">
            {LEVELS.map((l, i) => (
              <option key={l} value={l} disabled={i < maxIndex}>
                {tAll(`grading.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {fieldError("level") ? <p className="text-sm text-red-700">{fieldError("level")}</p> : null}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {kind === "GRASSROOTS" ? t("submitGrassroots") : t("submitCell")}
        </Button>
      </div>
      <VerdictPanel verdict={live} scoreTenths={liveFacts.scoreGeneralTenths !== null && liveFacts.scoreResultsTenths !== null ? liveFacts.scoreGeneralTenths + liveFacts.scoreResultsTenths : null} />
    </form>
  );
}
