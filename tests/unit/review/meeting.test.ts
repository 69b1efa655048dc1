import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVELS, type Level } from "@/lib/grading";
import {
  adoptedLevel,
  DEFAULT_MEETING_RULES,
  fewestFor,
  finalizeProblems,
  meetingRulesFrom,
  memberReviewsMayBeFinalized,
  quorum,
  validateTally,
  type Attendee,
  type Fraction,
  type MeetingRules,
  type Tally,
} from "@/lib/review/meeting";

// The meeting's arithmetic at its boundaries, and against a brute force that reads the rule literally.

const official = (memberId: string, present: boolean): Attendee => ({ memberId, official: true, status: "ACTIVE", present });
const officials = (count: number, present: number): Attendee[] => Array.from({ length: count }, (_, i) => official(`o${i}`, i < present));
const tally = (votes: Partial<Record<Level, number>>): Tally => ({ EXCELLENT: 0, GOOD: 0, COMPLETED: 0, NOT_COMPLETED: 0, ...votes });

const TWO_THIRDS: Fraction = { numerator: 2, denominator: 3, strict: false };
const rulesWith = (changes: Partial<MeetingRules>): MeetingRules => ({ ...DEFAULT_MEETING_RULES, ...changes });

describe("quorum: more than half of the official members who must attend", () => {
  it.each([
    // required, present, needed, met
    [10, 5, 6, false],
    [10, 6, 6, true],
    [9, 4, 5, false],
    [9, 5, 5, true],
    [1, 1, 1, true],
    [1, 0, 1, false],
    [2, 1, 2, false],
    [3, 2, 2, true],
    [0, 0, 1, false],
  ])("%i required, %i present → needs %i, met %s", (required, present, needed, met) => {
    expect(quorum(officials(required, present))).toEqual({ required, present, needed, met });
  });

  it("leaves out exempt and suspended members, and probationary ones (present or not)", () => {
    const attendance: Attendee[] = [
      ...officials(4, 2),
      { memberId: "x1", official: true, status: "EXEMPT", present: false },
      { memberId: "x2", official: true, status: "EXEMPT", present: true },
      { memberId: "s1", official: true, status: "SUSPENDED", present: false },
      { memberId: "p1", official: false, status: "ACTIVE", present: true },
      { memberId: "p2", official: false, status: "ACTIVE", present: true },
      { memberId: "p3", official: false, status: "ACTIVE", present: false, absenceReason: "ốm" },
    ];
    // 4 required, 2 present: half is not more than half, however many others came.
    expect(quorum(attendance)).toEqual({ required: 4, present: 2, needed: 3, met: false });
  });

  it("a cell of probationary members only is never quorate", () => {
    expect(quorum([{ memberId: "p", official: false, status: "ACTIVE", present: true }]).met).toBe(false);
  });

  it.each([
    // at least 2/3: required, present, needed, met
    [9, 5, 6, false],
    [9, 6, 6, true],
    [10, 6, 7, false],
    [10, 7, 7, true],
    [3, 2, 2, true],
    [0, 0, 0, false],
  ])("at least 2/3: %i required, %i present → needs %i, met %s", (required, present, needed, met) => {
    expect(quorum(officials(required, present), rulesWith({ quorum: TWO_THIRDS }))).toEqual({ required, present, needed, met });
  });
});

