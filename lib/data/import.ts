import "server-only";
import { randomUUID } from "node:crypto";
import { NotFoundError, subtreeRoots, type Actor } from "@/lib/review/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CELL_KINDS,
  CHILD_KINDS,
  MEMBER_SHEET,
  ORG_SHEET,
  type ImportError,
  type MemberImportRow,
  type OrgImportRow,
  type ParsedRegister,
} from "@/lib/import/register";
import { toSearchKey } from "@/lib/text/search";
import { z } from "zod";
import { command } from "./command";
import { db, type DbClient, type Tx } from "./db";
import { NODE_SELECT } from "./organizations";

// Importing the party-member register: every row is checked against the database and the importer's
// scope (org:manage over the units it touches) before anything is written; then one transaction writes
// the new and changed rows and one audit row. A row equal to what is stored is not written at all, so
// importing the same file again changes nothing (and writes no audit row).

export type ImportProgress = (event: { phase: "check" | "write"; done: number; total: number }) => void;

export type PlannedRow = { sheet: string; row: number; key: string; name: string; action: "create" | "update" | "same" };

export type ImportPlan = {
  errors: ImportError[];
  orgsNew: number;
  orgsChanged: number;
  membersNew: number;
  membersChanged: number;
  unchanged: number;
  rows: number;
  preview: PlannedRow[];
};

type OrgInfo = {
  id: string;
  code: string;
  name: string;
  kind: string;
  sector: string;
  parentId: string | null;
  depth: number;
  establishedOn: string;
  ancestors: string[];
  inScope: boolean;
};

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function loadOrgs(client: DbClient, codes: string[], roots: Set<string>): Promise<Map<string, OrgInfo>> {
  const out = new Map<string, OrgInfo>();
  for (const part of chunks([...new Set(codes)], 2000)) {
    const rows = await client.organization.findMany({
      where: { code: { in: part } },
      select: {
        ...NODE_SELECT,
        establishedOn: true,
        ancestors: { select: { ancestorId: true }, orderBy: { distance: "asc" } },
      },
    });
    for (const o of rows) {
      const ancestors = o.ancestors.map((a) => a.ancestorId);
      out.set(o.code, {
        id: o.id,
        code: o.code,
        name: o.name,
        kind: o.kind,
        sector: o.sector,
        parentId: o.parentId,
        depth: o.depth,
        establishedOn: iso(o.establishedOn)!,
        ancestors,
        inScope: ancestors.some((a) => roots.has(a)),
      });
    }
  }
  return out;
}

type Existing = {
  id: string;
  cardNumber: string;
  fullName: string;
  gender: string;
  birthDate: string;
  admittedOn: string;
  officialOn: string | null;
  cellId: string;
  post: string | null;
  category: string;
  isCivilServant: boolean;
  status: string;
  residenceCell: string | null;
  inScope: boolean;
};

async function loadMembers(client: DbClient, cards: string[], roots: string[]): Promise<Map<string, Existing>> {
  const out = new Map<string, Existing>();
  // Slices of 1,000 cards, one query each, so a 50,000-row file never holds the server's thread for long.
  for (const part of chunks(cards, 1000)) {
    const rows = await client.$queryRaw<
      (Omit<Existing, "birthDate" | "admittedOn" | "officialOn"> & { birthDate: Date; admittedOn: Date; officialOn: Date | null })[]
    >`
      SELECT m.id, m."cardNumber", m."fullName", m.gender::text AS gender, m."birthDate", m."admittedOn", m."officialOn", m."cellId", m.post,
             m.category::text AS category, m."isCivilServant", m.status::text AS status, m."residenceCell",
             EXISTS (SELECT 1 FROM "OrgClosure" c WHERE c."descendantId" = m."cellId" AND c."ancestorId" = ANY(${roots})) AS "inScope"
        FROM "Member" m WHERE m."cardNumber" = ANY(${part})`;
    for (const m of rows) out.set(m.cardNumber, { ...m, birthDate: iso(m.birthDate)!, admittedOn: iso(m.admittedOn)!, officialOn: iso(m.officialOn) });
  }
  return out;
}

type Plan = ImportPlan & {
  newOrgs: (OrgImportRow & { id: string; parentId: string; depth: number; ancestors: string[] })[];
  changedOrgs: { id: string; data: Prisma.OrganizationUpdateInput; before: object }[];
  newMembers: (MemberImportRow & { id: string; cellId: string; grassrootsId: string })[];
  changedMembers: { id: string; row: MemberImportRow; cellId: string; grassrootsId: string; previousCellId: string; before: object }[];
};

