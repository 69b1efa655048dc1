import { describe, expect, it } from "vitest";
import { givenOnProblem, opinionStatus, opinionWindow, requiredOpinions, type CellStay, type OpinionFacts, type OpinionSource } from "@/lib/review/opinions";

// Which opinions a member's record requires (lib/review/opinions.ts), case by case from the member's facts,
// against expectations written out by hand from the sources named in the module (QĐ 213, HD 33, the
// review guidance on transfers and temporary activity), not read from the implementation.

const YEAR = 2026;
const HERE = "cell-here";

const base: OpinionFacts = {
  year: YEAR,
  category: "NON_LEADER_IN_SYSTEM",
  residenceCell: "Chi bộ thôn Bắc, Đảng bộ xã An Bình",
  cellId: HERE,
  cellSector: "AGENCY",
  stays: [],
  rated: true,
};

const official = (cellId: string, fromDate: string, toDate: string | null): CellStay => ({
  cellId,
  cellName: `Chi bộ ${cellId}`,
  kind: "OFFICIAL",
  fromDate,
  toDate,
});
const temporary = (cellId: string, fromDate: string, toDate: string | null): CellStay => ({
  cellId,
  cellName: `Chi bộ ${cellId}`,
  kind: "TEMPORARY",
  fromDate,
  toDate,
});
const sources = (facts: Partial<OpinionFacts>): OpinionSource[] => requiredOpinions({ ...base, ...facts }).map((r) => r.source);

describe("the residence-place comment (QĐ 213, HD 33)", () => {
  const cases: [string, Partial<OpinionFacts>, boolean][] = [
    ["a civil servant of an agency", { category: "NON_LEADER_IN_SYSTEM", cellSector: "AGENCY" }, true],
    ["a leader of a school", { category: "LEADER_MANAGER", cellSector: "SCHOOL" }, true],
    ["a commune official", { category: "NON_LEADER_IN_SYSTEM", cellSector: "COMMUNE" }, true],
    ["a civil servant whose residence is not on file yet: still required", { category: "NON_LEADER_IN_SYSTEM", residenceCell: null }, true],
    ["a member of a residential cell lives there", { category: "NOT_IN_POLITICAL_SYSTEM", cellSector: "RESIDENTIAL", residenceCell: null }, false],
    ["the secretary of a hamlet cell (a leader) lives there too", { category: "LEADER_MANAGER", cellSector: "RESIDENTIAL", residenceCell: null }, false],
    [
      "a residential cell's member with a residence on file still lives where they are active",
      { category: "NON_LEADER_IN_SYSTEM", cellSector: "RESIDENTIAL" },
      false,
    ],
    ["a worker of an enterprise with a residence cell on file", { category: "NOT_IN_POLITICAL_SYSTEM", cellSector: "ENTERPRISE" }, true],
    ["a member outside the system with no residence on file", { category: "NOT_IN_POLITICAL_SYSTEM", cellSector: "ENTERPRISE", residenceCell: null }, false],
    [
      "a soldier in barracks (no residence cell): not asked every year",
      { category: "NON_LEADER_IN_SYSTEM", cellSector: "ARMED_FORCES", residenceCell: null },
      false,
    ],
    ["a soldier living at home, residence on file", { category: "NON_LEADER_IN_SYSTEM", cellSector: "ARMED_FORCES" }, true],
    ["a retired member in some other cell, no residence on file", { category: "NOT_IN_POLITICAL_SYSTEM", cellSector: "OTHER", residenceCell: null }, false],
  ];
  it.each(cases)("%s", (_, facts, required) => {
    expect(sources(facts).includes("RESIDENCE")).toBe(required);
  });

  it("names the residence cell on file and why", () => {
    expect(requiredOpinions(base)).toEqual([{ source: "RESIDENCE", reason: "WORKS_IN_SYSTEM", body: base.residenceCell }]);
    expect(requiredOpinions({ ...base, category: "NOT_IN_POLITICAL_SYSTEM", cellSector: "ENTERPRISE" })[0]).toMatchObject({ reason: "WORKS_OUTSIDE_SYSTEM" });
    expect(requiredOpinions({ ...base, residenceCell: null })[0]).toMatchObject({ body: null });
  });
});

