"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { AutosaveStatus } from "./use-autosave";

const time = (date: Date) => date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });

/**
 * Where a form's typing stands — saved (and when), not saved, saving, offline — and, when another tab or
 * person saved in between, the choice between their text and this one.
 */
export function AutosaveBanner({
  status,
  savedAt,
  conflict,
  takeNewer,
  keepMine,
}: {
  status: AutosaveStatus;
  savedAt: Date | null;
  conflict: { savedAt: Date } | null;
  takeNewer: () => void;
  keepMine: () => void;
}) {
  const t = useTranslations("selfReview");
  const text =
    status === "saved" ? (savedAt ? t("saved", { time: time(savedAt) }) : t("savedNever")) : status === "saving" ? t("saving") : status === "offline" ? t("offline") : t("dirty");
  const tone = status === "saved" ? "text-emerald-800" : status === "offline" ? "text-amber-900" : "text-slate-700";
  return (
    <>
      <p role="status" data-testid="save-status" data-status={status} className={`sticky top-0 z-10 -mx-1 rounded-md bg-white/95 px-1 py-1 text-sm font-medium ${tone}`}>
        {text}
      </p>
      {conflict && (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p>{t("conflict", { time: time(conflict.savedAt) })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={takeNewer}>
              {t("useNewer")}
            </Button>
            <Button type="button" variant="secondary" onClick={keepMine}>
              {t("keepMine")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
