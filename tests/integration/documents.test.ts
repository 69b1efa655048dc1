import { writeFileSync, mkdirSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/review/permissions";
import { buildDocument, documentResponse } from "@/lib/exports/documents";
import { renderDocx } from "@/lib/documents/render-docx";
import { ensureReportFixture, FIXTURE_YEAR, type ReportFixture } from "./report-fixture";

// The official documents, rendered and read back: the PDF's text (diacritics included) and the .docx's XML.

let f: ReportFixture;
beforeAll(async () => {
  f = await ensureReportFixture();
});

async function pdfText(response: Response, keep?: string): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (keep && process.env.KEEP_DOCUMENTS) {
    mkdirSync(process.env.KEEP_DOCUMENTS, { recursive: true });
    writeFileSync(`${process.env.KEEP_DOCUMENTS}/${keep}.pdf`, bytes);
  }
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.normalize("NFC").replace(/\s+/g, " ");
}

describe("official documents", () => {
  it("the yearly statistics report: Party header, the figures, the signature", async () => {
    const response = await documentResponse(f.board, "statistics", "pdf", { unit: f.orgs.TK, year: FIXTURE_YEAR });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(response, "statistics");
    for (const words of [
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "HUYỆN ỦY THỐNG KÊ",
      "Số:",
      "-BC/HU",
      "BÁO CÁO",
      "Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2025",
      "Hoàn thành xuất sắc nhiệm vụ 2 đảng viên, chiếm 25,0%",
      "hoàn thành tốt nhiệm vụ 4, chiếm 50,0%",
      "T/M BAN THƯỜNG VỤ",
      "Nơi nhận:",
    ]) {
      expect(text).toContain(words);
    }
  });

  it("the standing committee's decision on the grassroots organizations' levels", async () => {
    const text = await pdfText(await documentResponse(f.board, "organization-levels", "pdf", { unit: f.orgs.TK, year: FIXTURE_YEAR }), "organization-levels");
    for (const words of [
      "QUYẾT ĐỊNH",
      "về việc xếp loại chất lượng tổ chức cơ sở đảng năm 2025",
      "Điều 1.",
      "Đảng bộ xã Một",
      "Chi bộ Trường Hai",
      "Hoàn thành tốt nhiệm vụ",
      "-QĐ/HU",
    ])
      expect(text).toContain(words);
  });

  it("the grassroots committee's list of its members' levels", async () => {
    const text = await pdfText(await documentResponse(f.board, "member-levels", "pdf", { unit: f.orgs.G1, year: FIXTURE_YEAR }), "member-levels");
    for (const words of [
      "ĐẢNG BỘ HUYỆN THỐNG KÊ",
      "ĐẢNG ỦY XÃ MỘT",
      "DANH SÁCH",
      "Đặng Văn Hùng",
      "Không hoàn thành nhiệm vụ",
      "Miễn công tác và sinh hoạt đảng",
      "T/M ĐẢNG ỦY",
    ])
      expect(text).toContain(words);
  });

  it("the minutes of a cell's meeting and a member's self-review", async () => {
    const minutes = await pdfText(await documentResponse(f.board, "minutes", "pdf", { unit: f.orgs.C2 }), "minutes");
    for (const words of ["BIÊN BẢN", "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2026", "CHI BỘ THÔN B", "THƯ KÝ HỘI NGHỊ", "CHỦ TRÌ HỘI NGHỊ"])
      expect(minutes).toContain(words);
    const record = (await import("@/lib/data/db")).db.reviewRecord.findFirstOrThrow({
      where: { memberId: f.members.m1, cycleId: f.cycles[2026] },
      select: { id: true },
    });
    const review = await pdfText(await documentResponse(f.board, "self-review", "pdf", { record: (await record).id }), "self-review");
    for (const words of ["BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN NĂM 2026", "Nguyễn Văn An", "NGƯỜI TỰ KIỂM ĐIỂM", "Mẫu 2B"])
      expect(review).toContain(words);
  });

  it("the .docx carries the same text in Times New Roman", async () => {
    const { doc } = await buildDocument(f.board, "statistics", { unit: f.orgs.TK, year: FIXTURE_YEAR });
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const response = await documentResponse(f.board, "organization-levels", "docx", { unit: f.orgs.TK, year: FIXTURE_YEAR });
    expect(response.headers.get("content-disposition")).toContain(".docx");
  });

  it("another unit's documents are not found", async () => {
    await expect(documentResponse(f.schoolCommittee, "minutes", "pdf", { unit: f.orgs.C2 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(documentResponse(f.schoolCommittee, "organization-levels", "pdf", { unit: f.orgs.TK })).rejects.toBeInstanceOf(NotFoundError);
  });
});