describe("the previous cell's comment: an official stay elsewhere ended in the year after six months or more in it", () => {
  const res = { cellSector: "RESIDENTIAL" as const, category: "NOT_IN_POLITICAL_SYSTEM" as const, residenceCell: null };
  const cases: [string, CellStay[], boolean][] = [
    [
      "moved on 1 July after a whole half-year there (exactly six months)",
      [official("old", "2015-04-01", `${YEAR}-07-01`), official(HERE, `${YEAR}-07-01`, null)],
      true,
    ],
    ["moved on 30 June: one day short", [official("old", "2015-04-01", `${YEAR}-06-30`), official(HERE, `${YEAR}-06-30`, null)], false],
    ["moved in October", [official("old", "2010-01-01", `${YEAR}-10-15`), official(HERE, `${YEAR}-10-15`, null)], true],
    ["moved in February", [official("old", "2010-01-01", `${YEAR}-02-20`), official(HERE, `${YEAR}-02-20`, null)], false],
    [
      "joined the old cell in March, left in September: six months within the year",
      [official("old", `${YEAR}-03-01`, `${YEAR}-09-01`), official(HERE, `${YEAR}-09-01`, null)],
      true,
    ],
    [
      "joined the old cell in March, left in August: five months",
      [official("old", `${YEAR}-03-01`, `${YEAR}-08-31`), official(HERE, `${YEAR}-08-31`, null)],
      false,
    ],
    ["moved last year, however long before", [official("old", "2010-01-01", `${YEAR - 1}-11-01`), official(HERE, `${YEAR - 1}-11-01`, null)], false],
    [
      "an earlier stay in this same cell does not count",
      [official(HERE, "2010-01-01", `${YEAR}-09-01`), official("x", `${YEAR}-09-01`, `${YEAR}-10-01`), official(HERE, `${YEAR}-10-01`, null)],
      false,
    ],
    ["still there (no end)", [official("old", "2010-01-01", null)], false],
    ["a temporary stay that ended is not a transfer", [temporary("old", "2010-01-01", `${YEAR}-10-01`)], false],
  ];
  it.each(cases)("%s", (_, stays, required) => {
    expect(sources({ ...res, stays }).includes("PREVIOUS_CELL")).toBe(required);
  });

  it("names the old cell and the stay", () => {
    const [r] = requiredOpinions({ ...base, ...res, stays: [official("old", "2015-04-01", `${YEAR}-08-10`), official(HERE, `${YEAR}-08-10`, null)] });
    expect(r).toEqual({ source: "PREVIOUS_CELL", reason: "TRANSFERRED_IN", body: "Chi bộ old", from: "2015-04-01", to: `${YEAR}-08-10` });
  });

  it("of two cells left in the year, asks the one left last that meets six months", () => {
    const stays = [official("a", "2010-01-01", `${YEAR}-07-05`), official("b", `${YEAR}-07-05`, `${YEAR}-08-01`), official(HERE, `${YEAR}-08-01`, null)];
    expect(requiredOpinions({ ...base, ...res, stays })).toEqual([expect.objectContaining({ source: "PREVIOUS_CELL", body: "Chi bộ a" })]);
  });
});

