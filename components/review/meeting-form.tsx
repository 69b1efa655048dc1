"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { ErrorList } from "@/components/forms/error-list";
import { Field, Textarea, TextInput } from "@/components/forms/field";
import { TextField } from "@/components/forms/text-field";
import { useAction } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { reportHref } from "@/components/reports/report-href";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { finalizeMeetingAction, saveMinutesDraftAction } from "@/lib/actions/meetings";
import type { ActionResult } from "@/lib/actions/result";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { levelRefusal } from "@/lib/grading/refusal";
import { checkQuota, quotaRuleFor } from "@/lib/grading/quota";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { LEVELS, type Level, type QuotaBase } from "@/lib/grading/types";
import { recordSubject, type MemberStanding, type StoredRecordFacts } from "@/lib/review/facts";
import { adoptedLevel, quorum, type MeetingRules, type Tally } from "@/lib/review/meeting";
import type { MinutesContent } from "@/lib/schemas/meetings";
import { AutosaveBanner } from "./autosave-banner";
import { useAutosave, useSaveOnChange, type SaveOutcome } from "./use-autosave";

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
  finalized: boolean;
};

const EMPTY_TALLY: Tally = { EXCELLENT: 0, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0 };
const cast = (tally: Tally | null | undefined) => (tally ? LEVELS.reduce((n, level) => n + (Number(tally[level]) || 0), 0) : 0);

/**
 * Attendance as the secretary marks it: nobody is presumed present or absent. The minutes store only
 * the marks made; finalizing counts a member with no mark as absent (lib/data/meetings), and the page
 * says so while any are left.
 */
type Mark = "" | "present" | "absent";
type FormMinutes = Omit<MinutesContent, "attendance"> & { attendance: { memberId: string; mark: Mark; absenceReason: string }[] };

/** States in which no vote is taken at this meeting: no self-review yet, absent earlier, not rated. */
const NOT_VOTED_STATES = ["DRAFT", "RETURNED", "ABSENT", "NOT_RATED"];
const hasSelfReview = (m: MeetingMember) => m.state !== "DRAFT" && m.state !== "RETURNED";
/** The meeting votes on a member present with a submitted self-review (after the vote: reviewed and on). */
const votable = (m: MeetingMember, mark: Mark | undefined) => mark === "present" && !NOT_VOTED_STATES.includes(m.state);

const hasText = (r: MinutesContent["reviews"][number]) =>
  r.selfReviewSummary.trim() !== "" || r.critiques.some((c) => c.text.trim() !== "" || c.by.trim() !== "");

/** From what the server holds (or an older copy on this device) to the form: one attendance row and one review per member. */
function toForm(content: MinutesContent | FormMinutes, members: MeetingMember[]): FormMinutes {
  const attendance = new Map<string, { mark?: Mark; present?: boolean; absenceReason?: string }>(content.attendance.map((a) => [a.memberId, a]));
  const reviews = new Map(content.reviews.map((r) => [r.memberId, r]));
  return {
    ...content,
    attendance: members.map((m) => {
      const a = attendance.get(m.memberId);
      const mark: Mark = a?.mark ?? (a?.present === true ? "present" : a?.present === false ? "absent" : "");
      return { memberId: m.memberId, mark, absenceReason: a?.absenceReason ?? "" };
    }),
    reviews: members.map((m) => {
      const r = reviews.get(m.memberId);
      return { memberId: m.memberId, selfReviewSummary: r?.selfReviewSummary ?? "", critiques: r?.critiques ?? [], vote: r?.vote ?? { ...EMPTY_TALLY } };
    }),
  };
}

/**
 * What is saved: the marks made, and the review of each member voted on — a tally only once a vote is
 * cast. A member not voted on (absent, unmarked, no self-review) keeps what was typed about them but no
 * tally, so finalizing never counts a vote the page does not show.
 */
