import { ruleSetForYear } from "@/lib/grading/rule-sets";
import { day } from "./dates";
import type { RuleSetId } from "./types";

// The review years of the demo and their calendars. The current year is an input (the seed passes
// reviewYearOn(now)), never read from the clock here, so the same options always give the same rows.
//
//   current year Y   in progress (SELF_REVIEW), shown as it stands on 30/11/Y
//   Y − 1            decided and PUBLISHED: its NOT_COMPLETED members carry remediation items into Y
//   older years      CLOSED
//
// Each year is rated under the rule set of its year (ruleSetForYear): 2019–2022 QD132_HD21, 2023–2024
// QD124_HD25, 2025 on QD366_HD43.

export interface YearCalendar {
  year: number;
  ruleSet: RuleSetId;
  ratingDate: Date;
  selfReviewDue: Date;
  meetingsDue: Date;
  grassrootsDue: Date;
  upperDecisionDue: Date;
}

export function calendarOf(year: number): YearCalendar {
  const ruleSet = ruleSetForYear(year);
  if (!ruleSet) throw new RangeError(`no rule set for the review year ${year}: the demo's years start in 2019 at the earliest`);
  if (ruleSet === "QD366_HD43") {
    // HD 43 4.1: the year's review and rating end before 31/12; the dossiers go to the level above by
    // 01/02 (Mẫu 04). The same dates the app gives a cycle it opens (lib/data/cycles.ts): self-reviews
    // by 10/12, cell meetings by 18/12, the grassroots committees by 25/12, the upper committee by
    // 30/12; eligibility counted on 15/12.
    return {
      year,
      ruleSet,
      ratingDate: day(year, 12, 15),
      selfReviewDue: day(year, 12, 10),
      meetingsDue: day(year, 12, 18),
      grassrootsDue: day(year, 12, 25),
      upperDecisionDue: day(year, 12, 30),
    };
  }
  // The years of HD 21 and HD 25, as the demo has always dated them.
  return {
    year,
    ruleSet,
    ratingDate: day(year, 12, 10),
    selfReviewDue: day(year, 12, 13),
    meetingsDue: day(year, 12, 20),
    grassrootsDue: day(year, 12, 31),
    upperDecisionDue: day(year + 1, 1, 15),
  };
}

/**
 * The day the current review stands at in the demo: 30 November. The register was imported on 1
 * November and the cycle opened on 3 November; since then members have written self-reviews, the
 * fastest cells have met and a few grassroots committees have decided. Every deadline is still ahead,
 * and a seed run in December or January shows nothing dated in the future.
 */
export function snapshotDay(currentYear: number): Date {
  return day(currentYear, 11, 30);
}

/** The first review year the demo builds by default: the first the app has a rule set for. */
export const FIRST_HISTORY_YEAR = 2019;
