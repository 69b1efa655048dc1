"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Field, Select, Textarea } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { decideUnitsAction, publishUnitsAction, returnUnitAction, verifyUnitAction } from "@/lib/actions/unit-ratings";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { quotaRuleFor } from "@/lib/grading/quota";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { LEVELS, type Level, type LevelOrNotRated, type QuotaBase, type SubjectVerdict } from "@/lib/grading/types";
import { decidedGroupCheck, type GroupMember } from "@/lib/review/decisions";
import { organizationSubject, type StoredOrganizationFacts } from "@/lib/review/facts";
import type { OrderGap } from "@/lib/review/order-of-work";
import type { CollectiveReport } from "@/lib/review/collective-report";
import type { ScoreSheetContent } from "@/lib/grading/score-sheet";
import type { DeskGroup } from "./decision-desk";
import {
  decisionsOf,
  DeskBar,
  GroupQuotaSection,
  reasonsMissing,
  type Choice,
  type DecidableRecord,
  LevelOptions,
  ReasonButton,
  useDeskAction,
} from "./decision-parts";
import { LevelBadge } from "./level-badge";
import { RerateForm } from "./rerate-card";
import { TaskCapLines, type TaskCapSource } from "./task-cap-lines";
import { UnitSelfRatingForm } from "./unit-self-rating-form";

export type DeskUnit = DecidableRecord & {
  organizationId: string;
  name: string;
  code: string;
  kind: "SUBORDINATE" | "GRASSROOTS";
  own: boolean;
  verificationNote: string | null;
  establishedOn: string;
  facts: StoredOrganizationFacts;
  subordinateLevels: LevelOrNotRated[];
  transitions: string[];
  /** A locality's organization: it answers for the five socio-economic targets. */
  answersForTargets: boolean;
  /** Its own self-rating's gaps in the order of the review (the committee's own organization only). */
  orderGaps: OrderGap[];
  scoreItems: Record<string, number>;
  report: CollectiveReport;
  canProposeRerate: boolean;
  /** The tasks behind a task cap, under a cycle that counts the tasks from the register. */
  taskCaps?: TaskCapSource | null;
  /** The committee's own organization under a register cycle: its four task numbers as counted. */
  register?: (TaskCapSource & { canRead: boolean }) | null;
};

/** The standing committee orders a published unit rated again; the board may only propose it (366 Điều 15). */
function rerateMode(u: DeskUnit): "order" | "propose" | null {
  if (u.state === "PUBLISHED" && u.transitions.includes("startRereview")) return "order";
  return u.canProposeRerate ? "propose" : null;
}

type Props = {
  organizationId: string;
  cycle: { year: number; ruleSet: RuleSetId; ratingDate: string; quotaBase: QuotaBase };
  groups: DeskGroup[];
  units: DeskUnit[];
  canPublish: boolean;
  /** The cycle's sheet for organizations, for the committee's own self-rating. */
  sheet: ScoreSheetContent | null;
  /** Today in Vietnam (yyyy-mm-dd): a decision's default date. */
  today: string;
};

const DECIDE = ["approve", "decideUnit"];

/**
 * The units' desk: a committee's own self-rating, the upper board's verification, and the decisions on
 * units under the 20 % rule per peer group — each control offered only where the workflow allows it.
 */
