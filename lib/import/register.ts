import { line } from "@/lib/schemas/text";
import { toSearchKey } from "@/lib/text/search";

// The party-member register as a spreadsheet (docs/import.md): a sheet of organizations and a sheet of
// members, Vietnamese headers, one row each. This module reads rows that a file reader turned into
// cells and checks every cell on its own; what needs the database (does the parent exist, is it the
// importer's) is checked by lib/data/import.ts. Every text cell goes through the forms' input policy
// (lib/schemas/text.ts: no control characters, no bidirectional controls, no lone surrogates, bounded)
// before anything else is read from it. Pure: no framework, no database.

export type Cell = string | number | boolean | Date | null;
export type RawSheet = { name: string; header: string[]; rows: { row: number; cells: Cell[] }[] };

export type ImportError = { sheet: string; row: number; column: string; message: string };

export const ORG_SHEET = "Tổ chức đảng";
export const MEMBER_SHEET = "Đảng viên";

export const ORG_COLUMNS = {
  code: "Mã tổ chức",
  name: "Tên tổ chức",
  kind: "Loại tổ chức",
  sector: "Lĩnh vực",
  parent: "Mã tổ chức cấp trên",
  established: "Ngày thành lập",
} as const;

export const MEMBER_COLUMNS = {
  card: "Số thẻ đảng viên",
  name: "Họ và tên",
  gender: "Giới tính",
  birth: "Ngày sinh",
  admitted: "Ngày vào Đảng",
  official: "Ngày chính thức",
  cell: "Mã chi bộ",
  post: "Chức vụ",
  category: "Đối tượng",
  civilServant: "Công chức, viên chức",
  status: "Tình trạng",
  residence: "Chi bộ nơi cư trú",
} as const;

const REQUIRED_ORG: (keyof typeof ORG_COLUMNS)[] = ["code", "name", "kind", "sector", "parent", "established"];
const REQUIRED_MEMBER: (keyof typeof MEMBER_COLUMNS)[] = ["card", "name", "gender", "birth", "admitted", "cell", "category"];

/** The words of the register, matched without diacritics or case ("dang bo co so" = "Đảng bộ cơ sở"). */
export const KINDS = {
  "Đảng bộ cơ sở": "DANG_BO_CO_SO",
  "Chi bộ cơ sở": "CHI_BO_CO_SO",
  "Đảng bộ bộ phận": "DANG_BO_BO_PHAN",
  "Chi bộ trực thuộc": "CHI_BO_TRUC_THUOC",
} as const;
// Since 1 July 2025 the local level is the commune, ward or special zone (xã, phường, đặc khu); a register
// written before still says "Xã, thị trấn", read as the same sector.
export const SECTORS = {
  "Xã, phường, đặc khu": "COMMUNE",
  "Cơ quan": "AGENCY",
  "Trường học": "SCHOOL",
  "Y tế": "HEALTH",
  "Doanh nghiệp": "ENTERPRISE",
  "Lực lượng vũ trang": "ARMED_FORCES",
  "Khu dân cư": "RESIDENTIAL",
  Khác: "OTHER",
} as const;
/** Older words for a sector, still read. */
const SECTOR_ALIASES = { "Xã, thị trấn": "COMMUNE", "Xã, phường, thị trấn": "COMMUNE" } as const;
export const GENDERS = { Nam: "MALE", Nữ: "FEMALE" } as const;
export const CATEGORIES = {
  "Không giữ chức vụ lãnh đạo, quản lý": "NON_LEADER_IN_SYSTEM",
  "Lãnh đạo, quản lý": "LEADER_MANAGER",
  "Ngoài hệ thống chính trị": "NOT_IN_POLITICAL_SYSTEM",
} as const;
export const STATUSES = { "Đang sinh hoạt": "ACTIVE", "Miễn công tác và sinh hoạt đảng": "EXEMPT", "Đình chỉ sinh hoạt đảng": "SUSPENDED" } as const;
const YES_NO = { Có: true, Không: false } as const;

export type OrgImportRow = {
  row: number;
  code: string;
  name: string;
  kind: (typeof KINDS)[keyof typeof KINDS];
  sector: (typeof SECTORS)[keyof typeof SECTORS];
  parentCode: string;
  establishedOn: string;
};

