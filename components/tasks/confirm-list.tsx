"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { confirmTasksAction, returnTaskAction } from "@/lib/actions/tasks";
import { formatIsoDate } from "@/lib/i18n/format";

/** A result waiting for confirmation, as the list shows it (the product's text cut to its first lines). */
export type ResultRow = {
  id: string;
  version: number;
  title: string;
  subjectName: string;
  subjectKind: "MEMBER" | "ORGANIZATION";
  unitName: string | null;
  dueOn: string;
  outcome: "DONE" | "NOT_DONE" | null;
  doneOn: string | null;
  product: string;
  productLink: string | null;
  files: number;
  exceeded: boolean;
  exceededGrounds: string | null;
  notDoneReason: string | null;
  forceMajeure: boolean;
  reportedAt: string | null;
};

/**
 * The confirmer's list: one card per result (readable at 390 px without a sideways scroll), ticked and
 * confirmed together after a confirmation step, or one sent back with the reason its keeper will read.
 * Each result is confirmed at the version shown: one changed meanwhile refuses the lot (STALE_EDIT).
 */
export function ConfirmList({ rows }: { rows: ResultRow[] }) {
  const t = useTranslations("tasks.confirmList");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const { run, pending, status } = useAction();
  const chosen = rows.filter((row) => selected.has(row.id));
  const allChosen = chosen.length === rows.length;
  const countId = useId();

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirmChosen = () => {
    setNotice(null);
    run(() => confirmTasksAction({ tasks: chosen.map((row) => ({ taskId: row.id, expectedVersion: row.version })) }), {
      refresh: true,
      success: ({ confirmed }) => t("confirmed", { count: confirmed }),
      onSuccess: () => setSelected(new Set()),
    });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={allChosen}
            onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
          />
          {t("selectAll")}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <span id={countId} className="text-sm text-slate-600" aria-live="polite">
            {t("selected", { count: chosen.length })}
          </span>
          <ConfirmButton
            message={t("confirmMessage", { count: chosen.length })}
            confirmLabel={t("confirmButton")}
            cancelLabel={t("cancel")}
            onConfirm={confirmChosen}
            disabled={pending || chosen.length === 0}
            describedBy={countId}
          >
            {t("confirmSelected")}
          </ConfirmButton>
        </div>
      </div>
      <FormAlert message={status?.message} tone={status?.tone} />
      <FormAlert message={notice ?? undefined} tone="success" />
      <p className="text-sm text-slate-600">{t("count", { count: rows.length })}</p>
      <ul className="space-y-3" aria-label={t("listLabel")}>
        {rows.map((row) => (
          <ResultCard
            key={row.id}
            row={row}
            checked={selected.has(row.id)}
            onCheck={(on) => toggle(row.id, on)}
            onReturned={() => {
              toggle(row.id, false);
              setNotice(t("returned", { title: row.title }));
            }}
          />
        ))}
      </ul>
    </div>
  );
}

function ResultCard({ row, checked, onCheck, onReturned }: { row: ResultRow; checked: boolean; onCheck: (on: boolean) => void; onReturned: () => void }) {
  const t = useTranslations("tasks.confirmList");
  const [returning, setReturning] = useState(false);
  const titleId = useId();
  const formId = useId();
  const late = row.outcome === "DONE" && row.doneOn !== null && row.doneOn > row.dueOn;
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className={`rounded-xl border bg-white p-4 shadow-sm ${checked ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
        data-testid="result-to-confirm"
      >
        <div className="flex gap-3">
          <input
            type="checkbox"
            className="mt-1 size-5 shrink-0 accent-brand-700"
            checked={checked}
            onChange={(e) => onCheck(e.target.checked)}
            aria-label={t("select", { title: row.title, name: row.subjectName })}
          />
          <div className="min-w-0 flex-1 space-y-2">
            <div>
              <h2 id={titleId} className="text-base font-semibold break-words text-slate-900">
                <Link href={`/tasks/${row.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                  {row.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                <span className="font-medium">{row.subjectName}</span>
                {" · "}
                {row.subjectKind === "MEMBER" ? row.unitName : t("organization")}
                {row.reportedAt && <span className="text-slate-600"> · {t("reportedAt", { at: row.reportedAt })}</span>}
              </p>
            </div>
            <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
              <div className="flex gap-1">
                <dt className="text-slate-600">{t("dueOn")}:</dt>
                <dd className="tabular-nums">{formatIsoDate(row.dueOn)}</dd>
              </div>
              {row.outcome === "DONE" && row.doneOn && (
                <div className="flex flex-wrap items-center gap-1">
                  <dt className="text-slate-600">{t("doneOn")}:</dt>
                  <dd className="flex items-center gap-2 tabular-nums">
                    {formatIsoDate(row.doneOn)}
                    <Badge tone={late ? "amber" : "green"}>{late ? t("late") : t("onTime")}</Badge>
                  </dd>
                </div>
              )}
            </dl>
            {row.outcome === "DONE" ? (
              <div className="space-y-1 text-sm">
                <p className="break-words whitespace-pre-line text-slate-800">
                  <span className="font-medium">{t("product")}: </span>
                  {row.product}
                </p>
                <p className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
                  {row.productLink && (
                    <a href={row.productLink} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
                      {t("productLink")}
                    </a>
                  )}
                  <span>{row.files > 0 ? t("files", { count: row.files }) : t("noFiles")}</span>
                </p>
                {row.exceeded && (
                  <p className="break-words">
                    <Badge tone="blue">{t("exceeded")}</Badge> <span className="font-medium">{t("exceededGrounds")}: </span>
                    {row.exceededGrounds}
                  </p>
                )}
              </div>
            ) : (
              <div className="space-y-1 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone="red">{t("notDone")}</Badge>
                  {row.forceMajeure && <Badge tone="amber">{t("forceMajeure")}</Badge>}
                </p>
                <p className="break-words whitespace-pre-line">
                  <span className="font-medium">{t("notDoneReason")}: </span>
                  {row.notDoneReason}
                </p>
              </div>
            )}
            <div className="flex flex-wrap gap-2 pt-1">
              <Button type="button" variant="secondary" aria-expanded={returning} aria-controls={formId} onClick={() => setReturning((open) => !open)}>
                {t("return")}
              </Button>
            </div>
            {returning && <ReturnForm id={formId} row={row} onCancel={() => setReturning(false)} onReturned={onReturned} />}
          </div>
        </div>
      </article>
    </li>
  );
}

function ReturnForm({ id, row, onCancel, onReturned }: { id: string; row: ResultRow; onCancel: () => void; onReturned: () => void }) {
  const t = useTranslations("tasks.confirmList");
  const tc = useTranslations("common");
  const [reason, setReason] = useState("");
  const { run, pending, status, fieldError } = useAction();
  return (
    <form
      id={id}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      aria-label={t("returnTitle", { title: row.title })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(() => returnTaskAction({ taskId: row.id, expectedVersion: row.version, reason }), { refresh: true, onSuccess: onReturned });
      }}
    >
      <FormAlert message={status?.message} />
      <Field label={t("returnReason")} hint={t("returnHint")} error={fieldError("reason")}>
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} autoGrow autoFocus />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="primary" pending={pending} pendingLabel={tc("saving")}>
          {t("returnSubmit")}
        </SubmitButton>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
