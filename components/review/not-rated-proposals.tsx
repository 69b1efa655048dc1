"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Field, Textarea } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ruleOnNotRatedAction } from "@/lib/actions/not-rated";

type Proposal = { recordId: string; version: number; fullName: string; cellName: string; grounds: string; own: boolean };

/**
 * The cells' proposals to leave a member unrated for a reason the regulation does not name: the
 * grassroots committee confirms each with its grounds, or turns it down (the member is then reviewed
 * and rated). Until then the member counts as not yet decided.
 */
export function NotRatedProposals({ proposals }: { proposals: Proposal[] }) {
  const t = useTranslations("notRated.proposals");
  if (proposals.length === 0) return null;
  return (
    <section
      aria-labelledby="not-rated-proposals"
      className="mb-6 space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
      data-testid="not-rated-proposals"
    >
      <h2 id="not-rated-proposals" className="text-base font-semibold text-slate-900">
        {t("title", { count: proposals.length })}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="space-y-3">
        {proposals.map((p) => (
          <li key={p.recordId}>
            <ProposalCard proposal={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProposalCard({ proposal }: { proposal: Proposal }) {
  const t = useTranslations("notRated.proposals");
  const id = useId();
  const [grounds, setGrounds] = useState("");
  const { run, pending, status, errorText } = useAction();
  const rule = (confirm: boolean) =>
    run(() => ruleOnNotRatedAction({ recordId: proposal.recordId, expectedVersion: proposal.version, confirm, grounds }), {
      refresh: true,
      // The grounds are the only field: their error is the form's.
      failure: (result) =>
        result.fieldErrors?.grounds
          ? errorText(result.fieldErrors.grounds)
          : errorText(result.formError ?? "INVALID_INPUT", { ...result.formValues, id: result.errorId ?? "" }),
    });
  return (
    <article className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="font-medium text-slate-900">
        {proposal.fullName} <span className="font-normal text-slate-600">· {proposal.cellName}</span>
      </h3>
      <p className="text-sm text-slate-800">{t("cellGrounds", { grounds: proposal.grounds || "—" })}</p>
      {proposal.own ? (
        <p className="text-sm text-slate-600">{t("own")}</p>
      ) : (
        <form className="space-y-2" onSubmit={(e) => e.preventDefault()} noValidate>
          <FormAlert message={status?.message} />
          <Field label={t("groundsLabel", { name: proposal.fullName })}>
            <Textarea rows={2} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
          </Field>
          <div className="flex flex-wrap gap-2">
            {(["confirm", "reject"] as const).map((ruling) => (
              <ConfirmButton
                key={ruling}
                message={t(`${ruling}Message`, { name: proposal.fullName })}
                confirmLabel={t(ruling)}
                cancelLabel={t("cancel")}
                onConfirm={() => rule(ruling === "confirm")}
                disabled={pending}
              >
                {t(ruling)}
              </ConfirmButton>
            ))}
          </div>
        </form>
      )}
    </article>
  );
}
