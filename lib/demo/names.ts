import { toSearchKey } from "@/lib/text/search";
import type { Random } from "./random";

// Vietnamese personal names: họ + tên đệm + tên, with the surname frequencies of the population
// (Nguyễn about four in ten) so lists look like a real register.

type Weighted = ReadonlyArray<readonly [string, number]>;

const SURNAMES: Weighted = [
  ["Nguyễn", 380],
  ["Trần", 110],
  ["Lê", 95],
  ["Phạm", 70],
  ["Hoàng", 40],
  ["Huỳnh", 15],
  ["Phan", 45],
  ["Vũ", 35],
  ["Võ", 25],
  ["Đặng", 20],
  ["Bùi", 20],
  ["Đỗ", 14],
  ["Hồ", 13],
  ["Ngô", 13],
  ["Dương", 10],
  ["Lý", 5],
  ["Đinh", 8],
  ["Trịnh", 6],
  ["Đào", 6],
  ["Mai", 5],
  ["Cao", 5],
  ["Lương", 4],
  ["Lâm", 4],
  ["Hà", 4],
  ["Tạ", 3],
  ["Chu", 2],
  ["Tô", 2],
  ["Kiều", 1],
];

const MALE_MIDDLE: Weighted = [
  ["Văn", 35],
  ["Hữu", 8],
  ["Đức", 8],
  ["Minh", 8],
  ["Quang", 6],
  ["Công", 5],
  ["Xuân", 5],
  ["Thanh", 5],
  ["Ngọc", 4],
  ["Đình", 5],
  ["Trọng", 3],
  ["Tiến", 2],
  ["Quốc", 4],
  ["Mạnh", 2],
  ["Anh", 3],
  ["Bá", 2],
  ["Duy", 3],
  ["Hoàng", 2],
  ["Trung", 2],
  ["Thế", 2],
  ["Viết", 1],
];

const FEMALE_MIDDLE: Weighted = [
  ["Thị", 45],
  ["Ngọc", 6],
  ["Thanh", 6],
  ["Thu", 6],
  ["Minh", 3],
  ["Hồng", 5],
  ["Kim", 4],
  ["Phương", 3],
  ["Thùy", 3],
  ["Bích", 2],
  ["Mỹ", 2],
  ["Diệu", 1],
  ["Hải", 2],
  ["Thúy", 2],
  ["Hoài", 2],
];

/** The second tên đệm of four-word women's names ("Lê Thị Thu Hà"). */
const FEMALE_SECOND_MIDDLE = ["Thu", "Thanh", "Ngọc", "Hồng", "Kim", "Minh", "Bích", "Mai", "Thúy", "Phương"];

const MALE_GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hải",
  "Hùng",
  "Long",
  "Nam",
  "Phong",
  "Quang",
  "Sơn",
  "Thắng",
  "Tuấn",
  "Việt",
  "Hiếu",
  "Hoàng",
  "Khánh",
  "Lâm",
  "Lợi",
  "Mạnh",
  "Nghĩa",
  "Phúc",
  "Tài",
  "Thành",
  "Toàn",
  "Trung",
  "Vinh",
  "Đạt",
  "Đông",
  "Huy",
  "Kiên",
  "Tùng",
  "Hưng",
  "Chiến",
  "Thịnh",
  "Hòa",
  "Quân",
  "Tiến",
  "Trường",
  "Tâm",
  "Thái",
  "Hậu",
  "Khoa",
  "Lực",
  "Thuận",
  "Trí",
  "Vũ",
  "Định",
  "Bảo",
  "Đức",
  "Dương",
  "Giang",
  "Hiệp",
  "Luân",
  "Nhân",
  "Phát",
  "Quyết",
  "Sang",
  "Tín",
  "Tú",
  "Vượng",
  "Khải",
  "Lộc",
  "Hoan",
  "Cảnh",
  "Điệp",
];

const FEMALE_GIVEN = [
  "Hà",
  "Hạnh",
  "Hằng",
  "Hương",
  "Lan",
  "Linh",
  "Mai",
  "Nga",
  "Phương",
  "Thảo",
  "Trang",
  "Yến",
  "Anh",
  "Dung",
  "Giang",
  "Hoa",
  "Huyền",
  "Liên",
  "Loan",
  "Ngọc",
  "Nhung",
  "Oanh",
  "Quyên",
  "Tâm",
  "Thủy",
  "Thúy",
  "Trâm",
  "Vân",
  "Xuân",
  "Hiền",
  "Hồng",
  "Huệ",
  "Lệ",
  "Lý",
  "My",
  "Nhàn",
  "Nhi",
  "Quỳnh",
  "Sen",
  "Thơ",
  "Thu",
  "Tuyết",
  "Uyên",
  "Vy",
  "Chi",
  "Diệp",
  "Duyên",
  "Hòa",
  "Hậu",
  "Bích",
];

