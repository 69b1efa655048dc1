import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { MEMBER_STATUSES, type MemberListQuery } from "@/lib/schemas/members";

// A plain GET form: works without JavaScript, and the URL can be shared or bookmarked.
export async function MemberSearchForm({ query }: { query: MemberListQuery }) {
  const t = await getTranslations();
  return (
    <form role="search" method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="member-q" className="mb-1 block text-sm font-medium text-slate-800">
          {t("units.searchLabel")}
        </label>
        <input
          id="member-q"
          name="q"
          type="search"
          maxLength={100}
          defaultValue={query.q}
          placeholder={t("units.searchPlaceholder")}
          className="block min-h-10 w-full rounded-lg border border-slate-300 px-3 py-2 text-base sm:text-sm"
        />
      </div>
      <div>
        <label htmlFor="member-status" className="mb-1 block text-sm font-medium text-slate-800">
          {t("units.statusFilter")}
        </label>
        <select id="member-status" name="status" defaultValue={query.status ?? ""} className="block min-h-10 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="">{t("common.all")}</option>
          {MEMBER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`memberStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t("common.searchButton")}</Button>
    </form>
  );
}
