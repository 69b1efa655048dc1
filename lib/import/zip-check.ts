import { createInflateRaw } from "node:zlib";
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from "./limits";

// Checks an .xlsx (a zip archive) before a reader inflates it: a zip bomb of a few hundred kilobytes can
// inflate to gigabytes. The central directory declares each part's size; the parts are then inflated
// once here, counting the bytes and throwing them away, and the count stops as soon as a part passes
// its declared size or all parts pass the cap. A streaming reader reads the parts in the order of their
// local headers, so the parts must follow each other with no gap: bytes the directory does not list
// would be inflated by the reader without being counted here.

export class ZipRefusedError extends Error {}

type Entry = { name: string; method: number; flags: number; compressedSize: number; size: number; offset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function centralDirectory(bytes: Buffer): { entries: Entry[]; start: number } {
  const broken = () => new ZipRefusedError("tệp .xlsx bị hỏng (không phải một tệp nén zip hợp lệ).");
  // The end record is in the last 22 bytes plus at most a 64 KB comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken();
  if (end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR)
    throw new ZipRefusedError("tệp nén dạng ZIP64 không được nhận (một sổ đảng viên không cần đến).");
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const start = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff) throw new ZipRefusedError("tệp nén dạng ZIP64 không được nhận (một sổ đảng viên không cần đến).");
  if (count > MAX_ZIP_ENTRIES) throw new ZipRefusedError(`tệp có ${count} phần, quá ${MAX_ZIP_ENTRIES} phần.`);
  if (start + size > end) throw broken();
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw broken();
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, start };
}

/** The bytes a deflated part inflates to, counted up to `limit` + 1 at most (then it stops). */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on("end", () => resolve(size));
    inflater.on("error", () => reject(new ZipRefusedError("tệp .xlsx bị hỏng (một phần không giải nén được).")));
    inflater.end(data);
  });
}

/** Throws ZipRefusedError (with a Vietnamese reason) unless every part is listed, plain and within the caps. */
export async function checkZip(bytes: Buffer): Promise<{ entries: number; inflatedBytes: number }> {
  const broken = () => new ZipRefusedError("tệp .xlsx bị hỏng (các phần của tệp nén không khớp với danh mục của nó).");
  const { entries, start } = centralDirectory(bytes);
  let declared = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipRefusedError("tệp .xlsx có mật khẩu; xin lưu lại không đặt mật khẩu.");
    if (e.method !== 0 && e.method !== 8) throw new ZipRefusedError("tệp .xlsx nén theo cách không được hỗ trợ; xin mở và lưu lại bằng Excel.");
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff)
      throw new ZipRefusedError("tệp nén dạng ZIP64 không được nhận (một sổ đảng viên không cần đến).");
    declared += e.size;
  }
  if (declared > MAX_INFLATED_BYTES)
    throw new ZipRefusedError(`khi giải nén, tệp sẽ lớn ${megabytes(declared)}, quá giới hạn ${megabytes(MAX_INFLATED_BYTES)}.`);

  let inflated = 0;
  let next = 0;
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (e.offset !== next || e.offset + 30 > start || bytes.readUInt32LE(e.offset) !== LOCAL) throw broken();
    const dataStart = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > start) throw broken();
    next = dataEnd;
    if (e.flags & 8) next += dataEnd + 4 <= start && bytes.readUInt32LE(dataEnd) === DESCRIPTOR ? 16 : 12;
    else if (bytes.readUInt32LE(e.offset + 22) !== e.size || bytes.readUInt32LE(e.offset + 18) !== e.compressedSize) throw broken();

    const data = bytes.subarray(dataStart, dataEnd);
    const budget = MAX_INFLATED_BYTES - inflated;
    const size = e.method === 0 ? data.length : await inflatedSize(data, Math.min(e.size, budget));
    if (size > budget) throw new ZipRefusedError(`khi giải nén, tệp lớn quá giới hạn ${megabytes(MAX_INFLATED_BYTES)}.`);
    if (size !== e.size) throw new ZipRefusedError(`tệp .xlsx bị hỏng (phần "${e.name}" giải nén ra khác kích thước khai báo).`);
    inflated += size;
  }
  if (next !== start) throw broken();
  return { entries: entries.length, inflatedBytes: inflated };
}
