"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { deleteOpinionAction } from "@/lib/actions/opinions";
import type { OpinionSource } from "@/lib/review/opinions";
import { CELL_ERRORS } from "./cell-errors";
import { OpinionForm } from "./opinion-form";

type Opinion = { id: string; source: OpinionSource; text: string; givenOn: string; givenBy: string; version: string };

/** Edit (in place) or delete one opinion, for the secretary until the meeting reviews the record. */
export function OpinionActions({
  opinion,
  bounds,
  window,
}: {
  opinion: Opinion;
  bounds: { year: number; today: string };
  window: { from: string; to: string };
}) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const { run, pending, status, setStatus } = useAction({ messages: CELL_ERRORS });
  const source = t(`cell.opinions.sourcesShort.${opinion.source}`);
  const remove = () => run(() => deleteOpinionAction({ opinionId: opinion.id, expectedVersion: opinion.version }), { refresh: true });

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
