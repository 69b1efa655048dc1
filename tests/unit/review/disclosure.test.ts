import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "@/lib/review/history";
import { isWithheld, withheldData } from "@/lib/review/disclosure";

// What the member reads of their own record's history while the committees work (lib/review/disclosure.ts).

const at = (iso: string) => new Date(iso);
const decide = { action: "record.decide", at: at("2026-12-20T08:00:00Z") };

describe("the member's own history before publication", () => {
  it("withholds the committees' deliberation until the record is published", () => {
    expect(isWithheld(decide, { state: "DECIDED", lastPublishedAt: null })).toBe(true);
    expect(isWithheld({ action: "remediation.plan", at: decide.at }, { state: "DECIDED", lastPublishedAt: null })).toBe(true);
    expect(isWithheld(decide, { state: "PUBLISHED", lastPublishedAt: at("2026-12-25T08:00:00Z") })).toBe(false);
  });

  it("keeps what was published before a re-rating readable, and withholds the new decision", () => {
    const record = { state: "DECIDED", lastPublishedAt: at("2026-12-25T08:00:00Z") };
    expect(isWithheld(decide, record)).toBe(false);
    expect(isWithheld({ action: "record.decide", at: at("2027-01-10T08:00:00Z") }, record)).toBe(true);
  });

  it("never withholds the member's own steps or the meeting's vote", () => {
    for (const action of ["selfReview.submit", "record.review", "record.rereview", "record.facts", "opinion.add"]) {
      expect(isWithheld({ action, at: decide.at }, { state: "DECIDED", lastPublishedAt: null })).toBe(false);
    }
  });

  it("keeps only the stages, and says the rest is withheld", () => {
    const data = { before: { state: "REVIEWED", proposedLevel: "GOOD" }, after: { state: "DECIDED", decidedLevel: "NOT_COMPLETED" }, reason: "Vi phạm" };
    const kept = withheldData(data);
    expect(kept).toEqual({ before: { state: "REVIEWED" }, after: { state: "DECIDED" }, withheld: true });
    const keys = describeAuditEntry("record.decide", kept).details.map((d) => d.key);
    expect(keys).toEqual(["details.state", "details.withheld"]);
  });
});
