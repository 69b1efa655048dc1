// An official Party document as data (Hướng dẫn về thể thức văn bản của Đảng): the header with the
// issuing body on the left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, the number, place and date, the
// title, the body, and the signature blocks. One model, two renderers (docx, PDF). Pure.

export type DocTable = {
  kind: "table";
  columns: { header: string; width: number; align?: "left" | "right" | "center" }[];
  rows: string[][];
  /** Rows shown in bold (subtotals, totals). */
  boldRows?: number[];
};

export type DocBlock =
  { kind: "heading"; text: string; center?: boolean } | { kind: "paragraph"; text: string; italic?: boolean; bold?: boolean; indent?: boolean } | DocTable;

export type Signature = {
  /** "T/M ĐẢNG ỦY", "THƯ KÝ", "NGƯỜI TỰ KIỂM ĐIỂM". */
  capacity: string;
  /** "BÍ THƯ"; empty when the capacity says it all. */
  title?: string;
  /** Left blank for the hand that signs when the name is not known. */
  name?: string;
};

export type OfficialDocument = {
  /** The body above the issuer ("ĐẢNG BỘ HUYỆN AN HÒA"); absent for the top body. */
  upperBody?: string;
  /** The issuing body ("ĐẢNG ỦY XÃ AN BÌNH", "CHI BỘ THÔN ĐÔNG"). */
  issuer: string;
  /** "Số: …-BB/CB"; absent on a member's own self-review. */
  number?: string;
  place: string;
  /** yyyy-mm-dd, or null for "ngày … tháng … năm …" left to fill by hand. */
  date: string | null;
  year: number;
  /** The form's code, printed above the title on the right ("Mẫu 2B"). */
  form?: string;
  title: string;
  subtitle?: string;
  blocks: DocBlock[];
  /** Left to right. */
  signatures: Signature[];
  recipients?: string[];
  /** A line under the signatures ("Bản giấy do … nhập thay"). */
  footnote?: string;
  /** A4 turned sideways, for a wide table (the appendix of the year's tasks). */
  landscape?: boolean;
};

/** "…, ngày 20 tháng 12 năm 2026", the date line of the header. */
export function placeAndDate(doc: Pick<OfficialDocument, "place" | "date" | "year">): string {
  if (!doc.date) return `${doc.place || "…"}, ngày … tháng … năm ${doc.year}`;
  const [y, m, d] = doc.date.split("-").map(Number);
  // The Party's document style: a day below 10 and a month below 3 take a leading zero ("ngày 05 tháng 02").
  return `${doc.place}, ngày ${String(d).padStart(2, "0")} tháng ${m < 3 ? String(m).padStart(2, "0") : m} năm ${y}`;
}

/** The committee that speaks for an organization: a đảng bộ has a đảng ủy; a chi bộ speaks for itself. */
export function committeeOf(orgName: string): string {
  return orgName.replace(/^Đảng bộ/u, "Đảng ủy");
}

/** The party body an upper committee leads: "Huyện ủy An Hòa" → "Đảng bộ huyện An Hòa". */
export function bodyOf(committeeName: string): string {
  const match = /^(Huyện|Tỉnh|Thành|Quận|Thị) ủy (.+)$/u.exec(committeeName);
  return match ? `Đảng bộ ${match[1].toLowerCase()} ${match[2]}` : committeeName;
}

/** The place written in the date line: the name of the locality of the upper committee. */
export function placeOf(committeeName: string): string {
  return committeeName.replace(/^(Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|Thị ủy|Đảng ủy xã|Đảng ủy phường|Đảng bộ xã|Đảng bộ)\s+/u, "");
}

export const upper = (text: string) => text.toLocaleUpperCase("vi");
