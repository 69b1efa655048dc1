import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { Role } from "@/lib/review/permissions";
import type { RoleHome, StateCounts } from "@/lib/data/home";
import { formatDate, toIsoDate } from "@/lib/i18n/format";
import { deadlinesEditable } from "@/lib/review/cycle-deadlines";

/** The workflow's order, for listing counts by state. */
const RECORD_STATES = ["DRAFT", "RETURNED", "SUBMITTED", "ABSENT", "REVIEWED", "UNDER_REREVIEW", "DECIDED", "PUBLISHED", "NOT_RATED"] as const;

/** States in which the cell's part of the work is done for a subject. */
const DONE_STATES = ["REVIEWED", "DECIDED", "PUBLISHED", "NOT_RATED"] as const;
/** States in which the deciding committee's part is done. */
const DECIDED_STATES = ["DECIDED", "PUBLISHED", "NOT_RATED"] as const;

const sum = (counts: StateCounts, states?: readonly string[]) =>
  Object.entries(counts).reduce((n, [state, c]) => n + (!states || states.includes(state) ? (c ?? 0) : 0), 0);

const TODO_KEY: Record<Exclude<Role, "MEMBER">, string> = {
  CELL_SECRETARY: "secretaryTodo",
  GRASSROOTS_COMMITTEE: "committeeTodo",
  UPPER_BOARD: "boardTodo",
  UPPER_STANDING: "standingTodo",
  ADMIN: "adminTodo",
};

function roleDeadline(card: RoleHome): Date | null {
  const c = card.cycle;
  if (!c) return null;
  switch (card.role) {
    case "MEMBER":
      return c.selfReviewDue;
    case "CELL_SECRETARY":
      return c.meetingsDue;
    case "GRASSROOTS_COMMITTEE":
      return c.grassrootsDue;
    case "UPPER_BOARD":
    case "UPPER_STANDING":
      return c.upperDecisionDue;
    default:
      return null;
  }
}

/** States in which the member may still write the self-review (an absent member may send it in late). */
const WRITABLE_STATES: string[] = ["DRAFT", "RETURNED", "ABSENT"];

/** A deadline counts as missed while the cycle is still open: from the day after it, in Vietnam. */
const OPEN_STATUSES = ["PREPARING", "SELF_REVIEW", "DECIDING"];

/** The desk an officer works at, opened first from their card (the unit's own page beside it). */
const DESK: Partial<Record<Role, { page: string; label: string }>> = {
  CELL_SECRETARY: { page: "review", label: "cellReview.open" },
  GRASSROOTS_COMMITTEE: { page: "decisions", label: "decide.open" },
  UPPER_BOARD: { page: "organizations", label: "decideOrgs.open" },
  UPPER_STANDING: { page: "organizations", label: "decideOrgs.open" },
};

