import { describe, expect, it } from "vitest";
import { cellText, parseDate, parseRegister, type RawSheet } from "@/lib/import/register";
import { committeeOf, bodyOf, placeAndDate, placeOf } from "@/lib/documents/model";

describe("register cells", () => {
  it("reads dates as the register writes them, and refuses days that do not exist", () => {
    expect(parseDate("05/06/1975")).toBe("1975-06-05");
    expect(parseDate("5/6/1975")).toBe("1975-06-05");
    expect(parseDate("1975-06-05")).toBe("1975-06-05");
    expect(parseDate(new Date("1975-06-05T00:00:00Z"))).toBe("1975-06-05");
    expect(parseDate("31/02/2001")).toBeNull();
    expect(parseDate("1/13/1980")).toBeNull();
    expect(parseDate("hôm qua")).toBeNull();
    expect(cellText(new Date("2001-02-03T00:00:00Z"))).toBe("03/02/2001");
  });

  it("matches headers and words without case or diacritics, and names the row and column of each problem", () => {
    const members: RawSheet = {
      name: "Đảng viên",
      header: ["so the dang vien", "HỌ VÀ TÊN", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Mã chi bộ", "Đối tượng"],
      rows: [
        { row: 2, cells: ["a-1", "Lò Văn Pá", "nam", "01/01/1980", "02/02/2005", "x.01", "lanh dao, quan ly"] },
        { row: 3, cells: ["A-1", "", "Khác", "01/01/1980", "02/02/1970", "X.01", "Lãnh đạo"] },
      ],
    };
    const parsed = parseRegister({ organizations: null, members });
    expect(parsed.members).toEqual([
      expect.objectContaining({
        row: 2,
        cardNumber: "A-1",
        gender: "MALE",
        cellCode: "X.01",
        category: "LEADER_MANAGER",
        status: "ACTIVE",
        isCivilServant: false,
        officialOn: null,
      }),
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "Họ và tên"],
      [3, "Số thẻ đảng viên"],
      [3, "Giới tính"],
      [3, "Ngày vào Đảng"],
      [3, "Đối tượng"],
    ]);
  });

  it("says which required column the header lacks", () => {
    const parsed = parseRegister({ organizations: { name: "Tổ chức đảng", header: ["Mã tổ chức", "Tên tổ chức"], rows: [] }, members: null });
    expect(parsed.errors.map((e) => e.column)).toEqual(["Loại tổ chức", "Lĩnh vực", "Mã tổ chức cấp trên", "Ngày thành lập"]);
  });
});

describe("document headings", () => {
  it("names the committee, the party body and the place as the Party's documents do", () => {
    expect(committeeOf("Đảng bộ xã An Bình")).toBe("Đảng ủy xã An Bình");
    expect(committeeOf("Chi bộ thôn Đông")).toBe("Chi bộ thôn Đông");
    expect(bodyOf("Huyện ủy An Hòa")).toBe("Đảng bộ huyện An Hòa");
    expect(placeOf("Huyện ủy An Hòa")).toBe("An Hòa");
    expect(placeAndDate({ place: "An Hòa", date: "2026-02-05", year: 2026 })).toBe("An Hòa, ngày 05 tháng 02 năm 2026");
    expect(placeAndDate({ place: "An Hòa", date: "2026-12-20", year: 2026 })).toBe("An Hòa, ngày 20 tháng 12 năm 2026");
    expect(placeAndDate({ place: "An Hòa", date: null, year: 2026 })).toBe("An Hòa, ngày … tháng … năm 2026");
  });
});
