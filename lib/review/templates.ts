import type { CriterionGrade, Level, RuleSetId } from "@/lib/grading";
import { checkItemScores, scoreTotals, type ScoreFramework, type ScoreSheetContent } from "@/lib/grading/score-sheet";

// The self-review forms (bản kiểm điểm cá nhân) as data: a form is a list of sections, and one page
// renders every form. The section titles are the official forms' headings, in the messages
// (`selfReview.sections.<key>`), so a new form is a new entry here, never a new page.
//
//   QD124_HD25 (HD 25): Mẫu 02A — no leadership post; Mẫu 02B — leadership post.
//   QD366_HD43 (HD 43): Mẫu 2A — leadership post; 2B — no post, in the political system; 2C — outside it.
//   (HD 43 swapped the letters of HD 25.)

export type SectionKind =
  /** Free text. */
  | "text"
  /** One answer per shortcoming named at the previous review (pre-filled from last year). */
  | "remediation"
  /** Points per item of the cycle's score sheet (QD366_HD43, part B.I). */
  | "scores"
  /** A grade per criterion (QD124_HD25). */
  | "criteria"
  /** The self-proposed level. */
  | "selfLevel";

export interface TemplateSection {
  key: string;
  kind: SectionKind;
  /** Must be filled before the form can be submitted. */
  required: boolean;
}

export interface SelfReviewTemplate {
  id: string;
  ruleSet: RuleSetId;
  /** The form's code on paper. */
  form: string;
  /** QD366_HD43: the score sheet the form carries. */
  framework?: Exclude<ScoreFramework, "COLLECTIVE">;
  sections: readonly TemplateSection[];
}

const text = (key: string, required = true): TemplateSection => ({ key, kind: "text", required });

/** QD124_HD25 criteria, graded one by one; `duties` is the results criterion. */
export const QD124_CRITERIA = ["politicalIdeology", "ethicsLifestyle", "workStyle", "discipline", "duties", "commitments"] as const;
export const RESULTS_CRITERION = "duties";

const qd124 = (form: string, leader: boolean): SelfReviewTemplate => ({
  id: `QD124_${form}`,
  ruleSet: "QD124_HD25",
  form,
  sections: [
    ...QD124_CRITERIA.map((key) => text(key)),
    text("shortcomings"),
    { key: "remediation", kind: "remediation", required: true },
    text("explanations", false),
    ...(leader ? [text("collectiveResponsibility")] : []),
    text("measures"),
    { key: "criteria", kind: "criteria", required: true },
    { key: "selfLevel", kind: "selfLevel", required: true },
  ],
});

const qd366 = (form: string, framework: Exclude<ScoreFramework, "COLLECTIVE">): SelfReviewTemplate => ({
  id: `QD366_${form}`,
  ruleSet: "QD366_HD43",
  form,
  framework,
  sections: [
    // A.I Ưu điểm, kết quả đạt được (366 Điều 6 khoản 2; a leader adds Điều 6's leadership items).
    text("politicalQualities"),
    text(framework === "OUTSIDE_SYSTEM" ? "partyDuties" : "dutiesResults"),
    // Mẫu 2A (366 Điều 6): the leader's results, responsibility, innovation and creativity, and example.
    ...(framework === "LEADER" ? [text("leadershipResults"), text("responsibilityInnovation"), text("settingExample")] : []),
    text("commitments"),
    text("shortcomings"), // A.II
    { key: "remediation", kind: "remediation", required: true }, // A.III
    text("explanations", false), // A.IV (nếu có)
    text("collectiveResponsibility", framework === "LEADER"), // A.V (nếu có; a leader always answers)
    text("measures"), // A.VI
    { key: "scores", kind: "scores", required: true }, // B.I
    { key: "selfLevel", kind: "selfLevel", required: true }, // B.II
  ],
});

export const TEMPLATES: Readonly<Record<string, SelfReviewTemplate>> = Object.fromEntries(
  [qd124("02A", false), qd124("02B", true), qd366("2A", "LEADER"), qd366("2B", "NON_LEADER"), qd366("2C", "OUTSIDE_SYSTEM")].map((t) => [t.id, t]),
);

/** The form of a member under a rule set; null where the app has no form (QD132_HD21 years are history). */
export function templateFor(ruleSet: RuleSetId, category: "NON_LEADER" | "LEADER" | "OUTSIDE_SYSTEM"): SelfReviewTemplate | null {
  if (ruleSet === "QD366_HD43") return TEMPLATES[{ LEADER: "QD366_2A", NON_LEADER: "QD366_2B", OUTSIDE_SYSTEM: "QD366_2C" }[category]];
  if (ruleSet === "QD124_HD25") return TEMPLATES[category === "LEADER" ? "QD124_02B" : "QD124_02A"];
  return null;
}

/** What a member writes: texts per section, an answer per shortcoming, points or grades, a level. */
export interface SelfReviewContent {
  texts: Record<string, string>;
  remediation: { shortcoming: string; answer: string }[];
  scores: Record<string, number | null>;
  criteria: Record<string, CriterionGrade | null>;
  selfLevel: Level | null;
}

export function emptyContent(remediation: readonly string[] = []): SelfReviewContent {
  return { texts: {}, remediation: remediation.map((shortcoming) => ({ shortcoming, answer: "" })), scores: {}, criteria: {}, selfLevel: null };
}

export type CompletenessProblem = { section: string; code: "REQUIRED" | "SCORE_RANGE" | "REMEDIATION_ANSWER"; index?: number };

/**
 * What keeps a self-review from being submitted: every required section filled, every shortcoming
 * answered, every item of the sheet scored within its maximum (or every criterion graded), a level chosen.
 */
export function completenessProblems(template: SelfReviewTemplate, content: SelfReviewContent, sheet: ScoreSheetContent | null): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  for (const section of template.sections) {
    switch (section.kind) {
      case "text":
        if (section.required && !content.texts[section.key]?.trim()) problems.push({ section: section.key, code: "REQUIRED" });
        break;
      case "remediation":
        content.remediation.forEach((item, index) => {
          if (!item.answer.trim()) problems.push({ section: section.key, code: "REMEDIATION_ANSWER", index });
        });
        break;
      case "scores": {
        if (!sheet) break;
        const scored = Object.fromEntries(Object.entries(content.scores).filter((e): e is [string, number] => e[1] !== null));
        if (checkItemScores(sheet, scored).length > 0) problems.push({ section: section.key, code: "SCORE_RANGE" });
        else if (!scoreTotals(sheet, scored).complete) problems.push({ section: section.key, code: "REQUIRED" });
        break;
      }
      case "criteria":
        if (QD124_CRITERIA.some((key) => !content.criteria[key])) problems.push({ section: section.key, code: "REQUIRED" });
        break;
      case "selfLevel":
        if (!content.selfLevel) problems.push({ section: section.key, code: "REQUIRED" });
        break;
    }
  }
  return problems;
}
