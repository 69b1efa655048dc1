import { describe, expect, it } from "vitest";
import { minutesDocument } from "@/lib/documents/builders";

// The minutes as printed count the attendance as finalizing does: a member the secretary left unmarked
// is absent (lib/data/meetings reads a missing mark as not present), never left out of the count.

const heading = { name: "Chi bộ thôn Đông", kind: "CHI_BO_TRUC_THUOC" as const, parentName: "Đảng bộ xã An Bình", upperCommittee: "Huyện ủy An Hòa" };
const member = (memberId: string, fullName: string) => ({ memberId, fullName, official: true, status: "ACTIVE", selfLevel: null, proposedLevel: null });
const texts = (blocks: { kind: string; text?: string }[]) => blocks.flatMap((b) => ("text" in b && b.text ? [b.text] : []));

describe("the minutes' attendance", () => {
  it("counts a member with no mark as absent, with no reason given", () => {
    const doc = minutesDocument({
      heading,
      cell: { name: "Chi bộ thôn Đông" },
      cycle: { year: 2026 },
      members: [member("a", "Nguyễn Văn An"), member("b", "Trần Thị Bình"), member("c", "Lê Văn Cường")],
      minutes: {
        heldOn: "2026-12-18",
        place: "Nhà văn hóa thôn Đông",
        chairName: "",
        recorderName: "",
        attendance: [
          { memberId: "a", present: true, absenceReason: "" },
          { memberId: "b", present: false, absenceReason: "Đi làm ăn xa" },
        ],
        collectiveReview: "",
        reviews: [],
      },
      finalized: false,
    });
    const lines = texts(doc.blocks);
    expect(lines).toContain("Tổng số đảng viên của chi bộ: 3 (chính thức 3, dự bị 0). Có mặt: 1 (đảng viên chính thức có mặt: 1). Vắng mặt: 2.");
    expect(lines).toContain("- Đồng chí Trần Thị Bình: Đi làm ăn xa.");
    expect(lines).toContain("- Đồng chí Lê Văn Cường: không rõ lý do.");
  });
});
