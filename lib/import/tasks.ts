import { TaskFieldsSchema, type TaskFieldsInput } from "@/lib/schemas/tasks";
import { toSearchKey } from "@/lib/text/search";
import { cellText, dateOf, readSheet, type Cell, type ImportError, type RawSheet } from "./register";

// The task register as a spreadsheet (docs/import.md, "The task register's file"): one sheet of tasks, a
// row each, whose first column names the subject (a member's card number or an organization's code).
// Every cell goes through the same reader as the party-member register (readSheet: headers, the input
// policy, required cells), then every row through the declare form's own schema (TaskFieldsSchema), so
// a task imported is a task the form would have accepted. Whose the subject is, and whether the importer
// keeps its register, needs the database: lib/data/task-import.ts. Pure: no framework, no database.

export const TASK_SHEET = "Nhiệm vụ";

export const TASK_COLUMNS = {
  subject: "Số thẻ đảng viên hoặc mã tổ chức",
  title: "Tên nhiệm vụ",
  source: "Nguồn giao",
  assigned: "Ngày giao",
  due: "Hạn hoàn thành",
  product: "Sản phẩm dự kiến",
  quality: "Tiêu chí đánh giá chất lượng",
} as const;
type Field = keyof typeof TASK_COLUMNS;

const REQUIRED: Field[] = ["subject", "title", "source", "assigned", "due", "product", "quality"];
const MAXIMA: Partial<Record<Field, number>> = { subject: 40, title: 300, source: 300, product: 1_000, quality: 1_000 };

export type TaskImportRow = {
  row: number;
  /** The card number or the organization code, upper-cased. */
  subject: string;
  task: { title: string; source: string; assignedOn: string; dueOn: string; expectedProduct: string; qualityMeasure: string };
};

export type ParsedTasks = { tasks: TaskImportRow[]; errors: ImportError[]; rows: number };

/** Which column each field of the form's schema is read from. */
const COLUMN_OF: Record<keyof TaskFieldsInput, Field> = {
  title: "title",
  source: "source",
  assignedOn: "assigned",
  dueOn: "due",
  expectedProduct: "product",
  qualityMeasure: "quality",
};

/** The schema's message keys (errors.*), worded for a cell of a file. */
function schemaMessage(code: string, field: Field): string {
  switch (code) {
    case "required":
      return "Không được để trống.";
    case "tooLong":
      return `Dài quá ${MAXIMA[field]} ký tự.`;
    case "invalidDate":
      return "Ngày không hợp lệ (dd/mm/yyyy).";
    case "dateOutOfRange":
      return "Năm của ngày phải từ 2000 đến 2100.";
    case "dueBeforeAssigned":
      return "Hạn hoàn thành không được trước ngày giao.";
    default:
      return "Ô có ký tự không hợp lệ (thường do dán từ nơi khác). Xin gõ lại ô này trong tệp rồi nhập lại.";
  }
}

/** A paragraph cell keeps its line breaks (the form's field does too); any other cell is read as one line. */
const paragraph = (cell: Cell) =>
  typeof cell === "string"
    ? cell
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((l) => l.replace(/[^\S\n]+/g, " ").trim())
        .join("\n")
        .trim()
    : cellText(cell);

/** The sheet of tasks: by its name, else the first whose header has the subject's column. */
export function findTaskSheet(sheets: RawSheet[]): RawSheet | null {
  const subjectKey = toSearchKey(TASK_COLUMNS.subject);
  return (
    sheets.find((s) => toSearchKey(s.name) === toSearchKey(TASK_SHEET)) ?? sheets.find((s) => s.header.some((h) => toSearchKey(h ?? "") === subjectKey)) ?? null
  );
}

export function parseTasks(sheet: RawSheet): ParsedTasks {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  const { rows, read } = readSheet(sheet, TASK_COLUMNS, REQUIRED, MAXIMA, errors, (r): TaskImportRow => {
    const { row, get, fail } = r;
    const subject = cellText(get("subject")).toUpperCase();
    if (subject && !/^[A-Z0-9][A-Z0-9./-]{0,39}$/.test(subject))
      fail("subject", "Số thẻ hay mã tổ chức chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự).");
    const before = errors.length;
    const assignedOn = dateOf(r, "assigned");
    const dueOn = dateOf(r, "due");
    const input = {
      title: cellText(get("title")),
      source: cellText(get("source")),
      assignedOn: assignedOn ?? "",
      dueOn: dueOn ?? "",
      expectedProduct: paragraph(get("product")),
      qualityMeasure: paragraph(get("quality")),
    };
    // The form's schema, on a row whose cells were all read: its refusals land in their columns.
    if (errors.length === before && Object.values(input).every(Boolean)) {
      const parsed = TaskFieldsSchema.safeParse(input);
      if (!parsed.success) {
        const said = new Set<Field>();
        for (const issue of parsed.error.issues) {
          const field = COLUMN_OF[issue.path[0] as keyof TaskFieldsInput] ?? "title";
          if (said.has(field)) continue;
          said.add(field);
          fail(field, schemaMessage(issue.message, field));
        }
      } else {
        const key = [subject, toSearchKey(parsed.data.title), parsed.data.assignedOn, parsed.data.dueOn].join("|");
        if (seen.has(key)) fail("title", `Trùng với nhiệm vụ ở dòng ${seen.get(key)} (cùng người hay tổ chức, tên, ngày giao và hạn).`);
        else seen.set(key, row);
        return { row, subject, task: parsed.data };
      }
    }
    return { row, subject, task: input };
  });
  return { tasks: rows, errors, rows: read };
}
