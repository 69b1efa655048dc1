import { hasAtMostOneDecimal, toTenths as scorePartTenths } from "./rules/score";

// The 100-point score sheets of QD366_HD43 (docs/rating-rules.md §7.3). Quy định 366 fixes only the
// split — a general group of 30 points and a results group of 70 (Phụ lục 1, 3, 4, 5) — and HD 43 7.12
// leaves the items and their points to each upper committee for its year. So a sheet is data, stored per
// cycle; this module holds its shape, its checks, the default sheets and the totals. Points are handled
// in tenths of a point, as whole numbers, like the score bands.

/** The four frameworks and the form (mẫu) of HD 43 that carries each. */
export const SCORE_FRAMEWORKS = ["NON_LEADER", "LEADER", "OUTSIDE_SYSTEM", "COLLECTIVE"] as const;
export type ScoreFramework = (typeof SCORE_FRAMEWORKS)[number];

export const FORM_OF_FRAMEWORK: Record<ScoreFramework, string> = {
  LEADER: "2A",
  NON_LEADER: "2B",
  OUTSIDE_SYSTEM: "2C",
  COLLECTIVE: "01",
};

export const SCORE_GROUPS = ["GENERAL", "RESULTS"] as const;
export type ScoreGroupKey = (typeof SCORE_GROUPS)[number];

/** Maximum of each group, in tenths of a point (366: 30 general + 70 results). */
export const GROUP_MAX_TENTHS: Record<ScoreGroupKey, number> = { GENERAL: 300, RESULTS: 700 };

export interface ScoreItem {
  /** Stable key of the item within its sheet: scores are stored against it. */
  key: string;
  label: string;
  /** Points, with at most one decimal place, above 0. */
  maxPoints: number;
}

export interface ScoreGroup {
  key: ScoreGroupKey;
  items: ScoreItem[];
}

export interface ScoreSheetContent {
  groups: ScoreGroup[];
}

/** A member's framework is named after the member's category; an organization's is COLLECTIVE. */
export function frameworkOf(subject: { kind: "MEMBER"; category: Exclude<ScoreFramework, "COLLECTIVE"> } | { kind: "ORGANIZATION" }): ScoreFramework {
  return subject.kind === "MEMBER" ? subject.category : "COLLECTIVE";
}

/** Points → tenths as a whole number, or null when the value has more than one decimal place. */
export function toTenths(points: number): number | null {
  return Number.isFinite(points) && hasAtMostOneDecimal(points) ? scorePartTenths(points) : null;
}

export function fromTenths(tenths: number): number {
  return tenths / 10;
}

export type SheetProblem =
  | { path: (string | number)[]; code: "GROUPS_SHAPE" }
  | { path: (string | number)[]; code: "EMPTY_GROUP" }
  | { path: (string | number)[]; code: "ITEM_LABEL_EMPTY" }
  | { path: (string | number)[]; code: "ITEM_POINTS" }
  | { path: (string | number)[]; code: "DUPLICATE_KEY" }
  | { path: (string | number)[]; code: "GROUP_SUM"; sumTenths: number; maxTenths: number };

/**
 * Every problem of a sheet, each with the path of the field to fix: exactly the two groups in order,
 * no empty group, no empty item, points above 0 with at most one decimal, unique keys, and each group
 * summing to its maximum (30 and 70). An empty list means the sheet is valid.
 */
export function checkScoreSheet(sheet: ScoreSheetContent): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (sheet.groups.length !== SCORE_GROUPS.length || sheet.groups.some((g, i) => g.key !== SCORE_GROUPS[i])) {
    return [{ path: ["groups"], code: "GROUPS_SHAPE" }];
  }
  const keys = new Set<string>();
  sheet.groups.forEach((group, g) => {
    if (group.items.length === 0) problems.push({ path: ["groups", g, "items"], code: "EMPTY_GROUP" });
    let sum = 0;
    let sumKnown = true;
    group.items.forEach((item, i) => {
      const at = ["groups", g, "items", i];
      if (item.label.trim() === "") problems.push({ path: [...at, "label"], code: "ITEM_LABEL_EMPTY" });
      const tenths = toTenths(item.maxPoints);
      if (tenths === null || tenths <= 0) {
        problems.push({ path: [...at, "maxPoints"], code: "ITEM_POINTS" });
        sumKnown = false;
      } else sum += tenths;
      if (keys.has(item.key)) problems.push({ path: [...at, "key"], code: "DUPLICATE_KEY" });
      keys.add(item.key);
    });
    const max = GROUP_MAX_TENTHS[group.key];
    if (sumKnown && group.items.length > 0 && sum !== max) {
      problems.push({ path: ["groups", g, "items"], code: "GROUP_SUM", sumTenths: sum, maxTenths: max });
    }
  });
  return problems;
}

/** Scores typed per item: { [itemKey]: points }. Items left out count as not yet scored. */
export type ItemScores = Readonly<Record<string, number>>;

export type ScoreProblem = { itemKey: string; code: "SCORE_RANGE" | "UNKNOWN_ITEM" };

/** Each score must be between 0 and its item's maximum, with at most one decimal, on an item of the sheet. */
export function checkItemScores(sheet: ScoreSheetContent, scores: ItemScores): ScoreProblem[] {
  const maxByKey = new Map(sheet.groups.flatMap((g) => g.items.map((i) => [i.key, toTenths(i.maxPoints) ?? 0] as const)));
  const problems: ScoreProblem[] = [];
  for (const [itemKey, points] of Object.entries(scores)) {
    const max = maxByKey.get(itemKey);
    if (max === undefined) {
      problems.push({ itemKey, code: "UNKNOWN_ITEM" });
      continue;
    }
    const tenths = toTenths(points);
    if (tenths === null || tenths < 0 || tenths > max) problems.push({ itemKey, code: "SCORE_RANGE" });
  }
  return problems;
}

