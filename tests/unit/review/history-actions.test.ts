import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { AUDIT_ACTIONS, type AuditAction, type AuditPayloads } from "@/lib/review/audit-actions";
import { describeAuditEntry, type HistoryLine } from "@/lib/review/history";

// Every action in the one list of audit actions (lib/review/audit-actions.ts) reads as its own sentence in
// both languages, with the details its payload carries: a new action without a describer or a message
// fails here, and its sample below is required by the type.

const TYPED_SAMPLES: { [A in AuditAction]: AuditPayloads[A] } = {
  "user.sign-in": undefined,
  "user.sign-in-failed": undefined,
  "user.password": { endedSessions: 2 },
  "user.locale": { before: "vi", after: "en" },
  "session.revoke": { reason: "administrator", sessions: 3 },
  "cycle.open": { year: 2026, ruleSet: "QD366_HD43", peerGroups: 4, memberRecords: 120, organizationRecords: 6 },
  "cycle.deadlines": {
    before: {
      selfReviewDue: new Date("2026-11-30"),
      meetingsDue: new Date("2026-12-10"),
      grassrootsDue: new Date("2026-12-25"),
      upperDecisionDue: new Date("2026-12-30"),
      adoptionBase: "REQUIRED",
    },
    after: {
      selfReviewDue: new Date("2026-12-05"),
      meetingsDue: new Date("2026-12-10"),
      grassrootsDue: new Date("2026-12-25"),
      upperDecisionDue: new Date("2026-12-30"),
      adoptionBase: "PRESENT",
    },
  },
  "cycle.startSelfReviews": { before: { status: "PREPARING" }, after: { status: "SELF_REVIEW" } },
  "scoreSheet.update": { framework: "LEADER", before: { groups: [] }, after: { groups: [] } },
  "member.update": {
    before: { post: null, residenceCell: null, email: "a@b.vn", category: "REGULAR", isCivilServant: false },
    after: { post: "Bí thư chi bộ", email: "a@b.vn" },
  },
  "register.import": { rows: 12, orgsNew: 1, orgsChanged: 0, membersNew: 10, membersChanged: 1, changedMembers: [{ id: "m1", before: { post: null } }] },
  "selfReview.submit": { before: { state: "DRAFT" }, after: { state: "SUBMITTED", selfLevel: "GOOD" } },
  "selfReview.submitOnBehalf": { before: { state: "DRAFT" }, after: { state: "SUBMITTED", selfLevel: "COMPLETED" } },
  "selfReview.return": { before: { state: "SUBMITTED" }, after: { state: "RETURNED" }, reason: "Bổ sung." },
  "opinion.add": { opinionId: "o1", source: "RESIDENCE", after: { givenBy: "Chi ủy", givenOn: "2026-11-20", text: "Gương mẫu." } },
  "opinion.edit": {
    opinionId: "o1",
    source: "RESIDENCE",
    before: { givenBy: "Chi ủy", givenOn: "2026-11-20", text: "Gương mẫu." },
    after: { givenBy: "Chi ủy", givenOn: "2026-11-20", text: "Rất gương mẫu." },
  },
  "opinion.delete": { opinionId: "o1", source: "PREVIOUS_CELL", before: { givenBy: "Chi ủy", givenOn: "2026-11-20", text: "Gương mẫu." } },
  "record.facts": {
    memberId: "m1",
    before: { scoreItems: null, scoreGeneralTenths: 250, scoreResultsTenths: 600 },
    after: { scoreItems: {}, scoreGeneralTenths: 280, scoreResultsTenths: 615 },
  },
  "record.notRated": { before: { state: "DRAFT" }, after: { state: "NOT_RATED", notRatedReason: "OTHER" }, reason: "Ốm dài ngày." },
  "record.reinstate": { before: { state: "NOT_RATED" }, after: { state: "DRAFT" }, reason: "Đã đi làm lại." },
  "record.notRatedConfirm": { before: { state: "NOT_RATED" }, after: { state: "NOT_RATED" }, reason: "Đồng ý." },
  "record.notRatedReject": { before: { state: "NOT_RATED" }, after: { state: "DRAFT" }, reason: "Không đủ căn cứ." },
  "meeting.finalize": { reviewed: [{ recordId: "r1", level: "GOOD", tally: { GOOD: 5 } }], absent: ["r2"], votersPresent: 5 },
  "record.review": { before: { state: "SUBMITTED" }, after: { state: "REVIEWED", proposedLevel: "GOOD" }, tally: { GOOD: 5 }, meetingId: "mt1" },
  "record.absent": { before: { state: "SUBMITTED" }, after: { state: "ABSENT" }, meetingId: "mt1" },
  "record.rereview": {
    before: { state: "UNDER_REREVIEW" },
    after: { state: "REVIEWED", proposedLevel: "COMPLETED" },
    tally: { COMPLETED: 5 },
    heldOn: "2026-12-12",
    reason: "Theo yêu cầu.",
  },
  "record.decide": {
    before: { state: "REVIEWED" },
    after: { state: "DECIDED", decidedLevel: "EXCELLENT" },
    proposedLevel: "GOOD",
    reason: "Nhiều thành tích.",
  },
  "record.publish": { before: { state: "DECIDED" }, after: { state: "PUBLISHED" }, level: "EXCELLENT" },
  "record.sendBack": { before: { state: "REVIEWED" }, after: { state: "UNDER_REREVIEW" }, reason: "Xem lại." },
  "decisions.publish": { cycleId: "c1", published: 42 },
  "quota.override": {
    group: "Đảng viên - Chi bộ 1",
    decisionNo: "12-QĐ/ĐU",
    decidedOn: "2026-12-20",
    issuer: "Đảng ủy xã",
    reason: "Nhiều thành tích.",
    ratePercent: 25,
  },
  "record.rerate": {
    before: { state: "PUBLISHED" },
    after: { state: "UNDER_REREVIEW" },
    decision: { id: "d1", decisionNo: "5-QĐ/HU", decidedOn: "2027-02-01", issuer: "Huyện ủy" },
    reason: "Có khiếu nại.",
  },
  "record.rerateProposal": { reason: "Có đơn.", proposalId: "p1" },
  "unit.propose": { before: { state: "DRAFT" }, after: { state: "SUBMITTED", proposedLevel: "GOOD" } },
  "unit.selfRate": { before: { state: "DRAFT" }, after: { state: "SUBMITTED", proposedLevel: "GOOD" } },
  "unit.verify": { before: { state: "SUBMITTED" }, after: { state: "REVIEWED", proposedLevel: "GOOD" }, note: "Đúng quy định." },
  "unit.returnRating": { before: { state: "SUBMITTED" }, after: { state: "RETURNED" }, reason: "Thiếu biên bản." },
  "unit.sendBackUnit": { before: { state: "REVIEWED" }, after: { state: "UNDER_REREVIEW" }, reason: "Xem lại." },
  "unit.sendBackRating": { before: { state: "REVIEWED" }, after: { state: "UNDER_REREVIEW" }, reason: "Xem lại." },
  "remediation.plan": {
    items: [
      { shortcoming: "Chưa gương mẫu.", measures: "Sửa.", responsible: "Bí thư", deadline: "2027-03-31" },
      { shortcoming: "Đi họp muộn.", measures: "Đúng giờ.", responsible: "Bí thư", deadline: "2027-03-31" },
    ],
  },
  "remediation.status": { before: { status: "OPEN" }, after: { status: "DONE" } },
  "reminder.send": { sentOn: "2026-11-25", records: ["r1", "r2", "r3"] },
  "reminder.dismiss": { dismissed: 1 },
  "task.declare": {
    after: {
      title: "Báo cáo chuyên đề",
      source: "Kế hoạch công tác năm của chi bộ",
      assignedOn: "2026-01-05",
      dueOn: "2026-03-31",
      expectedProduct: "Báo cáo",
      qualityMeasure: "Được chi ủy thông qua",
    },
  },
  "task.edit": {
    before: {
      title: "Báo cáo chuyên đề",
      source: "Kế hoạch công tác năm của chi bộ",
      assignedOn: "2026-01-05",
      dueOn: "2026-03-31",
      expectedProduct: "Báo cáo",
      qualityMeasure: "Được chi ủy thông qua",
    },
    after: {
      ...{
        title: "Báo cáo chuyên đề",
        source: "Kế hoạch công tác năm của chi bộ",
        assignedOn: "2026-01-05",
        dueOn: "2026-03-31",
        expectedProduct: "Báo cáo",
        qualityMeasure: "Được chi ủy thông qua",
      },
      dueOn: "2026-04-15",
    },
  },
  "task.report": {
    result: {
      outcome: "DONE" as const,
      doneOn: "2026-03-30",
      product: "Báo cáo số 12",
      productLink: "",
      exceeded: true,
      exceededGrounds: "Hoàn thành sớm, được khen",
    },
    before: { status: "OPEN" },
  },
  "task.confirm": { result: { outcome: "NOT_DONE", notDoneReason: "Bão lũ", forceMajeure: true } },
  "task.return": { reason: "Thiếu sản phẩm" },
  "task.correct": {
    reason: "Ghi nhầm ngày",
    before: {
      outcome: "DONE" as const,
      doneOn: "2026-03-30",
      product: "Báo cáo số 12",
      productLink: "",
      exceeded: true,
      exceededGrounds: "Hoàn thành sớm, được khen",
    },
    after: {
      ...{
        outcome: "DONE" as const,
        doneOn: "2026-03-30",
        product: "Báo cáo số 12",
        productLink: "",
        exceeded: true,
        exceededGrounds: "Hoàn thành sớm, được khen",
      },
      doneOn: "2026-04-02",
    },
  },
  "task.withdraw": {
    reason: "Ghi trùng",
    before: {
      title: "Báo cáo chuyên đề",
      source: "Kế hoạch công tác năm của chi bộ",
      assignedOn: "2026-01-05",
      dueOn: "2026-03-31",
      expectedProduct: "Báo cáo",
      qualityMeasure: "Được chi ủy thông qua",
    },
  },
  "task.fileAdd": { fileId: "f1", fileName: "bao-cao.pdf", size: 1200, sha256: "ab" },
  "task.fileRemove": { fileId: "f1", fileName: "bao-cao.pdf" },
  "task.import": { file: "nhiem-vu.xlsx", rows: 12, created: 10 },
  "taskQuarter.assess": { before: null, after: { year: 2026, quarter: 2, level: "GOOD", note: "Hoàn thành tốt" } },
  "taskQuarter.confirm": {
    before: { level: null, note: null },
    after: { level: "GOOD", note: "Đồng ý" },
    self: { year: 2026, quarter: 2, level: "GOOD", note: "Hoàn thành tốt" },
  },
  "record.taskFacts": {
    before: { assigned: 3, completed: 2, onTime: 2, exceeded: 0 },
    after: { assigned: 3, completed: 3, onTime: 2, exceeded: 1 },
    taskId: "t1",
  },
  "cycle.taskRegister": { before: false, after: true, records: 120 },
  "database.restore": { file: "backup-2026-12-01.pgdump", takenAt: "2026-12-01T02:00:00.000Z", keyId: "k1", rows: 1000, sessionsEnded: 4 },
};

