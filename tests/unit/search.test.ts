import { describe, expect, it } from "vitest";
import { toSearchKey } from "@/lib/text/search";

describe("toSearchKey", () => {
  it.each([
    ["Nguyễn Văn A", "nguyen van a"],
    ["ĐẶNG THỊ HƯƠNG", "dang thi huong"],
    ["  Trần   Quốc   Tuấn ", "tran quoc tuan"],
    ["Lê Thị Thuỷ", "le thi thuy"],
    ["Lê Thị Thủy", "le thi thuy"],
    ["nguyen van a", "nguyen van a"],
  ])("%s → %s", (input, expected) => {
    expect(toSearchKey(input)).toBe(expected);
  });

  it("makes a query without diacritics match a name with them", () => {
    expect(toSearchKey("Nguyễn Văn Ánh").includes(toSearchKey("nguyen van anh"))).toBe(true);
  });
});
