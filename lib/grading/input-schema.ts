import { z } from "zod";
import { isIsoDate } from "./dates";
import { isPlainlyValidInput } from "./input-check";
import { getRuleSet, RULE_SET_IDS } from "./rule-sets";
import { hasAtMostOneDecimal } from "./rules/score";
import { CRITERION_GRADES, LEVELS, LEVELS_OR_NOT_RATED, MEMBER_CATEGORIES, MEMBER_STATUSES, QUOTA_BASES, type GradingInput } from "./types";

// The input document of rating-rules §6. Objects are strict (an unknown key is an error), dates are real
// calendar dates, and facts left out keep their harmless meaning (see types.ts), so no defaults are filled.

const isoDate = z.string().refine(isIsoDate, {
  message: "ngày không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD",
});
const nonBlank = z.string().refine((text) => text.trim().length > 0, { message: "không được để trống" });
const count = z.number().int().min(0);

const criterion = z.strictObject({ taskResult: z.boolean(), grade: z.enum(CRITERION_GRADES) });

const discipline = z.strictObject({
  decidedOn: isoDate,
  selfDetectedAndRemedied: z.boolean().optional(),
  countedInEarlierYear: z.boolean().optional(),
});

/** `part` must not exceed `whole`: the issue names `part`'s key, and says it is larger than `whole`. */
function notAbove<T extends Record<string, number>>(part: keyof T & string, whole: keyof T & string, what: string) {
  return (value: T, context: z.core.$RefinementCtx<T>) => {
    if (value[part] > value[whole]) {
      context.addIssue({ code: "custom", path: [part], message: `${what} (${whole})` });
    }
  };
}

// rating-rules §7.3: a score part with one decimal place at most, compared in tenths (rules/score.ts).
const scorePart = (max: number) => z.number().min(0).max(max).refine(hasAtMostOneDecimal, { message: "điểm chỉ được có tối đa một chữ số thập phân" });

const score = z.strictObject({ general: scorePart(30), results: scorePart(70) });

// rating-rules §7.4: on time and exceeded are parts of the completed tasks, which are part of those assigned.
const tasks = z
  .strictObject({ assigned: count, completed: count, onTime: count, exceeded: count })
  .superRefine(notAbove("completed", "assigned", "số nhiệm vụ hoàn thành lớn hơn số nhiệm vụ được giao"))
  .superRefine(notAbove("onTime", "completed", "số nhiệm vụ đúng hạn lớn hơn số nhiệm vụ hoàn thành"))
  .superRefine(notAbove("exceeded", "completed", "số nhiệm vụ vượt mức lớn hơn số nhiệm vụ hoàn thành"));

const shortcomings = z
  .strictObject({ named: count, remedied: count })
  .superRefine(notAbove("remedied", "named", "số hạn chế đã khắc phục lớn hơn số hạn chế được chỉ ra"));

const ledUnits = z
  .strictObject({ count, notCompleted: count })
  .superRefine(notAbove("notCompleted", "count", "số đơn vị không hoàn thành nhiệm vụ lớn hơn số đơn vị phụ trách"));

const subjectBase = {
  id: nonBlank,
  peerGroup: nonBlank,
  proposed: z.enum(LEVELS_OR_NOT_RATED),
  reviewDone: z.boolean().optional(),
  criteria: z.array(criterion).optional(),
  // Above 100 is over-completion (vượt chỉ tiêu), not an error.
  targetsCompletedPercent: z.number().min(0).optional(),
  score: score.optional(),
  tasks: tasks.optional(),
  shortcomings: shortcomings.optional(),
  fiveTargetsMissed: z.boolean().optional(),
  forceMajeure: z.boolean().optional(),
};

const member = z.strictObject({
  ...subjectBase,
  kind: z.literal("MEMBER"),
  status: z.enum(MEMBER_STATUSES).optional(),
  admittedOn: isoDate.optional(),
  civilServantLevel: z.enum(LEVELS).optional(),
  disciplines: z.array(discipline).optional(),
  degradationConcluded: z.boolean().optional(),
  sickLeaveDays: count.max(366).optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  prohibitedActsConcluded: z.boolean().optional(),
  ledUnits: ledUnits.optional(),
  lowConfidenceOver50: z.boolean().optional(),
  corruptionInScope: z.boolean().optional(),
});

const MORE_DISCIPLINED_THAN_UNITS = "số đơn vị trực thuộc bị kỷ luật lớn hơn số đơn vị trực thuộc (subordinateUnits)";

const organization = z
  .strictObject({
    ...subjectBase,
    kind: z.literal("ORGANIZATION"),
    establishedOn: isoDate.optional(),
    subordinateLevels: z.array(z.enum(LEVELS_OR_NOT_RATED)).optional(),
    subordinateUnits: count.optional(),
    disciplinedSubordinateUnits: count.optional(),
    localBodiesAtLeastGood: z.boolean().optional(),
    leadershipDisciplined: z.boolean().optional(),
    disunityConcluded: z.boolean().optional(),
    leadershipDisciplines: z.array(discipline).optional(),
    leadershipMemberDegraded: z.boolean().optional(),
  })
  .superRefine((organization, context) => {
    // Without subordinateUnits the check depends on the rule set: see the document's refinement.
    if (organization.subordinateUnits === undefined) return;
    if ((organization.disciplinedSubordinateUnits ?? 0) > organization.subordinateUnits) {
      context.addIssue({ code: "custom", path: ["disciplinedSubordinateUnits"], message: MORE_DISCIPLINED_THAN_UNITS });
    }
  });

