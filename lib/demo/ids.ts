// Deterministic ids for the demo rows. They look enough like cuids (a leading "c", lower-case letters and
// digits, at least 7 characters) to pass the same validation as ids the database makes, and they sort in
// the order the rows were generated. A namespace keeps fixtures written beside the demo data distinct.

const TAGS = {
  organization: "og",
  member: "mb",
  cellAssignment: "ca",
  discipline: "dc",
  leave: "lv",
  user: "us",
  roleAssignment: "ra",
  cycle: "cy",
  scoreSheet: "ss",
  quotaOverride: "qo",
  peerGroup: "pg",
  record: "rr",
  selfReview: "sr",
  opinion: "op",
  meeting: "mt",
  decision: "rd",
  remediation: "ri",
  task: "tk",
  taskFile: "tf",
  taskQuarter: "tq",
} as const;

export type IdKind = keyof typeof TAGS;

export class IdFactory {
  private readonly counters = new Map<IdKind, number>();

  constructor(private readonly namespace = "") {
    if (!/^[a-z0-9]{0,8}$/.test(namespace)) throw new Error(`id namespace must be 0–8 lower-case letters or digits: "${namespace}"`);
  }

  next(kind: IdKind): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `c${this.namespace}${TAGS[kind]}${n.toString(36).padStart(8, "0")}`;
  }
}
