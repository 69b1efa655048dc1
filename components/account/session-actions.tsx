"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { endMySessionAction, endUserSessionsAction, signOutEverywhereAction } from "@/lib/actions/account";

/** Ends one of the person's other sessions (a device in their list). */
export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations();
  const { run, pending, status } = useAction();
  return (
    <>
      <Button type="button" variant="secondary" aria-label={label} disabled={pending} onClick={() => run(() => endMySessionAction({ sessionId }))}>
        {t("security.account.endSession")}
      </Button>
      <FormAlert message={status?.message} />
    </>
  );
}

/** Signs out of every device, this one included. */
export function SignOutEverywhereButton() {
  const t = useTranslations("security.account");
  const { run, pending } = useAction();
  // The action ends with a redirect to the sign-in page: there is no answer to show.
  const signOutEverywhere = async () => {
    await signOutEverywhereAction();
    return { ok: true, data: undefined } as const;
  };
  return (
    <ConfirmButton
      message={t("signOutEverywhereConfirm")}
      confirmLabel={t("signOutEverywhere")}
      cancelLabel={t("cancel")}
      disabled={pending}
      onConfirm={() => run(signOutEverywhere)}
    >
      {t("signOutEverywhere")}
    </ConfirmButton>
  );
}

/** An administrator ends every session of a person's account. */
export function EndUserSessionsButton({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations("security.account");
  const { run, pending, status } = useAction();
  return (
    <div className="space-y-2">
      <FormAlert message={status?.message} tone={status?.tone} />
      <ConfirmButton
        message={t("endUserSessionsConfirm", { username })}
        confirmLabel={t("endUserSessions")}
        cancelLabel={t("cancel")}
        disabled={pending}
        onConfirm={() => run(() => endUserSessionsAction({ userId }), { success: (count) => t("userSessionsEnded", { count }) })}
      >
        {t("endUserSessions")}
      </ConfirmButton>
    </div>
  );
}
