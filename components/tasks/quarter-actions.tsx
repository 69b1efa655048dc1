"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Field, Select, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { Options } from "@/components/forms/options";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { assessQuarterAction, confirmQuarterAction } from "@/lib/actions/tasks";
import type { TaskSubjectInput } from "@/lib/schemas/tasks";

const LEVELS = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const;
type Level = (typeof LEVELS)[number];

type Review = {
  id: string;
  version: number;
  selfLevel: Level | null;
  selfNote: string | null;
  confirmedLevel: Level | null;
  confirmedNote: string | null;
  confirmed: boolean;
};

/**
 * A begun quarter's controls: the subject's keeper assesses it (again, until the committee confirms), the
 * committee confirms an assessment with its own level and note. One form open at a time.
 */
export function QuarterActions({
  subject,
  year,
  quarter,
  review,
  canAssess,
  canConfirm,
}: {
  subject: TaskSubjectInput;
  year: number;
  quarter: number;
  review: Review | null;
  canAssess: boolean;
  canConfirm: boolean;
}) {
  const t = useTranslations("tasks.quarters");
  const [open, setOpen] = useState<"assess" | "confirm" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formId = useId();
  const mayAssess = canAssess && !review?.confirmed;
  const mayConfirm = canConfirm && Boolean(review?.selfLevel);
  if (!mayAssess && !mayConfirm) return null;

  return (
    <div className="mt-3 space-y-2">
      <FormAlert message={done ?? undefined} tone="success" />
      {open === null && (
        <div className="flex flex-wrap gap-2">
          {mayAssess && (
            <Button type="button" variant="secondary" onClick={() => (setDone(null), setOpen("assess"))}>
              {review?.selfLevel ? t("reassess") : t("assess")}
            </Button>
          )}
          {mayConfirm && (
            <Button type="button" variant="secondary" onClick={() => (setDone(null), setOpen("confirm"))}>
              {review?.confirmedLevel ? t("reconfirm") : t("confirm")}
            </Button>
          )}
        </div>
      )}
      {open && (
        <QuarterForm
          id={formId}
          mode={open}
          quarter={quarter}
          initial={
            open === "assess"
              ? { level: review?.selfLevel ?? "", note: review?.selfNote ?? "" }
              : { level: review?.confirmedLevel ?? "", note: review?.confirmedNote ?? "" }
          }
          save={(level, note) =>
            open === "assess"
              ? assessQuarterAction({ subject, year, quarter, expectedVersion: review?.version ?? null, level, note })
              : confirmQuarterAction({ quarterId: review!.id, expectedVersion: review!.version, level, note })
          }
          onCancel={() => setOpen(null)}
          onSaved={() => {
            setDone(open === "assess" ? t("assessed", { quarter }) : t("confirmed", { quarter }));
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}

function QuarterForm({
  id,
  mode,
  quarter,
  initial,
  save,
  onCancel,
  onSaved,
}: {
  id: string;
  mode: "assess" | "confirm";
  quarter: number;
  initial: { level: Level | ""; note: string };
  save: (level: Level, note: string) => ReturnType<typeof assessQuarterAction>;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations();
  const [level, setLevel] = useState<Level | "">(initial.level);
  const [note, setNote] = useState(initial.note);
  const { run, pending, status, fieldError } = useAction();
  return (
    <form
      id={id}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      aria-label={t(mode === "assess" ? "tasks.quarters.formTitleAssess" : "tasks.quarters.formTitleConfirm", { quarter })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // An empty level goes to the server too: its refusal ("required") comes back beside the field.
        run(() => save(level as Level, note), { refresh: true, onSuccess: onSaved });
      }}
    >
      <FormAlert message={status?.message} />
      <Field label={t("tasks.quarters.level")} error={fieldError("level")}>
        <Select value={level} onChange={(e) => setLevel(e.target.value as Level | "")} compact>
          <option value="">{t("tasks.quarters.chooseLevel")}</option>
          <Options values={LEVELS} label={(value) => t(`grading.levels.${value}`)} />
        </Select>
      </Field>
      <Field label={t("tasks.quarters.note")} error={fieldError("note")}>
        <Textarea value={note} onChange={(e) => setNote(e.target.value)} autoGrow compact />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
          {t(mode === "assess" ? "tasks.quarters.assessSubmit" : "tasks.quarters.confirmSubmit")}
        </SubmitButton>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("tasks.quarters.cancel")}
        </Button>
      </div>
    </form>
  );
}
