import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import { evaluateSubject, levelRefusal, type Level, type LevelRefusal, type RuleSetId } from "@/lib/grading";
import { recordSubject, type MemberStanding } from "@/lib/review/facts";
import { FACT_COLUMNS, storedFactsOf } from "./record-facts";

// What the rating rules need of a member's record, read the same way by the meeting's panel and the
// committee's decision desk.

export const MEMBER_RECORD_SELECT = {
  id: true,
  memberId: true,
  state: true,
  notRatedReason: true,
  selfLevel: true,
  proposedLevel: true,
  category: true,
  ...FACT_COLUMNS,
  peerGroupId: true,
  member: {
    select: {
      fullName: true,
      officialOn: true,
      status: true,
      admittedOn: true,
      category: true,
      disciplines: { select: { decidedOn: true, selfDetectedAndRemedied: true, countedInYear: true } },
    },
  },
} as const;
export type MemberRecordRow = Prisma.ReviewRecordGetPayload<{ select: typeof MEMBER_RECORD_SELECT }>;

export function standingOf(r: Pick<MemberRecordRow, "memberId" | "category" | "member">, year: number): MemberStanding {
  const m = r.member!;
  return {
    id: r.memberId!,
    category: r.category ?? m.category,
    status: m.status === "LEFT" ? "ACTIVE" : m.status,
    admittedOn: toIsoDate(m.admittedOn),
    disciplines: m.disciplines.map((d) => ({
      decidedOn: toIsoDate(d.decidedOn),
      selfDetectedAndRemedied: d.selfDetectedAndRemedied,
      countedInEarlierYear: d.countedInYear !== null && d.countedInYear < year,
    })),
  };
}

type GradedRecord = Pick<MemberRecordRow, "memberId" | "category" | "member" | "peerGroupId"> & Parameters<typeof storedFactsOf>[0];
type RuleCycle = { year: number; ruleSet: string; ratingDate: Date };

/**
 * Why the rules refuse to store `level` for a member's record, or null: evaluated on the record's facts
 * with `level` as the proposal (docs/rating-rules.md §6: `proposalValid`). Every path that writes a
 * member's level — the minutes, a re-review, a decision — asks this before it writes.
 */
export function memberLevelRefusal(record: GradedRecord, cycle: RuleCycle, level: Level): LevelRefusal | null {
  return levelRefusal(
    evaluateSubject(recordSubject(standingOf(record, cycle.year), storedFactsOf(record), { peerGroup: record.peerGroupId ?? "", proposed: level }), {
      ruleSet: cycle.ruleSet as RuleSetId,
      ratingDate: toIsoDate(cycle.ratingDate),
    }),
  );
}
