import { z } from "zod";
import { isIsoDate } from "./dates";
import { RULE_SET_IDS } from "./rule-sets";
import {
  CRITERION_GRADES,
  LEVELS,
  LEVELS_OR_NOT_RATED,
  MEMBER_STATUSES,
  QUOTA_BASES,
  type GradingInput,
} from "./types";

// The input document of RULES §6. Objects are strict (an unknown key is an error), dates are real
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

const subjectBase = {
  id: nonBlank,
  peerGroup: nonBlank,
  proposed: z.enum(LEVELS_OR_NOT_RATED),
  reviewDone: z.boolean().optional(),
  criteria: z.array(criterion).optional(),
  // Above 100 is over-completion (vượt chỉ tiêu), not an error.
  targetsCompletedPercent: z.number().min(0).optional(),
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
});

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
    forceMajeure: z.boolean().optional(),
  })
  .superRefine((organization, context) => {
    if ((organization.disciplinedSubordinateUnits ?? 0) > (organization.subordinateUnits ?? 0)) {
      context.addIssue({
        code: "custom",
        path: ["disciplinedSubordinateUnits"],
        message: "số đơn vị trực thuộc bị kỷ luật lớn hơn số đơn vị trực thuộc (subordinateUnits)",
      });
    }
  });

const override = z.strictObject({
  peerGroup: nonBlank,
  decisionNo: nonBlank,
  decidedOn: isoDate,
  issuer: nonBlank,
  reason: nonBlank,
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
    // RULES §6 — a duplicate id, a peer group of both kinds, an override naming no peer group: invalid
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
            `nhóm tương đồng "${subject.peerGroup}" đã có đối tượng loại ${group.kind} ` +
            `(subjects[${group.index}]); một nhóm chỉ gồm một loại đối tượng`,
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
  });

/** Where the input is wrong, `subjects[3].admittedOn` style, and why (in Vietnamese). */
export interface InputProblem {
  path: string;
  message: string;
}

export type ParsedGradingInput = { ok: true; input: GradingInput } | { ok: false; problem: InputProblem };

const vietnameseErrors = z.locales.vi().localeError;

/** Validates an input document; on failure reports its first problem. */
export function parseGradingInput(raw: unknown): ParsedGradingInput {
  const parsed = GradingInputSchema.safeParse(raw, { error: vietnameseErrors });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, problem: describeIssue(parsed.error.issues[0]) };
}

function describeIssue(issue: z.core.$ZodIssue): InputProblem {
  if (issue.code === "unrecognized_keys") {
    return {
      path: formatPath([...issue.path, issue.keys[0]]),
      message: "khóa không được phép (không có trong RULES.md §6)",
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
