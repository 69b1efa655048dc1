"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { useAction, type FormStatus } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { quotaArithmetic, quotaRuleFor } from "@/lib/grading/quota";
import { getRuleSet, type RuleSetId } from "@/lib/grading/rule-sets";
import { LEVELS, type Level, type QuotaBase, type QuotaCheck } from "@/lib/grading/types";
import { formatIsoDate } from "@/lib/i18n/format";
import type { RecordState } from "@/lib/review/workflow";
import { QuotaOverrideForm } from "./quota-override-form";

// Pieces both decision desks share (the members' and the organizations'): the peer groups' 20 % cards,
// how a desk calls its actions and says what happened, the levels to choose from, and a button that asks
// for a reason before sending something back.

/** What both desks know of a record to decide: its state and version, and the levels proposed and decided so far. */
export type DecidableRecord = {
  recordId: string;
  peerGroupId: string | null;
  state: RecordState;
  version: number;
  selfLevel: Level | null;
  proposedLevel: Level | null;
  decidedLevel: Level | null;
  decisionReason: string | null;
};

/** A desk's choice for one record: the level it will decide, and the reason it gives. */
export type Choice = { level: Level | null; reason: string };

/** The changed records whose level departs from the proposal with no reason given: a decision that departs says why. */
export function reasonsMissing(changed: readonly DecidableRecord[], choices: Record<string, Choice>): DecidableRecord[] {
  return changed.filter((r) => choices[r.recordId].level !== r.proposedLevel && !choices[r.recordId].reason.trim());
}

/** The decisions a desk sends: each changed record at the version it was read, with its chosen level and reason. */
export function decisionsOf(changed: readonly DecidableRecord[], choices: Record<string, Choice>) {
  return changed.map((r) => ({
    recordId: r.recordId,
    expectedVersion: r.version,
    level: choices[r.recordId].level!,
    reason: choices[r.recordId].reason.trim(),
  }));
}

type Override = { decisionNo: string; decidedOn: string; issuer: string; ratePercent: number | null };

/** The peer groups' cards under their title; with no group at all, `emptyText` (or nothing). */
export function GroupQuotaSection({
  titleId,
  checks,
  cycle,
  emptyText,
  onOverrideRecorded,
}: {
  titleId: string;
  checks: { group: { id: string; name: string }; check: QuotaCheck; override?: Override }[];
  cycle: { ruleSet: RuleSetId; year: number; quotaBase: QuotaBase };
  emptyText?: string;
  onOverrideRecorded: (decisionNo: string, groupName: string) => void;
}) {
  const t = useTranslations("decide");
  if (checks.length === 0 && !emptyText) return null;
  return (
    <section aria-labelledby={titleId} aria-live="polite" className="space-y-3">
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {t("groupsTitle")}
      </h2>
      {checks.length === 0 ? <p className="text-sm text-slate-600">{emptyText}</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        {checks.map(({ group, check, override }) => (
          <GroupQuotaCard
            key={group.id}
            group={group}
            check={check}
            override={override}
            cycle={cycle}
            onOverrideRecorded={(no) => onOverrideRecorded(no, group.name)}
          />
        ))}
      </div>
    </section>
  );
}

/** A peer group's arithmetic as it stands with the desk's choices, how its cap is counted, its override, and the form to record one. */
export function GroupQuotaCard({
  group,
  check,
  override,
  cycle,
  onOverrideRecorded,
}: {
  group: { id: string; name: string };
  check: QuotaCheck;
  override?: Override;
  cycle: { ruleSet: RuleSetId; year: number; quotaBase: QuotaBase };
  /** The desk's own line (its sticky bar) says what was recorded, in place of what it said before. */
  onOverrideRecorded?: (decisionNo: string) => void;
}) {
  const t = useTranslations("decide");
  const rule = quotaRuleFor(cycle.ruleSet, override ? { ratePercent: override.ratePercent ?? undefined } : null);
  // A decision already at the highest rate the rules allow cannot be raised by another one.
  const highestRate = getRuleSet(cycle.ruleSet).quota.overrideRatePercent;
  const canRaise = !check.ok && !(override && highestRate !== null && (override.ratePercent ?? highestRate) >= highestRate);
  return (
    <div className={`space-y-2 rounded-lg border p-4 ${check.ok ? "border-slate-200 bg-white" : "border-red-300 bg-red-50"}`} data-testid="group-quota">
      <p className="font-medium text-slate-900">{group.name}</p>
      <p className={`text-sm ${check.ok ? "text-slate-800" : "font-medium text-red-800"}`}>
        {!check.ok
          ? t("quotaOver", { excellent: check.excellent, good: check.good, max: check.maxExcellent, excess: check.excess })
          : t("quotaLine", { excellent: check.excellent, good: check.good, max: check.maxExcellent, slots: Math.max(0, check.maxExcellent - check.excellent) })}
      </p>
      <QuotaExplanation check={check} quotaBase={cycle.quotaBase} ratePercent={rule.ratePercent} />
      {override ? (
        <p className="text-sm text-amber-900">
          <Badge tone="amber">{t("withDecision")}</Badge>{" "}
          {t("overrideLine", { no: override.decisionNo, date: formatIsoDate(override.decidedOn), issuer: override.issuer, rate: override.ratePercent ?? 20 })}
        </p>
      ) : null}
      {canRaise ? (
        <QuotaOverrideForm peerGroupId={group.id} groupName={group.name} raisesRate={highestRate !== null} year={cycle.year} onRecorded={onOverrideRecorded} />
      ) : null}
    </div>
  );
}

/**
 * Why the cap is what it is ("25 excellent / 57 good: at most 13" is not 20 % of 57): the terms come from
 * quotaArithmetic, the very arithmetic of maxExcellent, never restated here.
 */
function QuotaExplanation({ check, quotaBase, ratePercent }: { check: QuotaCheck; quotaBase: QuotaBase; ratePercent: number }) {
  const t = useTranslations("decide.quotaHow");
  const locale = useLocale();
  const a = quotaArithmetic(check.pool, quotaBase, ratePercent);
  const quotient = (a.exactHundredths / 100).toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 });
  const values = {
    pool: a.pool,
    excellent: check.excellent,
    good: check.good,
    rate: a.ratePercent,
    numerator: a.numerator,
    denominator: a.denominator,
    max: a.maxExcellent,
  };
  return (
    <details className="text-sm text-slate-700" data-testid="quota-how">
      <summary className="cursor-pointer font-medium text-slate-800 underline decoration-dotted underline-offset-4">
        {t("summary", { max: a.maxExcellent })}
      </summary>
      <div className="mt-2 space-y-1">
        <p>{quotaBase === "GOOD_ONLY" ? t("goodOnly", values) : t("goodAndExcellent", values)}</p>
        <p>{a.whole ? t("whole", values) : t("rounded", { ...values, quotient: a.moreDigits ? `${quotient}…` : quotient })}</p>
        <p>{t("small", { smallest: a.smallestPoolForOne })}</p>
      </div>
    </details>
  );
}

