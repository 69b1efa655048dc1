"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { addOpinionAction, editOpinionAction } from "@/lib/actions/opinions";
import { displayDate } from "@/lib/review/history";
import type { OpinionSource } from "@/lib/review/opinions";
import type { OpinionFormValues } from "@/lib/schemas/opinions";
import { CELL_ERRORS } from "./cell-errors";
import { OPINION_TEXT_MAX } from "@/lib/schemas/values";

type Bounds = { year: number; today: string };
type Window = { from: string; to: string };

type Props =
  | {
      mode: "add";
      recordId: string;
      /** The sources not yet received, the missing required ones first. */
      sources: OpinionSource[];
      /** Who is expected to give each one, to start the "given by" field with. */
      suggestions: Record<OpinionSource, string>;
      bounds: Bounds;
      window: Window;
    }
  | {
      mode: "edit";
      opinion: { id: string; source: OpinionSource; text: string; givenOn: string; givenBy: string; version: string };
      bounds: Bounds;
      window: Window;
      onDone: (message: string) => void;
      onCancel: () => void;
    };

/**
 * The secretary records an opinion (its body, text, date, who gave it), or corrects one. Checked by the
 * server's own schema and the date's window (the review year or the December before, not after today),
 * with no zod in the browser: what the server refuses comes back beside its field, and nothing typed is lost.
 */
export function OpinionForm(props: Props) {
  const t = useTranslations();
  const sourceErrorId = useId();
  const initial: OpinionFormValues =
    props.mode === "add"
      ? { source: props.sources[0] ?? "RESIDENCE", givenBy: props.sources[0] ? props.suggestions[props.sources[0]] : "", givenOn: "", text: "" }
      : { source: props.opinion.source, givenBy: props.opinion.givenBy, givenOn: props.opinion.givenOn, text: props.opinion.text };
  const form = useForm<OpinionFormValues>({ defaultValues: initial });
  const save = (values: OpinionFormValues) =>
    props.mode === "add"
      ? addOpinionAction({ recordId: props.recordId, ...values })
      : editOpinionAction({
          opinionId: props.opinion.id,
          expectedVersion: props.opinion.version,
          text: values.text,
          givenOn: values.givenOn,
          givenBy: values.givenBy,
        });
  const { status, onSubmit, fieldError, pending } = useActionForm(form, save, {
    messages: CELL_ERRORS,
    // The page's lists change with the opinion: they are read again (the edit form has closed by then).
    refresh: true,
    success: props.mode === "add" ? t("cell.opinions.added") : undefined,
    onSuccess: () => {
      if (props.mode === "edit") return props.onDone(t("cell.opinions.edited"));
      // The next source not yet received, its body suggested; what was just recorded is gone from the list.
      const left = props.sources.filter((s) => s !== form.getValues("source"));
      form.reset({ source: left[0] ?? form.getValues("source"), givenBy: left[0] ? props.suggestions[left[0]] : "", givenOn: "", text: "" });
    },
  });
  const sourceError = fieldError("source");
  const nothingLeft = props.mode === "add" && props.sources.length === 0;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={status?.message} tone={status?.tone} />
      {nothingLeft ? (
        <p className="text-sm text-slate-700">{t("cell.opinions.allRecorded")}</p>
      ) : (
        <>
          {props.mode === "add" && (
            <fieldset aria-describedby={sourceError ? sourceErrorId : undefined}>
              <legend className="mb-1 text-sm font-medium text-slate-800">{t("cell.opinions.source")}</legend>
              <div className="space-y-1">
                {props.sources.map((source) => (
                  <label key={source} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                    <input
                      type="radio"
                      value={source}
                      className="size-4"
                      {...form.register("source", {
                        onChange: () => {
                          // Start "given by" with the body expected for the source, unless something else was typed.
                          const givenBy = form.getValues("givenBy");
                          if (!givenBy || Object.values(props.suggestions).includes(givenBy)) form.setValue("givenBy", props.suggestions[source]);
                        },
                      })}
                    />
                    {t(`cell.opinions.sources.${source}`)}
                  </label>
                ))}
              </div>
              {sourceError && (
                <p id={sourceErrorId} className="mt-1 text-sm text-red-700">
                  {sourceError}
                </p>
              )}
            </fieldset>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("cell.opinions.givenBy")}
              hint={t("cell.opinions.givenByHint")}
              autoComplete="off"
              maxLength={300}
              error={fieldError("givenBy")}
              {...form.register("givenBy")}
            />
            <TextField
              type="date"
              label={t("cell.opinions.givenOn")}
              hint={t("cell.opinions.dateHint", { from: displayDate(props.window.from), to: displayDate(props.window.to) })}
              min={props.window.from}
              max={props.bounds.today < props.window.to ? props.bounds.today : props.window.to}
              error={fieldError("givenOn")}
              {...form.register("givenOn")}
            />
          </div>
          <Field label={t("cell.opinions.text")} hint={t("cell.opinions.textHint")} error={fieldError("text")}>
            <Textarea rows={5} maxLength={OPINION_TEXT_MAX} {...form.register("text")} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending} pendingLabel={t("common.saving")}>
              {props.mode === "add" ? t("cell.opinions.add") : t("cell.opinions.saveEdit")}
            </SubmitButton>
            {props.mode === "edit" && (
              <Button type="button" variant="secondary" onClick={props.onCancel}>
                {t("cell.opinions.cancel")}
              </Button>
            )}
          </div>
        </>
      )}
    </form>
  );
}
