import { isIsoDate } from "./dates";
import { getRuleSet, RULE_SET_IDS } from "./rule-sets";
import { hasAtMostOneDecimal } from "./rules/score";
import { CRITERION_GRADES, LEVELS, LEVELS_OR_NOT_RATED, MEMBER_CATEGORIES, MEMBER_STATUSES, QUOTA_BASES, type GradingInput } from "./types";

// A quick yes to the common, valid input document (issue #19). The command line reads provinces of
// 300,000 subjects; the zod schema (input-schema.ts) took 1.8 s of its 3.9 s, mostly building a copy
// of the document. This check walks the document once, copies nothing and loads no zod.
//
// It only ever says "certainly valid": it accepts nothing GradingInputSchema refuses, and where it
// doubts it says no, and the caller asks the schema, which alone words the problem (path and message
// stay exactly as before). So it may be stricter than the schema — a plain object only, safe integers,
// at most one pass over the subjects — never laxer. tests/unit/grading/input-check.test.ts compares the
// two on mutated documents.

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

const isOneOf = (values: readonly string[]) => (value: unknown) => typeof value === "string" && values.includes(value);
const isLevelOrNotRated = isOneOf(LEVELS_OR_NOT_RATED);
const isLevel = isOneOf(LEVELS);
const isGrade = isOneOf(CRITERION_GRADES);
const isStatus = isOneOf(MEMBER_STATUSES);
const isCategory = isOneOf(MEMBER_CATEGORIES);
const isQuotaBase = isOneOf(QUOTA_BASES);
const isRuleSetId = isOneOf(RULE_SET_IDS);

const isBoolean = (value: unknown) => typeof value === "boolean";
const isDate = (value: unknown) => typeof value === "string" && isIsoDate(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isNumberIn = (value: unknown, min: number, max: number) => typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;

/** The schema's `trim().length > 0`, without trimming when the first character is not white space. */
function isNonBlank(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0) return false;
  const first = value.charCodeAt(0);
  // Printable ASCII other than the space is never trimmed.
  return (first > 32 && first < 127) || value.trim().length > 0;
}

function isScorePart(value: unknown, max: number): boolean {
  return isNumberIn(value, 0, max) && hasAtMostOneDecimal(value as number);
}

function isScore(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    keys++;
    if (key === "general") {
      if (!isScorePart(value.general, 30)) return false;
    } else if (key === "results") {
      if (!isScorePart(value.results, 70)) return false;
    } else return false;
  }
  return keys === 2;
}

function isTasks(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (key !== "assigned" && key !== "completed" && key !== "onTime" && key !== "exceeded") return false;
    if (!isCount(value[key])) return false;
    keys++;
  }
  const { assigned, completed, onTime, exceeded } = value as Record<string, number>;
  return keys === 4 && completed <= assigned && onTime <= completed && exceeded <= completed;
}

/** A strict object of two counts, `part` not above `whole`. */
function isPartOf(value: unknown, whole: string, part: string): boolean {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if ((key !== whole && key !== part) || !isCount(value[key])) return false;
    keys++;
  }
  return keys === 2 && (value[part] as number) <= (value[whole] as number);
}

function isCriteria(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const criterion of value) {
    if (!isPlainObject(criterion)) return false;
    let keys = 0;
    for (const key in criterion) {
      if (key === "taskResult") {
        if (!isBoolean(criterion.taskResult)) return false;
      } else if (key === "grade") {
        if (!isGrade(criterion.grade)) return false;
      } else return false;
      keys++;
    }
    if (keys !== 2) return false;
  }
  return true;
}

function isDisciplines(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const discipline of value) {
    if (!isPlainObject(discipline) || !isDate(discipline.decidedOn)) return false;
    for (const key in discipline) {
      if (key === "decidedOn") continue;
      if ((key !== "selfDetectedAndRemedied" && key !== "countedInEarlierYear") || !isBoolean(discipline[key])) return false;
    }
  }
  return true;
}

function isLevelList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const level of value) if (!isLevelOrNotRated(level)) return false;
  return true;
}

/** A fact both kinds may carry; true when `key` is one and its value is right. */
function isSharedFact(key: string, value: unknown): boolean {
  switch (key) {
    case "reviewDone":
    case "fiveTargetsMissed":
    case "forceMajeure":
      return isBoolean(value);
    case "criteria":
      return isCriteria(value);
    case "targetsCompletedPercent":
      return isNumberIn(value, 0, Number.MAX_VALUE);
    case "score":
      return isScore(value);
    case "tasks":
      return isTasks(value);
    case "shortcomings":
      return isPartOf(value, "named", "remedied");
    default:
      return false;
  }
}

function isMemberFact(key: string, value: unknown): boolean {
  switch (key) {
    case "status":
      return isStatus(value);
    case "admittedOn":
      return isDate(value);
    case "civilServantLevel":
      return isLevel(value);
    case "disciplines":
      return isDisciplines(value);
    case "degradationConcluded":
    case "prohibitedActsConcluded":
    case "lowConfidenceOver50":
    case "corruptionInScope":
      return isBoolean(value);
    case "sickLeaveDays":
      return isCount(value) && value <= 366;
    case "category":
      return isCategory(value);
    case "ledUnits":
      return isPartOf(value, "count", "notCompleted");
    default:
      return isSharedFact(key, value);
  }
}