describe("vote: more than half of the official members present (base PRESENT)", () => {
  it.each([
    // votes, voters, adopted, reason
    [{ GOOD: 4 }, 7, "GOOD", undefined],
    [{ GOOD: 4, EXCELLENT: 3 }, 7, "GOOD", undefined],
    [{ GOOD: 3, EXCELLENT: 3 }, 7, null, "NO_MAJORITY"],
    [{ GOOD: 3 }, 7, null, "NO_MAJORITY"],
    [{ EXCELLENT: 3, GOOD: 3 }, 6, null, "NO_MAJORITY"],
    [{ EXCELLENT: 4, GOOD: 2 }, 6, "EXCELLENT", undefined],
    [{ NOT_COMPLETED: 1 }, 1, "NOT_COMPLETED", undefined],
    [{ GOOD: 8 }, 7, null, "TALLY_EXCEEDS_VOTERS"],
    [{ GOOD: 4, COMPLETED: 4 }, 7, null, "TALLY_EXCEEDS_VOTERS"],
    [{}, 0, null, "NO_VOTERS"],
    [{ GOOD: -1 }, 7, null, "INVALID_TALLY"],
    [{ GOOD: 2.5 }, 7, null, "INVALID_TALLY"],
    [{ GOOD: 4 }, 7.5, null, "INVALID_TALLY"],
  ] as const)("%o of %s voters → %s (%s)", (votes, voters, level, reason) => {
    const result = adoptedLevel(tally(votes), { present: voters, required: voters }, rulesWith({ adoptionBase: "PRESENT" }));
    expect(result.level).toBe(level);
    expect("reason" in result ? result.reason : undefined).toBe(reason);
  });

  it("a missing level in the tally is refused, not read as 0", () => {
    expect(validateTally({ GOOD: 4 } as unknown as Tally, 7)).toBe("INVALID_TALLY");
  });

  it("validates a tally: whole numbers, at most the voters present", () => {
    expect(validateTally(tally({ GOOD: 7 }), 7)).toBeNull();
    expect(validateTally(tally({ GOOD: 3, COMPLETED: 3 }), 7)).toBeNull();
    expect(validateTally(tally({ GOOD: 7, COMPLETED: 1 }), 7)).toBe("TALLY_EXCEEDS_VOTERS");
    expect(validateTally(tally({ GOOD: Number.NaN }), 7)).toBe("INVALID_TALLY");
  });

  it("at least 2/3 of those present", () => {
    const rules = rulesWith({ adoption: TWO_THIRDS, adoptionBase: "PRESENT" });
    const of = (present: number) => ({ present, required: present + 3 });
    expect(adoptedLevel(tally({ EXCELLENT: 6 }), of(9), rules)).toEqual({ level: "EXCELLENT", needed: 6 });
    expect(adoptedLevel(tally({ EXCELLENT: 5, GOOD: 4 }), of(9), rules)).toEqual({ level: null, needed: 6, reason: "NO_MAJORITY" });
    expect(adoptedLevel(tally({ EXCELLENT: 4, GOOD: 3 }), of(7), rules)).toEqual({ level: null, needed: 5, reason: "NO_MAJORITY" });
  });

  it("a rule loose enough for two winners reports a tie (meetingRulesFrom never builds one)", () => {
    const half: Fraction = { numerator: 1, denominator: 2, strict: false };
    expect(adoptedLevel(tally({ GOOD: 3, COMPLETED: 3 }), { present: 6, required: 6 }, rulesWith({ adoption: half }))).toEqual({
      level: null,
      needed: 3,
      reason: "TIE",
    });
  });
});

describe("vote: more than half of the official members who must attend (the default base)", () => {
  it.each([
    // votes, present, required, adopted, needed
    [{ GOOD: 4 }, 7, 7, "GOOD", 4],
    // 5 of the 7 present, but 9 must attend: 5 is more than half of 9.
    [{ GOOD: 5, COMPLETED: 2 }, 7, 9, "GOOD", 5],
    // 4 of the 7 present is a majority of those present, not of the 9 who must attend.
    [{ GOOD: 4, COMPLETED: 3 }, 7, 9, null, 5],
    [{ GOOD: 6 }, 6, 10, "GOOD", 6],
    [{ GOOD: 5, COMPLETED: 1 }, 6, 10, null, 6],
  ] as const)("%o with %i present of %i → %s (needs %i)", (votes, present, required, level, needed) => {
    const result = adoptedLevel(tally(votes), { present, required });
    expect(result).toMatchObject({ level, needed });
  });

  it("is the default, and a cycle may choose those present instead", () => {
    expect(DEFAULT_MEETING_RULES.adoptionBase).toBe("REQUIRED");
    expect(meetingRulesFrom({}).adoptionBase).toBe("REQUIRED");
    expect(meetingRulesFrom({ adoptionBase: "PRESENT" }).adoptionBase).toBe("PRESENT");
    expect(meetingRulesFrom({ adoptionBase: "EVERYONE" }).adoptionBase).toBe("REQUIRED");
    expect(adoptedLevel(tally({ GOOD: 4, COMPLETED: 3 }), { present: 7, required: 9 }, meetingRulesFrom({ adoptionBase: "PRESENT" })).level).toBe("GOOD");
  });
});

