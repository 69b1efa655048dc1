import { describe, expect, it } from "vitest";
import { memberLevelsDocument } from "@/lib/documents/builders";

// The committee prints the list of decided levels while it is still deciding: members with no decision
// yet are counted apart, never listed as "not rated" (which is a decision with its reason).

const row = (fullName: string, level: string | null, notRatedReason: string | null = null) => ({
  fullName,
  cardNumber: fullName,
  cell: "Chi bộ thôn Đông",
  level,
  notRatedReason,
});

describe("the list of decided member levels", () => {
  it("counts the undecided apart from the not rated, and lists only the not rated with their reason", () => {
    const doc = memberLevelsDocument({
      heading: { name: "Đảng bộ xã An Bình", kind: "DANG_BO_CO_SO", parentName: "Huyện ủy An Hòa", upperCommittee: "Huyện ủy An Hòa" },
      year: 2026,
      ruleSet: "QD366_HD43",
      rows: [row("An", "GOOD"), row("Bình", null, "NEW_MEMBER"), row("Cường", null), row("Dung", null)],
      today: "2026-12-20",
    });
    const texts = doc.blocks.flatMap((b) => ("text" in b ? [b.text] : []));
    expect(texts).toContain("Không xếp loại: 1 đảng viên. Chưa có quyết định xếp loại: 2 đảng viên.");
    const tables = doc.blocks.filter((b) => b.kind === "table");
    const notRated = tables.at(-1)!;
    expect("rows" in notRated && notRated.rows).toEqual([["1", "Bình", "Chi bộ thôn Đông", "Kết nạp chưa đủ 6 tháng"]]);
  });
});
