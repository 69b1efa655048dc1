import { describe, expect, it } from "vitest";
import { SignInSchema } from "@/lib/schemas/auth";
import { CycleDeadlinesSchema } from "@/lib/schemas/cycles";
import { MemberListQuerySchema } from "@/lib/schemas/members";
import { SaveSelfReviewSchema } from "@/lib/schemas/self-reviews";
import { id, isoDate, key, line, paragraph } from "@/lib/schemas/text";
import { deadlinesEditable, deadlinesOutsideYear } from "@/lib/review/cycle-deadlines";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("one line of text", () => {
  const schema = line(20);
  it.each([
    ["plain Vietnamese", "Nguyễn Văn A", []],
    ["trimmed", "  Thôn Đông  ", []],
    ["emoji (a surrogate pair)", "Tốt 👍", []],
    ["NUL", "a\u0000b", ["controlCharacters"]],
    ["escape", "a\u001b[31mb", ["controlCharacters"]],
    ["line feed", "a\nb", ["controlCharacters"]],
    ["DEL", "a\u007fb", ["controlCharacters"]],
    ["C1 control", "a\u0085b", ["controlCharacters"]],
    ["lone high surrogate", "a\ud800b", ["invalidCharacters"]],
    ["lone low surrogate", "\udc00", ["invalidCharacters"]],
    ["reversed pair", "\udc00\ud800", ["invalidCharacters"]],
    ["too long", "x".repeat(21), ["tooLong"]],
  ])("%s", (_name, value, expected) => {
    expect(messages(schema.safeParse(value))).toEqual(expected);
  });
  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 1, {}, [], true]) expect(schema.safeParse(value).success).toBe(false);
  });
});

describe("multi-line text", () => {
  it("allows line feeds and tabs, nothing else of the controls", () => {
    expect(paragraph(100).safeParse("một\n\thai").success).toBe(true);
    expect(messages(paragraph(100).safeParse("một\r\nhai"))).toEqual(["controlCharacters"]);
    expect(messages(paragraph(100).safeParse("một\u0000"))).toEqual(["controlCharacters"]);
  });
});

describe("ids and keys", () => {
  it("an id is what the database makes; anything else names no row", () => {
    for (const ok of ["cm3x9k2lq0000abcd", "og0001", "3f1e2d4c-1111-4222-8333-444455556666"]) expect(id.safeParse(ok).success).toBe(true);
    for (const bad of ["", "a b", "x\u0000", "' OR 1=1 --", "%", "a".repeat(41), "../etc"]) expect(id.safeParse(bad).success).toBe(false);
  });
  it("a key never reaches an object's prototype", () => {
    for (const bad of ["__proto__", "constructor", "prototype"]) expect(key().safeParse(bad).success).toBe(false);
    const content = (texts: string) => ({ texts: JSON.parse(texts), remediation: [], scores: {}, criteria: {}, selfLevel: null });
    expect(SaveSelfReviewSchema.safeParse({ recordId: "r1", baseVersion: 0, content: content('{"constructor": "x"}') }).success).toBe(false);
    // A "__proto__" key from JSON is dropped by zod's record, never assigned as a prototype.
    const parsed = SaveSelfReviewSchema.parse({ recordId: "r1", baseVersion: 0, content: content('{"__proto__": {"polluted": 1}, "a": "b"}') });
    expect(Object.getPrototypeOf(parsed.content.texts)).toBe(Object.prototype);
    expect(parsed.content.texts).toEqual({ a: "b" });
  });
});

describe("dates", () => {
  it.each([
    ["2026-12-10", []],
    ["1900-01-01", []],
    ["2100-12-31", []],
    ["0000-12-10", ["dateOutOfRange"]],
    ["9999-12-31", ["dateOutOfRange"]],
    ["1899-12-31", ["dateOutOfRange"]],
    ["2026-02-30", ["invalidDate"]],
    ["2026-13-01", ["invalidDate"]],
    ["26-12-10", ["invalidDate"]],
    ["2026-12-10T00:00:00Z", ["invalidDate"]],
  ])("%s", (value, expected) => {
    expect(messages(isoDate().safeParse(value))).toEqual(expected);
  });

  it("the deadlines of a cycle fall in its year or the next", () => {
    const plan = { selfReviewDue: "2026-12-10", meetingsDue: "2026-12-20", grassrootsDue: "2026-12-30", upperDecisionDue: "2027-01-20" };
    expect(deadlinesOutsideYear(2026, plan)).toEqual([]);
    expect(deadlinesOutsideYear(2026, { ...plan, selfReviewDue: "1900-01-01", upperDecisionDue: "2028-01-01" })).toEqual(["selfReviewDue", "upperDecisionDue"]);
    expect(CycleDeadlinesSchema.safeParse({ cycleId: "c1", expectedVersion: 0, ...plan, upperDecisionDue: "9999-12-31" }).success).toBe(false);
  });

  it("published and closed cycles keep their plan", () => {
    expect(["PREPARING", "SELF_REVIEW", "DECIDING", "PUBLISHED", "CLOSED"].map(deadlinesEditable)).toEqual([true, true, true, false, false]);
  });
});

describe("page parameters and sign-in", () => {
  it("a search with a NUL or a lone surrogate falls back to no search", () => {
    expect(MemberListQuerySchema.parse({ q: "ng\u0000uyen" }).q).toBe("");
    expect(MemberListQuerySchema.parse({ q: "\ud800" }).q).toBe("");
    expect(MemberListQuerySchema.parse({ q: " nguyen " }).q).toBe("nguyen");
  });
  it("a username or password with control characters is refused like any invalid value", () => {
    expect(SignInSchema.safeParse({ username: "quantri\u0000", password: "x" }).success).toBe(false);
    expect(SignInSchema.safeParse({ username: "x".repeat(100_000), password: "x" }).success).toBe(false);
    expect(SignInSchema.safeParse({ username: " QuanTri ", password: "Demo@2024" }).data?.username).toBe("quantri");
  });
});