/**
 * Names of public figures (and the people named in the seed articles) that random draws could produce:
 * the demo must not put a real, known person into a fictional district.
 */
const KNOWN_PEOPLE = new Set(
  [
    "Lê Thị Hồng Nga",
    "Lê Kim Tuyền",
    "Trần Hoàn",
    "Hoàng Đăng Quang",
    "Trần Cẩm Tú",
    "Nguyễn Phú Trọng",
    "Võ Văn Thưởng",
    "Tô Lâm",
    "Phạm Minh Chính",
    "Vương Đình Huệ",
    "Trần Thanh Mẫn",
    "Nguyễn Xuân Phúc",
    "Nguyễn Tấn Dũng",
    "Trương Tấn Sang",
    "Nguyễn Minh Triết",
    "Nguyễn Văn Linh",
    "Phạm Văn Đồng",
    "Võ Nguyên Giáp",
    "Võ Văn Kiệt",
    "Lê Duẩn",
    "Lương Cường",
    "Nguyễn Thị Kim Ngân",
    "Nguyễn Sinh Hùng",
    "Trần Đại Quang",
    "Nguyễn Văn Thắng",
    "Trần Đức Lương",
    "Nông Đức Mạnh",
    "Đỗ Mười",
    "Lê Khả Phiêu",
    "Nguyễn Thị Bình",
    "Phan Văn Khải",
    "Nguyễn Hòa Bình",
    "Trần Hồng Hà",
    "Lê Minh Khái",
    "Phạm Bình Minh",
    "Vũ Đức Đam",
    "Trương Thị Mai",
    "Trần Quốc Vượng",
    "Phan Đình Trạc",
    "Lê Minh Hưng",
    "Nguyễn Văn Nên",
    "Bùi Thị Minh Hoài",
    "Đỗ Văn Chiến",
    "Phan Văn Giang",
    "Bùi Thanh Sơn",
    "Nguyễn Kim Sơn",
    "Đào Ngọc Dung",
    "Nguyễn Chí Dũng",
    "Hồ Đức Phớc",
    "Lê Thành Long",
    "Nguyễn Mạnh Hùng",
    "Nguyễn Văn Thể",
    "Đặng Quốc Khánh",
    "Nguyễn Duy Ngọc",
    "Trần Lưu Quang",
    "Lê Hoài Trung",
    "Phạm Gia Túc",
    "Nguyễn Văn An",
    "Nguyễn Thị Định",
    "Võ Thị Sáu",
    "Nguyễn Văn Trỗi",
    "Lê Văn Tám",
    "Nguyễn Thị Minh Khai",
    "Trần Phú",
    "Hà Huy Tập",
    "Lê Hồng Phong",
    "Nguyễn Văn Cừ",
    "Trường Chinh",
    "Lê Đức Thọ",
    "Nguyễn Đức Cảnh",
    "Trần Văn Giàu",
  ].map(toSearchKey),
);

export type PersonGender = "MALE" | "FEMALE";

export function vietnameseName(rng: Random, gender: PersonGender): string {
  for (;;) {
    const name = drawName(rng, gender);
    if (!KNOWN_PEOPLE.has(toSearchKey(name))) return name;
  }
}

function drawName(rng: Random, gender: PersonGender): string {
  const surname = rng.weighted(SURNAMES);
  if (gender === "MALE") {
    const middle = rng.weighted(MALE_MIDDLE);
    const given = pickGiven(rng, MALE_GIVEN, middle);
    return `${surname} ${middle} ${given}`;
  }
  const middle = rng.weighted(FEMALE_MIDDLE);
  const second = middle === "Thị" && rng.chance(0.2) ? ` ${rng.pick(FEMALE_SECOND_MIDDLE)}` : "";
  const given = pickGiven(rng, FEMALE_GIVEN, second.trim() || middle);
  return `${surname} ${middle}${second} ${given}`;
}

/** A given name that does not repeat the word just before it ("Ngọc Ngọc"). */
function pickGiven(rng: Random, names: readonly string[], previous: string): string {
  for (;;) {
    const given = rng.pick(names);
    if (given !== previous) return given;
  }
}

/** The given name (tên), by which colleagues address a member in minutes ("đồng chí Hùng"). */
export function givenNameOf(fullName: string): string {
  const words = fullName.split(" ");
  return words[words.length - 1];
}
