"use client";

import { useTranslations } from "next-intl";
import { useForm, type UseFormReturn } from "react-hook-form";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { keepVersion, useActionForm } from "@/components/forms/use-action-form";
import { declareTaskAction, editTaskAction } from "@/lib/actions/tasks";
import type { DeclareTaskInput, EditTaskInput, TaskFieldsInput } from "@/lib/schemas/tasks";

type FieldsForm = UseFormReturn<DeclareTaskInput> | UseFormReturn<EditTaskInput>;

/** What a task is: title, source, assigned and due dates, the product expected and how its quality is judged. */
function TaskFields({ form, fieldError }: { form: FieldsForm; fieldError: (name: `task.${keyof TaskFieldsInput}`) => string | undefined }) {
  const t = useTranslations("tasks.task");
  const register = (form as UseFormReturn<DeclareTaskInput>).register;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("title")} className="sm:col-span-2" {...register("task.title")} error={fieldError("task.title")} />
      <TextField label={t("source")} hint={t("sourceHint")} className="sm:col-span-2" {...register("task.source")} error={fieldError("task.source")} />
      <TextField label={t("assignedOn")} type="date" {...register("task.assignedOn")} error={fieldError("task.assignedOn")} />
      <TextField label={t("dueOn")} type="date" {...register("task.dueOn")} error={fieldError("task.dueOn")} />
      <Field label={t("expectedProduct")} className="sm:col-span-2" error={fieldError("task.expectedProduct")}>
        <Textarea autoGrow rows={2} {...register("task.expectedProduct")} />
      </Field>
      <Field label={t("qualityMeasure")} hint={t("qualityMeasureHint")} className="sm:col-span-2" error={fieldError("task.qualityMeasure")}>
        <Textarea autoGrow rows={2} {...register("task.qualityMeasure")} />
      </Field>
    </div>
  );
}

const EMPTY: TaskFieldsInput = { title: "", source: "", assignedOn: "", dueOn: "", expectedProduct: "", qualityMeasure: "" };

/** Declares a task in a member's or a unit's register; the form empties for the next one once saved. */
export function DeclareTaskForm({ subject, assignedOn }: { subject: DeclareTaskInput["subject"]; assignedOn: string }) {
  const t = useTranslations("tasks.task");
  const tc = useTranslations("common");
  const initial = { subject, task: { ...EMPTY, assignedOn } };
  const form = useForm<DeclareTaskInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, declareTaskAction, {
    success: t("declared"),
    refresh: true,
    onSuccess: () => form.reset(initial),
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="declare-task">
      <FormAlert message={status?.message} tone={status?.tone} />
      <TaskFields form={form} fieldError={fieldError} />
      <SubmitButton pending={pending} pendingLabel={tc("saving")}>
        {t("declare")}
      </SubmitButton>
    </form>
  );
}

/** Changes what a task is, until its result is confirmed. */
export function EditTaskForm({ initial }: { initial: EditTaskInput }) {
  const t = useTranslations("tasks.task");
  const tc = useTranslations("common");
  const form = useForm<EditTaskInput>({ defaultValues: initial });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, editTaskAction, {
    success: t("edited"),
    refresh: true,
    onSuccess: keepVersion(form),
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      <TaskFields form={form} fieldError={fieldError} />
      <SubmitButton pending={pending} pendingLabel={tc("saving")}>
        {tc("save")}
      </SubmitButton>
    </form>
  );
}