/** Checks the parsed file against the database and the actor's scope; writes nothing. */
async function plan(client: DbClient, actor: Actor, parsed: ParsedRegister, progress?: ImportProgress): Promise<Plan> {
  const rootList = subtreeRoots(actor, "org:manage");
  if (!rootList.length) throw new NotFoundError();
  const roots = new Set(rootList);
  const errors: ImportError[] = [...parsed.errors];
  const total = parsed.organizations.length + parsed.members.length;
  const codes = [...parsed.organizations.flatMap((o) => [o.code, o.parentCode]), ...parsed.members.map((m) => m.cellCode)];
  const orgs = await loadOrgs(client, codes, roots);
  const existingMembers = await loadMembers(
    client,
    parsed.members.map((m) => m.cardNumber),
    rootList,
  );
  const preview: PlannedRow[] = [];
  const result: Plan = {
    errors,
    orgsNew: 0,
    orgsChanged: 0,
    membersNew: 0,
    membersChanged: 0,
    unchanged: 0,
    rows: parsed.rows,
    preview,
    newOrgs: [],
    changedOrgs: [],
    newMembers: [],
    changedMembers: [],
  };
  const note = (p: PlannedRow) => {
    if (preview.length < 20) preview.push(p);
  };

  // Organizations, parents first: a new unit may hang under one created by an earlier row or a later one.
  const fileOrgs = new Map(parsed.organizations.map((o) => [o.code, o]));
  const resolved = new Map<string, { id: string; kind: string; depth: number; ancestors: string[]; grassrootsId: string | null }>();
  for (const [code, o] of orgs) if (o.inScope) resolved.set(code, { id: o.id, kind: o.kind, depth: o.depth, ancestors: o.ancestors, grassrootsId: null });
  const pending = [...parsed.organizations];
  let progressed = true;
  const failed = new Set<string>();
  while (pending.length && progressed) {
    progressed = false;
    for (let i = 0; i < pending.length; i++) {
      const o = pending[i];
      const fail = (column: string, message: string) => {
        errors.push({ sheet: ORG_SHEET, row: o.row, column, message });
        failed.add(o.code);
        pending.splice(i--, 1);
        progressed = true;
      };
      const existing = orgs.get(o.code);
      const parentInDb = orgs.get(o.parentCode);
      if (existing && !existing.inScope) {
        fail("Mã tổ chức", "Mã này đã thuộc một đơn vị ngoài phạm vi quản lý của bạn.");
        continue;
      }
      if (parentInDb && !parentInDb.inScope) {
        fail("Mã tổ chức cấp trên", `Tổ chức cấp trên "${o.parentCode}" ngoài phạm vi quản lý của bạn.`);
        continue;
      }
      if (!parentInDb && !fileOrgs.has(o.parentCode)) {
        fail("Mã tổ chức cấp trên", `Không có tổ chức mã "${o.parentCode}" (trong hệ thống hay trong tệp).`);
        continue;
      }
      if (failed.has(o.parentCode)) {
        fail("Mã tổ chức cấp trên", `Tổ chức cấp trên "${o.parentCode}" có lỗi ở dòng khác.`);
        continue;
      }
      const parent = resolved.get(o.parentCode);
      if (!parent) continue; // its parent is a new unit not placed yet
      pending.splice(i--, 1);
      progressed = true;
      if (!(CHILD_KINDS[parent.kind] ?? []).includes(o.kind)) {
        errors.push({
          sheet: ORG_SHEET,
          row: o.row,
          column: "Loại tổ chức",
          message: `Không đặt được loại tổ chức này dưới tổ chức cấp trên "${o.parentCode}".`,
        });
        failed.add(o.code);
        continue;
      }
      if (existing) {
        if (existing.kind !== o.kind) {
          errors.push({ sheet: ORG_SHEET, row: o.row, column: "Loại tổ chức", message: "Không đổi được loại của một tổ chức đã có qua nhập tệp." });
          continue;
        }
        if (existing.parentId !== parent.id) {
          errors.push({
            sheet: ORG_SHEET,
            row: o.row,
            column: "Mã tổ chức cấp trên",
            message: "Không chuyển được tổ chức đã có sang cấp trên khác qua nhập tệp.",
          });
          continue;
        }
        const data: Prisma.OrganizationUpdateInput = {};
        if (existing.name !== o.name) Object.assign(data, { name: o.name, nameSearch: toSearchKey(o.name) });
        if (existing.sector !== o.sector) data.sector = o.sector;
        if (existing.establishedOn !== o.establishedOn) data.establishedOn = day(o.establishedOn);
        if (Object.keys(data).length) {
          result.changedOrgs.push({ id: existing.id, data, before: { name: existing.name, sector: existing.sector, establishedOn: existing.establishedOn } });
          result.orgsChanged++;
          note({ sheet: ORG_SHEET, row: o.row, key: o.code, name: o.name, action: "update" });
        } else {
          result.unchanged++;
          note({ sheet: ORG_SHEET, row: o.row, key: o.code, name: o.name, action: "same" });
        }
      } else {
        const id = randomUUID();
        const ancestors = [id, ...parent.ancestors];
        resolved.set(o.code, { id, kind: o.kind, depth: parent.depth + 1, ancestors, grassrootsId: null });
        result.newOrgs.push({ ...o, id, parentId: parent.id, depth: parent.depth + 1, ancestors });
        result.orgsNew++;
        note({ sheet: ORG_SHEET, row: o.row, key: o.code, name: o.name, action: "create" });
      }
    }
  }
  for (const o of pending)
    errors.push({ sheet: ORG_SHEET, row: o.row, column: "Mã tổ chức cấp trên", message: "Các tổ chức cấp trên lồng vòng nhau trong tệp." });
  progress?.({ phase: "check", done: parsed.organizations.length, total });

  // The grassroots organization of a cell: itself for a chi bộ cơ sở, else its đảng bộ cơ sở above.
  const kindById = new Map<string, string>();
  for (const o of orgs.values()) kindById.set(o.id, o.kind);
  for (const o of result.newOrgs) kindById.set(o.id, o.kind);
  const missingKinds = [...new Set([...resolved.values()].flatMap((r) => r.ancestors))].filter((id) => !kindById.has(id));
  for (const part of chunks(missingKinds, 5000)) {
    for (const o of await client.organization.findMany({ where: { id: { in: part } }, select: { id: true, kind: true } })) kindById.set(o.id, o.kind);
  }
  const grassrootsOf = (ancestors: string[]) => ancestors.find((id) => kindById.get(id) === "CHI_BO_CO_SO" || kindById.get(id) === "DANG_BO_CO_SO") ?? null;

  const cellOf = new Map<string, { id: string; grassrootsId: string } | string>();
  const cellFor = (code: string) => {
    if (cellOf.has(code)) return cellOf.get(code)!;
    const r = resolved.get(code);
    const db = orgs.get(code);
    let answer: { id: string; grassrootsId: string } | string;
    if (!r)
      answer =
        db && !db.inScope
          ? `Chi bộ "${code}" ngoài phạm vi quản lý của bạn.`
          : failed.has(code)
            ? `Chi bộ "${code}" có lỗi ở trang tổ chức.`
            : `Không có chi bộ mã "${code}".`;
    else if (!CELL_KINDS.includes(r.kind)) answer = `"${code}" không phải chi bộ (đảng viên sinh hoạt ở chi bộ cơ sở hoặc chi bộ trực thuộc).`;
    else {
      const g = grassrootsOf(r.ancestors);
      answer = g ? { id: r.id, grassrootsId: g } : `Không tìm được tổ chức cơ sở đảng của chi bộ "${code}".`;
    }
    cellOf.set(code, answer);
    return answer;
  };

  for (const [i, m] of parsed.members.entries()) {
    if (i % 1000 === 999) {
      progress?.({ phase: "check", done: parsed.organizations.length + i + 1, total });
      // Let the server answer other requests between slices of a large file.
      await new Promise(setImmediate);
    }
    const cell = cellFor(m.cellCode);
    if (typeof cell === "string") {
      errors.push({ sheet: MEMBER_SHEET, row: m.row, column: "Mã chi bộ", message: cell });
      continue;
    }
    const existing = existingMembers.get(m.cardNumber);
    if (existing && !existing.inScope) {
      errors.push({ sheet: MEMBER_SHEET, row: m.row, column: "Số thẻ đảng viên", message: "Số thẻ này đã có ở một đơn vị ngoài phạm vi quản lý của bạn." });
      continue;
    }
    if (!existing) {
      result.newMembers.push({ ...m, id: randomUUID(), cellId: cell.id, grassrootsId: cell.grassrootsId });
      result.membersNew++;
      note({ sheet: MEMBER_SHEET, row: m.row, key: m.cardNumber, name: m.fullName, action: "create" });
      continue;
    }
    const same =
      existing.fullName === m.fullName &&
      existing.gender === m.gender &&
      existing.birthDate === m.birthDate &&
      existing.admittedOn === m.admittedOn &&
      existing.officialOn === m.officialOn &&
      existing.cellId === cell.id &&
      existing.post === m.post &&
      existing.category === m.category &&
      existing.isCivilServant === m.isCivilServant &&
      existing.status === m.status &&
      existing.residenceCell === m.residenceCell;
    if (same) {
      result.unchanged++;
      note({ sheet: MEMBER_SHEET, row: m.row, key: m.cardNumber, name: m.fullName, action: "same" });
    } else {
      const { id: _id, inScope: _s, ...before } = existing;
      result.changedMembers.push({ id: existing.id, row: m, cellId: cell.id, grassrootsId: cell.grassrootsId, previousCellId: existing.cellId, before });
      result.membersChanged++;
      note({ sheet: MEMBER_SHEET, row: m.row, key: m.cardNumber, name: m.fullName, action: "update" });
    }
  }
  progress?.({ phase: "check", done: total, total });
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === ORG_SHEET ? -1 : 1));
  return result;
}

