"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatSavedAt } from "@/lib/i18n/format";
import type { AutosaveStatus } from "./use-autosave";

/**
 * Where a form's typing stands — saved (and when), not saved, saving, offline — kept in view at the top
 * of the screen while the person types further down. When another tab or person saved in between, the
 * same sticky line says so and offers the choice there, not at the top of the form where it scrolls away:
 * keep this text (saved over the other), or take the other one (this text stays at hand to take back).
 */
export function AutosaveBanner({
  status,
  savedAt,
  conflict,
  replaced,
  takeNewer,
  keepMine,
  takeBack,
}: {
  status: AutosaveStatus;
  savedAt: Date | null;
  conflict: { savedAt: Date } | null;
  /** The form shows the other version; what was typed here can be taken back. */
  replaced: boolean;
  takeNewer: () => void;
  keepMine: () => void;
  takeBack: () => void;
}) {
  const t = useTranslations("selfReview");
  const when = (at: Date) => {
    const { time, date } = formatSavedAt(at);
    return date ? t("atDay", { time, date }) : time;
  };
  const text =
    status === "conflict" && conflict
      ? t("conflict", { when: when(conflict.savedAt) })
      : status === "saved"
        ? savedAt
          ? t("saved", { when: when(savedAt) })
          : t("savedNever")
        : status === "saving"
          ? t("saving")
          : status === "offline"
            ? t("offline")
            : t("dirty");
  const tone = status === "saved" ? "text-emerald-800" : status === "offline" ? "text-amber-900" : status === "conflict" ? "text-amber-950" : "text-slate-700";
  const boxed = status === "conflict" || replaced;
  return (
    <div
      className={`sticky top-0 z-10 -mx-1 max-h-[60vh] overflow-y-auto rounded-md text-sm ${boxed ? "space-y-2 border border-amber-300 bg-amber-50 px-3 py-2 shadow-sm" : "bg-white/95 px-1 py-1"}`}
      data-testid="save-bar"
    >
      <p role="status" data-testid="save-status" data-status={status} className={`font-medium ${tone}`}>
        {text}
      </p>
      {conflict && status === "conflict" && (
        <>
          <p className="text-amber-950">{t("conflictKept")}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={keepMine}>
              {t("keepMine")}
            </Button>
            <Button type="button" variant="secondary" onClick={takeNewer}>
              {t("useNewer")}
            </Button>
          </div>
        </>
      )}
      {replaced && status !== "conflict" && (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-amber-950">{t("replaced")}</p>
          <Button type="button" variant="secondary" onClick={takeBack}>
            {t("takeBack")}
          </Button>
        </div>
      )}
    </div>
  );
}
