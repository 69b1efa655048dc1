import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { placeAndDate, upper, type DocBlock, type DocTable, type OfficialDocument } from "./model";

// The PDF of an official document, A4, in Tinos (metrically compatible with Times New Roman, the font of
// the Party's documents), embedded from the @expo-google-fonts/tinos package: no system font is assumed,
// and every Vietnamese letter is in the font, so the PDF reads the same on any machine.

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "tinos");
const FONTS = {
  regular: "400Regular/Tinos_400Regular.ttf",
  bold: "700Bold/Tinos_700Bold.ttf",
  italic: "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/Tinos_700Bold_Italic.ttf",
} as const;
type FontKey = keyof typeof FONTS;

let fontData: Record<FontKey, Buffer> | null = null;
function fonts(): Record<FontKey, Buffer> {
  fontData ??= Object.fromEntries(Object.entries(FONTS).map(([k, file]) => [k, readFileSync(path.join(FONT_DIR, file))])) as Record<FontKey, Buffer>;
  return fontData;
}

const CM = 72 / 2.54;
// Margins of the Party's documents: top and bottom 2 cm, left 3 cm, right 1.5 cm.
const MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM };
const BODY = 13;

export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const f = fonts();
  const pdf = new PDFDocument({
    size: "A4",
    layout: doc.landscape ? "landscape" : "portrait",
    margins: MARGIN,
    font: f.regular as unknown as string,
    info: { Title: doc.title, Author: doc.issuer },
    bufferPages: true,
  });
  for (const [key, data] of Object.entries(f)) pdf.registerFont(key, data);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  const left = MARGIN.left;
  const colW = width / 2;

  // Header: the issuing body on the left, the Party's name on the right, side by side.
  const top = pdf.y;
  pdf.font("regular").fontSize(12);
  let yLeft = top;
  if (doc.upperBody) {
    pdf.text(upper(doc.upperBody), left, yLeft, { width: colW - 10, align: "center" });
    yLeft = pdf.y;
  }
  pdf.font("bold").text(upper(doc.issuer), left, yLeft, { width: colW - 10, align: "center" });
  pdf.font("regular").text("*", left, pdf.y, { width: colW - 10, align: "center" });
  if (doc.number) pdf.fontSize(13).text(doc.number, left, pdf.y, { width: colW - 10, align: "center" });
  const leftBottom = pdf.y;

  pdf
    .font("bold")
    .fontSize(14)
    .text("ĐẢNG CỘNG SẢN VIỆT NAM", left + colW, top, { width: colW, align: "center", underline: true });
  pdf.moveDown(0.4);
  pdf
    .font("italic")
    .fontSize(13)
    .text(placeAndDate(doc), left + colW, pdf.y, { width: colW, align: "center" });
  if (doc.form)
    pdf
      .font("italic")
      .fontSize(11)
      .text(doc.form, left + colW, pdf.y + 4, { width: colW, align: "right" });
  pdf.y = Math.max(pdf.y, leftBottom) + 18;

  pdf.font("bold").fontSize(15).text(upper(doc.title), left, pdf.y, { width, align: "center" });
  if (doc.subtitle)
    pdf
      .font("bold")
      .fontSize(BODY)
      .text(doc.subtitle, left, pdf.y + 2, { width, align: "center" });
  pdf.font("regular").text("-----", left, pdf.y + 2, { width, align: "center" });
  pdf.moveDown(0.6);

  for (const block of doc.blocks) renderBlock(pdf, block, left, width);

  // Signatures: each in its own column, the last one on the right half.
  pdf.moveDown(1);
  if (pdf.y > pdf.page.height - MARGIN.bottom - 150) pdf.addPage();
  const sigTop = pdf.y;
  const n = doc.signatures.length;
  let lowest = sigTop;
  doc.signatures.forEach((sig, i) => {
    const x = n === 1 ? left + colW : left + (i * width) / n;
    const w = n === 1 ? colW : width / n;
    pdf.font("bold").fontSize(BODY).text(upper(sig.capacity), x, sigTop, { width: w, align: "center" });
    if (sig.title) pdf.text(upper(sig.title), x, pdf.y, { width: w, align: "center" });
    pdf.y += 60;
    pdf.text(sig.name ?? "", x, pdf.y, { width: w, align: "center" });
    lowest = Math.max(lowest, pdf.y);
  });
  if (doc.recipients?.length) {
    // Beside a single signature on the left; under two signatures, which take the whole width.
    const recipientsTop = n === 1 ? sigTop : lowest + 16;
    pdf
      .font("boldItalic")
      .fontSize(12)
      .text("Nơi nhận:", left, recipientsTop, { width: colW - 10, underline: true });
    pdf.font("regular").fontSize(11);
    for (const r of doc.recipients) pdf.text(`- ${r},`, left, pdf.y, { width: colW - 10 });
    lowest = Math.max(lowest, pdf.y);
  }
  pdf.y = lowest + 12;
  if (doc.footnote) pdf.font("italic").fontSize(11).text(doc.footnote, left, pdf.y, { width });

  // Page numbers from the second page on, centered at the top, as the Party's documents have them.
  const range = pdf.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf
      .font("regular")
      .fontSize(12)
      .text(String(i + 1), left, MARGIN.top / 2, { width, align: "center", lineBreak: false });
  }
  pdf.end();
  return done;
}

function renderBlock(pdf: PDFKit.PDFDocument, block: DocBlock, left: number, width: number) {
  if (block.kind === "heading") {
    pdf.moveDown(0.3);
    pdf
      .font("bold")
      .fontSize(BODY)
      .text(block.text, left, pdf.y, { width, align: block.center ? "center" : "left" });
    pdf.moveDown(0.2);
  } else if (block.kind === "paragraph") {
    const font = block.bold ? (block.italic ? "boldItalic" : "bold") : block.italic ? "italic" : "regular";
    pdf
      .font(font)
      .fontSize(BODY)
      .text(block.text || "…", left, pdf.y, { width, align: "justify", indent: block.indent === false ? 0 : 1 * CM, paragraphGap: 4, lineGap: 1.5 });
  } else renderTable(pdf, block, left, width);
}

function renderTable(pdf: PDFKit.PDFDocument, table: DocTable, left: number, width: number) {
  const total = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const pad = 4;
  const size = 11;
  const drawRow = (cells: string[], bold: boolean, header: boolean) => {
    pdf.font(bold || header ? "bold" : "regular").fontSize(size);
    const heights = cells.map((cell, i) => pdf.heightOfString(cell || " ", { width: widths[i] - 2 * pad }) + 2 * pad);
    const h = Math.max(...heights);
    if (pdf.y + h > pdf.page.height - MARGIN.bottom) {
      pdf.addPage();
      if (!header)
        drawRow(
          table.columns.map((c) => c.header),
          false,
          true,
        );
      // The repeated header leaves its bold font set: the row goes on in its own.
      pdf.font(bold || header ? "bold" : "regular").fontSize(size);
    }
    const y = pdf.y;
    let x = left;
    cells.forEach((cell, i) => {
      if (header) pdf.rect(x, y, widths[i], h).fillAndStroke("#f1f5f9", "#000000").fillColor("#000000");
      else pdf.rect(x, y, widths[i], h).stroke();
      pdf.text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align: header ? "center" : (table.columns[i].align ?? "left") });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  pdf.lineWidth(0.5);
  drawRow(
    table.columns.map((c) => c.header),
    false,
    true,
  );
  table.rows.forEach((row, i) => drawRow(row, table.boldRows?.includes(i) ?? false, false));
  pdf.moveDown(0.6);
}