describe("the temporary cell's comment: a temporary activity overlapping the year", () => {
  const res = { cellSector: "RESIDENTIAL" as const, category: "NOT_IN_POLITICAL_SYSTEM" as const, residenceCell: null };
  const cases: [string, CellStay[], boolean][] = [
    ["from March to September", [temporary("t", `${YEAR}-03-02`, `${YEAR}-09-01`)], true],
    ["begun last year, still going", [temporary("t", `${YEAR - 1}-10-01`, null)], true],
    ["begun last year, ended on 1 January", [temporary("t", `${YEAR - 1}-10-01`, `${YEAR}-01-01`)], true],
    ["ended last year", [temporary("t", `${YEAR - 1}-03-01`, `${YEAR - 1}-12-31`)], false],
    ["begins next year", [temporary("t", `${YEAR + 1}-01-05`, null)], false],
    ["begun on 31 December", [temporary("t", `${YEAR}-12-31`, null)], true],
    ["a temporary activity in the reviewing cell itself", [temporary(HERE, `${YEAR}-03-01`, null)], false],
    ["an official stay is not a temporary one", [official("t", `${YEAR}-03-01`, null)], false],
  ];
  it.each(cases)("%s", (_, stays, required) => {
    expect(sources({ ...res, stays }).includes("TEMPORARY_CELL")).toBe(required);
  });

  it("names the temporary cell and its dates, the latest when there are several", () => {
    const stays = [temporary("early", `${YEAR}-01-10`, `${YEAR}-03-01`), temporary("late", `${YEAR}-06-01`, null)];
    expect(requiredOpinions({ ...base, ...res, stays })).toEqual([
      { source: "TEMPORARY_CELL", reason: "TEMPORARY_ACTIVITY", body: "Chi bộ late", from: `${YEAR}-06-01`, to: null },
    ]);
  });
});

describe("all together", () => {
  it("a civil servant transferred in after eight months and temporarily active elsewhere needs all three, in order", () => {
    const stays = [official("old", "2012-05-01", `${YEAR}-09-01`), official(HERE, `${YEAR}-09-01`, null), temporary("t", `${YEAR}-10-01`, null)];
    expect(sources({ stays })).toEqual(["RESIDENCE", "PREVIOUS_CELL", "TEMPORARY_CELL"]);
  });

  it("a record that is not rated needs nothing", () => {
    const stays = [official("old", "2012-05-01", `${YEAR}-09-01`), temporary("t", `${YEAR}-10-01`, null)];
    expect(requiredOpinions({ ...base, stays, rated: false })).toEqual([]);
  });
});

describe("required, received, missing", () => {
  it("counts a source as received once any opinion of it is in; extra opinions stay listed", () => {
    const required = requiredOpinions({ ...base, stays: [temporary("t", `${YEAR}-03-01`, null)] });
    const received = [
      { source: "TEMPORARY_CELL" as const, id: "o1" },
      { source: "PREVIOUS_CELL" as const, id: "o2" },
    ];
    const status = opinionStatus(required, received);
    expect(status.missing).toEqual(["RESIDENCE"]);
    expect(status.received.map((o) => o.id)).toEqual(["o1", "o2"]);
    expect(opinionStatus(required, [...received, { source: "RESIDENCE" as const, id: "o3" }]).missing).toEqual([]);
  });
});

describe("the date an opinion was given", () => {
  const bounds = { year: YEAR, today: `${YEAR}-11-30` };
  const cases: [string, string, ReturnType<typeof givenOnProblem>][] = [
    ["today", `${YEAR}-11-30`, null],
    ["early in the year", `${YEAR}-01-02`, null],
    ["1 December of the year before", `${YEAR - 1}-12-01`, null],
    ["30 November of the year before", `${YEAR - 1}-11-30`, "opinionDateOutsideYear"],
    ["tomorrow", `${YEAR}-12-01`, "opinionDateFuture"],
    ["not a real date", `${YEAR}-02-30`, "invalidDate"],
    ["not a date at all", "hôm qua", "invalidDate"],
    ["day first, as people write it", `30/11/${YEAR}`, "invalidDate"],
  ];
  it.each(cases)("%s", (_, givenOn, problem) => {
    expect(givenOnProblem(givenOn, bounds)).toBe(problem);
  });

  it("in January, the review year's December is past and allowed; the new year is outside it", () => {
    const january = { year: YEAR, today: `${YEAR + 1}-01-10` };
    expect(givenOnProblem(`${YEAR}-12-31`, january)).toBeNull();
    expect(givenOnProblem(`${YEAR + 1}-01-05`, january)).toBe("opinionDateOutsideYear");
    expect(opinionWindow(YEAR)).toEqual({ from: `${YEAR - 1}-12-01`, to: `${YEAR}-12-31` });
  });
});
