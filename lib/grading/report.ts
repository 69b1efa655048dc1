import type { GradingResult, GroupResult, SubjectVerdict } from "./types";

/** One subject as the command line prints it (rating-rules §6). */
export type SubjectReport = Pick<SubjectVerdict, "id" | "rated" | "notRatedReason" | "maxLevel" | "forced" | "proposalValid" | "reasons">;

/** The document the command line prints (rating-rules §6). */
export interface GradingReport {
  subjects: SubjectReport[];
  groups: GroupResult[];
  ok: boolean;
}

/** Keeps the fields of rating-rules §6 only: the verdict's extra fields serve the screens, not the contract. */
export function toReport(result: GradingResult): GradingReport {
  return {
    subjects: result.subjects.map(({ id, rated, notRatedReason, maxLevel, forced, proposalValid, reasons }) => ({
      id,
      rated,
      notRatedReason,
      maxLevel,
      forced,
      proposalValid,
      reasons,
    })),
    groups: result.groups,
    ok: result.ok,
  };
}