const override = z.strictObject({
  peerGroup: nonBlank,
  decisionNo: nonBlank,
  decidedOn: isoDate,
  issuer: nonBlank,
  reason: nonBlank,
  // rating-rules §7.8 — 366 Điều 11, 1.5: the competent body may raise the rate up to 25 %
  ratePercent: z.number().int().min(21).max(25).optional(),
});

export const GradingInputSchema = z
  .strictObject({
    ruleSet: z.enum(RULE_SET_IDS),
    ratingDate: isoDate,
    quotaBase: z.enum(QUOTA_BASES).optional(),
    subjects: z.array(z.discriminatedUnion("kind", [member, organization])),
    overrides: z.array(override).optional(),
  })
  .superRefine((input, context) => {
    // rating-rules §6 — a duplicate id, a peer group of both kinds, an override naming no peer group: invalid
    const firstIndexOfId = new Map<string, number>();
    const firstOfGroup = new Map<string, { kind: string; index: number }>();
    input.subjects.forEach((subject, index) => {
      const earlier = firstIndexOfId.get(subject.id);
      if (earlier !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["subjects", index, "id"],
          message: `id "${subject.id}" trùng với subjects[${earlier}]`,
        });
      } else {
        firstIndexOfId.set(subject.id, index);
      }
      const group = firstOfGroup.get(subject.peerGroup);
      if (!group) {
        firstOfGroup.set(subject.peerGroup, { kind: subject.kind, index });
      } else if (group.kind !== subject.kind) {
        context.addIssue({
          code: "custom",
          path: ["subjects", index, "peerGroup"],
          message:
            `nhóm tương đồng "${subject.peerGroup}" đã có đối tượng loại ${group.kind} ` + `(subjects[${group.index}]); một nhóm chỉ gồm một loại đối tượng`,
        });
      }
    });
    input.overrides?.forEach((override, index) => {
      if (!firstOfGroup.has(override.peerGroup)) {
        context.addIssue({
          code: "custom",
          path: ["overrides", index, "peerGroup"],
          message: `không có nhóm tương đồng "${override.peerGroup}" trong danh sách đối tượng`,
        });
      }
    });

    // rating-rules §7.8 — only a rule set whose overrides raise the rate reads one
    const overridesRaiseRate = getRuleSet(input.ruleSet).quota.overrideRatePercent !== null;
    input.overrides?.forEach((override, index) => {
      if (override.ratePercent !== undefined && !overridesRaiseRate) {
        context.addIssue({
          code: "custom",
          path: ["overrides", index, "ratePercent"],
          message: `bộ quy tắc ${input.ruleSet} không có tỷ lệ nâng lên theo quyết định (chỉ QD366_HD43)`,
        });
      }
    });

    // The older rule sets compare disciplined units with subordinateUnits (their 20 %), so disciplined
    // units without a unit count are more than the count's harmless 0; [366] reads disciplined units alone.
    if (input.ruleSet !== "QD366_HD43") {
      input.subjects.forEach((subject, index) => {
        if (subject.kind !== "ORGANIZATION" || subject.subordinateUnits !== undefined) return;
        if ((subject.disciplinedSubordinateUnits ?? 0) > 0) {
          context.addIssue({
            code: "custom",
            path: ["subjects", index, "disciplinedSubordinateUnits"],
            message: MORE_DISCIPLINED_THAN_UNITS,
          });
        }
      });
    }
  });

/** Where the input is wrong, `subjects[3].admittedOn` style, and why (in Vietnamese). */
export interface InputProblem {
  path: string;
  message: string;
}

export type ParsedGradingInput = { ok: true; input: GradingInput } | { ok: false; problem: InputProblem };

const vietnameseErrors = z.locales.vi().localeError;

/**
 * Validates an input document; on failure reports its first problem. A valid document is returned as
 * given: the common one is recognised without zod (input-check.ts), zod words every problem.
 */
export function parseGradingInput(raw: unknown): ParsedGradingInput {
  if (isPlainlyValidInput(raw)) return { ok: true, input: raw };
  const parsed = GradingInputSchema.safeParse(raw, { error: vietnameseErrors });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, problem: describeIssue(parsed.error.issues[0]) };
}

function describeIssue(issue: z.core.$ZodIssue): InputProblem {
  if (issue.code === "unrecognized_keys") {
    return {
      path: formatPath([...issue.path, issue.keys[0]]),
      message: "khóa không được phép (không có trong tài liệu docs/rating-rules.md §6, §7.9)",
    };
  }
  return { path: formatPath(issue.path), message: issue.message };
}

/** ["subjects", 3, "admittedOn"] → "subjects[3].admittedOn"; the document itself is "(gốc)". */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    text += typeof segment === "number" ? `[${segment}]` : `${text ? "." : ""}${String(segment)}`;
  }
  return text || "(gốc)";
}
