import { describe, expect, it } from "vitest";
import enApp from "@/lib/i18n/messages/en/app.json";
import enCell from "@/lib/i18n/messages/en/cell.json";
import enDecide from "@/lib/i18n/messages/en/decide.json";
import enDecideOrgs from "@/lib/i18n/messages/en/decide-orgs.json";
import enReports from "@/lib/i18n/messages/en/reports.json";
import enSecurity from "@/lib/i18n/messages/en/security.json";
import viApp from "@/lib/i18n/messages/vi/app.json";
import viCell from "@/lib/i18n/messages/vi/cell.json";
import viDecide from "@/lib/i18n/messages/vi/decide.json";
import viDecideOrgs from "@/lib/i18n/messages/vi/decide-orgs.json";
import viReports from "@/lib/i18n/messages/vi/reports.json";
import viSecurity from "@/lib/i18n/messages/vi/security.json";

const en = { ...enApp, cell: enCell, decide: enDecide, decideOrgs: enDecideOrgs, security: enSecurity, reports: enReports };
const vi = { ...viApp, cell: viCell, decide: viDecide, decideOrgs: viDecideOrgs, security: viSecurity, reports: viReports };

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("interface messages", () => {
  it("Vietnamese and English have the same keys, so the English switch never shows a raw key", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it("no message is empty", () => {
    for (const [locale, messages] of Object.entries({ vi, en })) {
      const empty = keys(messages).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
