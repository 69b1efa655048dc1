import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { memberExportRows, type MemberExportRow } from "@/lib/data/member-export";
import { getProgressBoard, type ProgressMember, type ProgressRow } from "@/lib/data/progress";
import { getQuotaCompliance, type QuotaGroupRow } from "@/lib/data/quota-compliance";
import {
  listMembersWithLevel,
  listOpenRemediation,
  listOrganizationsExcellent,
  STREAK_YEARS,
  type ListedMember,
  type ListedOrganization,
  type RemediationRow,
} from "@/lib/data/recognition";
import { getReportScope, listDecidedYears, pickYear } from "@/lib/data/report-scope";
import { getStatistics, LEVEL_KEYS, type LevelCounts } from "@/lib/data/statistics";
import { toIsoDate } from "@/lib/i18n/format";
import { vietnamDay } from "@/lib/review/calendar";
import type { ReportQuery } from "@/lib/schemas/reports";
import { genderName, kindName, levelName, memberStatusName, sectorName, stateName, vi } from "@/lib/office/labels";
import { dateCell, streamWorkbook, xlsxResponse, type Column, type Sheet } from "@/lib/office/workbook";

// One builder per exported table: the same use case as the page (so the same scope check and the same
// figures), laid out as sheets with Vietnamese headers.

