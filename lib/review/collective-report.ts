// A collective's own report of the year (báo cáo kiểm điểm, tự đánh giá, xếp loại của tập thể — Mẫu 01 of
// Hướng dẫn 43): its sections in the form's order. Part A is the review in words; part B is the score on the
// cycle's collective sheet (item by item, lib/grading/score-sheet) and the proposed level, which the
// self-rating holds beside it. Pure: the form, the use case and the printed document share it.

/** Part A of Mẫu 01, in order: I with its four numbered points, then II to VI ("nếu có": optional). */
export const COLLECTIVE_REPORT_SECTIONS = [
  "principles", // A.I.1 thực hiện nguyên tắc tổ chức, hoạt động, quy chế làm việc
  "targets", // A.I.2 kết quả thực hiện mục tiêu, chỉ tiêu, nhiệm vụ
  "partyBuilding", // A.I.3 xây dựng, chỉnh đốn Đảng và hệ thống chính trị
  "leadershipResponsibility", // A.I.4 trách nhiệm của tập thể lãnh đạo, quản lý
  "shortcomings", // A.II hạn chế, khuyết điểm và nguyên nhân
  "remedied", // A.III kết quả khắc phục hạn chế, khuyết điểm đã chỉ ra
  "explanations", // A.IV giải trình những vấn đề được gợi ý kiểm điểm (nếu có)
  "responsibility", // A.V trách nhiệm của tập thể, cá nhân
  "measures", // A.VI phương hướng, biện pháp khắc phục
] as const;
export type CollectiveReportSection = (typeof COLLECTIVE_REPORT_SECTIONS)[number];
export type CollectiveReport = Partial<Record<CollectiveReportSection, string>>;

/** Sections the form marks "(nếu có)": the report may leave them empty. */
export const OPTIONAL_SECTIONS: readonly CollectiveReportSection[] = ["explanations"];

/** The first four sections are the numbered points of A.I (ưu điểm, kết quả đạt được). */
export const ACHIEVEMENT_SECTIONS: readonly CollectiveReportSection[] = ["principles", "targets", "partyBuilding", "leadershipResponsibility"];

/** A stored report read defensively: known sections with text only. */
export function collectiveReportOf(raw: unknown): CollectiveReport {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const report: CollectiveReport = {};
  for (const key of COLLECTIVE_REPORT_SECTIONS) {
    const text = (raw as Record<string, unknown>)[key];
    if (typeof text === "string" && text.trim() !== "") report[key] = text;
  }
  return report;
}
