"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { deleteOpinionAction } from "@/lib/actions/opinions";
import type { OpinionSource } from "@/lib/review/opinions";
import { OpinionForm, useErrorText } from "./opinion-form";

type Opinion = { id: string; source: OpinionSource; text: string; givenOn: string; givenBy: string; version: string };

/** Edit (in place) or delete one opinion, for the secretary until the meeting reviews the record. */
export function OpinionActions({ opinion, bounds, window }: { opinion: Opinion; bounds: { year: number; today: string }; window: { from: string; to: string } }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const source = t(`cell.opinions.sourcesShort.${opinion.source}`);

  const remove = () =>
    startTransition(async () => {
      setStatus(null);
      const result = await deleteOpinionAction({ opinionId: opinion.id, expectedVersion: opinion.version });
      if (result.ok) router.refresh();
      else setStatus({ tone: "error", message: errorText(result.formError ?? "INVALID_INPUT", { id: result.errorId ?? "" })! });
    });

  if (editing) {
    return (
      <section aria-label={t("cell.opinions.editTitle", { source })} className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
        <OpinionForm
          mode="edit"
          opinion={opinion}
          bounds={bounds}
          window={window}
          onDone={(message) => {
            setEditing(false);
            setStatus({ tone: "success", message });
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }
  return (
    <div className="mt-3 space-y-2">
      <FormAlert message={status?.message} tone={status?.tone} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setEditing(true)} aria-label={t("cell.opinions.editTitle", { source })}>
          {t("cell.opinions.edit")}
        </Button>
        <ConfirmButton
          message={t("cell.opinions.deleteConfirm", { source })}
          confirmLabel={t("cell.opinions.delete")}
          cancelLabel={t("cell.opinions.cancel")}
          onConfirm={remove}
          disabled={pending}
        >
          {t("cell.opinions.delete")}
        </ConfirmButton>
      </div>
    </div>
  );
}