export const EXPORT_TABLES = [
  "progress",
  "statistics",
  "quota",
  "members",
  "list-excellent",
  "list-streak",
  "list-notCompleted",
  "list-remediation",
  "list-excellentOrganizations",
  "list-streakOrganizations",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const r = vi.reports;
const sheet = <Row>(s: Sheet<Row>) => s as unknown as Sheet<never>;

function levelColumns(first: string, label: (row: LevelCounts) => string): Column<LevelCounts>[] {
  return [
    { header: first, value: label, width: 40 },
    { header: r.statistics.total, type: "int", value: (x) => x.total },
    { header: r.statistics.notRated, type: "int", value: (x) => x.notRated },
    { header: r.statistics.reviewed, type: "int", value: (x) => x.reviewed },
    { header: r.statistics.rated, type: "int", value: (x) => x.rated },
    ...LEVEL_KEYS.flatMap((level): Column<LevelCounts>[] => [
      { header: levelName(level), type: "int", value: (x) => x[level] },
      { header: `${r.statistics.share} ${vi.grading.levelsShort[level]}`, type: "percent", value: (x) => (x.rated ? x[level] / x.rated : null) },
    ]),
  ];
}

const memberColumns: Column<ListedMember>[] = [
  { header: r.lists.member, value: (m) => m.fullName },
  { header: r.lists.cardNumber, value: (m) => m.cardNumber, width: 16 },
  { header: r.lists.cell, value: (m) => m.cell, width: 36 },
  { header: r.lists.grassroots, value: (m) => m.grassroots, width: 36 },
];

export async function exportTable(actor: Actor, table: ExportTable, query: ReportQuery): Promise<Response> {
  const today = toIsoDate(vietnamDay(new Date()));
  switch (table) {
    case "progress": {
      const board = await getProgressBoard(actor, query);
      const rows: ProgressRow[] = board.total ? [...board.rows, { ...board.total, name: r.progress.total.replace("{unit}", board.unit.name) }] : [];
      const p = r.progress;
      const sheets = [
        sheet<ProgressRow>({
          name: "Tiến độ",
          title: `${p.title.replace("{year}", String(board.year))} — ${board.unit.name} (ngày ${today.split("-").reverse().join("/")})`,
          columns: [
            { header: p.unit, value: (x) => x.name, width: 44 },
            { header: "Mã", value: (x) => x.code, width: 12 },
            { header: "Loại", value: (x) => kindName(x.kind), width: 20 },
            { header: p.members, type: "int", value: (x) => x.members },
            ...(["DRAFT", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED", "PUBLISHED", "ABSENT", "NOT_RATED", "UNDER_REREVIEW"] as const).map(
              (s): Column<ProgressRow> => ({ header: stateName(s), type: "int", value: (x) => x.byState[s] }),
            ),
            { header: p.meetings, type: "int", value: (x) => x.meetingsFinalized },
            { header: p.organizations, type: "int", value: (x) => x.organizationsDecided },
            { header: `${p.late}: ${p.lateSelfReview}`, type: "int", value: (x) => x.late.selfReview },
            { header: `${p.late}: ${p.lateMeeting}`, type: "int", value: (x) => x.late.meeting },
            { header: `${p.late}: ${p.lateDecision}`, type: "int", value: (x) => x.late.decision },
            { header: `${p.late}: ${p.lateOrganizations}`, type: "int", value: (x) => x.late.organizations },
          ],
          rows,
        }),
        ...(board.members
          ? [
              sheet<ProgressMember>({
                name: "Đảng viên",
                columns: [
                  { header: p.member, value: (m) => m.fullName },
                  { header: p.cardNumber, value: (m) => m.cardNumber, width: 16 },
                  { header: p.state, value: (m) => stateName(m.state) },
                  { header: p.selfLevel, value: (m) => levelName(m.selfLevel) },
                  { header: p.proposedLevel, value: (m) => levelName(m.proposedLevel) },
                  { header: p.decidedLevel, value: (m) => levelName(m.decidedLevel) },
                  { header: p.late, value: (m) => (m.late ? p.lateYes : "") },
                ],
                rows: board.members,
              }),
            ]
          : []),
      ];
      return xlsxResponse(streamWorkbook(sheets), `tien-do-${board.unit.code}-${board.year}.xlsx`);
    }
    case "statistics": {
      const s = await getStatistics(actor, query);
      const st = r.statistics;
      const overview = s.members
        ? [
            [st.total, s.members.total, s.membersLastYear?.total],
            [st.toRate, s.members.toRate, s.membersLastYear?.toRate],
            [st.reviewed, s.members.reviewed, s.membersLastYear?.reviewed],
            [st.rated, s.members.rated, s.membersLastYear?.rated],
            [st.notRated, s.members.notRated, s.membersLastYear?.notRated],
            [`${st.notRated}: ${st.reasons.EXEMPT}`, s.members.notRatedExempt, s.membersLastYear?.notRatedExempt],
            [`${st.notRated}: ${st.reasons.SUSPENDED}`, s.members.notRatedSuspended, s.membersLastYear?.notRatedSuspended],
            [`${st.notRated}: ${st.reasons.NEW_MEMBER}`, s.members.notRatedNewMember, s.membersLastYear?.notRatedNewMember],
            [`${st.notRated}: ${st.reasons.OTHER}`, s.members.notRatedOther, s.membersLastYear?.notRatedOther],
            [st.absent, s.members.absent, s.membersLastYear?.absent],
            ...LEVEL_KEYS.map((l) => [levelName(l), s.members![l], s.membersLastYear?.[l]]),
            [st.disciplined, s.disciplined.members, null],
          ]
        : [];
      type O = (string | number | null | undefined)[];
      const sheets = [
        sheet<O>({
          name: "Tổng hợp",
          title: `${st.title.replace("{year}", String(s.year))} — ${s.unit.name}`,
          columns: [
            { header: st.what, value: (x) => x[0], width: 44 },
            { header: `Năm ${s.year}`, type: "int", value: (x) => x[1] },
            { header: `Năm ${(s.year ?? 0) - 1}`, type: "int", value: (x) => x[2] },
          ],
          rows: overview,
        }),
        sheet<LevelCounts>({
          name: "Tổ chức đảng",
          columns: levelColumns(st.organizations, (x) => (x.key === "GRASSROOTS" ? st.grassroots : st.subordinate)),
          rows: [s.grassroots, s.subordinate].filter((x): x is LevelCounts => x !== null),
        }),
        sheet<LevelCounts>({ name: "Theo đơn vị", columns: levelColumns(st.unit, (x) => x.label), rows: s.byUnit }),
        sheet<LevelCounts>({ name: "Theo loại hình", columns: levelColumns(st.sector, (x) => sectorName(x.key)), rows: s.bySector }),
        sheet<LevelCounts>({ name: "Theo nhóm tương đồng", columns: levelColumns(st.peerGroup, (x) => x.label), rows: s.byPeerGroup }),
        sheet<LevelCounts>({ name: "Tổ chức theo loại hình", columns: levelColumns(st.sector, (x) => sectorName(x.key)), rows: s.organizationsBySector }),
        sheet<{ label: string; count: number }>({
          name: "Điểm",
          columns: [
            { header: st.scoreRange, value: (x) => x.label, width: 30 },
            { header: st.count, type: "int", value: (x) => x.count },
          ],
          rows: [
            ...s.scoreBuckets.map((b) => ({ label: `${b.from}–${b.to === 100 ? "100" : `${b.to - 1},9`}`, count: b.count })),
            ...s.scoreBands.map((b) => ({ label: st.bands[b.band], count: b.count })),
          ],
        }),
      ];
      return xlsxResponse(streamWorkbook(sheets), `thong-ke-${s.unit.code}-${s.year}.xlsx`);
    }
    case "quota": {
      const q = await getQuotaCompliance(actor, query);
      const qt = r.quota;
      const sheets = [
        sheet<QuotaGroupRow>({
          name: "Tỷ lệ xuất sắc",
          title: `${qt.title.replace("{year}", String(q.year))} — ${q.unit.name}`,
          columns: [
            { header: qt.group, value: (g) => g.name, width: 44 },
            { header: "Mã", value: (g) => g.code, width: 16 },
            { header: qt.kind, value: (g) => qt.kinds[g.kind] },
            { header: qt.decidingOrg, value: (g) => g.decidingOrg, width: 36 },
            { header: qt.subjects, type: "int", value: (g) => g.subjects },
            { header: levelName("EXCELLENT"), type: "int", value: (g) => g.check.excellent },
            { header: levelName("GOOD"), type: "int", value: (g) => g.check.good },
            { header: qt.rate, type: "percent", value: (g) => g.ratePercent / 100 },
            { header: qt.cap, type: "int", value: (g) => g.check.maxExcellent },
            { header: qt.excess, type: "int", value: (g) => g.check.excess },
            { header: qt.status, value: (g) => (!g.check.ok ? qt.over : g.check.excess > 0 ? qt.overAllowed : qt.ok) },
            {
              header: qt.overridesTitle,
              value: (g) => g.overrides.map((o) => `${o.decisionNo} ngày ${o.decidedOn.split("-").reverse().join("/")} (${o.issuer}): ${o.reason}`).join("; "),
              width: 60,
            },
          ],
          rows: q.groups,
        }),
      ];
      return xlsxResponse(streamWorkbook(sheets), `ty-le-xuat-sac-${q.unit.code}-${q.year}.xlsx`);
    }
    case "members": {
      const scope = await getReportScope(actor, query.unit);
      const board = { unit: scope.unit, year: pickYear(scope, query.year, "current") };
      const rows = await memberExportRows(actor, board.unit.id, board.year);
      const l = r.lists;
      const columns: Column<MemberExportRow>[] = [
        { header: l.cardNumber, value: (m) => m.cardNumber, width: 16 },
        { header: l.member, value: (m) => m.fullName },
        { header: "Giới tính", value: (m) => genderName(m.gender), width: 10 },
        { header: "Ngày sinh", type: "date", value: (m) => m.birthDate },
        { header: "Ngày vào Đảng", type: "date", value: (m) => m.admittedOn },
        { header: "Ngày chính thức", type: "date", value: (m) => m.officialOn },
        { header: "Chức vụ", value: (m) => m.post },
        { header: "Tình trạng", value: (m) => memberStatusName(m.status) },
        { header: l.cell, value: (m) => m.cell, width: 36 },
        { header: l.grassroots, value: (m) => m.grassroots, width: 36 },
        { header: `Hồ sơ năm ${board.year}`, value: (m) => stateName(m.state) },
        { header: `Xếp loại năm ${board.year}`, value: (m) => levelName(m.decidedLevel) },
      ];
      return xlsxResponse(streamWorkbook([sheet<MemberExportRow>({ name: "Đảng viên", columns, rows })]), `dang-vien-${board.unit.code}.xlsx`);
    }
    default: {
      const scope = await getReportScope(actor, query.unit);
      const rec = { unit: scope.unit, year: pickYear(scope, query.year, "decided", await listDecidedYears(scope.unit.id)) };
      const year = rec.year ?? 0;
      const unitId = rec.unit.id;
      const l = r.lists;
      if (table === "list-remediation") {
        const columns: Column<RemediationRow>[] = [
          { header: l.deadline, type: "date", value: (i) => dateCell(i.deadline) },
          { header: l.member, value: (i) => i.fullName },
          { header: l.cardNumber, value: (i) => i.cardNumber, width: 16 },
          { header: l.cell, value: (i) => i.cell, width: 36 },
          { header: l.grassroots, value: (i) => i.grassroots, width: 36 },
          { header: l.year, type: "int", value: (i) => i.year },
          { header: l.shortcoming, value: (i) => i.shortcoming, width: 50 },
          { header: l.measures, value: (i) => i.measures, width: 50 },
          { header: l.responsible, value: (i) => i.responsible },
          { header: l.status, value: (i) => l.statuses[i.status] },
          { header: l.overdue, value: (i) => (i.overdue ? l.overdue : "") },
        ];
        return xlsxResponse(
          streamWorkbook([
            sheet<RemediationRow>({ name: "Khắc phục", title: `${l.remediation} — ${rec.unit.name}`, columns, rows: await listOpenRemediation(unitId, today) }),
          ]),
          `khac-phuc-${rec.unit.code}.xlsx`,
        );
      }
      if (table === "list-excellentOrganizations" || table === "list-streakOrganizations") {
        const from = table === "list-excellentOrganizations" ? year : year - STREAK_YEARS + 1;
        const title =
          table === "list-excellentOrganizations"
            ? l.excellentOrganizations.replace("{year}", String(year))
            : l.streakOrganizations.replace("{from}", String(from)).replace("{to}", String(year));
        const columns: Column<ListedOrganization>[] = [
          { header: l.organization, value: (o) => o.name, width: 40 },
          { header: l.code, value: (o) => o.code, width: 16 },
          { header: l.parent, value: (o) => o.parent, width: 40 },
        ];
        const rows = rec.year ? await listOrganizationsExcellent(unitId, from, year) : [];
        return xlsxResponse(
          streamWorkbook([sheet<ListedOrganization>({ name: "Danh sách", title: `${title} — ${rec.unit.name}`, columns, rows })]),
          `${table}-${rec.unit.code}-${year}.xlsx`,
        );
      }
      const [from, level, title] =
        table === "list-excellent"
          ? ([year, "EXCELLENT", l.excellent.replace("{year}", String(year))] as const)
          : table === "list-streak"
            ? ([year - STREAK_YEARS + 1, "EXCELLENT", l.streak.replace("{from}", String(year - STREAK_YEARS + 1)).replace("{to}", String(year))] as const)
            : ([year - 1, "NOT_COMPLETED", l.notCompleted.replace("{from}", String(year - 1)).replace("{to}", String(year))] as const);
      const rows = rec.year ? await listMembersWithLevel(unitId, from, year, level) : [];
      return xlsxResponse(
        streamWorkbook([sheet<ListedMember>({ name: "Danh sách", title: `${title} — ${rec.unit.name}`, columns: memberColumns, rows })]),
        `${table}-${rec.unit.code}-${year}.xlsx`,
      );
    }
  }
}
