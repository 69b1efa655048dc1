import { hasCompletedMonthsSince } from "../dates";
import type { MemberInput, OrganizationInput } from "../types";
import type { Exclusion } from "./rule";

// Who is rated (rating-rules §2). A rule set lists these in the order rating-rules §6 reports the first that applies:
// EXEMPT, SUSPENDED, then NEW_MEMBER / NEW_ORGANIZATION.

/** Months a subject must have existed before the rating date to be rated. */
const MONTHS_BEFORE_RATING = 6;

// rating-rules §2.1 — [21][124] QĐ 24 Điều 7.1: exempt from work and party activity ⇒ not rated
export const exempt: Exclusion<MemberInput> = ({ status }) => (status === "EXEMPT" ? "EXEMPT" : null);

// rating-rules §2.1 — [21][124]: suspended from party activity (đình chỉ sinh hoạt đảng) ⇒ not rated
export const suspended: Exclusion<MemberInput> = ({ status }) => (status === "SUSPENDED" ? "SUSPENDED" : null);

// rating-rules §2.2 — [21] HD 21 II.6, [124]: admitted less than 6 calendar months before the rating date
export const newMember: Exclusion<MemberInput> = ({ admittedOn }, { ratingDate }) =>
  admittedOn !== undefined && !hasCompletedMonthsSince(admittedOn, ratingDate, MONTHS_BEFORE_RATING) ? "NEW_MEMBER" : null;

// rating-rules §2.3 — [21] HD 21 II.6: established less than 6 months before the rating date, counted as for members
export const newOrganization: Exclusion<OrganizationInput> = ({ establishedOn }, { ratingDate }) =>
  establishedOn !== undefined && !hasCompletedMonthsSince(establishedOn, ratingDate, MONTHS_BEFORE_RATING) ? "NEW_ORGANIZATION" : null;
