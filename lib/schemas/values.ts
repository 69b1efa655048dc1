// The values the forms offer and the limits they show, with no zod: a client component imports them from
// here, so the schemas (and zod, about 68 KB gzip) stay on the server. The schemas beside this file check
// the same values and re-export them for the server's code.

export const MEMBER_CATEGORIES = ["NON_LEADER_IN_SYSTEM", "LEADER_MANAGER", "NOT_IN_POLITICAL_SYSTEM"] as const;

export const MEMBER_NOT_RATED_REASONS = ["EXEMPT", "SUSPENDED", "NEW_MEMBER", "OTHER"] as const;

export const OPINION_TEXT_MAX = 5_000;
