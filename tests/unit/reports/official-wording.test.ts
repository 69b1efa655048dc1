import { describe, expect, it } from "vitest";
import { collectiveReviewDocument, numberSuffix, selfReviewDocument } from "@/lib/documents/builders";
import { DEFAULT_SCORE_SHEETS } from "@/lib/grading/score-sheet";
import { emptyContent, TEMPLATES } from "@/lib/review/templates";

// The printed forms in the official wording (Hướng dẫn 43, Hướng dẫn 25): codes as on the paper, sections
// numbered where they are printed, the issuer's own symbol in document numbers.

const heading = { name: "Chi bộ thôn Đông", kind: "CHI_BO_TRUC_THUOC", parentName: "Đảng bộ xã An Bình", upperCommittee: "Tỉnh ủy Bình Minh" };
const member = {
  fullName: "Nguyễn Văn An",
  cardNumber: "01.234",
  birthDate: new Date("1980-05-04"),
  post: "Chi ủy viên; Phó Chủ tịch Hội Nông dân xã",
  cell: { name: "Chi bộ thôn Đông" },
};
const headings = (blocks: { kind: string; text?: string }[]) => blocks.filter((b) => b.kind === "heading").map((b) => b.text!);
const texts = (blocks: { kind: string; text?: string }[]) => blocks.flatMap((b) => ("text" in b && b.text ? [b.text] : []));

describe("document numbers", () => {
  it.each([
    ["Tỉnh ủy Bình Minh", "UPPER_COMMITTEE", "TU"],
    ["Thành ủy Hải Phòng", "UPPER_COMMITTEE", "TU"],
    ["Huyện ủy An Hòa", "UPPER_COMMITTEE", "HU"],
    ["Đảng ủy Khối các cơ quan tỉnh", "UPPER_COMMITTEE", "ĐU"],
    ["Đảng bộ xã An Bình", "DANG_BO_CO_SO", "ĐU"],
    ["Chi bộ thôn Đông", "CHI_BO_TRUC_THUOC", "CB"],
  ])("%s signs with %s… -/%s", (name, kind, symbol) => {
    expect(numberSuffix({ name, kind })).toBe(symbol);
  });
});

describe("the self-review as printed", () => {
  it("Mẫu 2B (HD 43): its code, posts and workplace, A.I.1 on degradation, part B's headings, the annex", () => {
    const doc = selfReviewDocument(
      {
        heading,
        member,
        cycle: { year: 2026 },
        template: TEMPLATES.QD366_2B,
        sheet: DEFAULT_SCORE_SHEETS.NON_LEADER,
        content: emptyContent(),
        submittedAt: null,
        enteredOnBehalfBy: null,
      },
      {},
    );
    expect(doc.form).toBe("Mẫu 2B-HD KĐ.ĐG 2025");
    expect(texts(doc.blocks)).toContain("Chức vụ đảng, chính quyền, đoàn thể: Chi ủy viên; Phó Chủ tịch Hội Nông dân xã. Đơn vị công tác: …");
    expect(texts(doc.blocks).some((t) => t.includes("liên hệ các biểu hiện suy thoái") && t.includes("“tự diễn biến”, “tự chuyển hóa”"))).toBe(true);
    expect(headings(doc.blocks).slice(-2)).toEqual(["I. Đánh giá theo các nhóm tiêu chí", "II. Đề xuất xếp loại mức chất lượng"]);
    expect(texts(doc.blocks).at(-1)).toMatch(/^\(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ/);
  });

  it("Mẫu 2A (HD 43) carries the leader's responsibility, innovation and creativity", () => {
    const doc = selfReviewDocument(
      {
        heading,
        member,
        cycle: { year: 2026 },
        template: TEMPLATES.QD366_2A,
        sheet: DEFAULT_SCORE_SHEETS.LEADER,
        content: emptyContent(),
        submittedAt: null,
        enteredOnBehalfBy: null,
      },
      {},
    );
    expect(texts(doc.blocks).some((t) => t.includes("tinh thần trách nhiệm, đổi mới, sáng tạo"))).toBe(true);
    expect(texts(doc.blocks).some((t) => t.startsWith("(Gửi kèm Phụ lục"))).toBe(false);
  });

  it("Mẫu 02A (HD 25): its own title, and its sections numbered without a gap", () => {
    const doc = selfReviewDocument(
      {
        heading,
        member,
        cycle: { year: 2024 },
        template: TEMPLATES.QD124_02A,
        sheet: null,
        content: emptyContent(),
        submittedAt: null,
        enteredOnBehalfBy: null,
      },
      {},
    );
    expect(doc.title).toBe("BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2024");
    expect(doc.subtitle).toBe("(Cá nhân không giữ chức vụ lãnh đạo, quản lý)");
    expect(doc.form).toBe("Mẫu 02A-HD KĐ.ĐG 2023");
    const partA = headings(doc.blocks).filter((h) => /^[IVX]+\. /u.test(h));
    expect(partA.map((h) => h.split(".")[0])).toEqual(["I", "II", "III", "IV", "V", "I", "II"]);
    expect(partA[4]).toBe("V. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm");
  });
});

describe("the collective's report (Mẫu 01)", () => {
  it("prints part A in the form's order and numbering, says an empty '(nếu có)' has nothing, and marks the proposed level", () => {
    const doc = collectiveReviewDocument({
      heading,
      organization: { name: "Chi bộ thôn Đông" },
      year: 2026,
      sheet: DEFAULT_SCORE_SHEETS.COLLECTIVE,
      scoreItems: {},
      report: { targets: "Hoàn thành 10/10 nhiệm vụ.", explanations: "" },
      selfLevel: "GOOD",
    });
    expect(doc.form).toBe("Mẫu 01-HD KĐ.ĐG 2025");
    expect(headings(doc.blocks)).toEqual([
      "A. NỘI DUNG KIỂM ĐIỂM",
      "I. Ưu điểm, kết quả đạt được",
      "II. Hạn chế, khuyết điểm và nguyên nhân",
      "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
      "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
      "V. Trách nhiệm của tập thể, cá nhân",
      "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
      "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
      "I. Đánh giá theo các nhóm tiêu chí",
      "II. Đề xuất xếp loại mức chất lượng",
    ]);
    expect(texts(doc.blocks)).toContain("Hoàn thành 10/10 nhiệm vụ.");
    expect(texts(doc.blocks)).toContain("Không có.");
    expect(texts(doc.blocks)).toContain("[x] Hoàn thành tốt nhiệm vụ");
    expect(doc.signatures).toEqual([{ capacity: "T/M Chi bộ", title: "Bí thư" }]);
  });
});
