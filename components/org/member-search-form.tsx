import { getTranslations } from "next-intl/server";
import { Field, Select, TextInput } from "@/components/forms/field";
import { Options } from "@/components/forms/options";
import { Button } from "@/components/ui/button";
import { MEMBER_STATUSES, type MemberListQuery } from "@/lib/schemas/members";

// A plain GET form: works without JavaScript, and the URL can be shared or bookmarked.
export async function MemberSearchForm({ query }: { query: MemberListQuery }) {
  const t = await getTranslations();
  return (
    <form role="search" method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <Field label={t("units.searchLabel")} id="member-q" className="min-w-56 flex-1">
        <TextInput name="q" type="search" maxLength={100} defaultValue={query.q} placeholder={t("units.searchPlaceholder")} />
      </Field>
      <Field label={t("units.statusFilter")} id="member-status">
        <Select name="status" widthClass="w-auto" defaultValue={query.status ?? ""}>
          <Options values={MEMBER_STATUSES} label={(s) => t(`memberStatus.${s}`)} all={t("common.all")} />
        </Select>
      </Field>
      <Button type="submit">{t("common.searchButton")}</Button>
    </form>
  );
}
