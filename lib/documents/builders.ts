import { LEVELS, type Level, type RuleSetId } from "@/lib/grading";
import { scoreTotals, type ScoreSheetContent } from "@/lib/grading/score-sheet";
import { vi } from "@/lib/office/labels";
import {
  ACHIEVEMENT_SECTIONS,
  COLLECTIVE_REPORT_SECTIONS,
  OPTIONAL_SECTIONS,
  type CollectiveReport,
  type CollectiveReportSection,
} from "@/lib/review/collective-report";
import { adoptedLevel, quorum, type MeetingRules, type Tally } from "@/lib/review/meeting";
import { QD124_CRITERIA, type SelfReviewContent, type SelfReviewTemplate } from "@/lib/review/templates";
import { shareOf } from "@/lib/reports/share";
import { bodyOf, committeeOf, placeOf, type DocBlock, type OfficialDocument, type Signature } from "./model";
import { yearTaskBlocks, type AppendixTask } from "./task-appendix";

// From what the use cases return to the document model: the self-review, the minutes, the grassroots
// committee's list of decided member levels, the standing committee's decision on organizations' levels,
// and the yearly statistics report. Pure: the inputs are plain data, the texts are the Vietnamese messages.

const app = vi.app;
const levelName = (level: string | null | undefined) => (level ? (vi.grading.levels as Record<string, string>)[level] : "");
const dmy = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join("/") : "…");
const num = (n: number) => n.toLocaleString("vi-VN");
const pct = (n: number, whole: number) => {
  const s = shareOf(n, whole);
  return s === null ? "—" : `${s.toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
};
const reasonName = (reason: string | null | undefined) => (reason ? ((vi.reports.statistics.reasons as Record<string, string>)[reason] ?? reason) : "");

export type Heading = { name: string; kind: string; parentName: string | null; upperCommittee: string | null };

/** "ĐẢNG BỘ HUYỆN AN HÒA / ĐẢNG ỦY XÃ AN BÌNH" for a grassroots unit; the cell under its đảng bộ. */
function header(h: Heading): Pick<OfficialDocument, "upperBody" | "issuer" | "place"> {
  const place = placeOf(h.upperCommittee ?? h.parentName ?? h.name);
  if (h.kind === "CHI_BO_TRUC_THUOC" || h.kind === "DANG_BO_BO_PHAN")
    return { upperBody: h.parentName ? h.parentName : undefined, issuer: committeeOf(h.name), place };
  if (h.kind === "UPPER_COMMITTEE") return { upperBody: h.parentName ? bodyOf(h.parentName) : undefined, issuer: h.name, place: placeOf(h.name) };
  return { upperBody: h.upperCommittee ? bodyOf(h.upperCommittee) : undefined, issuer: committeeOf(h.name), place };
}

/** Who signs for a unit: the standing committee of an upper committee, the đảng ủy, or the chi bộ. */
function signerOf(h: Heading): Signature {
  if (h.kind === "UPPER_COMMITTEE") return { capacity: "T/M Ban Thường vụ", title: "Bí thư" };
  if (/^Đảng bộ/u.test(h.name)) return { capacity: "T/M Đảng ủy", title: "Bí thư" };
  return { capacity: "T/M Chi bộ", title: "Bí thư" };
}

/**
 * The issuing body's own symbol in a document's number (Hướng dẫn thể thức văn bản của Đảng): TU for a
 * tỉnh ủy or thành ủy, HU for a huyện ủy, QU for a quận ủy, ĐU for a đảng ủy, CB for a chi bộ.
 */
/**
 * The 100-point sheet as a table: each group with its sum out of 30 or 70, its items with their points out
 * of their maximum, and the total once every item is scored ("…" stands for a point not given yet).
 */
function scoreSheetTable(
  sheet: ScoreSheetContent,
  scored: Parameters<typeof scoreTotals>[1],
  shown: Readonly<Record<string, number | null | undefined>>,
  totalLabel: string,
): DocBlock {
  const totals = scoreTotals(sheet, scored);
  const points = (v: number | null | undefined) => (v === null || v === undefined ? "…" : v.toLocaleString("vi-VN"));
  const rows: string[][] = [];
  const bold: number[] = [];
  for (const group of sheet.groups) {
    bold.push(rows.length);
    const sum = (group.key === "GENERAL" ? totals.generalTenths : totals.resultsTenths) / 10;
    rows.push([(app.cycle.groups as Record<string, string>)[group.key], `${points(sum)}/${group.key === "GENERAL" ? 30 : 70}`]);
    for (const item of group.items) rows.push([`   ${item.label}`, `${points(shown[item.key])}/${points(item.maxPoints)}`]);
  }
  bold.push(rows.length);
  rows.push([totalLabel, totals.complete ? `${points((totals.generalTenths + totals.resultsTenths) / 10)}/100` : "…/100"]);
  return {
    kind: "table",
    columns: [
      { header: "Tiêu chí", width: 8 },
      { header: "Điểm", width: 2, align: "right" },
    ],
    rows,
    boldRows: bold,
  };
}

export function numberSuffix(h: Pick<Heading, "kind" | "name">): string {
  const name = h.name.normalize("NFC");
  if (/^(Tỉnh|Thành|Thị) ủy/u.test(name)) return "TU";
  if (/^Huyện ủy/u.test(name)) return "HU";
  if (/^Quận ủy/u.test(name)) return "QU";
  if (/^(Đảng ủy|Đảng bộ)/u.test(name)) return "ĐU";
  if (/^Chi bộ/u.test(name)) return "CB";
  return h.kind === "UPPER_COMMITTEE" ? "ĐU" : "CB";
}

/** A committee's own paper (a list, a decision, a report): numbered after its kind, dated today, signed by its head. */
function committeePaper(
  heading: Heading,
  kind: "DS" | "QĐ" | "BC",
  paper: Pick<OfficialDocument, "year" | "title" | "subtitle" | "blocks" | "recipients"> & { today: string },
): OfficialDocument {
  const { today, ...rest } = paper;
  return { ...header(heading), number: `Số:       -${kind}/${numberSuffix(heading)}`, date: today, ...rest, signatures: [signerOf(heading)] };
}

/** "II. Hạn chế…" → "Hạn chế…": headings are numbered where they are printed, so a form without a section skips no number. */
const stripNumber = (heading: string) => heading.replace(/^[IVX]+\.\s*/u, "");
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const basis = (ruleSet: RuleSetId | null) =>
  ruleSet ? `Căn cứ ${vi.grading.ruleSets[ruleSet].replace(/ \(.*\)$/u, "")} về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên;` : "";

// ───────────────────────────── the member's self-review ─────────────────────────────

export type SelfReviewInput = {
  heading: Heading;
  member: { fullName: string; cardNumber: string; birthDate: Date; post: string | null; cell: { name: string } };
  cycle: { year: number };
  template: SelfReviewTemplate;
  sheet: ScoreSheetContent | null;
  content: SelfReviewContent;
  submittedAt: Date | null;
  enteredOnBehalfBy: string | null;
};

export function selfReviewDocument(input: SelfReviewInput, scoredItems: Record<string, number>): OfficialDocument {
  const { member, cycle, template, sheet, content } = input;
  const s = app.selfReview;
  const sections = s.sections as Record<string, string>;
  const textSections = template.sections.filter((x) => x.kind === "text");
  const strengths = textSections.filter((x) => !["shortcomings", "explanations", "collectiveResponsibility", "measures"].includes(x.key));
  const under366 = template.ruleSet === "QD366_HD43";
  const blocks: DocBlock[] = [
    {
      kind: "paragraph",
      text: `Họ và tên: ${member.fullName}. Ngày sinh: ${dmy(member.birthDate.toISOString().slice(0, 10))}. Số thẻ đảng viên: ${member.cardNumber}.`,
      indent: false,
    },
    // The form's header asks the posts (Party, government, mass organization) and the workplace; the register
    // keeps the posts in one line, the workplace is written by hand.
    { kind: "paragraph", text: `${s.postsLine}: ${member.post ?? "…"}. ${s.workplaceLine}: …`, indent: false },
    { kind: "paragraph", text: `Chi bộ: ${member.cell.name}.`, indent: false },
    { kind: "heading", text: s.partA },
    { kind: "heading", text: s.strengths },
  ];
  strengths.forEach((section, i) => {
    blocks.push({ kind: "paragraph", text: `${i + 1}. ${sections[section.key]}`, bold: true, italic: true, indent: false });
    blocks.push({ kind: "paragraph", text: content.texts[section.key]?.trim() || "…" });
  });
  let partA = 1; // I is the strengths
  for (const section of template.sections.filter((x) => !strengths.includes(x) && !["scores", "criteria", "selfLevel"].includes(x.kind))) {
    blocks.push({ kind: "heading", text: `${ROMAN[partA++]}. ${stripNumber(sections[section.key])}` });
    if (section.kind === "remediation") {
      if (content.remediation.length === 0) blocks.push({ kind: "paragraph", text: s.noShortcomings });
      content.remediation.forEach((item, i) => {
        blocks.push({ kind: "paragraph", text: `${i + 1}. ${item.shortcoming}`, italic: true });
        blocks.push({ kind: "paragraph", text: item.answer?.trim() || "…" });
      });
    } else blocks.push({ kind: "paragraph", text: content.texts[section.key]?.trim() || "…" });
  }
  blocks.push({ kind: "heading", text: s.partB });
  let partB = 0;
  if (sheet) {
    blocks.push({ kind: "heading", text: `${ROMAN[partB++]}. ${stripNumber(sections.scores)}` });
    blocks.push(scoreSheetTable(sheet, scoredItems, content.scores, s.totalLabel));
  }
  if (template.sections.some((x) => x.kind === "criteria")) {
    blocks.push({ kind: "heading", text: `${ROMAN[partB++]}. ${stripNumber(sections.criteria)}` });
    for (const key of QD124_CRITERIA)
      blocks.push({
        kind: "paragraph",
        text: `${sections[key]}: ${content.criteria[key] ? (vi.grading.criterionGrades as Record<string, string>)[content.criteria[key]!] : "…"}`,
        indent: false,
      });
  }
  blocks.push({ kind: "heading", text: `${ROMAN[partB]}. ${stripNumber(sections.selfLevel)}` });
  blocks.push({ kind: "paragraph", text: content.selfLevel ? levelName(content.selfLevel) : "…" });
  // Mẫu 2B goes up with an annex on the year's task results (HD 43 7.12).
  if (template.form === "2B") blocks.push({ kind: "paragraph", text: s.annex2B, italic: true, indent: false });
  const h = header(input.heading);
  return {
    upperBody: input.heading.parentName ?? undefined,
    issuer: member.cell.name,
    place: h.place,
    date: input.submittedAt ? input.submittedAt.toISOString().slice(0, 10) : null,
    year: cycle.year,
    // The code as printed on the form: "Mẫu 2B-HD KĐ.ĐG 2025" (HD 43), "Mẫu 02A-HD KĐ.ĐG 2023" (HD 25).
    form: s.formName.replace("{form}", `${template.form}-HD KĐ.ĐG ${under366 ? 2025 : 2023}`),
    title: (under366 ? s.printTitle : s.printTitle124).replace("{year}", String(cycle.year)),
    subtitle: under366 ? undefined : template.form === "02B" ? s.leaderSubtitle : s.nonLeaderSubtitle,
    blocks,
    signatures: [{ capacity: s.signature, name: member.fullName }],
    footnote: input.enteredOnBehalfBy ? s.onBehalf.replace("{name}", input.enteredOnBehalfBy) : undefined,
  };
}

// ───────────────────────────── the meeting's minutes ─────────────────────────────

export type MinutesInput = {
  heading: Heading;
  cell: { name: string };
  cycle: { year: number };
  minutes: {
    heldOn: string;
    place: string;
    chairName: string;
    recorderName: string;
    attendance: { memberId: string; present: boolean; absenceReason: string }[];
    collectiveReview: string;
    reviews: { memberId: string; selfReviewSummary: string; critiques: { by: string; text: string }[]; vote: Tally | null }[];
  };
  members: { memberId: string; fullName: string; official: boolean; status: string; selfLevel: string | null; proposedLevel: string | null }[];
  finalized: boolean;
  /** The cycle's meeting rules (quorum, adoption share and base); the defaults when absent. */
  rules?: MeetingRules;
};

export function minutesDocument(input: MinutesInput): OfficialDocument {
  const { minutes, members, cell, cycle } = input;
  const byId = new Map(members.map((m) => [m.memberId, m]));
  // A member the secretary did not mark is absent, as finalizing counts them (lib/data/meetings).
  const marked = new Map(minutes.attendance.map((a) => [a.memberId, a]));
  const attending = members.map((m) => marked.get(m.memberId) ?? { memberId: m.memberId, present: false, absenceReason: "" });
  const present = attending.filter((a) => a.present);
  const absent = attending.filter((a) => !a.present);
  const officialPresent = present.filter((a) => byId.get(a.memberId)!.official).length;
  const voters = quorum(
    attending.map((a) => {
      const m = byId.get(a.memberId)!;
      return {
        memberId: a.memberId,
        official: m.official,
        status: m.status === "EXEMPT" || m.status === "SUSPENDED" ? m.status : "ACTIVE",
        present: a.present,
      };
    }),
    input.rules,
  );
  const official = members.filter((m) => m.official).length;
  const blocks: DocBlock[] = [
    { kind: "heading", text: "I. Thời gian, địa điểm, thành phần" },
    {
      kind: "paragraph",
      text: `Vào ngày ${dmy(minutes.heldOn || null)}, tại ${minutes.place || "…"}, ${cell.name} tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể và đảng viên năm ${cycle.year}.`,
    },
    { kind: "paragraph", text: `Chủ trì hội nghị: đồng chí ${minutes.chairName || "…"}. Thư ký hội nghị: đồng chí ${minutes.recorderName || "…"}.` },
    {
      kind: "paragraph",
      text: `Tổng số đảng viên của chi bộ: ${members.length} (chính thức ${official}, dự bị ${members.length - official}). Có mặt: ${present.length} (đảng viên chính thức có mặt: ${officialPresent}). Vắng mặt: ${absent.length}.`,
    },
    ...absent.map((a): DocBlock => ({
      kind: "paragraph",
      text: `- Đồng chí ${byId.get(a.memberId)!.fullName}: ${a.absenceReason || "không rõ lý do"}.`,
      indent: false,
    })),
    { kind: "heading", text: "II. Nội dung hội nghị" },
    { kind: "paragraph", text: "1. Kiểm điểm tập thể chi bộ", bold: true, indent: false },
    { kind: "paragraph", text: minutes.collectiveReview.trim() || "…" },
    { kind: "paragraph", text: "2. Kiểm điểm, đánh giá, xếp loại từng đảng viên", bold: true, indent: false },
  ];
  const summary: string[][] = [];
  minutes.reviews.forEach((review, i) => {
    const member = byId.get(review.memberId);
    if (!member) return;
    const adoption = review.vote ? adoptedLevel(review.vote, voters, input.rules) : null;
    const proposed = member.proposedLevel ?? adoption?.level ?? null;
    blocks.push({
      kind: "paragraph",
      text: `${i + 1}) Đồng chí ${member.fullName}${member.selfLevel ? ` (tự xếp loại: ${levelName(member.selfLevel)})` : ""}`,
      bold: true,
      italic: true,
      indent: false,
    });
    blocks.push({ kind: "paragraph", text: `Tóm tắt bản kiểm điểm: ${review.selfReviewSummary.trim() || "…"}` });
    for (const c of review.critiques.filter((c) => c.text.trim()))
      blocks.push({ kind: "paragraph", text: `- Ý kiến của đồng chí ${c.by || "…"}: ${c.text}`, indent: false });
    if (review.vote) {
      blocks.push({
        kind: "paragraph",
        text: `Kết quả biểu quyết: ${LEVELS.map((l) => `${vi.grading.levelsShort[l]} ${review.vote![l]}/${officialPresent}`).join("; ")} phiếu. Chi bộ đề xuất: ${proposed ? levelName(proposed) : "chưa đủ đa số"}.`,
      });
    }
    summary.push([
      String(summary.length + 1),
      member.fullName,
      member.selfLevel ? levelName(member.selfLevel) : "—",
      review.vote ? LEVELS.map((l) => review.vote![l]).join(" / ") : "—",
      proposed ? levelName(proposed) : "—",
    ]);
  });
  blocks.push({ kind: "heading", text: "III. Tổng hợp kết quả đề xuất xếp loại" });
  blocks.push({
    kind: "table",
    columns: [
      { header: "TT", width: 1, align: "center" },
      { header: "Họ và tên", width: 5 },
      { header: "Tự xếp loại", width: 4 },
      { header: "Biểu quyết (X/T/H/K)", width: 3, align: "center" },
      { header: "Chi bộ đề xuất", width: 4 },
    ],
    rows: summary,
  });
  blocks.push({
    kind: "paragraph",
    text: `Biên bản đã được thông qua tại hội nghị${input.finalized ? "" : " (bản dự thảo, chưa hoàn tất)"}; hội nghị kết thúc cùng ngày.`,
  });
  const h = header(input.heading);
  return {
    ...h,
    issuer: cell.name,
    upperBody: input.heading.parentName ?? h.upperBody,
    number: "Số:       -BB/CB",
    date: minutes.heldOn || null,
    year: cycle.year,
    title: "Biên bản",
    subtitle: `Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm ${cycle.year}`,
    blocks,
    signatures: [
      { capacity: "Thư ký hội nghị", name: minutes.recorderName },
      { capacity: "Chủ trì hội nghị", name: minutes.chairName },
    ],
  };
}

// ───────────────────────────── decided levels ─────────────────────────────

export type MemberLevelsInput = {
  heading: Heading;
  year: number;
  ruleSet: RuleSetId | null;
  rows: { fullName: string; cardNumber: string; cell: string; level: string | null; notRatedReason: string | null }[];
  today: string;
};

/** The table of how many were rated at each level, with their shares and the total: "Số đảng viên", "Số tổ chức". */
function levelSummaryTable(levels: (string | null)[], countHeader: string): DocBlock {
  const rated = levels.filter((l) => l !== null).length;
  return {
    kind: "table",
    columns: [
      { header: "Mức xếp loại", width: 6 },
      { header: countHeader, width: 2, align: "right" },
      { header: "Tỷ lệ", width: 2, align: "right" },
    ],
    rows: [
      ...LEVELS.map((l) => {
        const n = levels.filter((x) => x === l).length;
        return [levelName(l), num(n), pct(n, rated)];
      }),
      ["Tổng số được xếp loại", num(rated), rated ? "100,0%" : "—"],
    ],
    boldRows: [4],
  };
}

export function memberLevelsDocument(input: MemberLevelsInput): OfficialDocument {
  const rated = input.rows.filter((r) => r.level);
  // Not rated is a decision with its reason; a record with neither a level nor a reason is still to be
  // decided (the list printed while the committee works), and is counted apart, never as "not rated".
  const notRated = input.rows.filter((r) => !r.level && r.notRatedReason);
  const undecided = input.rows.filter((r) => !r.level && !r.notRatedReason).length;
  const blocks: DocBlock[] = [
    {
      kind: "paragraph",
      text: `${basis(input.ruleSet)} căn cứ kết quả kiểm điểm, đánh giá tại các chi bộ, ${committeeOf(input.heading.name)} quyết định xếp loại chất lượng đảng viên năm ${input.year} như sau:`,
    },
    { kind: "heading", text: "I. Tổng hợp" },
    levelSummaryTable(
      input.rows.map((r) => r.level),
      "Số đảng viên",
    ),
    {
      kind: "paragraph",
      text: `Không xếp loại: ${num(notRated.length)} đảng viên.${undecided ? ` Chưa có quyết định xếp loại: ${num(undecided)} đảng viên.` : ""}`,
    },
    { kind: "heading", text: "II. Danh sách đảng viên được xếp loại" },
    {
      kind: "table",
      columns: [
        { header: "TT", width: 1, align: "center" },
        { header: "Họ và tên", width: 5 },
        { header: "Số thẻ", width: 3 },
        { header: "Chi bộ", width: 5 },
        { header: "Mức xếp loại", width: 5 },
      ],
      rows: rated.map((r, i) => [String(i + 1), r.fullName, r.cardNumber, r.cell, levelName(r.level)]),
    },
  ];
  if (notRated.length) {
    blocks.push({ kind: "heading", text: "III. Đảng viên không xếp loại" });
    blocks.push({
      kind: "table",
      columns: [
        { header: "TT", width: 1, align: "center" },
        { header: "Họ và tên", width: 5 },
        { header: "Chi bộ", width: 5 },
        { header: "Lý do", width: 6 },
      ],
      rows: notRated.map((r, i) => [String(i + 1), r.fullName, r.cell, reasonName(r.notRatedReason)]),
    });
  }
  return committeePaper(input.heading, "DS", {
    today: input.today,
    year: input.year,
    title: "Danh sách",
    subtitle: `Kết quả xếp loại chất lượng đảng viên năm ${input.year}`,
    blocks,
    recipients: [input.heading.upperCommittee ? `Ban Tổ chức ${input.heading.upperCommittee}` : "Cấp ủy cấp trên", "Các chi bộ trực thuộc", "Lưu văn phòng"],
  });
}

export type OrganizationLevelsInput = {
  heading: Heading;
  year: number;
  ruleSet: RuleSetId | null;
  rows: { name: string; code: string; level: string | null; notRatedReason: string | null }[];
  today: string;
};

export function organizationLevelsDocument(input: OrganizationLevelsInput): OfficialDocument {
  const rated = input.rows.filter((r) => r.level);
  const blocks: DocBlock[] = [
    { kind: "heading", text: `BAN THƯỜNG VỤ ${input.heading.name.toLocaleUpperCase("vi")}`, center: true },
    { kind: "paragraph", text: "Căn cứ Điều lệ Đảng và Quy chế làm việc của Ban Chấp hành Đảng bộ;" },
    ...(input.ruleSet ? [{ kind: "paragraph" as const, text: basis(input.ruleSet) }] : []),
    { kind: "paragraph", text: `Xét đề nghị của Ban Tổ chức ${input.heading.name} và kết quả tự kiểm điểm, đánh giá của các tổ chức cơ sở đảng,` },
    { kind: "heading", text: "QUYẾT ĐỊNH", center: true },
    { kind: "paragraph", text: `Điều 1. Xếp loại chất lượng năm ${input.year} đối với ${num(rated.length)} tổ chức cơ sở đảng như sau:` },
    levelSummaryTable(
      input.rows.map((r) => r.level),
      "Số tổ chức",
    ),
    {
      kind: "table",
      columns: [
        { header: "TT", width: 1, align: "center" },
        { header: "Tổ chức cơ sở đảng", width: 8 },
        { header: "Mức xếp loại", width: 5 },
      ],
      rows: input.rows.map((r, i) => [String(i + 1), r.name, r.level ? levelName(r.level) : reasonName(r.notRatedReason) || "Chưa quyết định"]),
    },
    { kind: "paragraph", text: "Điều 2. Quyết định có hiệu lực kể từ ngày ký." },
    { kind: "paragraph", text: `Điều 3. Văn phòng, Ban Tổ chức ${input.heading.name} và các tổ chức cơ sở đảng có tên tại Điều 1 căn cứ Quyết định thi hành.` },
  ];
  return committeePaper(input.heading, "QĐ", {
    today: input.today,
    year: input.year,
    title: "Quyết định",
    subtitle: `về việc xếp loại chất lượng tổ chức cơ sở đảng năm ${input.year}`,
    blocks,
    recipients: ["Như Điều 3", "Lưu văn phòng"],
  });
}

// ───────────────────────────── the yearly statistics report ─────────────────────────────

type Counts = { key: string; label: string; total: number; notRated: number; rated: number; reviewed: number } & Record<Level, number>;

export type StatisticsInput = {
  heading: Heading;
  year: number;
  ruleSet: RuleSetId | null;
  members: Counts | null;
  membersLastYear: Counts | null;
  grassroots: Counts | null;
  subordinate: Counts | null;
  byUnit: Counts[];
  disciplined: { members: number; byForm: { form: string; count: number }[] };
  scoreBands: { band: Level; count: number }[];
  scored: number;
  today: string;
};

export function statisticsDocument(input: StatisticsInput): OfficialDocument {
  const m = input.members;
  const last = input.membersLastYear;
  const unitName = input.heading.kind === "UPPER_COMMITTEE" ? bodyOf(input.heading.name) : input.heading.name;
  const levelRow = (c: Counts) => LEVELS.map((l) => `${num(c[l])} (${pct(c[l], c.rated)})`);
  const blocks: DocBlock[] = [
    { kind: "heading", text: "I. Tình hình chung" },
    {
      kind: "paragraph",
      text: m
        ? `Năm ${input.year}, ${unitName} có ${num(m.total)} đảng viên thuộc diện kiểm điểm; đã kiểm điểm ${num(m.reviewed)}; được đánh giá, xếp loại ${num(m.rated)}; không xếp loại ${num(m.notRated)}.${input.ruleSet ? ` Việc kiểm điểm, xếp loại thực hiện theo ${vi.grading.ruleSets[input.ruleSet].replace(/ \(.*\)$/u, "")}.` : ""}`
        : `Năm ${input.year} chưa có số liệu kiểm điểm.`,
    },
    { kind: "heading", text: "II. Kết quả xếp loại chất lượng đảng viên" },
  ];
  if (m) {
    blocks.push({
      kind: "paragraph",
      text: `Hoàn thành xuất sắc nhiệm vụ ${num(m.EXCELLENT)} đảng viên, chiếm ${pct(m.EXCELLENT, m.rated)}; hoàn thành tốt nhiệm vụ ${num(m.GOOD)}, chiếm ${pct(m.GOOD, m.rated)}; hoàn thành nhiệm vụ ${num(m.COMPLETED)}, chiếm ${pct(m.COMPLETED, m.rated)}; không hoàn thành nhiệm vụ ${num(m.NOT_COMPLETED)}, chiếm ${pct(m.NOT_COMPLETED, m.rated)}.`,
    });
    blocks.push({
      kind: "table",
      columns: [
        { header: "Mức xếp loại", width: 6 },
        { header: `Năm ${input.year}`, width: 2, align: "right" },
        { header: "Tỷ lệ", width: 2, align: "right" },
        { header: `Năm ${input.year - 1}`, width: 2, align: "right" },
        { header: "Tỷ lệ", width: 2, align: "right" },
      ],
      rows: LEVELS.map((l) => [levelName(l), num(m[l]), pct(m[l], m.rated), last ? num(last[l]) : "—", last ? pct(last[l], last.rated) : "—"]),
    });
    blocks.push({
      kind: "paragraph",
      text: `Đảng viên bị kỷ luật trong năm: ${num(input.disciplined.members)}${input.disciplined.byForm.length ? ` (${input.disciplined.byForm.map((d) => `${(app.disciplineForms as Record<string, string>)[d.form] ?? d.form} ${d.count}`).join(", ")})` : ""}.`,
    });
    if (input.scored) {
      blocks.push({
        kind: "paragraph",
        text: `Điểm tự chấm theo thang 100 điểm (${num(input.scored)} đảng viên): ${input.scoreBands.map((b) => `${(vi.reports.statistics.bands as Record<string, string>)[b.band].toLocaleLowerCase("vi")}: ${num(b.count)} (${pct(b.count, input.scored)})`).join("; ")}.`,
      });
    }
  }
  blocks.push({ kind: "heading", text: "III. Kết quả xếp loại chất lượng tổ chức đảng" });
  const orgRows = [
    ...(input.grassroots ? [["Tổ chức cơ sở đảng", num(input.grassroots.rated), ...levelRow(input.grassroots)]] : []),
    ...(input.subordinate ? [["Chi bộ, đảng bộ bộ phận trực thuộc", num(input.subordinate.rated), ...levelRow(input.subordinate)]] : []),
  ];
  const levelColumns = LEVELS.map((l) => ({ header: vi.grading.levelsShort[l], width: 2, align: "right" as const }));
  blocks.push({
    kind: "table",
    columns: [{ header: "Loại tổ chức", width: 5 }, { header: "Được xếp loại", width: 2, align: "right" }, ...levelColumns],
    rows: orgRows,
  });
  if (input.byUnit.length) {
    blocks.push({ kind: "heading", text: "IV. Kết quả xếp loại đảng viên theo đơn vị" });
    blocks.push({
      kind: "table",
      columns: [
        { header: "Đơn vị", width: 6 },
        { header: "Số đảng viên", width: 2, align: "right" },
        { header: "Được xếp loại", width: 2, align: "right" },
        ...LEVELS.map((l) => ({ header: vi.grading.levelsShort[l], width: 2.6, align: "right" as const })),
      ],
      rows: input.byUnit.map((u) => [u.label, num(u.total), num(u.rated), ...LEVELS.map((l) => num(u[l]))]),
    });
  }
  return committeePaper(input.heading, "BC", {
    today: input.today,
    year: input.year,
    title: "Báo cáo",
    subtitle: `Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${input.year}`,
    blocks,
    recipients: [
      input.heading.kind === "UPPER_COMMITTEE"
        ? "Ban Tổ chức cấp trên"
        : input.heading.upperCommittee
          ? `Ban Tổ chức ${input.heading.upperCommittee}`
          : "Cấp ủy cấp trên",
      "Lưu văn phòng",
    ],
  });
}

// ───────────────────────────── a collective's own report (Mẫu 01) ─────────────────────────────

export type CollectiveReviewInput = {
  heading: Heading;
  organization: { name: string };
  year: number;
  sheet: ScoreSheetContent | null;
  scoreItems: Record<string, number>;
  report: CollectiveReport;
  /** The level the collective proposes for itself, once recorded. */
  selfLevel: Level | null;
  /** Under a cycle that counts the tasks from the register: the year's tasks, listed after part A (lib/documents/task-appendix.ts). */
  tasks?: AppendixTask[] | null;
};

/**
 * Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể (Mẫu 01, Hướng dẫn 43): part A in its
 * sections (I.1–4, II–VI; an empty "nếu có" says "Không có"), part B with the score item by item on the
 * collective sheet and the proposed level among the four. Sections keep the form's numbering.
 */
export function collectiveReviewDocument(input: CollectiveReviewInput): OfficialDocument {
  const { sheet, scoreItems, report } = input;
  const r = app.collectiveReport;
  const sections = r.sections as Record<CollectiveReportSection, string>;
  const blocks: DocBlock[] = [
    { kind: "heading", text: r.partA },
    { kind: "heading", text: r.achievements },
  ];
  ACHIEVEMENT_SECTIONS.forEach((section) => {
    blocks.push({ kind: "paragraph", text: sections[section], bold: true, italic: true, indent: false });
    blocks.push({ kind: "paragraph", text: report[section]?.trim() || "…" });
  });
  for (const section of COLLECTIVE_REPORT_SECTIONS.filter((s) => !ACHIEVEMENT_SECTIONS.includes(s))) {
    blocks.push({ kind: "heading", text: sections[section] });
    // A section the form marks "(nếu có)" may be left empty: it then says so instead of a blank to fill.
    blocks.push({ kind: "paragraph", text: report[section]?.trim() || (OPTIONAL_SECTIONS.includes(section) ? r.nothing : "…") });
  }
  if (input.tasks) blocks.push(...yearTaskBlocks(input.tasks, input.year));
  blocks.push({ kind: "heading", text: r.partB });
  blocks.push({ kind: "heading", text: r.byCriteria });
  if (sheet) {
    blocks.push(scoreSheetTable(sheet, scoreItems, scoreItems, r.total));
  }
  blocks.push({ kind: "heading", text: r.proposal });
  for (const level of LEVELS) blocks.push({ kind: "paragraph", text: `[${input.selfLevel === level ? "x" : "  "}] ${levelName(level)}`, indent: false });
  const h = header(input.heading);
  return {
    ...h,
    date: null,
    year: input.year,
    form: r.form,
    title: r.title.replace("{year}", String(input.year)),
    subtitle: input.organization.name,
    blocks,
    signatures: [signerOf(input.heading)],
  };
}
