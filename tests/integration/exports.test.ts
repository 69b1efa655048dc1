import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/review/permissions";
import { exportTable } from "@/lib/exports/report-sheets";
import { ensureReportFixture, FIXTURE_YEAR, type ReportFixture } from "./report-fixture";

// The .xlsx files are read back with the library, as an office would open them.

let f: ReportFixture;
beforeAll(async () => {
  f = await ensureReportFixture();
});

async function read(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe("xlsx exports", () => {
  it("the statistics: Vietnamese headers, whole numbers and shares as numbers", async () => {
    const response = await exportTable(f.board, "statistics", { unit: f.orgs.TK, year: FIXTURE_YEAR });
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''thong-ke-TK-2025.xlsx");
    const wb = await read(response);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Tổ chức đảng",
      "Theo đơn vị",
      "Theo loại hình",
      "Theo nhóm tương đồng",
      "Tổ chức theo loại hình",
      "Điểm",
    ]);
    const overview = wb.getWorksheet("Tổng hợp")!;
    expect(values(overview, 1)[0]).toBe("Thống kê kết quả năm 2025 — Huyện ủy Thống Kê");
    expect(values(overview, 2)).toEqual(["Chỉ tiêu", "Năm 2025", "Năm 2024"]);
    expect(values(overview, 3)).toEqual(["Tổng số đảng viên", 10, 4]);
    const byUnit = wb.getWorksheet("Theo đơn vị")!;
    expect(values(byUnit, 1).slice(0, 6)).toEqual([
      "Đơn vị",
      "Tổng số đảng viên",
      "Không xếp loại",
      "Đã kiểm điểm",
      "Được xếp loại",
      "Hoàn thành xuất sắc nhiệm vụ",
    ]);
    const commune = values(byUnit, 2);
    expect(commune.slice(0, 7)).toEqual(["Đảng bộ xã Một", 7, 1, 6, 6, 2, 2 / 6]);
    expect(byUnit.getRow(2).getCell(7).numFmt).toBe("0.0%");
  });

  it("the member list, streamed: dates as dates, the year's level", async () => {
    const wb = await read(await exportTable(f.board, "members", { unit: f.orgs.TK, year: FIXTURE_YEAR }));
    const ws = wb.getWorksheet("Đảng viên")!;
    const header = values(ws, 1);
    expect(header).toContain("Ngày vào Đảng");
    // The fixture's ten members (import.test.ts may have added others under TK).
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(ws, i + 2)).filter((row) => /^TK-00\d\d$/.test(String(row[0])));
    expect(rows).toHaveLength(10);
    const an = rows.find((row) => row[1] === "Nguyễn Văn An")!;
    expect(an[0]).toBe("TK-0001");
    expect(an[4]).toEqual(new Date("2005-01-01T00:00:00Z"));
    expect(ws.getRow(2).getCell(5).numFmt).toBe("dd/mm/yyyy");
    expect(an[11]).toBe("Hoàn thành xuất sắc nhiệm vụ");
  });

  it("the lists and the quota; another unit's export is not found", async () => {
    const streak = await read(await exportTable(f.board, "list-streak", { unit: f.orgs.TK, year: FIXTURE_YEAR }));
    expect(values(streak.worksheets[0], 3)).toEqual(["Nguyễn Văn An", "TK-0001", "Chi bộ thôn A", "Đảng bộ xã Một"]);
    const organizations = await read(await exportTable(f.board, "list-streakOrganizations", { unit: f.orgs.TK, year: FIXTURE_YEAR }));
    expect(values(organizations.worksheets[0], 3)).toEqual(["Đảng bộ xã Một", "TK.01", "Huyện ủy Thống Kê"]);
    expect(organizations.worksheets[0].rowCount).toBe(3);
    const quota = await read(await exportTable(f.board, "quota", { unit: f.orgs.TK, year: FIXTURE_YEAR }));
    expect(values(quota.worksheets[0], 3).slice(0, 2)).toEqual(["Đảng viên - Đảng bộ xã Một", "M-TK.01"]);
    await expect(exportTable(f.schoolCommittee, "members", { unit: f.orgs.TK })).rejects.toBeInstanceOf(NotFoundError);
  });
});
