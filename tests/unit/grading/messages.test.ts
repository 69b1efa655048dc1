import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { CRITERION_GRADES, LEVELS_OR_NOT_RATED, MEMBER_CATEGORIES, QUOTA_BASES, REASON_CODES, RULE_SET_IDS } from "@/lib/grading";
import en from "@/lib/i18n/messages/en/grading.json";
import vi from "@/lib/i18n/messages/vi/grading.json";

// The screens show a sentence for every code the module reports, in both languages.

const LOCALES = { vi, en } as const;

/** Placeholder names of an ICU message, e.g. {group} and {slots, plural, …}. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((match) => match[1]).sort();
}

function shape(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return typeof value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, inner]) => [key, shape(inner)])
      .sort(),
  );
}

describe.each(Object.entries(LOCALES))("the %s grading messages", (_locale, messages) => {
  it.each<[string, Record<string, string>, readonly string[]]>([
    ["reasons", messages.reasons, REASON_CODES],
    ["levels", messages.levels, LEVELS_OR_NOT_RATED],
    ["levelsShort", messages.levelsShort, LEVELS_OR_NOT_RATED],
    ["criterionGrades", messages.criterionGrades, CRITERION_GRADES],
    ["memberCategories", messages.memberCategories, MEMBER_CATEGORIES],
    ["ruleSets", messages.ruleSets, RULE_SET_IDS],
    ["quotaBases", messages.quotaBases, QUOTA_BASES],
  ])("has exactly one non-empty text per code in %s", (_name, texts, codes) => {
    expect(Object.keys(texts).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(texts[code].trim(), code).not.toBe("");
  });

  it("writes every reason as a full sentence", () => {
    for (const code of REASON_CODES) expect(messages.reasons[code], code).toMatch(/^\p{Lu}.*\.$/u);
  });
});

describe("the two languages", () => {
  it("have the same keys", () => {
    expect(shape(en)).toEqual(shape(vi));
  });

  it("use the same placeholders in each quota message, and both format", () => {
    const values = {
      group: "tccs-1",
      excellent: 3,
      max: 2,
      pool: 14,
      slots: 1,
      excess: 1,
      count: 2,
      decisionNo: "15-QĐ/HU",
      date: "20/12/2024",
      issuer: "BTV",
      rate: 25,
    };
    for (const key of Object.keys(vi.quota) as (keyof typeof vi.quota)[]) {
      expect(placeholders(en.quota[key]), key).toEqual(placeholders(vi.quota[key]));
      for (const [locale, messages] of Object.entries(LOCALES)) {
        const translate = createTranslator({ locale, messages: { grading: messages }, namespace: "grading.quota" });
        const text = translate(key, values);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
        expect(text, `${locale} ${key}`).not.toContain("grading.quota");
      }
    }
  });

  it("write Vietnamese with its diacritics", () => {
    expect(vi.reasons.EXEMPT).toBe("Đảng viên được miễn công tác và sinh hoạt đảng nên không xếp loại.");
    expect(vi.levels.EXCELLENT).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(vi.reasons.SCORE_UNDER_90).toBe("Tổng điểm dưới 90 nên mức cao nhất là “Hoàn thành tốt nhiệm vụ”.");
    expect(vi.memberCategories.OUTSIDE_SYSTEM).toBe("Đảng viên không công tác trong hệ thống chính trị");
  });
});
