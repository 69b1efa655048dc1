import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkQuota,
  evaluate,
  maxExcellent,
  QUOTA_BASES,
  quotaRuleFor,
  whatIf,
  type GroupProposal,
  type LevelOrNotRated,
  type MemberInput,
  type QuotaBase,
  type QuotaOverride,
} from "@/lib/grading";

// Properties of the 20 % rule (rating-rules §5) against a brute force that reads the regulation literally.

const PROPOSALS: LevelOrNotRated[] = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "NOT_RATED"];

/**
 * The literal rule: E excellent subjects are allowed when E is at most 20 % of the base, written as
 * 100·E ≤ 20·base; base = those at GOOD (GOOD_ONLY) or at GOOD and above (GOOD_AND_EXCELLENT).
 */
function allowedLiterally(excellent: number, good: number, quotaBase: QuotaBase, ratePercent = 20): boolean {
  const base = quotaBase === "GOOD_ONLY" ? good : good + excellent;
  return 100 * excellent <= ratePercent * base;
}

/** The most excellent subjects a pool can hold: try every split of the pool, keep the largest allowed. */
function bruteForceMaxExcellent(pool: number, quotaBase: QuotaBase, ratePercent = 20): number {
  let best = 0;
  for (let excellent = 0; excellent <= pool; excellent++) {
    if (allowedLiterally(excellent, pool - excellent, quotaBase, ratePercent)) best = excellent;
  }
  return best;
}

const quotaBase = fc.constantFrom(...QUOTA_BASES);

interface MemberSpec {
  peerGroup: string;
  proposed: LevelOrNotRated;
  exempt: boolean;
  newMember: boolean;
}

/** Members with random facts that make some of them not rated, spread over a few peer groups. */
const members: fc.Arbitrary<MemberSpec[]> = fc.array(
  fc.record({
    peerGroup: fc.constantFrom("a", "b", "c", "d"),
    proposed: fc.constantFrom(...PROPOSALS),
    exempt: fc.boolean(),
    newMember: fc.boolean(),
  }),
  { maxLength: 80 },
);

function toMembers(specs: MemberSpec[]): MemberInput[] {
  return specs.map((spec, index) => ({
    id: `m${String(index).padStart(3, "0")}`,
    kind: "MEMBER",
    peerGroup: spec.peerGroup,
    proposed: spec.proposed,
    status: spec.exempt ? "EXEMPT" : "ACTIVE",
    admittedOn: spec.newMember ? "2024-11-01" : "2001-01-01",
  }));
}

const override = (peerGroup: string) => ({
  peerGroup,
  decisionNo: "1-QĐ/HU",
  decidedOn: "2024-12-20",
  issuer: "Ban Thường vụ Huyện ủy",
  reason: "Thành tích nổi trội",
});