export type MemberImportRow = {
  row: number;
  cardNumber: string;
  fullName: string;
  gender: "MALE" | "FEMALE";
  birthDate: string;
  admittedOn: string;
  officialOn: string | null;
  cellCode: string;
  post: string | null;
  category: (typeof CATEGORIES)[keyof typeof CATEGORIES];
  isCivilServant: boolean;
  status: (typeof STATUSES)[keyof typeof STATUSES];
  residenceCell: string | null;
};

export type ParsedRegister = { organizations: OrgImportRow[]; members: MemberImportRow[]; errors: ImportError[]; rows: number };

const key = (s: string) => toSearchKey(s);

const lookupKeys = new WeakMap<object, Map<string, unknown>>();

function lookup<T extends Record<string, unknown>>(table: T, value: string): T[keyof T] | undefined {
  let keys = lookupKeys.get(table);
  if (!keys) lookupKeys.set(table, (keys = new Map(Object.entries(table).map(([label, v]) => [key(label), v]))));
  return keys.get(key(value)) as T[keyof T] | undefined;
}

/** A cell as text: trimmed, numbers without a trailing ".0", dates as dd/mm/yyyy. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return `${String(cell.getUTCDate()).padStart(2, "0")}/${String(cell.getUTCMonth() + 1).padStart(2, "0")}/${cell.getUTCFullYear()}`;
  return String(cell).replace(/\s+/g, " ").trim();
}

/** dd/mm/yyyy (or d/m/yyyy, or an Excel date cell, or yyyy-mm-dd) → yyyy-mm-dd; null when it is not a real date. */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = cellText(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** The longest text a cell of each column may hold; the columns not named here are codes, words and dates. */
const ORG_MAX: Partial<Record<keyof typeof ORG_COLUMNS, number>> = { name: 200 };
const MEMBER_MAX: Partial<Record<keyof typeof MEMBER_COLUMNS, number>> = { name: 120, post: 120, residence: 200 };
const OTHER_CELL_MAX = 200;

/** The input policy's refusals (lib/schemas/text.ts), worded for a cell of a file rather than a form. */
const POLICY_MESSAGES: Record<string, string> = {
  controlCharacters: "Ô có ký tự điều khiển không hiển thị được (như NUL, ESC, BEL, DEL). Xin xóa các ký tự đó trong tệp rồi nhập lại.",
  invalidCharacters: "Ô có ký tự không hợp lệ (thường do dán từ nơi khác). Xin gõ lại ô này trong tệp rồi nhập lại.",
  bidiControls:
    "Ô có ký tự điều khiển hướng chữ (không nhìn thấy, thường do dán từ nơi khác), làm chữ hiện khác với chữ được lưu. Xin gõ lại ô này trong tệp rồi nhập lại.",
};

/**
 * Passes the text cells of a row through the input policy, the same schema as the forms' one-line fields
 * (line breaks in a cell are read as spaces first, as cellText does). Returns the fields refused, each
 * reported once; the other checks treat a refused cell as unreadable rather than empty.
 */
const lineSchemas = new Map<number, ReturnType<typeof line>>();
/** One schema per length: building a zod schema costs far more than running it, once per cell too much. */
const lineOf = (max: number) => lineSchemas.get(max) ?? lineSchemas.set(max, line(max)).get(max)!;

function policeRow<F extends string>(
  cells: Cell[],
  idx: Record<string, number>,
  maxima: Partial<Record<F, number>>,
  fail: (f: F, message: string) => void,
): Set<F> {
  const refused = new Set<F>();
  for (const [field, at] of Object.entries(idx) as [F, number][]) {
    const cell = cells[at];
    if (typeof cell !== "string") continue;
    const max = maxima[field] ?? OTHER_CELL_MAX;
    const result = lineOf(max).safeParse(cellText(cell));
    if (result.success) continue;
    const code = result.error.issues[0]?.message ?? "invalidCharacters";
    fail(
      field,
      code === "tooLong" ? `Dài quá ${max} ký tự (ô này có ${cellText(cell).length}).` : (POLICY_MESSAGES[code] ?? POLICY_MESSAGES.invalidCharacters),
    );
    refused.add(field);
  }
  return refused;
}

function columnIndex(sheet: RawSheet, columns: Record<string, string>, required: string[], errors: ImportError[]): Record<string, number> | null {
  const index: Record<string, number> = {};
  const headers = sheet.header.map((h) => key(h ?? ""));
  let ok = true;
  for (const [field, label] of Object.entries(columns)) {
    const at = headers.indexOf(key(label));
    if (at >= 0) index[field] = at;
    else if (required.includes(field)) {
      errors.push({ sheet: sheet.name, row: 1, column: label, message: `Thiếu cột "${label}" ở dòng tiêu đề.` });
      ok = false;
    }
  }
  return ok ? index : null;
}

const allowed = (table: Record<string, unknown>) =>
  Object.keys(table)
    .map((k) => `"${k}"`)
    .join(", ");

/** One row of a sheet as its reader sees it: cells by field (null when absent or refused by the input policy). */
export type RowReader<F extends string> = {
  row: number;
  get: (f: F) => Cell | null;
  fail: (f: F, message: string) => void;
  /** The row's key (a code, a card number), upper-cased: in the shape `pattern` allows and on no other row. */
  uniqueKey: (f: F, pattern: RegExp, shape: string, named: string) => string;
  /** A word of the register (a kind, a sector…); a word it does not know is refused with `refusal(text)`. */
  choice: <V>(f: F, read: (text: string) => V | undefined, refusal: (text: string) => string) => V | undefined;
};

/**
 * Reads a sheet row by row: the columns found by their headers, every text cell through the input policy,
 * the required cells present; `read` checks the rest and builds the row, kept only when it added no error.
 * Shared by every sheet the app imports (the register here, the task register in lib/import/tasks.ts).
 */
export function readSheet<F extends string, Row>(
  sheet: RawSheet,
  columns: Readonly<Record<F, string>>,
  required: F[],
  maxima: Partial<Record<F, number>>,
  errors: ImportError[],
  read: (r: RowReader<F>) => Row,
): { rows: Row[]; read: number } {
  const idx = columnIndex(sheet, columns, required, errors);
  const rows: Row[] = [];
  if (!idx) return { rows, read: 0 };
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const fail = (f: F, message: string) => errors.push({ sheet: sheet.name, row, column: columns[f], message });
    const before = errors.length;
    const refused = policeRow(cells, idx, maxima, fail);
    const get = (f: F) => (idx[f] === undefined || refused.has(f) ? null : (cells[idx[f]] ?? null));
    for (const f of required) if (!refused.has(f) && !cellText(get(f))) fail(f, "Không được để trống.");
    const uniqueKey = (f: F, pattern: RegExp, shape: string, named: string) => {
      const text = cellText(get(f)).toUpperCase();
      if (text && !pattern.test(text)) fail(f, shape);
      if (text && seen.has(text)) fail(f, `${named} trùng với dòng ${seen.get(text)}.`);
      if (text) seen.set(text, row);
      return text;
    };
    const choice = <V>(f: F, readWord: (text: string) => V | undefined, refusal: (text: string) => string) => {
      const text = cellText(get(f));
      const value = text ? readWord(text) : undefined;
      if (text && value === undefined) fail(f, refusal(text));
      return value;
    };
    const built = read({ row, get, fail, uniqueKey, choice });
    if (errors.length === before) rows.push(built);
  }
  return { rows, read: sheet.rows.length };
}

