"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { endMySessionAction, endUserSessionsAction, signOutEverywhereAction } from "@/lib/actions/account";

/** Ends one of the person's other sessions (a device in their list). */
export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        aria-label={label}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await endMySessionAction({ sessionId });
            if (!result.ok) setError(t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }));
          })
        }
      >
        {t("security.account.endSession")}
      </Button>
      <FormAlert message={error} />
    </>
  );
}

/** Signs out of every device, this one included. */
export function SignOutEverywhereButton() {
  const t = useTranslations("security.account");
  const [pending, start] = useTransition();
  return (
    <ConfirmButton
      message={t("signOutEverywhereConfirm")}
      confirmLabel={t("signOutEverywhere")}
      cancelLabel={t("cancel")}
      disabled={pending}
      onConfirm={() => start(() => signOutEverywhereAction())}
    >
      {t("signOutEverywhere")}
    </ConfirmButton>
  );
}

/** An administrator ends every session of a person's account. */
export function EndUserSessionsButton({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string }>();
  return (
    <div className="space-y-2">
      <FormAlert message={status?.message} tone={status?.tone} />
      <ConfirmButton
        message={t("security.account.endUserSessionsConfirm", { username })}
        confirmLabel={t("security.account.endUserSessions")}
        cancelLabel={t("security.account.cancel")}
        disabled={pending}
        onConfirm={() =>
          start(async () => {
            const result = await endUserSessionsAction({ userId });
            setStatus(
              result.ok
                ? { tone: "success", message: t("security.account.userSessionsEnded", { count: result.data }) }
                : { tone: "error", message: t(`errors.${result.formError ?? "INVALID_INPUT"}`, { id: result.errorId ?? "" }) },
            );
          })
        }
      >
        {t("security.account.endUserSessions")}
      </ConfirmButton>
    </div>
  );
}