export interface ScoreTotals {
  generalTenths: number;
  resultsTenths: number;
  /** Every item of the sheet has a score: only then is the score a fact the rules read. */
  complete: boolean;
}

/** The group totals of valid item scores (checkItemScores first), computed and never typed. */
export function scoreTotals(sheet: ScoreSheetContent, scores: ItemScores): ScoreTotals {
  let complete = true;
  const sum = (key: ScoreGroupKey) => {
    const group = sheet.groups.find((g) => g.key === key);
    let total = 0;
    for (const item of group?.items ?? []) {
      const points = scores[item.key];
      if (points === undefined) complete = false;
      else total += toTenths(points) ?? 0;
    }
    return total;
  };
  return { generalTenths: sum("GENERAL"), resultsTenths: sum("RESULTS"), complete };
}

// ───────────────────────────── the default sheets ─────────────────────────────
// Built from the headings of the frameworks of Quy định 366 (Phụ lục 4, 3, 5 and 1). The points of each
// item are this application's proposal, not national figures: the upper committee adjusts them for its
// year before self-reviews begin.

const sheet = (general: [string, number][], results: [string, number][], prefix: string): ScoreSheetContent => ({
  groups: [
    { key: "GENERAL", items: general.map(([label, maxPoints], i) => ({ key: `${prefix}-c${i + 1}`, label, maxPoints })) },
    { key: "RESULTS", items: results.map(([label, maxPoints], i) => ({ key: `${prefix}-k${i + 1}`, label, maxPoints })) },
  ],
});

export const DEFAULT_SCORE_SHEETS: Record<ScoreFramework, ScoreSheetContent> = {
  // Phụ lục 4: cá nhân không giữ chức vụ lãnh đạo, quản lý.
  NON_LEADER: sheet(
    [
      ["Về chính trị, phẩm chất đạo đức và ý thức tổ chức kỷ luật", 15],
      ["Năng lực chuyên môn, nghiệp vụ; khả năng đáp ứng yêu cầu nhiệm vụ; thái độ công tác; tinh thần đổi mới, sáng tạo", 10],
      ["Tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm", 5],
    ],
    [
      ["Khối lượng chỉ tiêu, nhiệm vụ được giao đã hoàn thành (sản phẩm)", 25],
      ["Tiến độ hoàn thành chỉ tiêu, nhiệm vụ", 20],
      ["Chất lượng, hiệu quả thực hiện nhiệm vụ", 25],
    ],
    "nl",
  ),
  // Phụ lục 3: cá nhân giữ chức vụ lãnh đạo, quản lý.
  LEADER: sheet(
    [
      ["Về chính trị, tư tưởng", 6],
      ["Về phẩm chất đạo đức và ý thức tổ chức kỷ luật", 6],
      ["Năng lực lãnh đạo, quản lý, chuyên môn; đáp ứng yêu cầu nhiệm vụ; thái độ, tinh thần đổi mới", 8],
      ["Mức độ tín nhiệm, uy tín, khả năng quy tụ, đoàn kết", 5],
      ["Tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm", 5],
    ],
    [
      ["Kết quả thực hiện chức trách, nhiệm vụ được giao", 25],
      ["Kết quả lãnh đạo, chỉ đạo, điều hành, tổ chức thực hiện nhiệm vụ trong phạm vi phụ trách", 25],
      ["Kết quả đánh giá, xếp loại tập thể và cán bộ, đảng viên thuộc quyền quản lý trực tiếp", 20],
    ],
    "ld",
  ),
  // Phụ lục 5: đảng viên không làm việc trong hệ thống chính trị.
  OUTSIDE_SYSTEM: sheet(
    [
      ["Về phẩm chất chính trị, đạo đức, lối sống và ý thức tổ chức kỷ luật", 20],
      ["Tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm", 10],
    ],
    [
      ["Thực hiện đầy đủ quyền và nghĩa vụ của đảng viên; hoàn thành nhiệm vụ chính trị được cấp ủy, chi bộ phân công", 30],
      ["Tham gia học tập nghị quyết, văn bản chỉ đạo của cấp trên; phát huy vai trò đảng viên, tích cực xây dựng chi bộ", 20],
      ["Hoàn thành nhiệm vụ đột xuất; tham gia hoạt động do chi bộ và tổ chức ở địa phương giao, phát động", 20],
    ],
    "nht",
  ),
  // Phụ lục 1: tập thể.
  COLLECTIVE: sheet(
    [
      ["Xây dựng, chỉnh đốn Đảng và hệ thống chính trị", 5],
      ["Năng lực lãnh đạo, sức chiến đấu của cấp ủy, tổ chức đảng", 5],
      ["Kiểm tra, giám sát, kỷ luật đảng; kiểm soát quyền lực; phòng, chống tham nhũng, lãng phí, tiêu cực", 5],
      ["Thực hiện nguyên tắc tập trung dân chủ, đoàn kết nội bộ", 5],
      ["Lãnh đạo thực hiện nhiệm vụ chính trị; bộ máy tinh gọn; cải cách hành chính, chuyển đổi số", 5],
      ["Tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm", 5],
    ],
    [
      ["Cụ thể hóa và thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm", 50],
      ["Kết quả đánh giá, xếp loại lĩnh vực, tổ chức trực thuộc và cá nhân liên quan trực tiếp", 20],
    ],
    "tt",
  ),
};