describe("the 20 % rule per peer group", () => {
  it("equals a brute-force count of every group", () => {
    fc.assert(
      fc.property(members, quotaBase, fc.subarray(["a", "b", "c", "d"]), (specs, base, overridden) => {
        const subjects = toMembers(specs);
        const present = new Set(subjects.map((subject) => subject.peerGroup));
        const result = evaluate({
          ruleSet: "QD132_HD21",
          ratingDate: "2024-12-10",
          quotaBase: base,
          subjects,
          overrides: overridden.filter((group) => present.has(group)).map(override),
        });

        expect(result.groups.map((group) => group.peerGroup)).toEqual([...present].sort());
        for (const group of result.groups) {
          const rated = specs.filter((spec) => spec.peerGroup === group.peerGroup && !spec.exempt && !spec.newMember);
          const excellent = rated.filter((spec) => spec.proposed === "EXCELLENT").length;
          const good = rated.filter((spec) => spec.proposed === "GOOD").length;
          const cap = bruteForceMaxExcellent(excellent + good, base);
          const isOverridden = overridden.includes(group.peerGroup);
          expect(group).toEqual({
            peerGroup: group.peerGroup,
            kind: "MEMBER",
            excellent,
            good,
            pool: excellent + good,
            maxExcellent: cap,
            excess: Math.max(0, excellent - cap),
            ok: allowedLiterally(excellent, good, base) || isOverridden,
            overridden: isOverridden,
          });
        }
        expect(result.ok).toBe(result.groups.every((group) => group.ok) && result.subjects.every((s) => s.proposalValid));
      }),
      { numRuns: 300 },
    );
  });

  it("never reports a group ok with an excess and no override", () => {
    fc.assert(
      fc.property(members, quotaBase, (specs, base) => {
        const result = evaluate({ ruleSet: "QD124_HD25", ratingDate: "2024-12-10", quotaBase: base, subjects: toMembers(specs) });
        for (const group of result.groups) {
          expect(group.overridden).toBe(false);
          if (group.excess > 0) expect(group.ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matches the brute force for every pool, large ones included", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000 }), quotaBase, (pool, base) => {
        expect(maxExcellent(pool, base)).toBe(bruteForceMaxExcellent(pool, base));
      }),
      { numRuns: 200 },
    );
    // Whole-number arithmetic stays exact far beyond any real group.
    expect(maxExcellent(6 * 2 ** 48 - 1, "GOOD_ONLY")).toBe(2 ** 48 - 1);
    expect(maxExcellent(5 * 2 ** 49, "GOOD_AND_EXCELLENT")).toBe(2 ** 49);
  });

  it("matches the worked examples of rating-rules §5", () => {
    const examples: [number, number, number][] = [
      [4, 0, 0],
      [5, 0, 1],
      [6, 1, 1],
      [10, 1, 2],
      [12, 2, 2],
      [27, 4, 5],
      [54, 9, 10],
    ];
    for (const [pool, goodOnly, goodAndExcellent] of examples) {
      expect([maxExcellent(pool, "GOOD_ONLY"), maxExcellent(pool, "GOOD_AND_EXCELLENT")]).toEqual([goodOnly, goodAndExcellent]);
    }
  });

  it("is monotonic in the pool", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000 }), quotaBase, (pool, more, base) => {
        expect(maxExcellent(pool + more, base)).toBeGreaterThanOrEqual(maxExcellent(pool, base));
      }),
    );
  });

  it("never allows more under GOOD_ONLY than under GOOD_AND_EXCELLENT", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (pool) => {
        expect(maxExcellent(pool, "GOOD_ONLY")).toBeLessThanOrEqual(maxExcellent(pool, "GOOD_AND_EXCELLENT"));
      }),
    );
  });
});