/** A date cell (dd/mm/yyyy or a spreadsheet date), null when empty; a cell that is not a date is refused. */
export function dateOf<F extends string>({ get, fail }: RowReader<F>, f: F): string | null {
  const raw = get(f);
  if (!cellText(raw)) return null;
  const iso = parseDate(raw);
  if (!iso) fail(f, `"${cellText(raw)}" không phải ngày hợp lệ (dd/mm/yyyy).`);
  return iso;
}

export function parseRegister(sheets: { organizations: RawSheet | null; members: RawSheet | null }): ParsedRegister {
  const errors: ImportError[] = [];
  const organizations = !sheets.organizations
    ? { rows: [], read: 0 }
    : readSheet(sheets.organizations, ORG_COLUMNS, REQUIRED_ORG, ORG_MAX, errors, (r): OrgImportRow => {
        const { row, get, fail } = r;
        const code = r.uniqueKey("code", /^[A-Z0-9][A-Z0-9._-]{0,39}$/, "Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự).", "Mã");
        const name = cellText(get("name"));
        const kind = r.choice(
          "kind",
          (text) => lookup(KINDS, text),
          (text) => `Không có loại "${text}"; dùng một trong ${allowed(KINDS)}.`,
        );
        const sector = r.choice(
          "sector",
          (text) => lookup(SECTORS, text) ?? lookup(SECTOR_ALIASES, text),
          (text) => `Không có lĩnh vực "${text}"; dùng một trong ${allowed(SECTORS)}.`,
        );
        const parentCode = cellText(get("parent")).toUpperCase();
        if (parentCode && parentCode === code) fail("parent", "Tổ chức không thể là cấp trên của chính nó.");
        const establishedOn = dateOf(r, "established");
        return { row, code, name, kind: kind!, sector: sector!, parentCode, establishedOn: establishedOn! };
      });
  const members = !sheets.members
    ? { rows: [], read: 0 }
    : readSheet(sheets.members, MEMBER_COLUMNS, REQUIRED_MEMBER, MEMBER_MAX, errors, (r): MemberImportRow => {
        const { row, get, fail } = r;
        const card = r.uniqueKey("card", /^[A-Z0-9][A-Z0-9./-]{0,39}$/, "Số thẻ chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự).", "Số thẻ");
        const fullName = cellText(get("name"));
        const gender = r.choice(
          "gender",
          (text) => lookup(GENDERS, text),
          (text) => `Giới tính "${text}" không hợp lệ; dùng "Nam" hoặc "Nữ".`,
        );
        const birthDate = dateOf(r, "birth");
        const admittedOn = dateOf(r, "admitted");
        const officialOn = dateOf(r, "official");
        if (birthDate && admittedOn && admittedOn <= birthDate) fail("admitted", "Ngày vào Đảng phải sau ngày sinh.");
        if (admittedOn && officialOn && officialOn < admittedOn) fail("official", "Ngày chính thức không được trước ngày vào Đảng.");
        const category = r.choice(
          "category",
          (text) => lookup(CATEGORIES, text),
          (text) => `Không có đối tượng "${text}"; dùng một trong ${allowed(CATEGORIES)}.`,
        );
        // Empty: not a civil servant, and active.
        const isCivilServant =
          r.choice(
            "civilServant",
            (text) => lookup(YES_NO, text),
            (text) => `"${text}" không hợp lệ; dùng "Có" hoặc "Không".`,
          ) ?? false;
        const status =
          r.choice(
            "status",
            (text) => lookup(STATUSES, text),
            (text) => `Không có tình trạng "${text}"; dùng một trong ${allowed(STATUSES)}.`,
          ) ?? "ACTIVE";
        return {
          row,
          cardNumber: card,
          fullName,
          gender: gender!,
          birthDate: birthDate!,
          admittedOn: admittedOn!,
          officialOn,
          cellCode: cellText(get("cell")).toUpperCase(),
          post: cellText(get("post")) || null,
          category: category!,
          isCivilServant,
          status,
          residenceCell: cellText(get("residence")) || null,
        };
      });
  return { organizations: organizations.rows, members: members.rows, errors, rows: organizations.read + members.read };
}

/** Which kinds may sit under which (rating-rules: the tree of a upper committee). */
export const CHILD_KINDS: Record<string, readonly string[]> = {
  UPPER_COMMITTEE: ["DANG_BO_CO_SO", "CHI_BO_CO_SO", "UPPER_COMMITTEE"],
  DANG_BO_CO_SO: ["DANG_BO_BO_PHAN", "CHI_BO_TRUC_THUOC"],
  DANG_BO_BO_PHAN: ["CHI_BO_TRUC_THUOC"],
  CHI_BO_CO_SO: [],
  CHI_BO_TRUC_THUOC: [],
};

/** Units whose members are listed on them: the cells. */
export const CELL_KINDS: readonly string[] = ["CHI_BO_CO_SO", "CHI_BO_TRUC_THUOC"];