function toStored(content: FormMinutes, members: MeetingMember[]): MinutesContent {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const marks = new Map(content.attendance.map((a) => [a.memberId, a.mark]));
  return {
    ...content,
    attendance: content.attendance
      .filter((a) => a.mark === "present" || a.mark === "absent")
      .map((a) => ({ memberId: a.memberId, present: a.mark === "present", absenceReason: a.mark === "absent" ? a.absenceReason : "" })),
    reviews: content.reviews.flatMap((r) => {
      const m = byId.get(r.memberId);
      if (!m) return [];
      if (votable(m, marks.get(r.memberId))) return [{ ...r, vote: r.vote && cast(r.vote) > 0 ? r.vote : null }];
      return hasText(r) ? [{ ...r, vote: null }] : [];
    }),
  };
}

export function MeetingForm(props: Props) {
  const { cellId, cycle, rules, members, groups, editable, finalized } = props;
  const t = useTranslations();
  const initial = useMemo(() => toForm(props.minutes, members), [props.minutes, members]);
  const form = useForm<FormMinutes>({ defaultValues: initial });
  const values = useWatch({ control: form.control }) as FormMinutes;
  const finalizer = useAction();

  const save = useCallback(
    async (baseVersion: number, content: FormMinutes): Promise<ActionResult<SaveOutcome<FormMinutes>>> => {
      const result = await saveMinutesDraftAction({ cellId, baseVersion, content: toStored(content, members) });
      if (!result.ok || result.data.saved) return result as ActionResult<SaveOutcome<FormMinutes>>;
      // The newer text another tab saved comes back as stored; the form shows it with its marks.
      return { ok: true, data: { saved: false, conflict: { ...result.data.conflict, content: toForm(result.data.conflict.content, members) } } };
    },
    [cellId, members],
  );
  const restore = useCallback((content: FormMinutes) => form.reset(toForm(content, members)), [form, members]);
  const autosave = useAutosave<FormMinutes>({
    storageKey: `minutes:${cellId}:${cycle.year}`,
    initialVersion: props.version,
    initialSavedAt: props.savedAt ? new Date(props.savedAt) : null,
    serverContent: initial,
    save,
    onRestore: restore,
    enabled: editable,
  });
  const { changed } = autosave;
  useSaveOnChange(form, changed);

  const byId = useMemo(() => new Map(members.map((m) => [m.memberId, m])), [members]);
  const attendanceRows = values.attendance ?? [];
  const marks = new Map(attendanceRows.map((a) => [a.memberId, a.mark]));
  const unmarked = attendanceRows.filter((a) => !a.mark).length;
  const q = quorum(
    attendanceRows.map((a) => {
      const m = byId.get(a.memberId)!;
      return { memberId: a.memberId, official: m.official, status: m.status, present: a.mark === "present" };
    }),
    rules,
  );
  const submittedUnmarked = members.filter((m) => m.state === "SUBMITTED" && !marks.get(m.memberId));
  /** The secretary's shortcut: those who submitted a self-review came (each mark can still be changed). */
  const markSubmittedPresent = () => {
    const ids = new Set(submittedUnmarked.map((m) => m.memberId));
    form.getValues("attendance").forEach((a, i) => {
      if (ids.has(a.memberId)) form.setValue(`attendance.${i}.mark`, "present");
    });
    changed(form.getValues());
  };

  const outcomes = (values.reviews ?? []).flatMap((review, index) => {
    const m = byId.get(review.memberId)!;
    if (!votable(m, marks.get(m.memberId))) return [];
    const tally = review.vote ? (Object.fromEntries(LEVELS.map((l) => [l, Number(review.vote![l]) || 0])) as Tally) : null;
    const adoption = tally && cast(tally) > 0 ? adoptedLevel(tally, q, rules) : null;
    const level = adoption?.level ?? null;
    const verdict = evaluateSubject(recordSubject(m.standing, m.facts, { peerGroup: m.peerGroupId ?? "", proposed: level ?? m.selfLevel ?? "NOT_COMPLETED" }), {
      ruleSet: cycle.ruleSet,
      ratingDate: cycle.ratingDate,
    });
    // What the server will refuse at finalization, said as the tally is typed.
    const refusal = level ? levelRefusal(verdict, level) : null;
    return [{ index, member: m, tally, adoption, level, verdict, refusal }];
  });
  const notVoted = members.filter((m) => !votable(m, marks.get(m.memberId)));

  // What is on the screen is saved first: the server finalizes the version it holds.
  const finalize = () =>
    finalizer.run(
      async () => {
        await autosave.flush();
        return finalizeMeetingAction({ cellId, expectedVersion: autosave.currentVersion() });
      },
      { onSuccess: () => localStorage.removeItem(`minutes:${cellId}:${cycle.year}`), refresh: true },
    );
  const finalizing = finalizer.pending;
  // Each member's problem, linked to their review when it is on the page; else the refusal's own message.
  const votedOn = new Set(outcomes.map((o) => o.member.memberId));
  const listed = Object.entries(finalizer.fieldErrors).map(([key, code]) => {
    // Nothing typed yet: the server holds no minutes to finalize.
    if (key === "meeting") return { message: t("meeting.nothingSaved") };
    const memberId = key.slice(code.length + 1);
    return {
      message: t(`meeting.problems.${code}`, { name: byId.get(memberId)?.fullName ?? "" }),
      fieldId: votedOn.has(memberId) ? `summary-${memberId}` : undefined,
    };
  });
  const problems = finalizer.status?.tone !== "error" ? [] : listed.length ? listed : [{ message: finalizer.status.message }];

  return (
    <form className="space-y-6" onSubmit={(e) => e.preventDefault()} noValidate>
      <MinutesFiles cellId={cellId} saved={autosave.savedAt !== null} finalized={finalized} />
      {editable && <AutosaveBanner {...autosave} />}

      <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("meeting.details")}</legend>
        <TextField label={t("meeting.heldOn")} type="date" disabled={!editable} {...form.register("heldOn")} />
        <TextField label={t("meeting.place")} disabled={!editable} {...form.register("place")} />
        <TextField label={t("meeting.chairName")} disabled={!editable} {...form.register("chairName")} />
        <TextField label={t("meeting.recorderName")} disabled={!editable} {...form.register("recorderName")} />
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("meeting.attendance")}</legend>
        <div aria-live="polite" className="space-y-1">
          <p className={`text-sm font-medium ${q.met ? "text-emerald-800" : "text-amber-900"}`} data-testid="quorum">
            {unmarked === attendanceRows.length
              ? t("meeting.attendanceNotTaken", { required: q.required, needed: q.needed })
              : `${t("meeting.quorum", { present: q.present, required: q.required, needed: q.needed })} ${q.met ? t("meeting.quorumMet") : t("meeting.quorumNotMet")}`}
          </p>
          {unmarked > 0 && unmarked < attendanceRows.length && (
            <p className="text-sm text-amber-900" data-testid="unmarked">
              {t("meeting.unmarked", { count: unmarked })}
            </p>
          )}
        </div>
        <p className="text-sm text-slate-600" data-testid="vote-rule">
          {t("meeting.voteRule", { baseKind: rules.adoptionBase })}
        </p>
        {editable && submittedUnmarked.length > 0 && (
          <Button type="button" variant="secondary" onClick={markSubmittedPresent}>
            {t("meeting.markSubmittedPresent", { count: submittedUnmarked.length })}
          </Button>
        )}
        <ul className="divide-y divide-slate-100">
          {attendanceRows.map((a, i) => {
            const m = byId.get(a.memberId)!;
            return (
              <li key={a.memberId} className="grid gap-2 py-2 sm:grid-cols-[1fr_auto] sm:items-center">
                <div className="text-sm">
                  <span className="font-medium text-slate-900" id={`attendee-${a.memberId}`}>
                    {m.fullName}
                  </span>{" "}
                  <Badge tone={m.official ? "neutral" : "amber"}>{m.official ? t("meeting.official") : t("meeting.probationary")}</Badge>
                  {m.status !== "ACTIVE" && (
                    <span className="ml-2 text-xs text-slate-600">
                      {t(`memberStatus.${m.status}`)} · {t("meeting.notCounted")}
                    </span>
                  )}
                  {!hasSelfReview(m) && (
                    <span className="ml-2 text-xs text-slate-600">
                      {t(m.state === "RETURNED" ? "meeting.notVotedReasons.returned" : "meeting.notVotedReasons.noSelfReview")}
                    </span>
                  )}
                </div>
                <div role="radiogroup" aria-labelledby={`attendee-${a.memberId}`} className="flex gap-2">
                  {(["present", "absent"] as const).map((mark) => (
                    <label
                      key={mark}
                      className="flex min-h-11 flex-1 cursor-pointer items-center justify-center gap-2 rounded-lg border border-slate-300 px-3 text-sm has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-medium has-disabled:cursor-default sm:flex-none"
                    >
                      <input type="radio" value={mark} className="size-4" disabled={!editable} {...form.register(`attendance.${i}.mark`)} />
                      {t(mark === "present" ? "meeting.markPresent" : "meeting.markAbsent")}
                    </label>
                  ))}
                </div>
                {a.mark === "absent" && (
                  <TextInput
                    aria-label={t("meeting.absenceReason", { name: m.fullName })}
                    placeholder={t("meeting.absenceReason", { name: "" }).trim()}
                    disabled={!editable}
                    className="sm:col-span-2"
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
        <Field label={t("meeting.collectiveReviewLabel")}>
          <Textarea disabled={!editable} {...form.register("collectiveReview")} />
        </Field>
      </fieldset>

      <QuotaPanel groups={groups} outcomes={outcomes} cycle={cycle} />

      <h2 className="text-lg font-semibold text-slate-900">{t("meeting.memberReviews")}</h2>
      {outcomes.length === 0 && (
        <p className="text-sm text-slate-700" data-testid="no-votes">
          {t("meeting.nobodyToVote")}
        </p>
      )}
      {outcomes.map(({ index: i, member, tally, adoption, verdict, refusal }) => (
        <fieldset key={member.memberId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-${member.memberId}`}>
          <legend className="px-1 text-base font-semibold text-slate-900">{member.fullName}</legend>
          <p className="flex flex-wrap gap-2 text-sm text-slate-700">
            <Badge>{t(`recordStates.${member.state}`)}</Badge>
            <span>{member.selfLevel ? t("meeting.selfLevel", { level: t(`grading.levels.${member.selfLevel}`) }) : t("meeting.noSelfLevel")}</span>
          </p>
          <Field label={t("meeting.summary", { name: member.fullName })} id={`summary-${member.memberId}`}>
            <Textarea disabled={!editable} {...form.register(`reviews.${i}.selfReviewSummary`)} />
          </Field>
          <Critiques index={i} control={form.control} register={form.register} editable={editable} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">{t("meeting.tally")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {LEVELS.map((l) => (
                <label key={l} className="text-xs text-slate-700">
                  <span className="mb-1 block">{t(`grading.levelsShort.${l}`)}</span>
                  <TextInput
                    type="number"
                    inputMode="numeric"
                    min={0}
                    aria-label={t("meeting.tallyFor", { level: t(`grading.levels.${l}`), name: member.fullName })}
                    disabled={!editable}
                    tall
                    className="text-right"
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
                {t("meeting.adopted", {
                  level: t(`grading.levels.${adoption.level}`),
                  votes: tally[adoption.level],
                  base: rules.adoptionBase === "PRESENT" ? q.present : q.required,
                  baseKind: rules.adoptionBase,
                  needed: adoption.needed,
                })}
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

      {notVoted.length > 0 && (
        <section aria-labelledby="not-voted-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="not-voted">
          <h3 id="not-voted-title" className="text-base font-semibold text-slate-900">
            {t("meeting.notVotedTitle", { count: notVoted.length })}
          </h3>
          <p className="mt-1 text-sm text-slate-600">{t("meeting.notVotedHint")}</p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {notVoted.map((m) => {
              const mark = marks.get(m.memberId);
              return (
                <li key={m.memberId} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <span className="font-medium text-slate-900">{m.fullName}</span>
                  <span className={!hasSelfReview(m) && mark === "present" ? "font-medium text-red-700" : "text-slate-700"}>{notVotedReason(m, mark, t)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {editable && (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          {unmarked > 0 && <p className="text-sm text-amber-900">{t("meeting.unmarkedAtFinalize", { count: unmarked })}</p>}
          <ErrorList title={t("meeting.cannotFinalize")} errors={problems} testId="finalize-problems" />
          <ConfirmButton
            message={t("meeting.finalizeConfirm")}
            confirmLabel={t("cycle.confirm")}
            cancelLabel={t("cycle.cancel")}
            onConfirm={finalize}
            disabled={finalizing || autosave.status === "conflict"}
          >
            {finalizing ? t("common.saving") : t("meeting.finalize")}
          </ConfirmButton>
        </div>
      )}
    </form>
  );
}

/** Why a member is not voted on at this meeting, and what finalizing will do about it. */
function notVotedReason(m: MeetingMember, mark: Mark | undefined, t: ReturnType<typeof useTranslations>): string {
  const reasons: string[] = [];
  if (m.state === "NOT_RATED")
    reasons.push(
      m.notRatedReason
        ? t("meeting.notVotedReasons.notRatedBecause", { reason: t(`notRatedReasons.${m.notRatedReason}`) })
        : t("meeting.notVotedReasons.notRated"),
    );
  else if (m.state === "ABSENT") reasons.push(t("meeting.notVotedReasons.absentEarlier"));
  else if (!hasSelfReview(m)) reasons.push(t(m.state === "RETURNED" ? "meeting.notVotedReasons.returned" : "meeting.notVotedReasons.noSelfReview"));
  if (m.state !== "NOT_RATED" && m.state !== "ABSENT") {
    if (mark === "absent") reasons.push(t("meeting.notVotedReasons.absent"));
    else if (!mark) reasons.push(t("meeting.notVotedReasons.unmarked"));
    else if (!hasSelfReview(m)) reasons.push(t("meeting.notVotedReasons.presentWithoutSelfReview"));
  }
  return reasons.join(" · ");
}

/**
 * Where the secretary takes the minutes away: the print view and the PDF and Word files (the same
 * document), once something is saved — a draft says it is one on every copy until it is finalized.
 */
function MinutesFiles({ cellId, saved, finalized }: { cellId: string; saved: boolean; finalized: boolean }) {
  const t = useTranslations("meeting");
  const file = (format: "pdf" | "docx") => reportHref("/reports/documents/minutes", { unit: cellId, format });
  return (
    <section aria-labelledby="minutes-files-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="minutes-files">
      <h2 id="minutes-files-title" className="text-base font-semibold text-slate-900">
        {t("minutesFiles")}
      </h2>
      {saved || finalized ? (
        <>
          <p className="mt-1 text-sm text-slate-700">{finalized ? t("minutesFinalNote") : t("minutesDraftNote")}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ButtonLink href={`/units/${cellId}/meeting/print`}>{t("print")}</ButtonLink>
            <a href={file("pdf")} className={buttonClass("secondary")} data-testid="minutes-pdf" download>
              <span aria-hidden>⤓</span>
              {t("downloadPdf")}
            </a>
            <a href={file("docx")} className={buttonClass("secondary")} data-testid="minutes-docx" download>
              <span aria-hidden>⤓</span>
              {t("downloadDocx")}
            </a>
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{t("minutesNotYet")}</p>
      )}
    </section>
  );
}

function QuotaPanel({
  groups,
  outcomes,
  cycle,
}: {
  groups: Props["groups"];
  outcomes: { member: MeetingMember; level: Level | null }[];
  cycle: Props["cycle"];
}) {
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

function Critiques({
  index,
  control,
  register,
  editable,
}: {
  index: number;
  control: Control<FormMinutes>;
  register: UseFormRegister<FormMinutes>;
  editable: boolean;
}) {
  const t = useTranslations("meeting");
  const { fields, append, remove } = useFieldArray({ control, name: `reviews.${index}.critiques` });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("critiques")}</legend>
      {fields.map((field, n) => (
        <div key={field.id} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto]">
          <TextInput aria-label={t("critiqueBy", { n: n + 1 })} disabled={!editable} {...register(`reviews.${index}.critiques.${n}.by`)} />
          <TextInput aria-label={t("critiqueText", { n: n + 1 })} disabled={!editable} {...register(`reviews.${index}.critiques.${n}.text`)} />
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
