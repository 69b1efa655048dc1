"use client";

import { useLocale, useTranslations } from "next-intl";
import { Select } from "@/components/forms/field";
import { useAction } from "@/components/forms/use-action-form";
import { setLocaleAction } from "@/lib/actions/auth";

const LABELS = { vi: "Tiếng Việt", en: "English" } as const;

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const { run, pending } = useAction();
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only">{t("language")}</span>
      <Select compact widthClass="w-auto" value={locale} disabled={pending} onChange={(e) => run(() => setLocaleAction(e.target.value), { refresh: true })}>
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value} lang={value}>
            {label}
          </option>
        ))}
      </Select>
    </label>
  );
}