export function UnitDesk({ organizationId, cycle, groups, units, canPublish, sheet, today }: Props) {
  const t = useTranslations("decideOrgs");
  const tAll = useTranslations();
  const { call, pending, status, setStatus, rowErrors: errors, setRowErrors: setErrors } = useDeskAction();
  const decidable = units.filter((u) => u.transitions.some((n) => DECIDE.includes(n)));
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(decidable.map((u) => [u.recordId, { level: u.decidedLevel ?? u.proposedLevel, reason: u.decisionReason ?? "" }])),
  );

  const verdicts = useMemo(
    () =>
      new Map<string, SubjectVerdict>(
        units.map((u) => [
          u.recordId,
          evaluateSubject(
            organizationSubject(u.recordId, u.facts, {
              peerGroup: u.peerGroupId ?? "",
              proposed: u.proposedLevel ?? "GOOD",
              subordinateLevels: u.subordinateLevels,
              establishedOn: u.establishedOn,
            }),
            {
              ruleSet: cycle.ruleSet,
              ratingDate: cycle.ratingDate,
            },
          ),
        ]),
      ),
    [units, cycle.ruleSet, cycle.ratingDate],
  );

  const groupChecks = groups.map((g) => {
    const members: GroupMember[] = units
      .filter((u) => u.peerGroupId === g.id)
      .map((u) =>
        choices[u.recordId]?.level
          ? { state: "DECIDED", proposedLevel: u.proposedLevel, decidedLevel: choices[u.recordId].level }
          : { state: u.state, proposedLevel: u.proposedLevel, decidedLevel: u.decidedLevel },
      );
    const override = g.overrides[0];
    return {
      group: g,
      override,
      check: decidedGroupCheck(
        members,
        cycle.quotaBase,
        override !== undefined,
        quotaRuleFor(cycle.ruleSet, override ? { ratePercent: override.ratePercent ?? undefined } : null),
      ),
    };
  });

  const changed = decidable.filter((u) => {
    const c = choices[u.recordId];
    return c?.level && (u.state !== "DECIDED" || c.level !== u.decidedLevel || c.reason !== (u.decisionReason ?? ""));
  });

  const run = (action: () => Promise<ActionResult<unknown>>, success: string) => call(action, () => success);

  const save = () => {
    const missing = reasonsMissing(changed, choices);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((u) => [u.recordId, "DECISION_REASON_REQUIRED"])));
      setStatus({ tone: "error", message: tAll("decide.reasonsMissing", { count: missing.length }) });
      return;
    }
    run(() => decideUnitsAction({ organizationId, decisions: decisionsOf(changed, choices) }), tAll("decide.saved", { count: changed.length }));
  };

  const decidedCount = units.filter((u) => u.state === "DECIDED").length;

  return (
    <div className="space-y-6">
      <GroupQuotaSection
        titleId="unit-groups"
        checks={groupChecks}
        cycle={cycle}
        onOverrideRecorded={(no, group) => setStatus({ tone: "success", message: tAll("decide.override.recorded", { no, group }) })}
      />

      {units.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("empty")}</p> : null}

      <ul className="space-y-3" aria-label={t("listLabel")}>
        {units.map((u) => {
          const verdict = verdicts.get(u.recordId)!;
          const choice = choices[u.recordId];
          const canDecide = u.transitions.some((n) => DECIDE.includes(n));
          const counts = LEVELS.map((level) => [level, u.subordinateLevels.filter((l) => l === level).length] as const).filter(([, n]) => n > 0);
          return (
            <li key={u.recordId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="unit-row" data-unit={u.code}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold text-slate-900">{u.name}</h3>
                <span className="text-xs text-slate-500">{u.code}</span>
                <Badge tone="brand">{tAll(`decideOrgs.states.${u.kind}.${u.state}`)}</Badge>
                {u.own ? <Badge tone="neutral">{t("ownUnit")}</Badge> : null}
              </div>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-500">{u.kind === "GRASSROOTS" ? t("selfLevel") : t("cellProposal")}</dt>
                  <dd>{u.selfLevel ? <LevelBadge level={u.selfLevel} /> : "—"}</dd>
                </div>
                {u.kind === "GRASSROOTS" ? (
                  <div>
                    <dt className="text-xs text-slate-500">{t("boardProposal")}</dt>
                    <dd>
                      {u.verificationNote && u.proposedLevel ? <LevelBadge level={u.proposedLevel} /> : "—"}
                      {u.verificationNote ? <p className="mt-1 text-xs text-slate-700">{u.verificationNote}</p> : null}
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-xs text-slate-500">{t("subordinates")}</dt>
                  <dd className="text-xs text-slate-700">
                    {counts.length ? counts.map(([level, n]) => `${n} ${tAll(`grading.levels.${level}`)}`).join(" · ") : "—"}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t("rules")}</dt>
                  <dd className="text-xs text-slate-700">
                    {verdict.maxLevel ? (
                      <span>
                        {tAll("decide.maxLevel")} <LevelBadge level={verdict.maxLevel} />
                      </span>
                    ) : null}
                    {verdict.reasons.length ? (
                      <ul className="mt-1 list-disc pl-4">
                        {verdict.reasons.map((code) => (
                          <li key={code}>
                            {tAll(`grading.reasons.${code}`)}
                            <TaskCapLines code={code} reasons={verdict.reasons} source={u.taskCaps} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </dd>
                </div>
                {u.decidedLevel ? (
                  <div>
                    <dt className="text-xs text-slate-500">{t("decided")}</dt>
                    <dd>
                      <LevelBadge level={u.decidedLevel} />
                    </dd>
                  </div>
                ) : null}
              </dl>

              {u.transitions.includes("selfRate") || u.transitions.includes("proposeUnit") ? (
                <UnitSelfRatingForm
                  recordId={u.recordId}
                  version={u.version}
                  facts={u.facts}
                  level={u.selfLevel}
                  kind={u.kind}
                  verdict={{ facts: u.facts, subordinateLevels: u.subordinateLevels, establishedOn: u.establishedOn, peerGroup: u.peerGroupId ?? "" }}
                  cycle={cycle}
                  answersForTargets={u.answersForTargets}
                  orderGaps={u.orderGaps}
                  sheet={sheet}
                  scoreItems={u.scoreItems}
                  report={u.report}
                  register={u.register}
                />
              ) : null}

              {u.transitions.includes("verify") ? (
                <VerifyForm
                  unit={u}
                  maxLevel={verdict.maxLevel}
                  pending={pending}
                  onVerify={(level, note) => run(() => verifyUnitAction({ recordId: u.recordId, expectedVersion: u.version, level, note }), t("verified"))}
                />
              ) : null}

              {canDecide && choice ? (
                <div className="grid gap-2 sm:grid-cols-2">
                  <Field label={t("decisionFor", { name: u.name })}>
                    <Select
                      value={choice.level ?? ""}
                      onChange={(e) => {
                        const level = e.target.value as Level;
                        setChoices({ ...choices, [u.recordId]: { level, reason: level === u.proposedLevel ? "" : choice.reason } });
                      }}
                    >
                      <LevelOptions maxLevel={verdict.maxLevel} />
                    </Select>
                  </Field>
                  {choice.level !== u.proposedLevel ? (
                    <Field label={tAll("decide.reasonFor", { name: u.name })}>
                      <Textarea
                        compact
                        rows={2}
                        value={choice.reason}
                        onChange={(e) => setChoices({ ...choices, [u.recordId]: { ...choice, reason: e.target.value } })}
                        aria-invalid={errors[u.recordId] ? true : undefined}
                      />
                    </Field>
                  ) : null}
                  {errors[u.recordId] ? (
                    <p className="text-sm font-medium text-red-700 sm:col-span-2">{tAll(`decide.rowErrors.${errors[u.recordId]}`)}</p>
                  ) : null}
                </div>
              ) : null}

              {/* A published result reopens only by a decision to rate it again (366 Điều 15): the standing committee records it. */}
              {rerateMode(u) ? (
                <details className="rounded-lg border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium text-slate-900">
                    {tAll(rerateMode(u) === "order" ? "rerate.orderTitle" : "rerate.proposeTitle")}
                  </summary>
                  <div className="mt-2">
                    <RerateForm recordId={u.recordId} mode={rerateMode(u)!} today={today} />
                  </div>
                </details>
              ) : null}
              {u.state !== "PUBLISHED" && u.transitions.some((n) => ["returnRating", "sendBackRating", "sendBackUnit"].includes(n)) ? (
                <ReturnForm
                  name={u.name}
                  pending={pending}
                  onReturn={(reason) => run(() => returnUnitAction({ recordId: u.recordId, expectedVersion: u.version, reason }), t("returned"))}
                />
              ) : null}
            </li>
          );
        })}
      </ul>

      {decidable.length > 0 || canPublish ? (
        <DeskBar status={status} idle={tAll("decide.changes", { count: changed.length })}>
          {decidable.length > 0 ? (
            <Button type="button" onClick={save} disabled={pending || changed.length === 0}>
              {tAll("decide.save", { count: changed.length })}
            </Button>
          ) : null}
          {canPublish ? (
            <ConfirmButton
              message={t("publishConfirm", { count: decidedCount })}
              confirmLabel={tAll("decide.publish")}
              cancelLabel={tAll("decide.cancel")}
              onConfirm={() => run(() => publishUnitsAction({ organizationId }), t("published"))}
              disabled={pending || decidedCount === 0 || changed.length > 0}
            >
              {tAll("decide.publish")}
            </ConfirmButton>
          ) : null}
        </DeskBar>
      ) : status ? (
        <p role="status" className={status.tone === "success" ? "text-sm text-emerald-800" : "text-sm font-medium text-red-700"}>
          {status.message}
        </p>
      ) : null}
    </div>
  );
}

function VerifyForm({
  unit,
  maxLevel,
  pending,
  onVerify,
}: {
  unit: DeskUnit;
  maxLevel: Level | null;
  pending: boolean;
  onVerify: (level: Level, note: string) => void;
}) {
  const t = useTranslations("decideOrgs");
  const [level, setLevel] = useState<Level>(unit.proposedLevel ?? "GOOD");
  const [note, setNote] = useState(unit.verificationNote ?? "");
  return (
    <div className="grid gap-2 rounded-lg bg-slate-50 p-3 sm:grid-cols-2">
      <Field label={t("verifyLevel", { name: unit.name })}>
        <Select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
          <LevelOptions maxLevel={maxLevel} />
        </Select>
      </Field>
      <Field label={t("verifyNote")}>
        <Textarea compact rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="button" disabled={pending || note.trim() === ""} onClick={() => onVerify(level, note.trim())}>
          {t("verify")}
        </Button>
      </div>
    </div>
  );
}

function ReturnForm({ name, pending, onReturn }: { name: string; pending: boolean; onReturn: (reason: string) => void }) {
  const t = useTranslations("decideOrgs");
  return (
    <ReasonButton
      label={t("return")}
      reasonLabel={t("returnReason", { name })}
      confirmLabel={t("returnConfirm")}
      cancelLabel={t("cancel")}
      disabled={pending}
      onSend={onReturn}
    />
  );
}
