import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/i18n/format";
import type { MemberStanding } from "@/lib/review/facts";
import { FACT_COLUMNS } from "./record-facts";

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
    disciplines: m.disciplines.map((d) => ({ decidedOn: toIsoDate(d.decidedOn), selfDetectedAndRemedied: d.selfDetectedAndRemedied, countedInEarlierYear: d.countedInYear !== null && d.countedInYear < year })),
  };
}

