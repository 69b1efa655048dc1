import type { Shortcomings } from "../types";
import { capAt, type SubjectRule } from "./rule";

const SHORTCOMINGS_NOT_REMEDIED = capAt("SHORTCOMINGS_NOT_REMEDIED", "GOOD");

// rating-rules §7.5 — 366 Điều 11, 1.4: HTXSNV needs every shortcoming named at the previous review remedied
export const shortcomingsNotRemedied: SubjectRule<{ shortcomings?: Shortcomings }> = ({ shortcomings }) =>
  shortcomings !== undefined && shortcomings.remedied < shortcomings.named ? SHORTCOMINGS_NOT_REMEDIED : null;