/** A group's proposals: rated or not, with a maximum that is sometimes below EXCELLENT. */
const groupProposals = fc
  .array(
    fc.record({
      proposed: fc.constantFrom(...PROPOSALS),
      rated: fc.boolean(),
      cappedAtGood: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((specs) =>
    specs.map((spec, index): GroupProposal => ({
      id: `s${index}`,
      proposed: spec.rated ? spec.proposed : "NOT_RATED",
      rated: spec.rated && spec.proposed !== "NOT_RATED",
      maxLevel: spec.cappedAtGood ? "GOOD" : "EXCELLENT",
    })),
  );

const withLevel = (proposals: GroupProposal[], ids: string[], proposed: LevelOrNotRated) =>
  proposals.map((proposal) => (ids.includes(proposal.id) ? { ...proposal, proposed } : proposal));

describe("what if (the live quota check)", () => {
  it("agrees with evaluate's count and never reports negative slots", () => {
    fc.assert(
      fc.property(groupProposals, quotaBase, (proposals, base) => {
        const result = whatIf(proposals, base);
        expect(result.slotsRemaining).toBeGreaterThanOrEqual(0);
        expect(result.slotsRemaining).toBe(Math.max(0, result.maxExcellent - result.excellent));
        expect(result.excellent).toBe(proposals.filter((p) => p.rated && p.proposed === "EXCELLENT").length);
        expect(result.good).toBe(proposals.filter((p) => p.rated && p.proposed === "GOOD").length);
        if (result.slotsRemaining > 0) expect(result.excess).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("offers no fix without an excess, and a fix that really removes it", () => {
    fc.assert(
      fc.property(groupProposals, quotaBase, (proposals, base) => {
        const result = whatIf(proposals, base);
        if (result.excess === 0) {
          expect(result.fix).toBeNull();
          return;
        }
        const fix = result.fix!;
        expect(fix.changesNeeded).toBe(result.excess);
        expect(fix.singleChangeFixes).toBe(result.excess === 1);
        expect(fix.candidates.length).toBeGreaterThanOrEqual(fix.changesNeeded);

        // One suggested change removes exactly one excess.
        const afterOne = whatIf(withLevel(proposals, fix.candidates.slice(0, 1), fix.to), base);
        expect(afterOne.excess).toBe(result.excess - 1);
        expect(afterOne.fix === null).toBe(fix.singleChangeFixes);

        // The number of changes it names is enough, and one fewer is not.
        const fixed = whatIf(withLevel(proposals, fix.candidates.slice(0, fix.changesNeeded), fix.to), base);
        expect(fixed.excess).toBe(0);
        const short = whatIf(withLevel(proposals, fix.candidates.slice(0, fix.changesNeeded - 1), fix.to), base);
        expect(short.excess).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("names first the excellent proposals already above their own maximum", () => {
    fc.assert(
      fc.property(groupProposals, quotaBase, (proposals, base) => {
        const fix = whatIf(proposals, base).fix;
        if (!fix) return;
        const aboveMaximum = fix.candidates.map((id) => proposals.find((p) => p.id === id)!.maxLevel !== "EXCELLENT");
        expect(aboveMaximum).toEqual([...aboveMaximum].sort((a, b) => Number(b) - Number(a)));
        expect(new Set(fix.candidates)).toEqual(new Set(proposals.filter((p) => p.rated && p.proposed === "EXCELLENT").map((p) => p.id)));
      }),
      { numRuns: 200 },
    );
  });

  it("slots remaining are exactly the GOOD proposals that may be raised", () => {
    fc.assert(
      fc.property(groupProposals, quotaBase, (proposals, base) => {
        const result = whatIf(proposals, base);
        const goodIds = proposals.filter((p) => p.rated && p.proposed === "GOOD").map((p) => p.id);
        const raise = (count: number) => whatIf(withLevel(proposals, goodIds.slice(0, count), "EXCELLENT"), base);
        if (result.excess > 0 || goodIds.length <= result.slotsRemaining) return;
        expect(raise(result.slotsRemaining).excess).toBe(0);
        expect(raise(result.slotsRemaining + 1).excess).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps an override visible and lets the group hold", () => {
    const proposals: GroupProposal[] = [
      { id: "e", proposed: "EXCELLENT", rated: true },
      { id: "h", proposed: "GOOD", rated: true },
    ];
    expect(whatIf(proposals, "GOOD_ONLY", true)).toMatchObject({ excess: 1, ok: true, overridden: true });
    expect(whatIf(proposals, "GOOD_ONLY", false)).toMatchObject({ excess: 1, ok: false, overridden: false });
  });
});

// rating-rules §7.8: under QD366_HD43 the rate is 20 %, raised by a decision to its ratePercent (21–25, default
// 25); a decision no longer lets a group exceed.
const RATES = [20, 21, 22, 23, 24, 25] as const;
const rate = fc.constantFrom(...RATES);
/** No decision, or a decision with or without its own rate. */
const decisionRate = fc.option(fc.option(fc.integer({ min: 21, max: 25 }), { nil: undefined }), { nil: null });

describe("the rate of QD366_HD43, 20 % to 25 %", () => {
  it("matches the brute force for every pool and rate", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000 }), quotaBase, rate, (pool, base, r) => {
        expect(maxExcellent(pool, base, r)).toBe(bruteForceMaxExcellent(pool, base, r));
      }),
      { numRuns: 500 },
    );
    for (const r of RATES) {
      for (const base of QUOTA_BASES) {
        for (let pool = 0; pool <= 300; pool++) expect(maxExcellent(pool, base, r)).toBe(bruteForceMaxExcellent(pool, base, r));
      }
    }
  });

  it("stays exact far beyond any real group", () => {
    expect(maxExcellent(5 * 2 ** 49, "GOOD_ONLY", 25)).toBe(2 ** 49);
    expect(maxExcellent(4 * 2 ** 50 + 3, "GOOD_AND_EXCELLENT", 25)).toBe(2 ** 50);
    expect(maxExcellent(61 * 2 ** 46, "GOOD_ONLY", 22)).toBe(11 * 2 ** 46);
  });

  it("matches the examples of rating-rules §7.8", () => {
    const at = (e: number, h: number, r: number) =>
      checkQuota({ excellent: e, good: h }, "GOOD_ONLY", r !== 20, quotaRuleFor("QD366_HD43", r === 20 ? null : { ratePercent: r }));
    expect(at(2, 8, 20)).toMatchObject({ maxExcellent: 1, ok: false });
    expect(at(2, 8, 25)).toMatchObject({ maxExcellent: 2, ok: true });
    expect(at(3, 9, 25)).toMatchObject({ maxExcellent: 2, ok: false, overridden: true });
    expect(at(2, 9, 22)).toMatchObject({ maxExcellent: 1, ok: false });
    expect(at(2, 10, 22)).toMatchObject({ maxExcellent: 2, ok: true });
  });

  it("equals a brute-force count of every group, decisions included", () => {
    fc.assert(
      fc.property(members, quotaBase, fc.record({ a: decisionRate, b: decisionRate, c: decisionRate, d: decisionRate }), (specs, base, decisions) => {
        const subjects = toMembers(specs).map((subject) => ({
          ...subject,
          admittedOn: subject.admittedOn === "2024-11-01" ? "2026-11-01" : subject.admittedOn,
        }));
        const present = new Set(subjects.map((subject) => subject.peerGroup));
        const overrides: QuotaOverride[] = Object.entries(decisions)
          .filter(([group, decision]) => decision !== null && present.has(group))
          .map(([group, decision]) => ({ ...override(group), decidedOn: "2026-12-20", ...(decision === undefined ? {} : { ratePercent: decision! }) }));
        const result = evaluate({ ruleSet: "QD366_HD43", ratingDate: "2026-12-15", quotaBase: base, subjects, overrides });

        expect(result.groups.map((group) => group.peerGroup)).toEqual([...present].sort());
        for (const group of result.groups) {
          const rated = specs.filter((spec) => spec.peerGroup === group.peerGroup && !spec.exempt && !spec.newMember);
          const excellent = rated.filter((spec) => spec.proposed === "EXCELLENT").length;
          const good = rated.filter((spec) => spec.proposed === "GOOD").length;
          const decision = decisions[group.peerGroup as keyof typeof decisions];
          const r = decision === null ? 20 : (decision ?? 25);
          const cap = bruteForceMaxExcellent(excellent + good, base, r);
          expect(group).toEqual({
            peerGroup: group.peerGroup,
            kind: "MEMBER",
            excellent,
            good,
            pool: excellent + good,
            maxExcellent: cap,
            excess: Math.max(0, excellent - cap),
            // A decision raises the rate; it no longer lets the group exceed.
            ok: allowedLiterally(excellent, good, base, r),
            overridden: decision !== null,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the live check the same cap, slots and fixes at every rate", () => {
    fc.assert(
      fc.property(groupProposals, quotaBase, rate, fc.boolean(), (proposals, base, r, overridden) => {
        const rule = { ratePercent: r, overrideLiftsCap: false };
        const result = whatIf(proposals, base, overridden, rule);
        const excellent = proposals.filter((p) => p.rated && p.proposed === "EXCELLENT").length;
        const good = proposals.filter((p) => p.rated && p.proposed === "GOOD").length;
        expect(result.ratePercent).toBe(r);
        expect(result.maxExcellent).toBe(bruteForceMaxExcellent(excellent + good, base, r));
        expect(result.ok).toBe(allowedLiterally(excellent, good, base, r));
        expect(result.overridden).toBe(overridden);
        expect(result.slotsRemaining).toBe(Math.max(0, result.maxExcellent - excellent));
        if (result.fix) {
          const fixed = whatIf(withLevel(proposals, result.fix.candidates.slice(0, result.fix.changesNeeded), "GOOD"), base, overridden, rule);
          expect(fixed.excess).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("chooses the rule of a group from the rule set and the decision", () => {
    expect(quotaRuleFor("QD132_HD21")).toEqual({ ratePercent: 20, overrideLiftsCap: true });
    expect(quotaRuleFor("QD124_HD25", { ratePercent: 25 })).toEqual({ ratePercent: 20, overrideLiftsCap: true });
    expect(quotaRuleFor("QD366_HD43")).toEqual({ ratePercent: 20, overrideLiftsCap: false });
    expect(quotaRuleFor("QD366_HD43", {})).toEqual({ ratePercent: 25, overrideLiftsCap: false });
    expect(quotaRuleFor("QD366_HD43", { ratePercent: 21 })).toEqual({ ratePercent: 21, overrideLiftsCap: false });
    expect(() => maxExcellent(10, "GOOD_ONLY", 20.5)).toThrow(RangeError);
  });
});