describe("order of work and finalizing the minutes", () => {
  it("member reviews wait for the collective review", () => {
    expect(memberReviewsMayBeFinalized(false)).toBe(false);
    expect(memberReviewsMayBeFinalized(true)).toBe(true);
  });

  const attendance = [...officials(6, 5), { memberId: "p1", official: false, status: "ACTIVE", present: true } as const];

  it("finds nothing wrong with a complete meeting", () => {
    expect(
      finalizeProblems({
        attendance,
        collectiveReviewRecorded: true,
        records: [
          { memberId: "o0", state: "SUBMITTED", tally: tally({ GOOD: 4, EXCELLENT: 1 }) },
          { memberId: "o5", state: "ABSENT" },
          { memberId: "x", state: "NOT_RATED", notRatedReason: "EXEMPT" },
          { memberId: "o1", state: "REVIEWED" },
        ],
      }),
    ).toEqual([]);
  });

  it("lists every problem, the meeting's first, each with its member", () => {
    expect(
      finalizeProblems({
        attendance: officials(6, 3),
        collectiveReviewRecorded: false,
        records: [
          { memberId: "a", state: "DRAFT" },
          { memberId: "b", state: "RETURNED" },
          { memberId: "c", state: "SUBMITTED" },
          { memberId: "d", state: "SUBMITTED", tally: tally({ GOOD: 1, COMPLETED: 1 }) },
          { memberId: "e", state: "SUBMITTED", tally: tally({ GOOD: 4 }) },
          { memberId: "f", state: "NOT_RATED", notRatedReason: null },
          { memberId: "g", state: "SUBMITTED", tally: tally({ GOOD: 2 }) },
        ],
      }),
    ).toEqual([
      { code: "QUORUM_NOT_MET", quorum: { required: 6, present: 3, needed: 4, met: false } },
      { code: "COLLECTIVE_REVIEW_MISSING" },
      { code: "SELF_REVIEW_MISSING", memberId: "a" },
      { code: "SELF_REVIEW_MISSING", memberId: "b" },
      { code: "VOTE_MISSING", memberId: "c" },
      { code: "VOTE_NOT_ADOPTED", memberId: "d", reason: "NO_MAJORITY" },
      { code: "VOTE_NOT_ADOPTED", memberId: "e", reason: "TALLY_EXCEEDS_VOTERS" },
      { code: "NOT_RATED_REASON_MISSING", memberId: "f" },
      // 2 of the 3 present, but 6 must attend: not more than half of them.
      { code: "VOTE_NOT_ADOPTED", memberId: "g", reason: "NO_MAJORITY" },
    ]);
  });

  it("counts votes against the official members who must attend, or those present, under the cycle's rule", () => {
    const records = [{ memberId: "o0", state: "SUBMITTED" as const, tally: tally({ GOOD: 3 }) }];
    const meeting = { attendance, collectiveReviewRecorded: true, records };
    // 3 of the 5 present, 6 required: a majority of those present only.
    expect(finalizeProblems(meeting)).toEqual([{ code: "VOTE_NOT_ADOPTED", memberId: "o0", reason: "NO_MAJORITY" }]);
    expect(finalizeProblems(meeting, rulesWith({ adoptionBase: "PRESENT" }))).toEqual([]);
    expect(finalizeProblems(meeting, rulesWith({ adoption: TWO_THIRDS, adoptionBase: "PRESENT" }))).toEqual([
      { code: "VOTE_NOT_ADOPTED", memberId: "o0", reason: "NO_MAJORITY" },
    ]);
  });
});

describe("meetingRulesFrom: the cycle's options", () => {
  it.each([
    ["nothing", undefined, DEFAULT_MEETING_RULES],
    ["an empty object", {}, DEFAULT_MEETING_RULES],
    ["not an object", "2/3", DEFAULT_MEETING_RULES],
    ["an array", [1, 2], DEFAULT_MEETING_RULES],
    ["2/3 quorum", { quorum: { numerator: 2, denominator: 3 } }, { ...DEFAULT_MEETING_RULES, quorum: TWO_THIRDS }],
    ["2/3 adoption", { adoption: { numerator: 2, denominator: 3 } }, { ...DEFAULT_MEETING_RULES, adoption: TWO_THIRDS }],
    ["more than half, said", { adoption: { numerator: 1, denominator: 2, strict: true } }, DEFAULT_MEETING_RULES],
    [
      "at least half for the quorum",
      { quorum: { numerator: 1, denominator: 2 } },
      { ...DEFAULT_MEETING_RULES, quorum: { numerator: 1, denominator: 2, strict: false } },
    ],
    ["at least half for a vote (two winners)", { adoption: { numerator: 1, denominator: 2 } }, DEFAULT_MEETING_RULES],
    ["a third for a vote", { adoption: { numerator: 1, denominator: 3, strict: true } }, DEFAULT_MEETING_RULES],
    ["a decimal", { quorum: { numerator: 0.5, denominator: 1 } }, DEFAULT_MEETING_RULES],
    ["a string", { quorum: { numerator: "2", denominator: 3 } }, DEFAULT_MEETING_RULES],
    ["zero", { quorum: { numerator: 0, denominator: 3 } }, DEFAULT_MEETING_RULES],
    ["above one", { quorum: { numerator: 4, denominator: 3 } }, DEFAULT_MEETING_RULES],
    ["more than all", { quorum: { numerator: 3, denominator: 3, strict: true } }, DEFAULT_MEETING_RULES],
    ["all", { quorum: { numerator: 1, denominator: 1 } }, { ...DEFAULT_MEETING_RULES, quorum: { numerator: 1, denominator: 1, strict: false } }],
    ["strict not a boolean", { quorum: { numerator: 2, denominator: 3, strict: "yes" } }, DEFAULT_MEETING_RULES],
    ["a huge denominator", { quorum: { numerator: 1, denominator: 1e9 } }, DEFAULT_MEETING_RULES],
    [
      "one bad, one good",
      { quorum: { numerator: 2 }, adoption: { numerator: 3, denominator: 4 }, other: true },
      { ...DEFAULT_MEETING_RULES, adoption: { numerator: 3, denominator: 4, strict: false } },
    ],
  ])("%s", (_name, options, rules) => {
    expect(meetingRulesFrom(options)).toEqual(rules);
  });
});