type Failure = { formError?: string; fieldErrors?: Record<string, string>; formValues?: Record<string, string | number>; errorId?: string };

/** The sentence for a refused save: the 20 % breach names its group and counts. */
export function useExplainFailure() {
  const t = useTranslations();
  return (result: Failure) =>
    result.formError === "QUOTA_EXCEEDED"
      ? t("errors.QUOTA_EXCEEDED", {
          group: result.fieldErrors?.group ?? "",
          excellent: result.fieldErrors?.excellent ?? "",
          max: result.fieldErrors?.max ?? "",
        })
      : t(`errors.${result.formError ?? "generic"}`, { ...result.formValues, id: result.errorId ?? "" });
}

/**
 * A desk's calls (save, publish, verify, send back): one pending state and one status line for all of
 * them, the page read again after each, and the rows a refused save names marked with why.
 */
export function useDeskAction() {
  const explain = useExplainFailure();
  const { run, pending, status, setStatus } = useAction();
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const call = <R,>(action: () => Promise<ActionResult<R>>, success: (data: R) => string) =>
    run(action, {
      success,
      refresh: true,
      onSuccess: () => setRowErrors({}),
      onFailure: (result) => setRowErrors(result.formError === "DECISIONS_REFUSED" || result.formError === "STALE_EDIT" ? (result.fieldErrors ?? {}) : {}),
      failure: explain,
    });
  return { call, pending, status, setStatus, rowErrors, setRowErrors };
}

/** The desk's sticky bar: what happened last (or how many changes wait), and its buttons. */
export function DeskBar({ status, idle, children }: { status: FormStatus; idle: string; children: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
      <div role="status" aria-live="polite" className="w-full min-w-0 text-sm sm:w-auto sm:flex-1">
        {status ? (
          <span className={status.tone === "success" ? "text-emerald-800" : "font-medium text-red-700"}>{status.message}</span>
        ) : (
          <span className="text-slate-600">{idle}</span>
        )}
      </div>
      {children}
    </div>
  );
}

/** The levels, best first; one above the highest the rules allow cannot be chosen (the server refuses it too). */
export function LevelOptions({ maxLevel }: { maxLevel: Level | null }) {
  const t = useTranslations("grading.levels");
  const maxIndex = maxLevel ? LEVELS.indexOf(maxLevel) : 0;
  return LEVELS.map((level, index) => (
    <option key={level} value={level} disabled={index < maxIndex}>
      {t(level)}
    </option>
  ));
}

/** A button that opens a reason field; sending needs a reason. */
export function ReasonButton({
  label,
  ariaLabel,
  reasonLabel,
  confirmLabel,
  cancelLabel,
  disabled,
  compact = false,
  onSend,
}: {
  label: string;
  ariaLabel?: string;
  reasonLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  disabled: boolean;
  /** In a table row: a quiet button and small type. */
  compact?: boolean;
  onSend: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <Button
        type="button"
        variant={compact ? "ghost" : "secondary"}
        className={compact ? "whitespace-nowrap" : ""}
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label={ariaLabel}
      >
        {label}
      </Button>
    );
  }
  return (
    <div className={compact ? "min-w-48 space-y-2" : "space-y-2"}>
      <Field label={reasonLabel} compact={compact}>
        <Textarea compact rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {cancelLabel}
        </Button>
        <Button
          type="button"
          disabled={disabled || reason.trim() === ""}
          onClick={() => {
            onSend(reason.trim());
            setOpen(false);
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
