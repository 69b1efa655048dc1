"use client";

import { createColumnHelper, createPaginatedRowModel, rowPaginationFeature, tableFeatures, useTable, type PaginationState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { Field, Select, Textarea, TextInput } from "@/components/forms/field";
import { Options } from "@/components/forms/options";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { publishDecisionsAction, saveDecisionsAction, sendBackRecordsAction } from "@/lib/actions/decisions";
import { evaluateSubject } from "@/lib/grading/evaluate";
import { levelRefusal, type LevelRefusal } from "@/lib/grading/refusal";
import { quotaRuleFor } from "@/lib/grading/quota";
import { LEVELS, type Level, type QuotaBase, type SubjectVerdict } from "@/lib/grading/types";
import type { RuleSetId } from "@/lib/grading/rule-sets";
import { decidedGroupCheck, yearFlags, type GroupMember, type YearFlag } from "@/lib/review/decisions";
import { recordSubject, type MemberStanding, type StoredRecordFacts } from "@/lib/review/facts";
import type { RecordState } from "@/lib/review/workflow";
import {
  decisionsOf,
  DeskBar,
  GroupQuotaSection,
  reasonsMissing,
  type Choice,
  type DecidableRecord,
  LevelOptions,
  ReasonButton,
  useDeskAction,
} from "./decision-parts";
import { LevelBadge } from "./level-badge";
import { TaskCapLines, type TaskCapSource } from "./task-cap-lines";

export type DeskRecord = DecidableRecord & {
  memberId: string;
  fullName: string;
  cellId: string;
  voteTally: Record<string, number> | null;
  opinions: number;
  earlierLevels: (Level | null)[];
  hasRemediationPlan: boolean;
  own: boolean;
  standing: MemberStanding;
  facts: StoredRecordFacts;
  /** The tasks behind a task cap, under a cycle that counts the tasks from the register. */
  taskCaps?: TaskCapSource | null;
};

export type DeskGroup = {
  id: string;
  code: string;
  name: string;
  overrides: { id: string; decisionNo: string; decidedOn: string; issuer: string; reason: string; ratePercent: number | null }[];
};

type Props = {
  organizationId: string;
  cycle: { year: number; ruleSet: RuleSetId; ratingDate: string; quotaBase: QuotaBase };
  groups: DeskGroup[];
  cells: { id: string; name: string; finalized: boolean; counts: Partial<Record<RecordState, number>> }[];
  records: DeskRecord[];
};

const DECIDABLE: RecordState[] = ["REVIEWED", "DECIDED"];
const PAGE_SIZE = 25;

type Row = DeskRecord & { verdict: SubjectVerdict; cellName: string };

/** The desk's choices, read by the cells of the table without rebuilding its columns on every keystroke. */
const DeskContext = createContext<{
  choices: Record<string, Choice>;
  setChoice: (recordId: string, choice: Partial<Choice>) => void;
  errors: Record<string, string>;
  pending: boolean;
  sendBack: (recordId: string, reason: string) => void;
}>({ choices: {}, setChoice: () => {}, errors: {}, pending: false, sendBack: () => {} });

const features = tableFeatures({ rowPaginationFeature, paginatedRowModel: createPaginatedRowModel() });
const helper = createColumnHelper<typeof features, Row>();

/** The level chosen is above the highest the rules allow this member. */
/** Why the rules refuse the level chosen for a row (the server asks the same before it writes), or null. */
function refusalOf(row: Row, choice: Choice | undefined): LevelRefusal | null {
  if (!choice?.level || row.own || !DECIDABLE.includes(row.state)) return null;
  return levelRefusal(row.verdict, choice.level);
}

const initialChoice = (r: DeskRecord): Choice => ({ level: r.decidedLevel ?? r.proposedLevel, reason: r.decisionReason ?? "" });

export function DecisionDesk({ organizationId, cycle, groups, cells, records }: Props) {
  const t = useTranslations("decide");
  const tAll = useTranslations();
  const { call, pending, status, setStatus, rowErrors: errors, setRowErrors: setErrors } = useDeskAction();
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(records.map((r) => [r.recordId, initialChoice(r)])));
  const [filters, setFilters] = useState({ cell: "", proposed: "", flagged: false, differs: false, above: false, query: "" });
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  // A new filter starts again at the first page.
  const filterBy = (patch: Partial<typeof filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };

  const cellNames = useMemo(() => new Map(cells.map((c) => [c.id, c.name])), [cells]);
  // What the rules allow does not depend on the level chosen: one evaluation per record, once.
  const rows: Row[] = useMemo(
    () =>
      records.map((r) => ({
        ...r,
        cellName: cellNames.get(r.cellId) ?? "",
        verdict: evaluateSubject(recordSubject(r.standing, r.facts, { peerGroup: r.peerGroupId ?? "", proposed: r.proposedLevel ?? "GOOD" }), {
          ruleSet: cycle.ruleSet,
          ratingDate: cycle.ratingDate,
        }),
      })),
    [records, cellNames, cycle.ruleSet, cycle.ratingDate],
  );

  const setChoice = (recordId: string, choice: Partial<Choice>) => {
    setChoices((current) => ({ ...current, [recordId]: { ...current[recordId], ...choice } }));
    setErrors((current) => {
      if (!(recordId in current)) return current;
      const { [recordId]: _gone, ...rest } = current;
      return rest;
    });
  };

  // The groups' arithmetic with the desk's choices as if saved: the same function the server runs.
  const groupChecks = useMemo(
    () =>
      groups.map((g) => {
        const members: GroupMember[] = rows
          .filter((r) => r.peerGroupId === g.id)
          .map((r) => {
            const level = DECIDABLE.includes(r.state) && !r.own ? choices[r.recordId]?.level : null;
            return level
              ? { state: "DECIDED", proposedLevel: r.proposedLevel, decidedLevel: level }
              : { state: r.state, proposedLevel: r.proposedLevel, decidedLevel: r.decidedLevel };
          });
        const override = g.overrides[0];
        const rule = quotaRuleFor(cycle.ruleSet, override ? { ratePercent: override.ratePercent ?? undefined } : null);
        return { group: g, check: decidedGroupCheck(members, cycle.quotaBase, override !== undefined, rule), override };
      }),
    [groups, rows, choices, cycle.ruleSet, cycle.quotaBase],
  );

  const filtered = useMemo(() => {
    const query = filters.query.trim().toLocaleLowerCase("vi");
    return rows.filter((r) => {
      const choice = choices[r.recordId];
      if (filters.cell && r.cellId !== filters.cell) return false;
      if (filters.proposed && r.proposedLevel !== filters.proposed) return false;
      if (filters.flagged && r.verdict.reasons.length === 0) return false;
      if (filters.differs && choice?.level === r.proposedLevel) return false;
      if (filters.above && !refusalOf(r, choice)) return false;
      if (query && !r.fullName.toLocaleLowerCase("vi").includes(query)) return false;
      return true;
    });
  }, [rows, choices, filters]);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: "member", header: () => t("columns.member"), cell: ({ row }) => <MemberCell row={row.original} /> }),
        helper.display({ id: "proposal", header: () => t("columns.proposal"), cell: ({ row }) => <ProposalCell row={row.original} /> }),
        helper.display({ id: "rules", header: () => t("columns.rules"), cell: ({ row }) => <RulesCell row={row.original} /> }),
        helper.display({ id: "decision", header: () => t("columns.decision"), cell: ({ row }) => <DecisionCell row={row.original} /> }),
        helper.display({ id: "sendBack", header: () => t("columns.sendBack"), cell: ({ row }) => <SendBack row={row.original} /> }),
      ]),
    [t],
  );

  const table = useTable({ features, columns, data: filtered, state: { pagination }, onPaginationChange: setPagination });

  const changed = rows.filter((r) => {
    const choice = choices[r.recordId];
    return (
      DECIDABLE.includes(r.state) &&
      !r.own &&
      choice?.level &&
      (r.state === "REVIEWED" || choice.level !== r.decidedLevel || (choice.reason ?? "") !== (r.decisionReason ?? ""))
    );
  });
  const undecided = rows.filter((r) => r.state === "REVIEWED").length;
  const decidedCount = rows.filter((r) => r.state === "DECIDED").length;

  const save = () => {
    // A level the rules refuse is refused by the server too; say so before sending anything.
    const refused = changed.flatMap((r) => {
      const refusal = refusalOf(r, choices[r.recordId]);
      return refusal ? [[r.recordId, refusal] as const] : [];
    });
    if (refused.length > 0) {
      setErrors(Object.fromEntries(refused));
      setStatus({ tone: "error", message: t("aboveMissing", { count: refused.length }) });
      return;
    }
    const missingReason = reasonsMissing(changed, choices);
    if (missingReason.length > 0) {
      setErrors(Object.fromEntries(missingReason.map((r) => [r.recordId, "DECISION_REASON_REQUIRED"])));
      setStatus({ tone: "error", message: t("reasonsMissing", { count: missingReason.length }) });
      return;
    }
    call(
      () => saveDecisionsAction({ organizationId, decisions: decisionsOf(changed, choices) }),
      ({ decided }) => t("saved", { count: decided }),
    );
  };

  const publish = () =>
    call(
      () => publishDecisionsAction({ organizationId }),
      ({ published }) => t("published", { count: published }),
    );
  const sendBackCell = (cellId: string, reason: string) =>
    call(
      () => sendBackRecordsAction({ organizationId, cellId, reason }),
      ({ sentBack }) => t("cellSentBack", { count: sentBack }),
    );
  const sendBack = (recordId: string, reason: string) =>
    call(
      () => sendBackRecordsAction({ organizationId, recordIds: [recordId], reason }),
      () => t("sentBack"),
    );

  const waitingCells = cells.filter((c) => !c.finalized);
  const overCap = groupChecks.some(({ check }) => !check.ok);

  return (
    <DeskContext.Provider value={{ choices, setChoice, errors, pending, sendBack }}>
      <div className="space-y-6">
        <GroupQuotaSection
          titleId="groups-title"
          checks={groupChecks}
          cycle={cycle}
          emptyText={t("noGroups")}
          onOverrideRecorded={(no, group) => setStatus({ tone: "success", message: t("override.recorded", { no, group }) })}
        />

        {waitingCells.length > 0 ? (
          <section aria-labelledby="waiting-title" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
            <h2 id="waiting-title" className="text-base font-semibold text-amber-900">
              {t("waitingTitle", { count: waitingCells.length })}
            </h2>
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {waitingCells.map((c) => (
                <li key={c.id}>
                  <Link href={`/units/${c.id}/review`} className="text-brand-700 underline hover:text-brand-800">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {cells.some((c) => c.finalized) ? <SendBackCell cells={cells.filter((c) => c.finalized)} pending={pending} onSend={sendBackCell} /> : null}

        <section aria-labelledby="records-title" className="space-y-3">
          <h2 id="records-title" className="text-lg font-semibold text-slate-900">
            {t("recordsTitle", { count: rows.length, undecided })}
          </h2>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col gap-1">
              <span>{t("filters.search")}</span>
              <TextInput type="search" widthClass="w-auto" value={filters.query} onChange={(e) => filterBy({ query: e.target.value })} />
            </label>
            <FilterSelect label={t("filters.cell")} value={filters.cell} onChange={(cell) => filterBy({ cell })}>
              <Options values={cells.map((c) => c.id)} label={(id) => cellNames.get(id)} all={tAll("common.all")} />
            </FilterSelect>
            <FilterSelect label={t("filters.proposed")} value={filters.proposed} onChange={(proposed) => filterBy({ proposed })}>
              <Options values={LEVELS} label={(level) => tAll(`grading.levels.${level}`)} all={tAll("common.all")} />
            </FilterSelect>
            <label className="flex min-h-10 items-center gap-2">
              <input type="checkbox" className="size-5" checked={filters.flagged} onChange={(e) => filterBy({ flagged: e.target.checked })} />
              {t("filters.flagged")}
            </label>
            <label className="flex min-h-10 items-center gap-2">
              <input type="checkbox" className="size-5" checked={filters.differs} onChange={(e) => filterBy({ differs: e.target.checked })} />
              {t("filters.differs")}
            </label>
            <label className="flex min-h-10 items-center gap-2">
              <input type="checkbox" className="size-5" checked={filters.above} onChange={(e) => filterBy({ above: e.target.checked })} />
              {t("filters.above")}
            </label>
          </div>

          {filtered.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
              {rows.length === 0 ? t("empty") : tAll("common.noResults")}
            </p>
          ) : (
            <div className="rounded-lg border border-slate-200 bg-white md:overflow-x-auto">
              {/* On a phone each row is a card (cells stacked); from md up, a table. */}
              <table className="block min-w-full text-sm md:table md:divide-y md:divide-slate-200">
                <caption className="sr-only">{t("tableCaption")}</caption>
                <thead className="hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 md:table-header-group">
                  {table.getHeaderGroups().map((group) => (
                    <tr key={group.id}>
                      {group.headers.map((header) => (
                        <th key={header.id} scope="col" className="px-3 py-2">
                          <table.FlexRender header={header} />
                        </th>
                      ))}
                    </tr>
                  ))}
                </thead>
                <tbody className="block divide-y divide-slate-200 md:table-row-group md:divide-slate-100">
                  {table.getRowModel().rows.map((row) => (
                    <tr key={row.id} data-testid="desk-row" data-record={row.original.recordId} className="block py-2 align-top md:table-row md:py-0">
                      {row.getAllCells().map((cell) => (
                        <td key={cell.id} className="block px-3 py-1.5 md:table-cell md:py-3">
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {table.getPageCount() > 1 ? (
            <nav
              aria-label={tAll("common.pageOf", { page: pagination.pageIndex + 1, pageCount: table.getPageCount() })}
              className="flex items-center justify-between gap-2"
            >
              <Button type="button" variant="secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
                ← {tAll("common.previous")}
              </Button>
              <span className="text-sm text-slate-600">{tAll("common.pageOf", { page: pagination.pageIndex + 1, pageCount: table.getPageCount() })}</span>
              <Button type="button" variant="secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
                {tAll("common.next")} →
              </Button>
            </nav>
          ) : null}
        </section>

        <DeskBar status={status} idle={t("changes", { count: changed.length })}>
          <Button type="button" onClick={save} disabled={pending || changed.length === 0}>
            {pending ? tAll("common.saving") : t("save", { count: changed.length })}
          </Button>
          <ConfirmButton
            message={t("publishConfirm", { decided: decidedCount, undecided })}
            confirmLabel={t("publish")}
            cancelLabel={t("cancel")}
            onConfirm={publish}
            disabled={pending || decidedCount === 0 || changed.length > 0 || overCap}
          >
            {t("publish")}
          </ConfirmButton>
        </DeskBar>
      </div>
    </DeskContext.Provider>
  );
}

function MemberCell({ row }: { row: Row }) {
  const t = useTranslations("decide");
  const { choices } = useContext(DeskContext);
  const flags: YearFlag[] = yearFlags(row.earlierLevels, choices[row.recordId]?.level ?? null);
  return (
    <div className="min-w-48 space-y-1">
      <Link href={`/reviews/${row.recordId}`} className="font-medium text-brand-700 underline hover:text-brand-800">
        {row.fullName}
      </Link>
      <p className="text-xs text-slate-600">
        {row.cellName} ·{" "}
        <Link href={`/units/${row.cellId}/meeting`} className="underline">
          {t("minutes")}
        </Link>
      </p>
      <p className="flex flex-wrap gap-1">
        <Badge tone={row.opinions > 0 ? "neutral" : "amber"}>{t("opinions", { count: row.opinions })}</Badge>
        {row.state === "UNDER_REREVIEW" ? <Badge tone="amber">{t("underRereview")}</Badge> : null}
        {row.state === "PUBLISHED" ? <Badge tone="green">{t("publishedBadge")}</Badge> : null}
        {(row.state === "DECIDED" || row.state === "PUBLISHED") && row.decidedLevel === "NOT_COMPLETED" && !row.hasRemediationPlan ? (
          <Link href={`/reviews/${row.recordId}#remediation`} className="text-xs font-medium text-red-700 underline">
            {t("needsPlan")}
          </Link>
        ) : null}
        {flags.map((flag) => (
          <Badge key={flag} tone={flag === "EXCELLENT_FIVE_YEARS" ? "green" : "red"}>
            {t(`flags.${flag}`)}
          </Badge>
        ))}
      </p>
    </div>
  );
}

function ProposalCell({ row }: { row: Row }) {
  const t = useTranslations("decide");
  const tAll = useTranslations();
  const votes = row.proposedLevel && row.voteTally ? row.voteTally[row.proposedLevel] : null;
  return (
    <div className="min-w-36 space-y-1">
      {row.proposedLevel ? <LevelBadge level={row.proposedLevel} /> : <span className="text-slate-500">—</span>}
      {votes !== null && row.voteTally?.votersPresent ? (
        <p className="text-xs text-slate-600">{t("votes", { votes, voters: row.voteTally.votersPresent })}</p>
      ) : null}
      <p className="text-xs text-slate-600">{row.selfLevel ? t("selfLevel", { level: tAll(`grading.levels.${row.selfLevel}`) }) : t("noSelfLevel")}</p>
    </div>
  );
}

function RulesCell({ row }: { row: Row }) {
  const t = useTranslations("decide");
  const tAll = useTranslations();
  const { verdict } = row;
  return (
    <div className="min-w-48 max-w-80 space-y-1 text-xs text-slate-700">
      {verdict.maxLevel ? (
        <p>
          {verdict.forced ? t("forced") : t("maxLevel")} <LevelBadge level={verdict.maxLevel} />
        </p>
      ) : null}
      {verdict.reasons.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-4">
          {verdict.reasons.map((code) => (
            <li key={code}>
              {tAll(`grading.reasons.${code}`)}
              <TaskCapLines code={code} reasons={verdict.reasons} source={row.taskCaps} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-emerald-800">{t("noCap")}</p>
      )}
    </div>
  );
}

function DecisionCell({ row }: { row: Row }) {
  const t = useTranslations("decide");
  const { choices, setChoice, errors } = useContext(DeskContext);
  const choice = choices[row.recordId] ?? { level: null, reason: "" };
  const editable = DECIDABLE.includes(row.state) && !row.own;
  const differs = choice.level !== null && choice.level !== row.proposedLevel;
  const error = errors[row.recordId] ?? refusalOf(row, choice);
  const selectId = `decision-${row.recordId}`;
  if (row.own) return <p className="max-w-48 text-xs text-slate-600">{t("ownRecord")}</p>;
  if (!editable) {
    return row.decidedLevel ? <LevelBadge level={row.decidedLevel} /> : <span className="text-slate-500">—</span>;
  }
  return (
    <div className="min-w-48 space-y-2">
      <Field
        label={t("decisionFor", { name: row.fullName })}
        hideLabel
        id={selectId}
        error={error ? t(`rowErrors.${error}` as "rowErrors.STALE_EDIT") : undefined}
        compact
      >
        <Select
          value={choice.level ?? ""}
          // Back at the cell's proposal, no reason is needed: a reason typed for another level is dropped.
          onChange={(e) => {
            const level = (e.target.value || null) as Level | null;
            setChoice(row.recordId, level === row.proposedLevel ? { level, reason: "" } : { level });
          }}
        >
          <LevelOptions maxLevel={row.verdict.maxLevel} />
        </Select>
      </Field>
      {row.state === "DECIDED" ? <p className="text-xs text-slate-600">{t("decidedAlready")}</p> : null}
      {differs ? (
        <Field label={t("reasonFor", { name: row.fullName })} compact>
          <Textarea
            compact
            rows={2}
            value={choice.reason}
            onChange={(e) => setChoice(row.recordId, { reason: e.target.value })}
            aria-invalid={error === "DECISION_REASON_REQUIRED" ? true : undefined}
            aria-describedby={error === "DECISION_REASON_REQUIRED" ? `${selectId}-error` : undefined}
          />
        </Field>
      ) : null}
    </div>
  );
}

function SendBack({ row }: { row: Row }) {
  const t = useTranslations("decide");
  const { pending, sendBack } = useContext(DeskContext);
  return (
    <ReasonButton
      compact
      label={t("sendBack")}
      ariaLabel={t("sendBackFor", { name: row.fullName })}
      reasonLabel={t("sendBackReason", { name: row.fullName })}
      confirmLabel={t("sendBackConfirm")}
      cancelLabel={t("cancel")}
      disabled={pending || row.own || !["REVIEWED", "DECIDED", "PUBLISHED"].includes(row.state)}
      onSend={(reason) => sendBack(row.recordId, reason)}
    />
  );
}

/** Sends every record of one cell back for a new review (a meeting held wrongly, a complaint). */
function SendBackCell({
  cells,
  pending,
  onSend,
}: {
  cells: { id: string; name: string }[];
  pending: boolean;
  onSend: (cellId: string, reason: string) => void;
}) {
  const t = useTranslations("decide");
  const [cellId, setCellId] = useState(cells[0]?.id ?? "");
  const [reason, setReason] = useState("");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-slate-900">{t("sendBackCell.title")}</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <Field label={t("sendBackCell.cell")}>
          <Select value={cellId} onChange={(e) => setCellId(e.target.value)}>
            <Options values={cells.map((c) => c.id)} label={(id) => cells.find((c) => c.id === id)?.name} />
          </Select>
        </Field>
        <Field label={t("sendBackCell.reason")}>
          <Textarea compact rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="sm:col-span-2">
          <ConfirmButton
            message={t("sendBackCell.confirm", { cell: cells.find((c) => c.id === cellId)?.name ?? "" })}
            confirmLabel={t("sendBackConfirm")}
            cancelLabel={t("cancel")}
            onConfirm={() => onSend(cellId, reason.trim())}
            disabled={pending || reason.trim() === "" || cellId === ""}
          >
            {t("sendBackCell.submit")}
          </ConfirmButton>
        </div>
      </div>
    </details>
  );
}

/** A filter of the desk's list: every option, or one. */
function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1">
      <span>{label}</span>
      <Select widthClass="w-auto" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </Select>
    </label>
  );
}