// ───────────────────────── Properties against a brute force ─────────────────────────

/** The literal reading: `count` of `total` is "at least n/d" when count·d ≥ total·n, "more than" when >. */
const reaches = (count: number, total: number, f: Fraction) =>
  f.strict ? count * f.denominator > total * f.numerator : count * f.denominator >= total * f.numerator;

/** The smallest count that reaches the share, found by trying every count from 0 up. */
function bruteFewest(total: number, f: Fraction): number {
  let count = 0;
  while (!reaches(count, total, f)) count++;
  return count;
}

const fraction = fc
  .record({ denominator: fc.integer({ min: 1, max: 12 }), numerator: fc.integer({ min: 1, max: 12 }), strict: fc.boolean() })
  .filter((f) => f.numerator <= f.denominator && !(f.strict && f.numerator === f.denominator));
const status = fc.constantFrom("ACTIVE", "EXEMPT", "SUSPENDED" as const);
const attendee = fc.record({ memberId: fc.string(), official: fc.boolean(), status, present: fc.boolean() });

describe("properties", () => {
  it("fewestFor is the smallest count that reaches the share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fraction, (total, f) => {
        expect(fewestFor(total, f)).toBe(bruteFewest(total, f));
      }),
    );
  });

  it("quorum counts official active members one by one and compares literally", () => {
    fc.assert(
      fc.property(fc.array(attendee, { maxLength: 60 }), fraction, (attendance, f) => {
        let required = 0;
        let present = 0;
        for (const a of attendance) {
          if (a.official && a.status === "ACTIVE") {
            required += 1;
            if (a.present) present += 1;
          }
        }
        const q = quorum(attendance, rulesWith({ quorum: f }));
        expect(q).toMatchObject({ required, present });
        expect(q.met).toBe(required > 0 && reaches(present, required, f));
      }),
    );
  });

  it("the adopted level is the only level whose votes reach the share of those present", () => {
    const adoptionRule = fraction.filter((f) => 2 * f.numerator > f.denominator || (f.strict && 2 * f.numerator === f.denominator));
    const votes = fc.tuple(...LEVELS.map(() => fc.integer({ min: 0, max: 15 })));
    fc.assert(
      fc.property(votes, fc.integer({ min: 0, max: 60 }), adoptionRule, (counts, voters, f) => {
        const t = Object.fromEntries(LEVELS.map((level, i) => [level, counts[i]])) as Tally;
        const result = adoptedLevel(t, { present: voters, required: voters }, rulesWith({ adoption: f }));
        const sum = counts.reduce((a, b) => a + b, 0);
        const winners = LEVELS.filter((level) => reaches(t[level], voters, f));
        if (sum > voters) expect(result).toMatchObject({ level: null, reason: "TALLY_EXCEEDS_VOTERS" });
        else if (voters === 0) expect(result).toMatchObject({ level: null, reason: "NO_VOTERS" });
        else {
          expect(winners.length).toBeLessThanOrEqual(1);
          expect(result.level).toBe(winners[0] ?? null);
        }
      }),
    );
  });

  it("meetingRulesFrom keeps every well-formed quorum it is given", () => {
    fc.assert(
      fc.property(fraction, (f) => {
        expect(meetingRulesFrom({ quorum: f }).quorum).toEqual(f);
      }),
    );
  });
});
