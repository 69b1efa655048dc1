import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Header,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { placeAndDate, upper, type DocBlock, type DocTable, type OfficialDocument } from "./model";

// The .docx of an official document, in the layout of the PDF: Times New Roman (what Word offers for
// the Party's documents; the PDF embeds Tinos, its metric twin), A4, margins 2/1.5/2/3 cm, 13–14 pt.

const FONT = "Times New Roman";
const TWIP_PER_CM = 567;
const half = (pt: number) => pt * 2;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, o: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, italics: o.italic, underline: o.underline ? {} : undefined, size: half(o.size ?? 13) });
const line = (
  children: ParagraphChild[] | string,
  o: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    bold?: boolean;
    italic?: boolean;
    size?: number;
    indent?: boolean;
    after?: number;
    underline?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { after: o.after ?? 0, line: 300 },
    indent: o.indent ? { firstLine: TWIP_PER_CM } : undefined,
    children: typeof children === "string" ? [run(children, o)] : children,
  });

/** A row of borderless boxes across the page: the heading's two sides, the signatures. */
const layoutRow = (cells: TableCell[]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: cells })] });
const layoutCell = (widthPercent: number, children: Paragraph[]) =>
  new TableCell({ width: { size: widthPercent, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
/** "Nơi nhận:" and the recipients, beside a single signature or under several. */
const recipientLines = (recipients: string[]) => [
  line([run("Nơi nhận:", { bold: true, italic: true, underline: true, size: 12 })], { align: AlignmentType.LEFT }),
  ...recipients.map((r) => line(`- ${r},`, { size: 11, align: AlignmentType.LEFT })),
];

export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const header = layoutRow([
    layoutCell(45, [
      ...(doc.upperBody ? [line(upper(doc.upperBody), { size: 12 })] : []),
      line(upper(doc.issuer), { bold: true, size: 12 }),
      line("*", { size: 12 }),
      ...(doc.number ? [line(doc.number, { size: 13 })] : []),
    ]),
    layoutCell(55, [
      line("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 14, after: 120 }),
      line(placeAndDate(doc), { italic: true, size: 13 }),
      ...(doc.form ? [line(doc.form, { italic: true, size: 11, align: AlignmentType.RIGHT })] : []),
    ]),
  ]);

  const signatures = layoutRow([
    ...(doc.signatures.length === 1 ? [layoutCell(50, doc.recipients?.length ? recipientLines(doc.recipients) : [line("")])] : []),
    ...doc.signatures.map((sig) =>
      layoutCell(doc.signatures.length === 1 ? 50 : 100 / doc.signatures.length, [
        line(upper(sig.capacity), { bold: true }),
        ...(sig.title ? [line(upper(sig.title), { bold: true })] : []),
        line(""),
        line(""),
        line(""),
        line(sig.name ?? "", { bold: true }),
      ]),
    ),
  ]);

  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: half(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: 2 * TWIP_PER_CM, bottom: 2 * TWIP_PER_CM, left: 3 * TWIP_PER_CM, right: 1.5 * TWIP_PER_CM },
          },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(12) })] }),
            ],
          }),
        },
        children: [
          header,
          line("", { after: 200 }),
          line(upper(doc.title), { bold: true, size: 15 }),
          ...(doc.subtitle ? [line(doc.subtitle, { bold: true })] : []),
          line("-----", { after: 200 }),
          ...doc.blocks.flatMap(block),
          line("", { after: 200 }),
          signatures,
          ...(doc.signatures.length > 1 && doc.recipients?.length ? [line(""), ...recipientLines(doc.recipients)] : []),
          ...(doc.footnote ? [line(""), line(doc.footnote, { italic: true, size: 11, align: AlignmentType.LEFT })] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function block(b: DocBlock): (Paragraph | Table)[] {
  if (b.kind === "heading") return [line(b.text, { bold: true, align: b.center ? AlignmentType.CENTER : AlignmentType.LEFT, after: 60 })];
  if (b.kind === "paragraph") {
    return (b.text || "…")
      .split("\n")
      .map((text) => line(text, { bold: b.bold, italic: b.italic, align: AlignmentType.JUSTIFIED, indent: b.indent !== false, after: 80 }));
  }
  return [table(b), line("", { after: 120 })];
}

function table(t: DocTable): Table {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const align = (a?: "left" | "right" | "center") => (a === "right" ? AlignmentType.RIGHT : a === "center" ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (text: string, i: number, o: { header?: boolean; bold?: boolean }) =>
    new TableCell({
      width: { size: (t.columns[i].width / total) * 100, type: WidthType.PERCENTAGE },
      shading: o.header ? { type: ShadingType.CLEAR, fill: "F1F5F9", color: "auto" } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      // A cell's lines (a product, its link, its files) each a paragraph of their own.
      children: text
        .split("\n")
        .map((part) => line(part, { size: 11, bold: o.header || o.bold, align: o.header ? AlignmentType.CENTER : align(t.columns[i].align) })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.header, i, { header: true })) }),
      ...t.rows.map((row, r) => new TableRow({ children: row.map((text, i) => cell(text, i, { bold: t.boldRows?.includes(r) })) })),
    ],
  });
}
