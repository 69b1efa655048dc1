import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { EndSessionButton, SignOutEverywhereButton } from "@/components/account/session-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getSessionId, requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { listMySessions } from "@/lib/data/sessions";

/** The person's own account: where they are signed in, "sign out everywhere", and their password. */
export default async function AccountPage() {
  const actor = await requireActor();
  const [t, sessions] = await Promise.all([getTranslations("security.account"), getSessionId().then((sid) => listMySessions(actor, sid))]);
  // dd/mm/yyyy hh:mm in both languages, as every date of the app (the locale's short style is 7/12/26, or 12/7/26 in English).
  const when = formatDateTime;
  return (
    <>
      <PageHeader title={t("title")} description={actor.displayName} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("sessions")} className="lg:col-span-2" actions={<SignOutEverywhereButton />}>
          <p className="mb-3 text-sm text-slate-700">{t("sessionsIntro")}</p>
          <Table caption={t("sessions")} head={[t("device"), t("signedInAt"), t("lastSeenAt"), t("endsAt"), ""]}>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <Td>
                  <span className="block max-w-xs truncate" title={s.userAgent ?? undefined}>
                    {describeDevice(s.userAgent) ?? t("unknownDevice")}
                  </span>
                  <span className="text-xs text-slate-600">{s.ipAddress ?? ""}</span> {s.current && <Badge tone="green">{t("thisDevice")}</Badge>}
                </Td>
                <Td>{when(s.createdAt)}</Td>
                <Td>{when(s.lastSeenAt)}</Td>
                <Td>{when(s.expiresAt)}</Td>
                <Td>{!s.current && <EndSessionButton sessionId={s.id} label={t("endSessionOf", { signedInAt: when(s.createdAt) })} />}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t("changePassword")}>
          <p className="mb-3 text-sm text-slate-700">{t("changePasswordIntro")}</p>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}

/** A short name for a browser from its User-Agent ("Chrome trên Linux" is enough to recognise it). */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return [browser, system].filter(Boolean).join(" · ") || userAgent.slice(0, 60);
}
