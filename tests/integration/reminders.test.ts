import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type Actor } from "@/lib/review/permissions";
import { getCurrentCycle } from "@/lib/data/cycles";
import { db } from "@/lib/data/db";
import { updateMemberProfile } from "@/lib/data/members";
import { dismissReminder, listMyReminders, remindMembers } from "@/lib/data/reminders";
import { DomainError } from "@/lib/errors";
import { actorFor, ensureDemoDistrict, orgByCode } from "./fixtures";

// Reminders on the real database and a real SMTP server (smtp-server on 127.0.0.1, started here): who may
// remind, once a day per member whatever the number of officers sending at once (the database's unique
// key), the audit row in the same transaction, the e-mail after the commit, and a failed e-mail that does
// not undo the reminder. Each test sends on its own day (`now`), so the once-a-day rule does not mix them.

type Received = { to: string[]; body: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

let secretary: Actor; // bithu, Chi bộ thôn Đông
let otherSecretary: Actor; // bithu2, Chi bộ thôn Tây
let committee: Actor; // danguy, Đảng bộ xã An Bình above both
let member: Actor; // dangvien, Chi bộ thôn Đông
let cellEast: string;
let recordId: string; // a member of thôn Đông who has not submitted, with an e-mail address
let memberId: string;
let lateInCell: number;
let cycleId: string;
let cycleStatus: string; // as other files left it: reminders run while self-reviews are open
const EMAIL = "dang.vien.nhac@example.test";

const day = (n: number) => new Date(Date.UTC(2030, 0, n, 3)); // 10:00 in Vietnam, days no other test uses
let remindedUserId: string; // an account for the reminded member: what they do is audited under it
const asMember = (id: string): Actor => ({ userId: remindedUserId, displayName: "", memberId: id, roles: [{ role: "MEMBER", organizationId: cellEast }] });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let body = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (body += chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  await ensureDemoDistrict();
  [secretary, otherSecretary, committee, member] = await Promise.all([actorFor("bithu"), actorFor("bithu2"), actorFor("danguy"), actorFor("dangvien")]);
  cellEast = await orgByCode("HU.01.04");
  const cycle = (await getCurrentCycle(cellEast))!;
  cycleId = cycle.id;
  cycleStatus = cycle.status;
  await db.reviewCycle.update({ where: { id: cycleId }, data: { status: "SELF_REVIEW" } });
  const record = await db.reviewRecord.findFirstOrThrow({
    where: { cycleId: cycle.id, scopeOrgId: cellEast, subjectKind: "MEMBER", state: "DRAFT", memberId: { notIn: [secretary.memberId!, member.memberId!] } },
    orderBy: { id: "asc" },
    select: { id: true, memberId: true },
  });
  recordId = record.id;
  memberId = record.memberId!;
  await db.member.update({ where: { id: memberId }, data: { email: EMAIL } });
  remindedUserId = (
    await db.user.upsert({
      where: { username: "test-reminded" },
      update: { memberId },
      create: { username: "test-reminded", passwordHash: "x", displayName: "Đảng viên được nhắc", memberId },
    })
  ).id;
  await db.reminder.deleteMany({ where: { record: { scopeOrgId: cellEast } } });
  lateInCell = await db.reviewRecord.count({
    where: { cycleId: cycle.id, scopeOrgId: cellEast, subjectKind: "MEMBER", state: { in: ["DRAFT", "RETURNED"] }, memberId: { not: secretary.memberId! } },
  });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await db.reviewCycle.update({ where: { id: cycleId }, data: { status: cycleStatus as never } });
  await db.member.update({ where: { id: memberId }, data: { email: null } });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("the member's e-mail address", () => {
  it("is recorded by the secretary or given by the member, refused when it is not an address, kept when left out", async () => {
    const profile = async (id: string) => {
      const m = await db.member.findUniqueOrThrow({ where: { id } });
      return {
        memberId: id,
        expectedVersion: m.version,
        post: m.post ?? "",
        residenceCell: m.residenceCell ?? "",
        category: m.category,
        isCivilServant: m.isCivilServant,
      };
    };
    await expect(updateMemberProfile(secretary, { ...(await profile(memberId)), email: "không phải địa chỉ" })).rejects.toMatchObject({
      issues: [{ message: "invalidEmail" }],
    });
    await updateMemberProfile(secretary, { ...(await profile(memberId)), email: "  " + EMAIL + " " });
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).email).toBe(EMAIL);
    await updateMemberProfile(secretary, await profile(memberId));
    expect((await db.member.findUniqueOrThrow({ where: { id: memberId } })).email).toBe(EMAIL);
    const own = member.memberId!;
    await updateMemberProfile(member, { ...(await profile(own)), email: "tuan@example.test" });
    expect((await db.member.findUniqueOrThrow({ where: { id: own } })).email).toBe("tuan@example.test");
    await updateMemberProfile(member, { ...(await profile(own)), email: "" });
    expect((await db.member.findUniqueOrThrow({ where: { id: own } })).email).toBeNull();
  });
});

