import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MemberProfileForm } from "@/components/org/member-profile-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DetailsCard } from "@/components/layout/details-card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { orNotFound } from "@/lib/auth/not-found";
import { requireActor } from "@/lib/auth/session";
import { getMemberPage } from "@/lib/data/members";
import { getUserSessionsOfMember } from "@/lib/data/sessions";
import { EndUserSessionsButton } from "@/components/account/session-actions";
import { formatDate } from "@/lib/i18n/format";

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, { member, canEdit, canEditResidence, canEditRatingFacts }] = await Promise.all([getTranslations(), orNotFound(getMemberPage(actor, id))]);
  // The member's sign-in accounts, for an administrator of their unit (null for everyone else).
  const accounts = await getUserSessionsOfMember(actor, id);
  // The review under way on the 100-point scale: its score and facts have a page of their own.
  const scored = member.reviewRecords.find((r) => r.cycle.ruleSet === "QD366_HD43" && r.cycle.status !== "CLOSED" && r.cycle.status !== "PUBLISHED");

  return (
    <>
      <PageHeader
        title={member.fullName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/units/${member.cell.id}`} className="text-brand-800 hover:underline">
              {member.cell.name}
            </Link>
            <Badge tone={member.status === "ACTIVE" ? "green" : "neutral"}>{t(`memberStatus.${member.status}`)}</Badge>
            {!member.officialOn && <Badge tone="amber">{t("member.probationary")}</Badge>}
          </span>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            <ButtonLink href={`/members/${member.id}/tasks`}>{t("tasks.register.openRegister")}</ButtonLink>
            {scored && <ButtonLink href={`/members/${member.id}/rating`}>{t("facts.openFacts", { year: scored.cycle.year })}</ButtonLink>}
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <DetailsCard
          title={t("member.details")}
          className="lg:col-span-2"
          items={[
            { label: t("member.cardNumber"), value: member.cardNumber },
            { label: t("member.gender"), value: t(`gender.${member.gender}`) },
            { label: t("member.birthDate"), value: formatDate(member.birthDate) },
            { label: t("member.admittedOn"), value: formatDate(member.admittedOn) },
            { label: t("member.officialOn"), value: member.officialOn ? formatDate(member.officialOn) : t("member.probationary") },
            { label: t("member.category"), value: t(`memberCategory.${member.category}`) },
            { label: t("member.post"), value: member.post ?? "—" },
            { label: t("member.civilServant"), value: member.isCivilServant ? t("common.yes") : t("common.no") },
            { label: t("member.grassroots"), value: member.grassroots.name },
            { label: t("member.residenceCell"), value: member.residenceCell ?? "—" },
            { label: t("member.email"), value: member.email ?? "—" },
          ]}
        />
        {(canEdit || canEditResidence) && (
          <Card title={canEdit ? t("member.editProfile") : t("member.editResidence")}>
            <MemberProfileForm
              full={canEdit}
              ratingFacts={canEditRatingFacts}
              initial={{
                memberId: member.id,
                expectedVersion: member.version,
                post: member.post ?? "",
                residenceCell: member.residenceCell ?? "",
                email: member.email ?? "",
                category: member.category,
                isCivilServant: member.isCivilServant,
              }}
            />
          </Card>
        )}
      </div>

      {accounts && accounts.length > 0 && (
        <Card title={t("security.account.accountCard")} className="mt-4">
          <ul className="space-y-4">
            {accounts.map((a) => (
              <li key={a.userId} className="flex flex-wrap items-center justify-between gap-3 text-sm">
                <span>
                  {t("security.account.username", { username: a.username })} · {t("security.account.openSessions", { count: a.openSessions })}
                </span>
                <EndUserSessionsButton userId={a.userId} username={a.username} />
              </li>
            ))}
          </ul>
        </Card>
      )}

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t("member.reviewHistory")}>
          {member.reviewRecords.length === 0 ? (
            <p className="text-sm text-slate-600">{t("member.reviewHistoryEmpty")}</p>
          ) : (
            <Table caption={t("member.reviewHistory")} head={[t("member.year"), t("member.state"), t("member.proposed"), t("member.decided")]}>
              {member.reviewRecords.map((r) => (
                <tr key={r.id}>
                  <Td className="tabular-nums">{r.cycle.year}</Td>
                  <Td>{r.notRatedReason ? t(`notRatedReasons.${r.notRatedReason}`) : t(`recordStates.${r.state}`)}</Td>
                  <Td>{r.proposedLevel ? t(`grading.levels.${r.proposedLevel}`) : "—"}</Td>
                  <Td>{r.decidedLevel && ["DECIDED", "PUBLISHED"].includes(r.state) ? t(`grading.levels.${r.decidedLevel}`) : "—"}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t("member.cellHistory")}>
          <Table caption={t("member.cellHistory")} head={[t("member.cell"), t("member.from"), t("member.to")]}>
            {member.cellHistory.map((a) => (
              <tr key={a.id}>
                <Td>
                  {a.cell.name}
                  {a.kind === "TEMPORARY" && (
                    <span className="ml-2">
                      <Badge tone="blue">{t(`assignmentKinds.${a.kind}`)}</Badge>
                    </span>
                  )}
                </Td>
                <Td className="tabular-nums">{formatDate(a.fromDate)}</Td>
                <Td className="tabular-nums">{a.toDate ? formatDate(a.toDate) : t("member.now")}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        {member.civilServiceRatings.length > 0 && (
          <Card title={t("member.civilServiceRatings")}>
            <Table caption={t("member.civilServiceRatings")} head={[t("member.year"), t("member.level")]}>
              {member.civilServiceRatings.map((r) => (
                <tr key={r.year}>
                  <Td className="tabular-nums">{r.year}</Td>
                  <Td>{t(`grading.levels.${r.level}`)}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        )}
        {member.disciplines.length > 0 && (
          <Card title={t("member.disciplines")}>
            <Table caption={t("member.disciplines")} head={[t("member.decidedOn"), t("member.form"), t("member.reason"), t("member.selfRemedied")]}>
              {member.disciplines.map((d) => (
                <tr key={d.id}>
                  <Td className="tabular-nums">{formatDate(d.decidedOn)}</Td>
                  <Td>{t(`disciplineForms.${d.form}`)}</Td>
                  <Td>{d.reason}</Td>
                  <Td>{d.selfDetectedAndRemedied ? t("common.yes") : t("common.no")}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        )}
        {member.leaves.length > 0 && (
          <Card title={t("member.leaves")}>
            <Table caption={t("member.leaves")} head={[t("member.form"), t("member.from"), t("member.to")]}>
              {member.leaves.map((l) => (
                <tr key={l.id}>
                  <Td>{t(`leaveKinds.${l.kind}`)}</Td>
                  <Td className="tabular-nums">{formatDate(l.fromDate)}</Td>
                  <Td className="tabular-nums">{formatDate(l.toDate)}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        )}
      </div>
    </>
  );
}
