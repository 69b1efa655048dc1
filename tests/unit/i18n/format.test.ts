import { describe, expect, it } from "vitest";
import { formatDateTime, formatIsoDate, formatSavedAt } from "@/lib/i18n/format";

// "Đã lưu lúc 17:10" must not pass for today when the draft was saved days ago: the date is shown
// unless the save was today, in Vietnam.

describe("formatSavedAt", () => {
  const now = new Date("2026-12-07T04:00:00Z"); // 11:00 on 07/12/2026 in Vietnam

  it("gives the time alone for a save earlier today in Vietnam", () => {
    expect(formatSavedAt(new Date("2026-12-07T02:05:00Z"), now)).toEqual({ time: "09:05", date: null });
    // 00:30 on the 7th in Vietnam is still the 6th in UTC: today all the same.
    expect(formatSavedAt(new Date("2026-12-06T17:30:00Z"), now)).toEqual({ time: "00:30", date: null });
  });

  it("gives the date too, dd/mm/yyyy, for a save on another day", () => {
    expect(formatSavedAt(new Date("2026-12-03T10:10:00Z"), now)).toEqual({ time: "17:10", date: "03/12/2026" });
    // 23:50 on the 6th in Vietnam: yesterday there, though the same UTC day as "now" is not.
    expect(formatSavedAt(new Date("2026-12-06T16:50:00Z"), now)).toEqual({ time: "23:50", date: "06/12/2026" });
  });
});

describe("formatIsoDate", () => {
  it("writes a yyyy-mm-dd date as dd/mm/yyyy", () => {
    expect(formatIsoDate("2026-12-07")).toBe("07/12/2026");
  });
});

describe("formatDateTime", () => {
  it("writes a moment as dd/mm/yyyy hh:mm in Vietnam, whatever the server's zone", () => {
    expect(formatDateTime(new Date("2026-12-02T03:48:00Z"))).toBe("02/12/2026 10:48");
    expect(formatDateTime(new Date("2026-12-31T17:05:00Z"))).toBe("01/01/2027 00:05");
  });
});
