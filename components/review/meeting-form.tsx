"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { finalizeMeetingAction, saveMinutesDraftAction } from "@/lib/actions/meetings";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { levelRefusal } from "@/lib/grading/refusal";
import { checkQuota, quotaRuleFor } from "@/lib/grading/quota";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { LEVELS, type Level, type QuotaBase } from "@/lib/grading/types";
import { recordSubject, type MemberStanding, type StoredRecordFacts } from "@/lib/review/facts";
import { adoptedLevel, quorum, type MeetingRules, type Tally } from "@/lib/review/meeting";
import type { MinutesContent } from "@/lib/schemas/meetings";
import { AutosaveBanner } from "./autosave-banner";
import { useAutosave } from "./use-autosave";

export type MeetingMember = {
  recordId: string;
  memberId: string;
  fullName: string;
  official: boolean;
  status: "ACTIVE" | "EXEMPT" | "SUSPENDED";
  state: string;
  notRatedReason: string | null;
  selfLevel: Level | null;
  peerGroupId: string | null;
  standing: MemberStanding;
  facts: StoredRecordFacts;
};

type Props = {
  cellId: string;
  cycle: { year: number; ruleSet: RuleSetId; ratingDate: string; quotaBase: QuotaBase };
  rules: MeetingRules;
  members: MeetingMember[];
  groups: { id: string; name: string; excellentElsewhere: number; goodElsewhere: number; ratePercent: number | null }[];
  minutes: MinutesContent;
  version: number;
  savedAt: string | null;
  editable: boolean;
};

/** Member records the meeting votes on: a submitted self-review (an absent member waits for later). */
const VOTED_STATES = ["SUBMITTED", "ABSENT", "DRAFT", "RETURNED"];
const EMPTY_TALLY: Tally = { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0 };
const cast = (tally: Tally | null | undefined) => (tally ? LEVELS.reduce((n, level) => n + (Number(tally[level]) || 0), 0) : 0);

/** The form keeps a tally of zeros until votes are typed; the minutes store no vote until one is cast. */
function toStored(content: MinutesContent): MinutesContent {
  return { ...content, reviews: content.reviews.map((r) => ({ ...r, vote: r.vote && cast(r.vote) > 0 ? r.vote : null })) };
}

/**
 * The minutes of the cell's review meeting: attendance with the quorum, the cell's collective review
 * first, then each member's review with the vote. Beside each vote, what the rules allow for that member,
 * and for each peer group the 20 % arithmetic counting the other cells' proposals — all recomputed in the
 * browser as the secretary types. Saved as a draft as typed; finalizing locks it and sends the proposals up.
 */
