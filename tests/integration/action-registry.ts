import type { ZodType } from "zod";
import type { Actor } from "@/lib/review/permissions";
import { openCycle, startSelfReviews, updateCycleDeadlines, updateScoreSheet } from "@/lib/data/cycles";
import { publishDecisions, recordQuotaOverride, saveDecisions, sendBackRecords } from "@/lib/data/decisions";
import { finalizeMeeting, recordRereview, saveMinutesDraft } from "@/lib/data/meetings";
import { createRemediationPlan, updateRemediationStatus } from "@/lib/data/remediation";
import { dismissReminder, remindMembers } from "@/lib/data/reminders";
import { decideUnits, publishUnits, rateUnit, returnUnit, verifyUnit } from "@/lib/data/unit-ratings";
import { updateMemberProfile } from "@/lib/data/members";
import { addOpinion, deleteOpinion, editOpinion } from "@/lib/data/opinions";
import { changeOwnPassword } from "@/lib/data/passwords";
import { updateMemberRatingFacts } from "@/lib/data/record-facts";
import { saveSelfReviewDraft, submitSelfReview, returnSelfReview } from "@/lib/data/self-reviews";
import { markNotRated, reinstate, ruleOnNotRated } from "@/lib/data/not-rated";
import { orderRerate, proposeRerate } from "@/lib/data/rerating";
import { OrderRerateSchema, ProposeRerateSchema } from "@/lib/schemas/rerating";
import { ConfirmNotRatedSchema, MarkNotRatedSchema, ReinstateSchema } from "@/lib/schemas/not-rated";
import { endMySession, endUserSessions } from "@/lib/data/sessions";
import { setUserLocale } from "@/lib/data/users";
import { ChangePasswordSchema, EndSessionSchema, EndUserSessionsSchema } from "@/lib/schemas/account";
import { LocaleSchema } from "@/lib/schemas/auth";
import { CycleDeadlinesSchema, CycleIdSchema, OpenCycleSchema, ScoreSheetSchema } from "@/lib/schemas/cycles";
import {
  PublishSchema,
  QuotaOverrideSchema,
  RemediationPlanSchema,
  RemediationStatusSchema,
  ReturnUnitSchema,
  SaveDecisionsSchema,
  SendBackSchema,
  UnitSelfRatingSchema,
  VerifyUnitSchema,
} from "@/lib/schemas/decisions";
import { FinalizeMeetingSchema, RereviewSchema, SaveMinutesSchema } from "@/lib/schemas/meetings";
import { MemberProfileSchema } from "@/lib/schemas/members";
import { AddOpinionSchema, DeleteOpinionSchema, EditOpinionSchema } from "@/lib/schemas/opinions";
import { MemberRatingFactsSchema } from "@/lib/schemas/record-facts";
import { DismissReminderSchema, RemindSchema } from "@/lib/schemas/reminders";
import { setCycleTaskRegister } from "@/lib/data/cycles";
import { assessQuarter, confirmQuarter } from "@/lib/data/task-quarters";
import { removeTaskFile } from "@/lib/data/task-files";
import { confirmTask, confirmTasks, correctTask, declareTask, editTask, reportTask, returnTask, withdrawTask } from "@/lib/data/tasks";
import {
  AssessQuarterSchema,
  ConfirmQuarterSchema,
  ConfirmTaskSchema,
  ConfirmTasksSchema,
  CorrectTaskSchema,
  DeclareTaskSchema,
  EditTaskSchema,
  ReportTaskSchema,
  RemoveTaskFileSchema,
  ReturnTaskSchema,
  SetTaskRegisterSchema,
  WithdrawTaskSchema,
} from "@/lib/schemas/tasks";
import { ReturnSelfReviewSchema, SaveSelfReviewSchema, SubmitSelfReviewSchema } from "@/lib/schemas/self-reviews";