function isOrganizationFact(key: string, value: unknown): boolean {
  switch (key) {
    case "establishedOn":
      return isDate(value);
    case "subordinateLevels":
      return isLevelList(value);
    case "subordinateUnits":
    case "disciplinedSubordinateUnits":
      return isCount(value);
    case "localBodiesAtLeastGood":
    case "leadershipDisciplined":
    case "disunityConcluded":
    case "leadershipMemberDegraded":
      return isBoolean(value);
    case "leadershipDisciplines":
      return isDisciplines(value);
    default:
      return isSharedFact(key, value);
  }
}

/** One subject on its own; the checks across subjects are the caller's. */
function isSubject(subject: unknown, ruleSet: string): boolean {
  if (!isPlainObject(subject)) return false;
  const { kind } = subject;
  if (kind !== "MEMBER" && kind !== "ORGANIZATION") return false;
  if (!isNonBlank(subject.id) || !isNonBlank(subject.peerGroup) || !isLevelOrNotRated(subject.proposed)) return false;
  const isFact = kind === "MEMBER" ? isMemberFact : isOrganizationFact;
  for (const key in subject) {
    if (key === "id" || key === "kind" || key === "peerGroup" || key === "proposed") continue;
    // An optional fact given as undefined is absent to the schema, but an unknown key is not: both go to it.
    if (!isFact(key, subject[key])) return false;
  }
  if (kind === "ORGANIZATION") {
    const disciplined = (subject.disciplinedSubordinateUnits as number | undefined) ?? 0;
    const units = subject.subordinateUnits as number | undefined;
    // The schema's two refinements: never more disciplined units than units; without a unit count, the
    // older rule sets allow none.
    if (units !== undefined ? disciplined > units : disciplined > 0 && ruleSet !== "QD366_HD43") return false;
  }
  return true;
}

function isOverride(override: unknown, overridesRaiseRate: boolean): boolean {
  if (!isPlainObject(override)) return false;
  let required = 0;
  for (const key in override) {
    const value = override[key];
    switch (key) {
      case "peerGroup":
      case "decisionNo":
      case "issuer":
      case "reason":
        if (!isNonBlank(value)) return false;
        required++;
        break;
      case "decidedOn":
        if (!isDate(value)) return false;
        required++;
        break;
      case "ratePercent":
        if (value !== undefined && (!overridesRaiseRate || !Number.isSafeInteger(value) || (value as number) < 21 || (value as number) > 25)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 5;
}

/**
 * True only when GradingInputSchema certainly accepts `raw` as it is; false when it may not (ask the
 * schema then). A valid document is used as given: the schema's copy would hold the same values.
 */
export function isPlainlyValidInput(raw: unknown): raw is GradingInput {
  if (!isPlainObject(raw)) return false;
  for (const key in raw) {
    if (key !== "ruleSet" && key !== "ratingDate" && key !== "quotaBase" && key !== "subjects" && key !== "overrides") return false;
  }
  const { ruleSet, ratingDate, quotaBase, subjects, overrides } = raw;
  if (!isRuleSetId(ruleSet) || !isDate(ratingDate) || !Array.isArray(subjects)) return false;
  if (quotaBase !== undefined && !isQuotaBase(quotaBase)) return false;
  if (overrides !== undefined && !Array.isArray(overrides)) return false;

  // A peer group holds one kind; ids are unique: in ascending order they are, without a set of them.
  const kindOfGroup = new Map<string, unknown>();
  let ascending = true;
  let previousId = "";
  let previousGroup = "";
  let previousKind: unknown;
  for (let index = 0; index < subjects.length; index++) {
    const subject = subjects[index] as Plain;
    if (!isSubject(subject, ruleSet as string)) return false;
    const id = subject.id as string;
    if (index > 0 && !(previousId < id)) ascending = false;
    previousId = id;
    const { peerGroup, kind } = subject as { peerGroup: string; kind: string };
    // Subjects come group by group: the previous one's group saves a lookup.
    if (peerGroup !== previousGroup || index === 0) {
      const known = kindOfGroup.get(peerGroup);
      if (known === undefined) kindOfGroup.set(peerGroup, kind);
      else if (known !== kind) return false;
      previousGroup = peerGroup;
      previousKind = kind;
    } else if (kind !== previousKind) return false;
  }
  if (!ascending && new Set(subjects.map((subject) => (subject as Plain).id)).size !== subjects.length) return false;

  if (overrides !== undefined) {
    const overridesRaiseRate = getRuleSet(ruleSet as GradingInput["ruleSet"]).quota.overrideRatePercent !== null;
    for (const override of overrides) {
      if (!isOverride(override, overridesRaiseRate) || !kindOfGroup.has((override as Plain).peerGroup as string)) return false;
    }
  }
  return true;
}