export function MeetingForm(props: Props) {
  const { cellId, cycle, rules, members, groups, editable } = props;
  const t = useTranslations();
  const router = useRouter();
  const initial = useMemo<MinutesContent>(() => {
    const attendance = new Map(props.minutes.attendance.map((a) => [a.memberId, a]));
    const reviews = new Map(props.minutes.reviews.map((r) => [r.memberId, r]));
    return {
      ...props.minutes,
      attendance: members.map((m) => attendance.get(m.memberId) ?? { memberId: m.memberId, present: m.status === "ACTIVE", absenceReason: "" }),
      reviews: members
        .filter((m) => VOTED_STATES.includes(m.state) || reviews.has(m.memberId))
        .map((m) => {
          const r = reviews.get(m.memberId);
          return { memberId: m.memberId, selfReviewSummary: r?.selfReviewSummary ?? "", critiques: r?.critiques ?? [], vote: r?.vote ?? { ...EMPTY_TALLY } };
        }),
    };
  }, [props.minutes, members]);
  const form = useForm<MinutesContent>({ defaultValues: initial });
  const values = useWatch({ control: form.control }) as MinutesContent;
  const [problems, setProblems] = useState<string[]>([]);
  const [finalizing, startFinalize] = useTransition();

  const save = useCallback((baseVersion: number, content: MinutesContent) => saveMinutesDraftAction({ cellId, baseVersion, content: toStored(content) }), [cellId]);
  const restore = useCallback((content: MinutesContent) => form.reset(content), [form]);
  const autosave = useAutosave<MinutesContent>({
    storageKey: `minutes:${cellId}:${cycle.year}`,
    initialVersion: props.version,
    initialSavedAt: props.savedAt ? new Date(props.savedAt) : null,
    serverContent: initial,
    save,
    onRestore: restore,
    enabled: editable,
  });
  const { changed } = autosave;
  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values: v, type }) => {
          if (type === "change") changed(v);
        },
      }),
    [subscribe, changed],
  );

  const byId = useMemo(() => new Map(members.map((m) => [m.memberId, m])), [members]);
  const q = quorum(
    (values.attendance ?? []).map((a) => {
      const m = byId.get(a.memberId)!;
      return { memberId: a.memberId, official: m.official, status: m.status, present: Boolean(a.present) };
    }),
    rules,
  );
  const outcomes = (values.reviews ?? []).map((review) => {
    const m = byId.get(review.memberId)!;
    const tally = review.vote ? (Object.fromEntries(LEVELS.map((l) => [l, Number(review.vote![l]) || 0])) as Tally) : null;
    const adoption = tally && cast(tally) > 0 ? adoptedLevel(tally, q, rules) : null;
    const level = adoption?.level ?? null;
    const verdict = evaluateSubject(recordSubject(m.standing, m.facts, { peerGroup: m.peerGroupId ?? "", proposed: level ?? m.selfLevel ?? "NOT_COMPLETED" }), {
      ruleSet: cycle.ruleSet,
      ratingDate: cycle.ratingDate,
    });
    // What the server will refuse at finalization, said as the tally is typed.
    const refusal = level ? levelRefusal(verdict, level) : null;
    return { member: m, tally, adoption, level, verdict, refusal };
  });

  const finalize = () =>
    startFinalize(async () => {
      setProblems([]);
      await autosave.flush();
      const result = await finalizeMeetingAction({ cellId, expectedVersion: autosave.currentVersion() });
      if (result.ok) {
        localStorage.removeItem(`minutes:${cellId}:${cycle.year}`);
        router.refresh();
        return;
      }
      const listed = Object.entries(result.fieldErrors ?? {}).map(([key, code]) => {
        const memberId = key.slice(code.length + 1);
        return t(`meeting.problems.${code}`, { name: byId.get(memberId)?.fullName ?? "" });
      });
      setProblems(listed.length ? listed : [t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" })]);
    });

  return (
    <form className="space-y-6" onSubmit={(e) => e.preventDefault()} noValidate>
      {editable && <AutosaveBanner {...autosave} />}

      <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("meeting.details")}</legend>
        <Field label={t("meeting.heldOn")} type="date" disabled={!editable} {...form.register("heldOn")} />
        <Field label={t("meeting.place")} disabled={!editable} {...form.register("place")} />
        <Field label={t("meeting.chairName")} disabled={!editable} {...form.register("chairName")} />
        <Field label={t("meeting.recorderName")} disabled={!editable} {...form.register("recorderName")} />
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("meeting.attendance")}</legend>
        <p className={`text-sm font-medium ${q.met ? "text-emerald-800" : "text-amber-900"}`} data-testid="quorum">
          {t("meeting.quorum", { present: q.present, required: q.required, needed: q.needed })} {q.met ? t("meeting.quorumMet") : t("meeting.quorumNotMet")}
        </p>
        <p className="text-sm text-slate-600" data-testid="vote-rule">
          {t("meeting.voteRule", { baseKind: rules.adoptionBase })}
        </p>
        <ul className="divide-y divide-slate-100">
          {(values.attendance ?? []).map((a, i) => {
            const m = byId.get(a.memberId)!;
            return (
              <li key={a.memberId} className="grid gap-2 py-2 sm:grid-cols-[1fr_16rem] sm:items-center">
                <label className="flex min-h-11 items-center gap-3 text-sm">
                  <input type="checkbox" className="size-5" disabled={!editable} aria-label={t("meeting.present", { name: m.fullName })} {...form.register(`attendance.${i}.present`)} />
                  <span>
                    {m.fullName}{" "}
                    <Badge tone={m.official ? "neutral" : "amber"}>{m.official ? t("meeting.official") : t("meeting.probationary")}</Badge>
                    {m.status !== "ACTIVE" && <span className="ml-2 text-xs text-slate-600">{t(`memberStatus.${m.status}`)} · {t("meeting.notCounted")}</span>}
                  </span>
                </label>
                {!a.present && (
                  <input
                    aria-label={t("meeting.absenceReason", { name: m.fullName })}
                    placeholder={t("meeting.absenceReason", { name: "" }).trim()}
                    disabled={!editable}
                    className="block min-h-10 w-full rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm"
                    {...form.register(`attendance.${i}.absenceReason`)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("meeting.collectiveReview")}</legend>
        <Area label={t("meeting.collectiveReviewLabel")} disabled={!editable} {...form.register("collectiveReview")} />
      </fieldset>

      <QuotaPanel groups={groups} outcomes={outcomes} cycle={cycle} />

      <h2 className="text-lg font-semibold text-slate-900">{t("meeting.memberReviews")}</h2>
      {outcomes.map(({ member, tally, adoption, verdict, refusal }, i) => (
        <fieldset key={member.memberId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-${member.memberId}`}>
          <legend className="px-1 text-base font-semibold text-slate-900">{member.fullName}</legend>
          <p className="flex flex-wrap gap-2 text-sm text-slate-700">
            <Badge>{t(`recordStates.${member.state}`)}</Badge>
            <span>{member.selfLevel ? t("meeting.selfLevel", { level: t(`grading.levels.${member.selfLevel}`) }) : t("meeting.noSelfLevel")}</span>
          </p>
          <Area label={t("meeting.summary", { name: member.fullName })} disabled={!editable} {...form.register(`reviews.${i}.selfReviewSummary`)} />
          <Critiques index={i} control={form.control} register={form.register} editable={editable} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">{t("meeting.tally")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {LEVELS.map((l) => (
                <label key={l} className="text-xs text-slate-700">
                  <span className="mb-1 block">{t(`grading.levelsShort.${l}`)}</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={t("meeting.tallyFor", { level: t(`grading.levels.${l}`), name: member.fullName })}
                    disabled={!editable}
                    className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 text-right text-base sm:text-sm"
                    {...form.register(`reviews.${i}.vote.${l}`, { valueAsNumber: true })}
                  />
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1 text-sm" aria-live="polite">
            {!tally || cast(tally) === 0 ? (
              <p className="text-slate-600">{t("meeting.noVote")}</p>
            ) : adoption?.level ? (
              <p className="font-medium text-emerald-800">
                {t("meeting.adopted", { level: t(`grading.levels.${adoption.level}`), votes: tally[adoption.level], base: rules.adoptionBase === "PRESENT" ? q.present : q.required, baseKind: rules.adoptionBase, needed: adoption.needed })}
              </p>
            ) : adoption && "reason" in adoption && adoption.reason === "TALLY_EXCEEDS_VOTERS" ? (
              <p className="font-medium text-red-700">{t("meeting.tallyTooMany", { voters: q.present })}</p>
            ) : (
              <p className="font-medium text-amber-900">{t("meeting.notAdopted", { baseKind: rules.adoptionBase })}</p>
            )}
            {refusal && (
              <p className="font-medium text-red-700" data-testid="above-rules">
                {refusal === "LEVEL_ABOVE_RULES" && verdict.maxLevel
                  ? t("meeting.aboveRules", { max: t(`grading.levels.${verdict.maxLevel}`) })
                  : t(`meeting.problems.${refusal}`, { name: member.fullName })}
              </p>
            )}
            {verdict.reasons.length > 0 && (
              <ul className="list-disc pl-5 text-slate-700">
                {verdict.reasons.map((code) => (
                  <li key={code}>{t(`grading.reasons.${code}`)}</li>
                ))}
              </ul>
            )}
          </div>
        </fieldset>
      ))}

      {editable && (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          {problems.length > 0 && (
            <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="finalize-problems">
              <p className="font-medium">{t("meeting.cannotFinalize")}</p>
              <ul className="mt-1 list-disc pl-5">
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <ConfirmButton message={t("meeting.finalizeConfirm")} confirmLabel={t("cycle.confirm")} cancelLabel={t("cycle.cancel")} onConfirm={finalize} disabled={finalizing || autosave.status === "conflict"}>
            {finalizing ? t("common.saving") : t("meeting.finalize")}
          </ConfirmButton>
        </div>
      )}
    </form>
  );
}

function QuotaPanel({ groups, outcomes, cycle }: { groups: Props["groups"]; outcomes: { member: MeetingMember; level: Level | null }[]; cycle: Props["cycle"] }) {
  const t = useTranslations("meeting");
  return (
    <section aria-labelledby="quota-title" aria-live="polite" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="quota-title" className="text-base font-semibold text-slate-900">
        {t("quotaTitle")}
      </h2>
      {groups.map((g) => {
        const here = outcomes.filter((o) => o.member.peerGroupId === g.id);
        const excellent = g.excellentElsewhere + here.filter((o) => o.level === "EXCELLENT").length;
        const good = g.goodElsewhere + here.filter((o) => o.level === "GOOD").length;
        const rule = quotaRuleFor(cycle.ruleSet, g.ratePercent ? { ratePercent: g.ratePercent } : null);
        const check = checkQuota({ excellent, good }, cycle.quotaBase, g.ratePercent !== null, rule);
        return check.excess > 0 ? (
          <p key={g.id} className="text-sm font-medium text-red-700" data-testid="quota-line">
            {t("quotaExceeded", { group: g.name, excellent, good, max: check.maxExcellent, excess: check.excess })}
          </p>
        ) : (
          <p key={g.id} className="text-sm text-slate-800" data-testid="quota-line">
            {t("quotaLine", { group: g.name, excellent, good, max: check.maxExcellent, slots: check.maxExcellent - excellent })}
          </p>
        );
      })}
    </section>
  );
}

function Critiques({ index, control, register, editable }: { index: number; control: Control<MinutesContent>; register: UseFormRegister<MinutesContent>; editable: boolean }) {
  const t = useTranslations("meeting");
  const { fields, append, remove } = useFieldArray({ control, name: `reviews.${index}.critiques` });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("critiques")}</legend>
      {fields.map((field, n) => (
        <div key={field.id} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto]">
          <input aria-label={t("critiqueBy", { n: n + 1 })} disabled={!editable} className="block min-h-10 rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm" {...register(`reviews.${index}.critiques.${n}.by`)} />
          <input aria-label={t("critiqueText", { n: n + 1 })} disabled={!editable} className="block min-h-10 rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm" {...register(`reviews.${index}.critiques.${n}.text`)} />
          {editable && (
            <Button type="button" variant="ghost" onClick={() => remove(n)} aria-label={t("removeCritique", { n: n + 1 })}>
              ✕
            </Button>
          )}
        </div>
      ))}
      {editable && (
        <Button type="button" variant="secondary" onClick={() => append({ by: "", text: "" })}>
          {t("addCritique")}
        </Button>
      )}
    </fieldset>
  );
}

function Field({ label, ref, ...rest }: React.ComponentProps<"input"> & { label: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} ref={ref} className="block min-h-10 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm" {...rest} />
    </div>
  );
}

function Area({ label, ref, ...rest }: React.ComponentProps<"textarea"> & { label: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={id} ref={ref} rows={3} className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base leading-relaxed sm:text-sm" {...rest} />
    </div>
  );
}