describe("who may remind", () => {
  it("a member cannot remind, not even a cell-mate; another cell's secretary cannot reach the cell", async () => {
    await expect(remindMembers(member, { cellId: cellEast, recordId }, day(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindMembers(otherSecretary, { cellId: cellEast, recordId }, day(1))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reminder.count({ where: { memberId } })).toBe(0);
  });

  it("the grassroots committee above the cell may", async () => {
    delete process.env.SMTP_URL;
    const result = await remindMembers(committee, { cellId: cellEast, recordId }, day(2));
    expect(result).toEqual({ reminded: 1, alreadyToday: 0, mail: "off" });
  });

  it("a record already submitted is not reminded", async () => {
    await db.reviewRecord.update({ where: { id: recordId }, data: { state: "SUBMITTED" } });
    try {
      await expect(remindMembers(secretary, { cellId: cellEast, recordId }, day(3))).rejects.toMatchObject(new DomainError("REMINDER_NOT_DUE"));
    } finally {
      await db.reviewRecord.update({ where: { id: recordId }, data: { state: "DRAFT" } });
    }
  });
});

describe("sending", () => {
  it("reminds one member in the app and by e-mail, audited in the same transaction; the same day again does nothing", async () => {
    process.env.SMTP_URL = smtpUrl;
    process.env.MAIL_FROM = "Chi bộ thôn Đông <chibo@example.test>";
    const audits = await db.auditLog.count({ where: { action: "reminder.send", entityId: cellEast } });
    const result = await remindMembers(secretary, { cellId: cellEast, recordId }, day(4));
    expect(result).toEqual({ reminded: 1, alreadyToday: 0, mail: "sent" });
    const mail = received.find((m) => m.to.includes(EMAIL))!;
    expect(mail).toBeDefined();
    expect(mail.body).toContain("chibo@example.test");
    const row = await db.reminder.findFirstOrThrow({ where: { memberId, sentOn: new Date("2030-01-04") } });
    expect(row.mailedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "reminder.send", entityId: cellEast }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({ sentOn: "2030-01-04", records: [recordId] });
    expect(await db.auditLog.count({ where: { action: "reminder.send", entityId: cellEast } })).toBe(audits + 1);

    const mailsBefore = received.length;
    expect(await remindMembers(secretary, { cellId: cellEast, recordId }, day(4))).toEqual({ reminded: 0, alreadyToday: 1, mail: "none" });
    expect(received.length).toBe(mailsBefore);
    expect(await db.auditLog.count({ where: { action: "reminder.send", entityId: cellEast } })).toBe(audits + 1);
  });

  it("officers sending to the whole cell at once remind each member once that day", async () => {
    process.env.SMTP_URL = smtpUrl;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => remindMembers(i % 2 ? committee : secretary, { cellId: cellEast }, day(5))));
    const rows = await db.reminder.findMany({ where: { sentOn: new Date("2030-01-05"), record: { scopeOrgId: cellEast } }, select: { memberId: true } });
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(rows.length);
    // The committee reminds the secretary too; the secretary never reminds themselves.
    expect(rows.length).toBeGreaterThanOrEqual(lateInCell);
    expect(results.reduce((sum, r) => sum + r.reminded, 0)).toBe(rows.length);
    expect(received.filter((m) => m.to.includes(EMAIL)).length).toBe(2);
  });

  it("an e-mail that cannot be sent leaves the reminder in place and says so", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const result = await remindMembers(secretary, { cellId: cellEast, recordId }, day(6));
    expect(result).toEqual({ reminded: 1, alreadyToday: 0, mail: "failed" });
    const row = await db.reminder.findFirstOrThrow({ where: { memberId, sentOn: new Date("2030-01-06") } });
    expect(row.mailedAt).toBeNull();
    process.env.SMTP_URL = smtpUrl;
  });
});

describe("what the member sees", () => {
  it("the reminder until they dismiss it; nobody else can dismiss it; none once submitted", async () => {
    const mine = await listMyReminders(asMember(memberId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ recordId, sentOn: new Date("2030-01-06") });
    await expect(dismissReminder(member, { reminderId: mine[0].id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(dismissReminder(secretary, { reminderId: mine[0].id })).rejects.toBeInstanceOf(NotFoundError);

    await db.reviewRecord.update({ where: { id: recordId }, data: { state: "SUBMITTED" } });
    expect(await listMyReminders(asMember(memberId))).toHaveLength(0);
    await db.reviewRecord.update({ where: { id: recordId }, data: { state: "DRAFT" } });

    await dismissReminder(asMember(memberId), { reminderId: mine[0].id });
    expect(await listMyReminders(asMember(memberId))).toHaveLength(0);
    // Hiding it is the member's step in the record's history, audited with it.
    expect(await db.auditLog.count({ where: { action: "reminder.dismiss", entityId: recordId, actorId: remindedUserId } })).toBe(1);
  });
});