export async function RoleHomeCard({ card, canManageCycle, today }: { card: RoleHome; canManageCycle: boolean; today: string }) {
  const t = await getTranslations();
  const deadline = roleDeadline(card);
  const overdue = deadline !== null && toIsoDate(deadline) < today && OPEN_STATUSES.includes(card.cycle?.status ?? "");
  const decisionStates = card.role === "CELL_SECRETARY" ? DONE_STATES : DECIDED_STATES;
  const memberTotal = sum(card.members);
  const orgTotal = sum(card.organizations);
  const desk = DESK[card.role];

  return (
    <Card
      title={
        <span data-testid={`home-card-${card.role}`}>
          {t(`roles.${card.role}`)} <span className="font-normal text-slate-600">· {card.unit.name}</span>
        </span>
      }
      actions={
        card.role === "MEMBER" ? (
          <span className="flex flex-wrap gap-2">
            {card.own?.state === "PUBLISHED" && <ButtonLink href={`/units/${card.unit.id}/results`}>{t("decide.results.open")}</ButtonLink>}
            {card.ownMemberId && <ButtonLink href={`/members/${card.ownMemberId}`}>{t("home.myRecord")}</ButtonLink>}
          </span>
        ) : desk ? (
          <span className="flex flex-wrap gap-2">
            <ButtonLink href={`/units/${card.unit.id}/${desk.page}`} variant="primary">
              {t(desk.label)}
            </ButtonLink>
            <ButtonLink href={`/units/${card.unit.id}`}>{t("home.openUnit")}</ButtonLink>
          </span>
        ) : (
          <ButtonLink href={`/units/${card.unit.id}`}>{t("home.openUnit")}</ButtonLink>
        )
      }
    >
      {!card.cycle ? (
        <p className="text-sm text-slate-600">{t("home.noCycle")}</p>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t("home.cycle", { year: card.cycle.year })}</span>
            <Badge tone="blue">{t(`cycleStatus.${card.cycle.status}`)}</Badge>
            <span className="text-slate-600">{t("home.ratingDate", { date: formatDate(card.cycle.ratingDate) })}</span>
          </div>
          <p className="text-sm text-slate-600">{t("cycle.ruleSetOfYear", { ruleSet: t(`grading.ruleSets.${card.cycle.ruleSet}`) })}</p>
          {deadline && (
            <p className={`text-sm ${overdue ? "font-medium text-red-700" : "text-slate-700"}`}>
              {overdue ? t("home.overdue", { date: formatDate(deadline) }) : t("home.deadline", { date: formatDate(deadline) })}
            </p>
          )}
          {card.role === "MEMBER" ? (
            <div className="space-y-2 text-sm">
              <p>{t(`home.memberTodo.${card.own?.state ?? "none"}`)}</p>
              {card.own?.state && <Badge tone="brand">{t(`recordStates.${card.own.state}`)}</Badge>}
              {card.own && card.own.state !== "NOT_RATED" && (
                <p>
                  <ButtonLink href={`/reviews/${card.own.id}`} variant={WRITABLE_STATES.includes(card.own.state) ? "primary" : "secondary"}>
                    {WRITABLE_STATES.includes(card.own.state) ? t("selfReview.write") : t("selfReview.open")}
                  </ButtonLink>
                </p>
              )}
              {card.own?.decidedLevel && card.own.state === "PUBLISHED" && (
                <p className="font-medium">{t("home.decidedLevel", { level: t(`grading.levels.${card.own.decidedLevel}`) })}</p>
              )}
            </div>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t(`home.${TODO_KEY[card.role]}`)}</p>
              {memberTotal > 0 && (
                <ProgressBar
                  value={sum(card.members, decisionStates)}
                  total={memberTotal}
                  label={t("home.progressLabel", { done: sum(card.members, decisionStates), total: memberTotal })}
                />
              )}
              {orgTotal > 0 && card.role !== "CELL_SECRETARY" && (
                <ProgressBar
                  value={sum(card.organizations, DECIDED_STATES)}
                  total={orgTotal}
                  label={t("home.organizationsProgress", { done: sum(card.organizations, DECIDED_STATES), total: orgTotal })}
                />
              )}
              <ul className="flex flex-wrap gap-2" aria-label={t("home.progress")}>
                {RECORD_STATES.filter((state) => card.members[state]).map((state) => (
                  <li key={state}>
                    <Badge>
                      {t(`recordStates.${state}`)}: {card.members[state]}
                    </Badge>
                  </li>
                ))}
              </ul>
              {canManageCycle && card.unit.id === card.cycle.upperOrgId && (
                <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <Link href={`/cycles/${card.cycle.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">
                    {t("cycle.manageCycle")}
                  </Link>
                  {deadlinesEditable(card.cycle.status) && (
                    <Link href={`/cycles/${card.cycle.id}/deadlines`} className="font-medium text-brand-700 underline hover:text-brand-800">
                      {t("home.editDeadlines")}
                    </Link>
                  )}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </Card>
  );
}