/** The samples as the audit row stores them: JSON (dates become ISO strings), as the history reads them. */
const SAMPLES = JSON.parse(JSON.stringify(TYPED_SAMPLES)) as Record<AuditAction, unknown>;

const translators = (["vi", "en"] as const).map((locale) => ({
  locale,
  t: createTranslator({
    locale,
    messages: loadMessages(locale),
    onError: (error) => {
      throw error;
    },
  }),
}));

describe("a sentence for every audit action", () => {
  it.each(AUDIT_ACTIONS)("%s has its own sentence and details, in Vietnamese and English", (action) => {
    for (const data of [SAMPLES[action], {}, null]) {
      const described = describeAuditEntry(action, data);
      expect(described.summary.key, action).not.toBe("actions.unknown");
      for (const line of [described.summary, ...described.details] as HistoryLine[]) {
        for (const { locale, t } of translators) {
          for (const key of Object.values(line.refs ?? {})) expect(t.has(key as never), `${locale} ${key}`).toBe(true);
          const refs = Object.fromEntries(Object.entries(line.refs ?? {}).map(([name, key]) => [name, t(key as never)]));
          const text = t(`cell.history.${line.key}` as never, { ...line.values, ...refs } as never);
          expect(text, `${locale} ${line.key}`).not.toMatch(/[{}]|cell\.history/);
        }
      }
    }
  });

  it("tells what the new actions' payloads carry", () => {
    expect(describeAuditEntry("cycle.open", SAMPLES["cycle.open"]).summary.values).toEqual({ year: "2026" });
    expect(describeAuditEntry("quota.override", SAMPLES["quota.override"]).details).toEqual([
      { key: "details.rerateDecision", values: { no: "12-QĐ/ĐU", date: "20/12/2026", issuer: "Đảng ủy xã" } },
      { key: "details.ratePercent", values: { rate: 25 } },
      { key: "details.reason", values: { reason: "Nhiều thành tích." } },
    ]);
    expect(describeAuditEntry("cycle.deadlines", SAMPLES["cycle.deadlines"]).details).toEqual([
      { key: "details.deadline", values: { from: "30/11/2026", to: "05/12/2026" }, refs: { field: "cycle.selfReviewDue" } },
      { key: "details.adoptionBase", refs: { base: "cycle.adoptionBases.PRESENT" } },
    ]);
    expect(describeAuditEntry("member.update", SAMPLES["member.update"]).details).toEqual([{ key: "details.memberField", refs: { field: "member.post" } }]);
    const [vi] = translators;
    const line = describeAuditEntry("session.revoke", SAMPLES["session.revoke"]).summary;
    expect(vi.t(`cell.history.${line.key}` as never, line.values as never)).toBe("Quản trị viên kết thúc 3 phiên đăng nhập");
  });
});