// Every server action of lib/actions, with the zod schema of its input and the use case it hands the
// input to (the action itself needs a request: authentication is runAction's getActor, the rest is
// this). The fuzz test throws hostile input at each one as each role; a test fails when an exported
// action is missing here, so a new action joins by being registered.

/** Ids of real rows the base inputs point at, so that only the hostile part can stop a write. */
export type Fixtures = {
  cycleId: string;
  cycleVersion: number;
  upperOrgId: string;
  cellId: string;
  memberId: string;
  memberVersion: number;
  recordId: string;
  recordVersion: number;
  opinionId: string;
  /** A task of the member, when the demo has one. */
  taskId: string;
  taskVersion: number;
  userId: string;
};

export type RegisteredAction = {
  schema: ZodType;
  /** A well-formed input the fuzzer mutates. */
  base: (f: Fixtures) => unknown;
  run: (actor: Actor, input: unknown) => Promise<unknown>;
};

export type Registry = Record<string, RegisteredAction | { skip: string }>;

export const ACTIONS: Registry = {
  // lib/actions/auth.ts
  signInAction: { skip: "no actor and no use case: Auth.js's authorize parses with SignInSchema; the sign-in journeys and the input-policy tests cover it" },
  signOutAction: { skip: "takes no input" },
  setLocaleAction: { schema: LocaleSchema, base: () => "vi", run: (actor, input) => setUserLocale(actor, LocaleSchema.parse(input)) },
  // lib/actions/account.ts
  changePasswordAction: {
    schema: ChangePasswordSchema,
    base: () => ({ currentPassword: "not the password", newPassword: "Mật khẩu mới 2026", confirmPassword: "Mật khẩu mới 2026" }),
    run: (actor, input) => changeOwnPassword(actor, input, null),
  },
  endMySessionAction: { schema: EndSessionSchema, base: () => ({ sessionId: "A".repeat(43) }), run: endMySession },
  signOutEverywhereAction: { skip: "takes no input" },
  endUserSessionsAction: { schema: EndUserSessionsSchema, base: (f) => ({ userId: f.userId }), run: endUserSessions },
  // lib/actions/cycles.ts
  updateCycleDeadlinesAction: {
    schema: CycleDeadlinesSchema,
    base: (f) => ({
      cycleId: f.cycleId,
      expectedVersion: f.cycleVersion,
      selfReviewDue: "2026-12-10",
      meetingsDue: "2026-12-20",
      grassrootsDue: "2026-12-30",
      upperDecisionDue: "2027-01-20",
    }),
    run: updateCycleDeadlines,
  },
  openCycleAction: { schema: OpenCycleSchema, base: (f) => ({ upperOrgId: f.upperOrgId, year: 1900 }), run: openCycle },
  updateScoreSheetAction: {
    schema: ScoreSheetSchema,
    base: (f) => ({
      cycleId: f.cycleId,
      framework: "NON_LEADER",
      expectedVersion: 0,
      groups: [
        { key: "GENERAL", items: [{ key: "c1", label: "Chính trị tư tưởng", maxPoints: 30 }] },
        { key: "RESULTS", items: [{ key: "k1", label: "Kết quả", maxPoints: 70 }] },
      ],
    }),
    run: updateScoreSheet,
  },
  startSelfReviewsAction: { schema: CycleIdSchema, base: (f) => ({ cycleId: f.cycleId, expectedVersion: f.cycleVersion }), run: startSelfReviews },
  // lib/actions/meetings.ts
  saveMinutesDraftAction: {
    schema: SaveMinutesSchema,
    base: (f) => ({
      cellId: f.cellId,
      baseVersion: 0,
      content: {
        heldOn: "2026-12-15",
        place: "Nhà văn hóa thôn",
        chairName: "Đặng Văn Lực",
        recorderName: "Thư ký",
        attendance: [{ memberId: f.memberId, present: true, absenceReason: "" }],
        collectiveReview: "Chi bộ đã hoàn thành nhiệm vụ.",
        reviews: [{ memberId: f.memberId, selfReviewSummary: "Tóm tắt", critiques: [{ by: "Đảng viên A", text: "Góp ý" }], vote: null }],
      },
    }),
    run: saveMinutesDraft,
  },
  finalizeMeetingAction: { schema: FinalizeMeetingSchema, base: (f) => ({ cellId: f.cellId, expectedVersion: 0 }), run: finalizeMeeting },
  recordRereviewAction: {
    schema: RereviewSchema,
    base: (f) => ({
      recordId: f.recordId,
      expectedVersion: f.recordVersion,
      heldOn: "2026-12-20",
      tally: { EXCELLENT: 0, GOOD: 5, COMPLETED: 0, NOT_COMPLETED: 0 },
      votersPresent: 5,
      note: "Chi bộ kiểm điểm lại.",
    }),
    run: recordRereview,
  },
  // lib/actions/decisions.ts
  saveDecisionsAction: {
    schema: SaveDecisionsSchema,
    base: (f) => ({
      organizationId: f.upperOrgId,
      decisions: [{ recordId: f.recordId, expectedVersion: f.recordVersion, level: "GOOD", reason: "Cân nhắc." }],
    }),
    run: saveDecisions,
  },
  recordQuotaOverrideAction: {
    schema: QuotaOverrideSchema,
    base: () => ({
      peerGroupId: "pgnone",
      decisionNo: "15-QĐ/ĐU",
      decidedOn: "2026-12-01",
      issuer: "Đảng ủy xã",
      reason: "Nhiều đảng viên tiêu biểu.",
      ratePercent: 25,
    }),
    run: recordQuotaOverride,
  },
  publishDecisionsAction: { schema: PublishSchema, base: (f) => ({ organizationId: f.upperOrgId }), run: publishDecisions },
  sendBackRecordsAction: {
    schema: SendBackSchema,
    base: (f) => ({ organizationId: f.upperOrgId, recordIds: [f.recordId], reason: "Xem xét lại." }),
    run: sendBackRecords,
  },
  // lib/actions/unit-ratings.ts
  rateUnitAction: {
    schema: UnitSelfRatingSchema,
    base: (f) => ({
      recordId: f.recordId,
      expectedVersion: f.recordVersion,
      level: "GOOD",
      scoreItems: { "tt-c1": 5, "tt-c2": 4.5, "tt-k1": 45, "tt-k2": 15 },
      report: { targets: "Hoàn thành các chỉ tiêu chủ yếu của năm." },
      tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 1 },
      shortcomings: { named: 2, remedied: 2 },
      targetsCompletedPercent: 100,
      localBodiesAtLeastGood: true,
      leadershipDisciplined: false,
      disunityConcluded: false,
      leadershipMemberDegraded: false,
      forceMajeure: false,
      note: "Tự đánh giá.",
    }),
    run: rateUnit,
  },
  verifyUnitAction: {
    schema: VerifyUnitSchema,
    base: (f) => ({ recordId: f.recordId, expectedVersion: f.recordVersion, level: "GOOD", note: "Thống nhất." }),
    run: verifyUnit,
  },
  returnUnitAction: {
    schema: ReturnUnitSchema,
    base: (f) => ({ recordId: f.recordId, expectedVersion: f.recordVersion, reason: "Bổ sung hồ sơ." }),
    run: returnUnit,
  },
  decideUnitsAction: {
    schema: SaveDecisionsSchema,
    base: (f) => ({ organizationId: f.upperOrgId, decisions: [{ recordId: f.recordId, expectedVersion: f.recordVersion, level: "GOOD", reason: "" }] }),
    run: decideUnits,
  },
  publishUnitsAction: { schema: PublishSchema, base: (f) => ({ organizationId: f.upperOrgId }), run: publishUnits },
  // lib/actions/remediation.ts
  createRemediationPlanAction: {
    schema: RemediationPlanSchema,
    base: (f) => ({
      recordId: f.recordId,
      items: [{ shortcoming: "Chưa gương mẫu.", measures: "Tu dưỡng, rèn luyện.", responsible: "Bí thư chi bộ", deadline: "2027-06-30" }],
    }),
    run: createRemediationPlan,
  },
  updateRemediationStatusAction: { schema: RemediationStatusSchema, base: () => ({ itemId: "itemnone", status: "DONE" }), run: updateRemediationStatus },
  // lib/actions/reminders.ts
  remindMembersAction: { schema: RemindSchema, base: (f) => ({ cellId: f.cellId, recordId: f.recordId }), run: (actor, input) => remindMembers(actor, input) },
  dismissReminderAction: { schema: DismissReminderSchema, base: () => ({ reminderId: "remindernone" }), run: dismissReminder },
  // lib/actions/members.ts
  updateMemberProfileAction: {
    schema: MemberProfileSchema,
    base: (f) => ({
      memberId: f.memberId,
      expectedVersion: f.memberVersion,
      post: "Tổ trưởng",
      residenceCell: "Thôn Đông",
      category: "NOT_IN_POLITICAL_SYSTEM",
      isCivilServant: false,
    }),
    run: updateMemberProfile,
  },
  // lib/actions/opinions.ts
  addOpinionAction: {
    schema: AddOpinionSchema,
    base: (f) => ({ recordId: f.recordId, source: "RESIDENCE", text: "Gương mẫu ở nơi cư trú.", givenOn: "2026-11-20", givenBy: "Chi bộ khu dân cư" }),
    run: addOpinion,
  },
  editOpinionAction: {
    schema: EditOpinionSchema,
    base: (f) => ({ opinionId: f.opinionId, expectedVersion: "stale", text: "Gương mẫu.", givenOn: "2026-11-20", givenBy: "Chi bộ khu dân cư" }),
    run: editOpinion,
  },
  deleteOpinionAction: { schema: DeleteOpinionSchema, base: (f) => ({ opinionId: f.opinionId, expectedVersion: "stale" }), run: deleteOpinion },
  // lib/actions/records.ts
  updateMemberRatingFactsAction: {
    schema: MemberRatingFactsSchema,
    base: (f) => ({
      recordId: f.recordId,
      expectedVersion: f.recordVersion,
      scoreItems: {},
      tasks: { assigned: 1, completed: 1, onTime: 1, exceeded: 0 },
      shortcomings: { named: 0, remedied: 0 },
      degradationConcluded: false,
      prohibitedActsConcluded: false,
      ledUnits: { count: 0, notCompleted: 0 },
      lowConfidenceOver50: false,
      corruptionInScope: false,
      fiveTargetsMissed: false,
      forceMajeure: false,
    }),
    run: updateMemberRatingFacts,
  },
  // app/(app)/reviews/[id]/draft/route.ts: the autosave's route runs this use case as an action would
  "POST /reviews/[id]/draft": {
    schema: SaveSelfReviewSchema,
    base: (f) => ({
      recordId: f.recordId,
      baseVersion: 0,
      content: { texts: { shortcomings: "Còn hạn chế." }, remediation: [], scores: {}, criteria: {}, selfLevel: null },
    }),
    run: saveSelfReviewDraft,
  },
  // lib/actions/self-reviews.ts
  submitSelfReviewAction: { schema: SubmitSelfReviewSchema, base: (f) => ({ recordId: f.recordId, expectedVersion: 0 }), run: submitSelfReview },
  returnSelfReviewAction: { schema: ReturnSelfReviewSchema, base: (f) => ({ recordId: f.recordId, reason: "Bổ sung phần hạn chế." }), run: returnSelfReview },
  markNotRatedAction: {
    schema: MarkNotRatedSchema,
    base: (f) => ({ recordId: f.recordId, expectedVersion: f.recordVersion, reason: "OTHER", note: "Chuyển sinh hoạt tạm thời." }),
    run: markNotRated,
  },
  reinstateAction: {
    schema: ReinstateSchema,
    base: (f) => ({ recordId: f.recordId, expectedVersion: f.recordVersion, reason: "Ghi nhầm lý do." }),
    run: reinstate,
  },
  // lib/actions/rerating.ts
  orderRerateAction: {
    schema: OrderRerateSchema,
    base: (f) => ({
      recordIds: [f.recordId],
      decision: { decisionNo: "03-QĐ/TU", decidedOn: "2026-12-20", issuer: "Ban Thường vụ Tỉnh ủy", reason: "Có đơn phản ánh cần xem xét lại." },
    }),
    run: orderRerate,
  },
  proposeRerateAction: {
    schema: ProposeRerateSchema,
    base: (f) => ({ recordId: f.recordId, reason: "Kết quả chưa phản ánh đúng vi phạm đã được kết luận." }),
    run: proposeRerate,
  },
  ruleOnNotRatedAction: {
    schema: ConfirmNotRatedSchema,
    base: (f) => ({ recordId: f.recordId, expectedVersion: f.recordVersion, confirm: true, grounds: "Quyết định số 12-QĐ/ĐU." }),
    run: ruleOnNotRated,
  },
  // lib/actions/tasks.ts
  declareTaskAction: {
    schema: DeclareTaskSchema,
    base: (f) => ({ subject: { kind: "MEMBER", memberId: f.memberId }, task: TASK_FIELDS }),
    run: declareTask,
  },
  editTaskAction: { schema: EditTaskSchema, base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion, task: TASK_FIELDS }), run: editTask },
  reportTaskAction: { schema: ReportTaskSchema, base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion, result: TASK_DONE }), run: reportTask },
  confirmTaskAction: { schema: ConfirmTaskSchema, base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion }), run: confirmTask },
  confirmTasksAction: { schema: ConfirmTasksSchema, base: (f) => ({ tasks: [{ taskId: f.taskId, expectedVersion: f.taskVersion }] }), run: confirmTasks },
  returnTaskAction: {
    schema: ReturnTaskSchema,
    base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion, reason: "Thiếu sản phẩm." }),
    run: returnTask,
  },
  correctTaskAction: {
    schema: CorrectTaskSchema,
    base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion, reason: "Ghi nhầm ngày.", result: TASK_DONE }),
    run: correctTask,
  },
  withdrawTaskAction: {
    schema: WithdrawTaskSchema,
    base: (f) => ({ taskId: f.taskId, expectedVersion: f.taskVersion, reason: "Ghi trùng." }),
    run: withdrawTask,
  },
  assessQuarterAction: {
    schema: AssessQuarterSchema,
    base: (f) => ({ subject: { kind: "MEMBER", memberId: f.memberId }, year: 2026, quarter: 1, expectedVersion: null, level: "GOOD", note: "Hoàn thành tốt." }),
    run: assessQuarter,
  },
  confirmQuarterAction: {
    schema: ConfirmQuarterSchema,
    base: () => ({ quarterId: "quarter-none", expectedVersion: 0, level: "GOOD", note: "" }),
    run: confirmQuarter,
  },
  setCycleTaskRegisterAction: {
    schema: SetTaskRegisterSchema,
    base: (f) => ({ cycleId: f.cycleId, expectedVersion: f.cycleVersion, enabled: true }),
    run: setCycleTaskRegister,
  },
  // lib/actions/task-files.ts
  removeTaskFileAction: { schema: RemoveTaskFileSchema, base: (f) => ({ taskId: f.taskId, fileId: "file-none" }), run: removeTaskFile },
};

const TASK_FIELDS = {
  title: "Báo cáo chuyên đề",
  source: "Kế hoạch năm của chi bộ",
  assignedOn: "2026-01-05",
  dueOn: "2026-03-31",
  expectedProduct: "Báo cáo",
  qualityMeasure: "Được chi ủy thông qua",
};
const TASK_DONE = { outcome: "DONE", doneOn: "2026-03-30", product: "Báo cáo số 12", productLink: "", exceeded: false, exceededGrounds: "" };
