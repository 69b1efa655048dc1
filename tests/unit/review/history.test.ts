import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import enCell from "@/lib/i18n/messages/en/cell.json";
import viCell from "@/lib/i18n/messages/vi/cell.json";
import { AUDIT_ENTITY, isAuditAction } from "@/lib/review/audit-actions";
import { describeAuditEntry, displayDate, excerpt, isKnownAction, type HistoryLine } from "@/lib/review/history";

// The history panel's sentences (lib/review/history.ts): every action a record's use cases write has its
// own sentence in both languages, and what the rows carry (state, reason, scores, opinions) is told.

const lookup = (messages: object, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
const keysOf = (line: HistoryLine) => [`history.${line.key}`];

describe("the record's history in sentences", () => {
  it("tells a submission with its state change and the level the member proposed", () => {
    expect(describeAuditEntry("selfReview.submit", { before: { state: "DRAFT" }, after: { state: "SUBMITTED", selfLevel: "GOOD" } })).toEqual({
      summary: { key: "actions.selfReview.submit" },
      details: [
        { key: "details.state", refs: { from: "recordStates.DRAFT", to: "recordStates.SUBMITTED" } },
        { key: "details.selfLevel", refs: { level: "grading.levels.GOOD" } },
      ],
    });
    expect(describeAuditEntry("selfReview.submitOnBehalf", { before: { state: "RETURNED" }, after: { state: "SUBMITTED", selfLevel: null } }).summary.key).toBe(
      "actions.selfReview.submitOnBehalf",
    );
  });

  it("tells a return with its reason", () => {
    const d = describeAuditEntry("selfReview.return", {
      before: { state: "SUBMITTED" },
      after: { state: "RETURNED" },
      reason: "Bổ sung   kết quả\nkhắc phục.",
    });
    expect(d.summary.key).toBe("actions.selfReview.return");
    expect(d.details[0]).toEqual({ key: "details.reason", values: { reason: "Bổ sung kết quả khắc phục." } });
  });

  it("tells the facts' total score as it changed", () => {
    const before = { scoreGeneralTenths: 250, scoreResultsTenths: 600 };
    expect(describeAuditEntry("record.facts", { before, after: { scoreGeneralTenths: 280, scoreResultsTenths: 615 } }).details).toEqual([
      { key: "details.scoreChanged", values: { before: "85", after: "89,5" } },
    ]);
    expect(describeAuditEntry("record.facts", { before: { scoreGeneralTenths: null }, after: before }).details).toEqual([
      { key: "details.scoreSet", values: { after: "85" } },
    ]);
    expect(describeAuditEntry("record.facts", { before, after: before }).details).toEqual([]);
  });

  it("tells an opinion added, edited (with what it said before) and deleted", () => {
    const after = { text: "Gương mẫu.", givenOn: "2026-11-20", givenBy: "Chi ủy thôn Tây" };
    expect(describeAuditEntry("opinion.add", { source: "TEMPORARY_CELL", after })).toEqual({
      summary: { key: "actions.opinion.add", refs: { source: "cell.opinions.sourcesShort.TEMPORARY_CELL" } },
      details: [{ key: "details.opinion", values: { givenBy: "Chi ủy thôn Tây", date: "20/11/2026", text: "Gương mẫu." } }],
    });
    const edited = describeAuditEntry("opinion.edit", { source: "RESIDENCE", before: after, after: { ...after, text: "Rất gương mẫu." } });
    expect(edited.details.map((l) => l.key)).toEqual(["details.opinion", "details.opinionBefore"]);
    expect(describeAuditEntry("opinion.delete", { source: "PREVIOUS_CELL", before: after }).details[0].values?.text).toBe("Gương mẫu.");
  });

  it("cuts long texts, and reads rows it does not know without failing", () => {
    expect(excerpt("x".repeat(500))).toHaveLength(240);
    expect(displayDate("2026-01-05")).toBe("05/01/2026");
    expect(describeAuditEntry("meeting.something", { before: { state: "SUBMITTED" }, after: { state: "REVIEWED" } })).toEqual({
      summary: { key: "actions.unknown", values: { action: "meeting.something" } },
      details: [{ key: "details.state", refs: { from: "recordStates.SUBMITTED", to: "recordStates.REVIEWED" } }],
    });
    for (const data of [null, "text", 42, [], { before: "x", after: { state: "NOPE" } }]) {
      expect(() => describeAuditEntry("selfReview.return", data)).not.toThrow();
      expect(describeAuditEntry("opinion.add", data).summary.refs?.source).toMatch(/sourcesShort\.(UNKNOWN|RESIDENCE|PREVIOUS_CELL|TEMPORARY_CELL)$/);
    }
  });

  it("has a sentence, in both languages, for every action the record's use cases write", () => {
    const dir = "lib/data";
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(`${dir}/${file}`, "utf8");
      // Audit rows on a record (an `action:` of an entry, or recordAudit's): the actions written whose entity (lib/review/audit-actions.ts) is "ReviewRecord".
      for (const m of source.matchAll(/(?:action: |recordAudit\(\w+, )(?:[^,]*\? )?"([\w.]+)"(?: : "([\w.]+)")?,/g)) {
        for (const action of [m[1], m[2]]) if (action && isAuditAction(action) && AUDIT_ENTITY[action] === "ReviewRecord") written.add(action);
      }
    }
    expect([...written].sort()).toEqual(
      expect.arrayContaining([
        "opinion.add",
        "opinion.delete",
        "opinion.edit",
        "record.facts",
        "selfReview.return",
        "selfReview.submit",
        "selfReview.submitOnBehalf",
      ]),
    );
    for (const action of written) {
      expect(isKnownAction(action), action).toBe(true);
      const summary = describeAuditEntry(action, {}).summary;
      for (const key of keysOf(summary)) {
        expect(typeof lookup(viCell, key), `vi ${key}`).toBe("string");
        expect(typeof lookup(enCell, key), `en ${key}`).toBe("string");
      }
    }
  });

  it("every detail key it can produce exists in both languages", () => {
    const details = ["state", "selfLevel", "proposedLevel", "reason", "scoreSet", "scoreChanged", "scoreCleared", "opinion", "opinionBefore"];
    for (const d of details) {
      expect(typeof lookup(viCell, `history.details.${d}`), d).toBe("string");
      expect(typeof lookup(enCell, `history.details.${d}`), d).toBe("string");
    }
  });
});
