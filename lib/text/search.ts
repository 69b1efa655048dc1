// Vietnamese search that ignores diacritics: "nguyen van a" finds "Nguyễn Văn A".
// Names are stored with a copy made by toSearchKey, and queries go through the same function.

/** Lower-case, without tone marks or vowel hats, "đ" as "d", runs of spaces folded. */
export function toSearchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