const publicPlan = ({ newOrgs: _a, changedOrgs: _b, newMembers: _c, changedMembers: _d, ...rest }: Plan): ImportPlan => rest;

/** The preview: what importing the file would do, and every error, without writing. */
export async function checkRegisterImport(actor: Actor, parsed: ParsedRegister, progress?: ImportProgress): Promise<ImportPlan> {
  return publicPlan(await plan(db, actor, parsed, progress));
}

/**
 * Writes the file when it has no error at all, in one transaction with its audit row. The check runs
 * again inside the transaction (under a lock that serializes imports), so what is written is what was
 * checked against the data as it is now.
 */
export function importRegister(actor: Actor, parsed: ParsedRegister, fileHash: string, progress?: ImportProgress): Promise<ImportPlan> {
  return writeRegister(actor, { parsed, fileHash, progress });
}

const writeRegister = command({
  // The file was parsed and checked row by row (lib/import/register.ts) before it came here.
  input: z.object({ parsed: z.custom<ParsedRegister>(), fileHash: z.string(), progress: z.custom<ImportProgress>().optional() }),
  load: async (tx, { parsed, progress }, actor) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('register-import'))`;
    return plan(tx, actor, parsed, progress);
  },
  // The plan checked every row against the importer's scope: a row out of it is an error, not a write.
  authorize: (actor) => subtreeRoots(actor, "org:manage").length > 0,
  write: async ({ tx, actor, input: { fileHash, progress }, loaded: p }) => {
    const writes = p.newOrgs.length + p.changedOrgs.length + p.newMembers.length + p.changedMembers.length;
    // A file with errors writes nothing; one equal to what is stored changes nothing, and says nothing.
    if (p.errors.length || writes === 0) return { result: publicPlan(p), audit: [] };
    await write(tx, p, progress, writes);
    return {
      result: publicPlan(p),
      audit: {
        action: "register.import",
        entityId: fileHash,
        organizationId: subtreeRoots(actor, "org:manage")[0] ?? null,
        data: {
          rows: p.rows,
          orgsNew: p.orgsNew,
          orgsChanged: p.orgsChanged,
          membersNew: p.membersNew,
          membersChanged: p.membersChanged,
          changedMembers: p.changedMembers.slice(0, 200).map((c) => ({ id: c.id, before: c.before })),
        },
      },
    };
  },
  transactionOptions: { timeout: 300_000, maxWait: 20_000 },
});

async function write(tx: Tx, p: Plan, progress: ImportProgress | undefined, total: number) {
  let done = 0;
  const tick = (n: number) => {
    done += n;
    progress?.({ phase: "write", done, total });
  };
  const today = new Date(new Date().toISOString().slice(0, 10));
  if (p.newOrgs.length) {
    await tx.organization.createMany({
      data: p.newOrgs.map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        nameSearch: toSearchKey(o.name),
        kind: o.kind,
        sector: o.sector,
        parentId: o.parentId,
        depth: o.depth,
        establishedOn: day(o.establishedOn),
      })),
    });
    await tx.orgClosure.createMany({
      data: p.newOrgs.flatMap((o) => o.ancestors.map((ancestorId, distance) => ({ ancestorId, descendantId: o.id, distance }))),
    });
    tick(p.newOrgs.length);
  }
  for (const o of p.changedOrgs) await tx.organization.update({ where: { id: o.id }, data: o.data });
  tick(p.changedOrgs.length);
  for (const part of chunks(p.newMembers, 2000)) {
    await insertMembers(tx, part, today);
    tick(part.length);
  }
  for (const c of p.changedMembers) {
    const m = c.row;
    await tx.member.update({
      where: { id: c.id },
      data: {
        fullName: m.fullName,
        nameSearch: toSearchKey(m.fullName),
        gender: m.gender,
        birthDate: day(m.birthDate),
        admittedOn: day(m.admittedOn),
        officialOn: m.officialOn ? day(m.officialOn) : null,
        category: m.category,
        post: m.post,
        isCivilServant: m.isCivilServant,
        status: m.status,
        cellId: c.cellId,
        grassrootsId: c.grassrootsId,
        residenceCell: m.residenceCell,
        version: { increment: 1 },
      },
    });
    if (c.previousCellId !== c.cellId) {
      // A transfer keeps the history: the official row in the old cell is closed, one in the new cell opened.
      await tx.memberCellAssignment.updateMany({ where: { memberId: c.id, kind: "OFFICIAL", toDate: null }, data: { toDate: today } });
      await tx.memberCellAssignment.create({
        data: { memberId: c.id, cellId: c.cellId, kind: "OFFICIAL", fromDate: today, note: "Chuyển sinh hoạt theo sổ đảng viên" },
      });
    }
    tick(1);
  }
}

/**
 * New members and their official cell, one `INSERT … SELECT FROM unnest(…)` per table: each column is one
 * array parameter, so 2,000 members are two statements (Prisma's createMany took 1.5 s per 2,000, most of
 * it building the statement in JavaScript; this takes a tenth of that).
 */
async function insertMembers(tx: Tx, members: Plan["newMembers"], today: Date) {
  const column = <T>(value: (m: Plan["newMembers"][number]) => T) => members.map(value);
  await tx.$executeRaw`
    INSERT INTO "Member" (id, "cardNumber", "fullName", "nameSearch", gender, "birthDate", "admittedOn", "officialOn", category, post,
                          "isCivilServant", status, "statusSince", "cellId", "grassrootsId", "residenceCell", "updatedAt")
    SELECT u.id, u.card, u.name, u.search, u.gender::"Gender", u.born::date, u.admitted::date, u.official::date, u.category::"MemberCategory", u.post,
           u.civil, u.status::"MemberStatus", CASE WHEN u.status = 'ACTIVE' THEN NULL ELSE ${today}::date END, u.cell, u.grassroots, u.residence, now()
      FROM unnest(${column((m) => m.id)}::text[], ${column((m) => m.cardNumber)}::text[], ${column((m) => m.fullName)}::text[],
                  ${column((m) => toSearchKey(m.fullName))}::text[], ${column((m) => m.gender)}::text[], ${column((m) => m.birthDate)}::text[],
                  ${column((m) => m.admittedOn)}::text[], ${column((m) => m.officialOn)}::text[], ${column((m) => m.category)}::text[],
                  ${column((m) => m.post)}::text[], ${column((m) => m.isCivilServant)}::boolean[], ${column((m) => m.status)}::text[],
                  ${column((m) => m.cellId)}::text[], ${column((m) => m.grassrootsId)}::text[], ${column((m) => m.residenceCell)}::text[])
        AS u(id, card, name, search, gender, born, admitted, official, category, post, civil, status, cell, grassroots, residence)`;
  await tx.$executeRaw`
    INSERT INTO "MemberCellAssignment" (id, "memberId", "cellId", kind, "fromDate", note)
    SELECT u.id, u.member, u.cell, 'OFFICIAL', ${today}::date, 'Nhập từ sổ đảng viên'
      FROM unnest(${members.map(() => randomUUID())}::text[], ${column((m) => m.id)}::text[], ${column((m) => m.cellId)}::text[]) AS u(id, member, cell)`;
}
