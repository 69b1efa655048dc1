import { DEMO_CELL_NAMES, DEMO_COMMUNE_NAME, DEMO_DISTRICT_NAME, type DemoPersonKey } from "./accounts";
import { day } from "./dates";
import type { Random } from "./random";
import type { OrgKind, OrgSector } from "./types";

// The shape of a district's Party organization, after the seed articles: a district committee over 54
// grassroots organizations — communes and towns with their residential cells, agencies, schools, health,
// enterprises and the armed forces. All place names are made up from common syllables; none is meant to
// be a real district.

/** Who the members of a cell are, which decides ages, posts, civil-service status and wording. */
export type CellProfile =
  | "residential"
  | "communeOffice"
  | "communeMilitary"
  | "communePolice"
  | "communeSchool"
  | "agency"
  | "school"
  | "health"
  | "enterprise"
  | "military"
  | "police";

export type GrassrootsCategory = "commune" | "agency" | "school" | "health" | "enterprise" | "armed";

/** A node to create, before ids, codes and members are known. */
export interface OrgPlan {
  kind: OrgKind;
  name: string;
  sector: OrgSector;
  category?: GrassrootsCategory;
  /** For cells (a chi bộ cơ sở is its own cell): who sits there and how many, before scaling. */
  profile?: CellProfile;
  size?: readonly [number, number];
  /** The unit's head and deputy (the secretary is often the head: "Bí thư chi bộ, Hiệu trưởng"). */
  headTitle?: string;
  deputyTitle?: string;
  /** Posts of the grassroots committee's leaders, held by members of this cell. */
  leaderPosts?: readonly string[];
  /** Demo-account people who are members of this cell. */
  demoPeople?: readonly DemoPersonKey[];
  /** A fixed founding date (recent units); others get an old one. */
  establishedOn?: Date;
  /** A recent unit's members came from: the sibling cell before it, or a residential cell of the district. */
  formedFrom?: "previousSibling" | "residential";
  children: OrgPlan[];
}

// ───────────────────────────── names ─────────────────────────────

const DEMO_COMMUNES = [
  DEMO_COMMUNE_NAME,
  "An Lạc",
  "An Phú",
  "An Thạnh",
  "Bình Minh",
  "Đông Hải",
  "Đông Phong",
  "Hòa Lợi",
  "Hòa Thuận",
  "Hưng Long",
  "Hưng Thịnh",
  "Mỹ Lộc",
  "Mỹ Thành",
  "Nam Sơn",
  "Nam Trung",
  "Phú Xuân",
  "Phước Hải",
  "Tân Hương",
  "Tân Phong",
  "Thanh Tuyền",
  "Trung Hòa",
  "Vĩnh Hưng",
  "Xuân Thọ",
  "Yên Thái",
];
const DEMO_SECOND_TOWN = "Phú Lâm";

const PROVINCE_NAME = "Nam Hòa";
const DISTRICT_NAMES = [
  DEMO_DISTRICT_NAME,
  "Bình Lâm",
  "Đông Khang",
  "Hưng Lâm",
  "Mỹ Khang",
  "Phước Khang",
  "Tân Lâm",
  "Thanh Khang",
  "Trường Lâm",
  "Vĩnh Khang",
  "Xuân Lâm",
  "Yên Khang",
  "Hòa Lâm",
  "Kim Khang",
  "Phú Khang",
];

const FIRST_SYLLABLES = [
  "An",
  "Bình",
  "Đông",
  "Hòa",
  "Hưng",
  "Mỹ",
  "Nam",
  "Phú",
  "Phước",
  "Tân",
  "Thanh",
  "Trung",
  "Vĩnh",
  "Xuân",
  "Yên",
  "Long",
  "Quang",
  "Thái",
  "Hồng",
  "Kim",
  "Đức",
  "Hải",
  "Minh",
  "Ngọc",
];
const SECOND_SYLLABLES = [
  "Bình",
  "Lạc",
  "Phú",
  "Thạnh",
  "Hải",
  "Phong",
  "Lợi",
  "Thuận",
  "Long",
  "Thịnh",
  "Lộc",
  "Thành",
  "Sơn",
  "Hương",
  "Xuân",
  "Tiến",
  "Hòa",
  "Hiệp",
  "Tân",
  "Minh",
  "Khê",
  "Đông",
  "Trạch",
  "Vinh",
];

const HAMLET_NAMES = [
  "Trung",
  "Thượng",
  "Hạ",
  "Nam",
  "Bắc",
  "Tân Hòa",
  "Tân Thành",
  "Phú Mỹ",
  "Phú Hòa",
  "Bình An",
  "Hòa Bình",
  "Thống Nhất",
  "Đoàn Kết",
  "Quyết Thắng",
  "Đồng Tâm",
  "Thắng Lợi",
  "Liên Hiệp",
  "Mỹ Lợi",
  "Phước Thạnh",
  "Vĩnh Phú",
  "Xuân Hòa",
  "Đồng Xuân",
  "Tân Phú",
  "Phú Thịnh",
  "Cầu Đá",
  "Gò Mít",
  "Bàu Sen",
  "Đồng Cát",
  "Kênh Giữa",
  "Bến Đò",
  "Trung Tâm",
  "Hòa Mỹ",
  "Tây Sơn",
  "Đông Thành",
];

export function provinceCommitteeName(): string {
  return `Tỉnh ủy ${PROVINCE_NAME}`;
}

export function districtName(index: number): string {
  return index < DISTRICT_NAMES.length
    ? DISTRICT_NAMES[index]
    : `${DISTRICT_NAMES[index % DISTRICT_NAMES.length]} ${Math.floor(index / DISTRICT_NAMES.length) + 1}`;
}

/** Commune names of one district: the demo's fixed list for the first, made-up pairs for the others. */
function communeNames(rng: Random, districtIndex: number, count: number, taken: ReadonlySet<string>): string[] {
  const names = districtIndex === 0 ? DEMO_COMMUNES.filter((n) => !taken.has(n)) : [];
  const pairs = rng.shuffle(FIRST_SYLLABLES.flatMap((a) => SECOND_SYLLABLES.filter((b) => b !== a).map((b) => `${a} ${b}`)));
  for (const pair of pairs) {
    if (names.length >= count) break;
    if (!taken.has(pair) && !names.includes(pair)) names.push(pair);
  }
  return names.slice(0, count);
}

// ───────────────────────────── blueprints ─────────────────────────────

function cell(name: string, sector: OrgSector, profile: CellProfile, size: readonly [number, number], extra: Partial<OrgPlan> = {}): OrgPlan {
  return { kind: "CHI_BO_TRUC_THUOC", name, sector, profile, size, children: [], ...extra };
}

function grassrootsCell(
  name: string,
  sector: OrgSector,
  category: GrassrootsCategory,
  profile: CellProfile,
  size: readonly [number, number],
  headTitle: string,
  deputyTitle: string,
  extra: Partial<OrgPlan> = {},
): OrgPlan {
  return { kind: "CHI_BO_CO_SO", name, sector, category, profile, size, headTitle, deputyTitle, children: [], ...extra };
}

function partyCommittee(name: string, sector: OrgSector, category: GrassrootsCategory, cells: OrgPlan[]): OrgPlan {
  return { kind: "DANG_BO_CO_SO", name, sector, category, children: cells };
}

interface CommuneOptions {
  isTown: boolean;
  /** The first commune of the demo: fixed cells for the demo accounts. */
  isDemoCommune: boolean;
  /** Adds a residential cell founded on 2 September of this year: too new to be rated (rating-rules §2). */
  withRecentCell: boolean;
  /** The demo's current review year. */
  currentYear: number;
  /** Multiplies the number of residential cells: a bigger seed has more hamlets, not only fuller ones. */
  cellScale: number;
}

function commune(rng: Random, name: string, options: CommuneOptions): OrgPlan {
  const unit = options.isTown ? "thị trấn" : "xã";
  const leaderPosts = [
    options.isDemoCommune ? "" : `Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân ${unit}`,
    "Phó Bí thư Thường trực Đảng ủy",
    `Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân ${unit}`,
    `Phó Chủ tịch Ủy ban nhân dân ${unit}`,
    `Chủ tịch Ủy ban Mặt trận Tổ quốc ${unit}`,
    `Chủ tịch Hội Liên hiệp Phụ nữ ${unit}`,
    `Chủ tịch Hội Cựu chiến binh ${unit}`,
  ].filter(Boolean);
  const cells: OrgPlan[] = [
    cell(`Chi bộ Cơ quan ${unit}`, "COMMUNE", "communeOffice", [12, 22], {
      headTitle: `Phó Chủ tịch Hội đồng nhân dân ${unit}`,
      leaderPosts,
      demoPeople: options.isDemoCommune ? ["danguy"] : undefined,
    }),
  ];
  if (options.isDemoCommune || rng.chance(0.8)) {
    cells.push(
      cell(`Chi bộ Quân sự ${unit}`, "COMMUNE", "communeMilitary", [4, 8], {
        headTitle: `Chỉ huy trưởng Ban Chỉ huy Quân sự ${unit}`,
        deputyTitle: `Phó Chỉ huy trưởng Ban Chỉ huy Quân sự ${unit}`,
      }),
    );
  }
  if (options.isDemoCommune || rng.chance(0.7)) {
    cells.push(
      cell(`Chi bộ Công an ${unit}`, "COMMUNE", "communePolice", [4, 8], {
        headTitle: `Trưởng Công an ${unit}`,
        deputyTitle: `Phó Trưởng Công an ${unit}`,
      }),
    );
  }
  const withSchool = !options.isDemoCommune && rng.chance(0.6);
  const fixedCount = cells.length + (withSchool ? 1 : 0);
  const drawn = Math.max(rng.int(4, 11), 6 - fixedCount);
  const residentialCount = Math.max(options.isDemoCommune ? 2 : 1, Math.round(drawn * options.cellScale));
  const hamlets = options.isTown
    ? Array.from({ length: residentialCount }, (_, i) => `Chi bộ khu phố ${i + 1}`)
    : hamletNames(rng, residentialCount, options.isDemoCommune);
  hamlets.forEach((hamlet, i) => {
    const demoPeople: DemoPersonKey[] | undefined =
      options.isDemoCommune && i === 0 ? ["bithu", "dangvien"] : options.isDemoCommune && i === 1 ? ["bithu2"] : undefined;
    // The demo accounts' cells are kept comfortably full so their screens have something to show.
    cells.push(cell(hamlet, "RESIDENTIAL", "residential", demoPeople ? [18, 24] : [8, 26], { demoPeople }));
  });
  if (withSchool) {
    cells.push(
      cell(`Chi bộ Trường học`, "COMMUNE", "communeSchool", [8, 18], {
        headTitle: "Hiệu trưởng Trường Trung học cơ sở",
        deputyTitle: "Hiệu trưởng Trường Tiểu học",
      }),
    );
  }
  if (options.withRecentCell) {
    // "Tân Lập" (newly founded) is what a hamlet split off this year is typically called.
    const recentName = options.isTown ? `Chi bộ khu phố ${residentialCount + 1}` : "Chi bộ thôn Tân Lập";
    cells.push(
      cell(recentName, "RESIDENTIAL", "residential", [8, 14], {
        establishedOn: day(options.currentYear, 9, 2),
        formedFrom: "previousSibling",
      }),
    );
  }
  return partyCommittee(`Đảng bộ ${unit} ${name}`, "COMMUNE", "commune", cells);
}

function hamletNames(rng: Random, count: number, isDemoCommune: boolean): string[] {
  const fixed = isDemoCommune ? [DEMO_CELL_NAMES.bithu, DEMO_CELL_NAMES.bithu2] : [];
  const pool = rng
    .shuffle(HAMLET_NAMES)
    .map((n) => `Chi bộ thôn ${n}`)
    .filter((n) => !fixed.includes(n as never));
  const names = [...fixed, ...pool];
  // Big seeds need more hamlets than the pool holds: "thôn Trung 2", as places split in real life.
  for (let round = 2; names.length < count; round++) {
    names.push(...pool.map((n) => `${n} ${round}`));
  }
  return names.slice(0, count);
}

/** The grassroots organizations that are not communes, by category, in their usual list order. */
function nonCommunes(
  district: string,
  communes: readonly string[],
  withDemoPeople: boolean,
  currentYear: number,
): Record<Exclude<GrassrootsCategory, "commune">, OrgPlan[]> {
  const place = (i: number) => communes[i % communes.length];
  return {
    agency: [
      partyCommittee(`Đảng bộ Cơ quan Đảng - Mặt trận - Đoàn thể huyện`, "AGENCY", "agency", [
        cell("Chi bộ Văn phòng Huyện ủy", "AGENCY", "agency", [8, 14], {
          headTitle: "Phó Chánh Văn phòng Huyện ủy",
          deputyTitle: "Phó Chánh Văn phòng Huyện ủy",
          leaderPosts: ["Bí thư Đảng ủy, Chánh Văn phòng Huyện ủy"],
          demoPeople: withDemoPeople ? ["thuongvu"] : undefined,
        }),
        cell("Chi bộ Ban Tổ chức - Ủy ban Kiểm tra Huyện ủy", "AGENCY", "agency", [8, 14], {
          headTitle: "Phó Trưởng Ban Tổ chức Huyện ủy",
          deputyTitle: "Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy",
          demoPeople: withDemoPeople ? ["bantochuc"] : undefined,
        }),
        cell("Chi bộ Ban Tuyên giáo - Ban Dân vận Huyện ủy", "AGENCY", "agency", [8, 14], {
          headTitle: "Phó Trưởng Ban Tuyên giáo Huyện ủy",
          deputyTitle: "Phó Trưởng Ban Dân vận Huyện ủy",
        }),
        cell("Chi bộ Mặt trận Tổ quốc và các đoàn thể huyện", "AGENCY", "agency", [10, 18], {
          headTitle: "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện",
          deputyTitle: "Chủ tịch Hội Liên hiệp Phụ nữ huyện",
        }),
        cell("Chi bộ Trung tâm Chính trị huyện", "AGENCY", "agency", [5, 8], {
          headTitle: "Giám đốc Trung tâm Chính trị",
          deputyTitle: "Phó Giám đốc Trung tâm Chính trị",
        }),
      ]),
      partyCommittee(`Đảng bộ Cơ quan Ủy ban nhân dân huyện`, "AGENCY", "agency", [
        cell("Chi bộ Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "AGENCY", "agency", [10, 18], {
          headTitle: "Chánh Văn phòng",
          deputyTitle: "Phó Chánh Văn phòng",
          leaderPosts: ["Phó Chủ tịch Ủy ban nhân dân huyện, Bí thư Đảng ủy"],
        }),
        ...[
          ["Chi bộ Phòng Tài chính - Kế hoạch", 6, 12],
          ["Chi bộ Phòng Nội vụ", 5, 9],
          ["Chi bộ Phòng Nông nghiệp và Phát triển nông thôn", 6, 12],
          ["Chi bộ Phòng Tài nguyên và Môi trường", 6, 12],
          ["Chi bộ Phòng Giáo dục và Đào tạo", 8, 15],
          ["Chi bộ Phòng Văn hóa và Thông tin", 5, 9],
          ["Chi bộ Phòng Lao động - Thương binh và Xã hội", 5, 10],
          ["Chi bộ Phòng Kinh tế và Hạ tầng", 5, 10],
          ["Chi bộ Phòng Tư pháp", 5, 7],
        ].map(([name, min, max]) =>
          cell(name as string, "AGENCY", "agency", [min as number, max as number], { headTitle: "Trưởng phòng", deputyTitle: "Phó Trưởng phòng" }),
        ),
        cell("Chi bộ Thanh tra huyện", "AGENCY", "agency", [5, 8], { headTitle: "Chánh Thanh tra huyện", deputyTitle: "Phó Chánh Thanh tra huyện" }),
        cell("Chi bộ Trung tâm Văn hóa, Thông tin và Thể thao", "AGENCY", "agency", [8, 14], {
          headTitle: "Giám đốc Trung tâm",
          deputyTitle: "Phó Giám đốc Trung tâm",
        }),
      ]),
      grassrootsCell("Chi bộ Tòa án nhân dân huyện", "AGENCY", "agency", "agency", [8, 16], "Chánh án", "Phó Chánh án"),
      grassrootsCell("Chi bộ Viện Kiểm sát nhân dân huyện", "AGENCY", "agency", "agency", [8, 15], "Viện trưởng", "Phó Viện trưởng"),
      grassrootsCell("Chi bộ Chi cục Thi hành án dân sự huyện", "AGENCY", "agency", "agency", [6, 12], "Chi cục trưởng", "Phó Chi cục trưởng"),
      grassrootsCell(`Chi bộ Chi cục Thuế khu vực ${district}`, "AGENCY", "agency", "agency", [15, 28], "Chi cục trưởng", "Phó Chi cục trưởng"),
      grassrootsCell("Chi bộ Kho bạc Nhà nước huyện", "AGENCY", "agency", "agency", [6, 12], "Giám đốc", "Phó Giám đốc"),
      grassrootsCell("Chi bộ Bảo hiểm xã hội huyện", "AGENCY", "agency", "agency", [8, 15], "Giám đốc", "Phó Giám đốc"),
      grassrootsCell("Chi bộ Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", "AGENCY", "agency", "agency", [6, 12], "Giám đốc", "Phó Giám đốc"),
      grassrootsCell("Chi bộ Chi cục Thống kê huyện", "AGENCY", "agency", "agency", [5, 8], "Chi cục trưởng", "Phó Chi cục trưởng"),
      grassrootsCell("Chi bộ Hạt Kiểm lâm huyện", "AGENCY", "agency", "agency", [6, 12], "Hạt trưởng", "Phó Hạt trưởng"),
      grassrootsCell("Chi bộ Ban Quản lý dự án đầu tư xây dựng huyện", "AGENCY", "agency", "agency", [8, 15], "Giám đốc Ban", "Phó Giám đốc Ban"),
      grassrootsCell("Chi bộ Trung tâm Dịch vụ nông nghiệp huyện", "AGENCY", "agency", "agency", [6, 12], "Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"),
    ],
    school: [
      grassrootsCell(`Chi bộ Trường Trung học phổ thông ${district}`, "SCHOOL", "school", "school", [18, 35], "Hiệu trưởng", "Phó Hiệu trưởng"),
      grassrootsCell(`Chi bộ Trường Trung học phổ thông ${place(5)}`, "SCHOOL", "school", "school", [15, 30], "Hiệu trưởng", "Phó Hiệu trưởng"),
      grassrootsCell(`Chi bộ Trường Trung học phổ thông ${place(13)}`, "SCHOOL", "school", "school", [15, 30], "Hiệu trưởng", "Phó Hiệu trưởng"),
      grassrootsCell("Chi bộ Trường Phổ thông Dân tộc nội trú huyện", "SCHOOL", "school", "school", [10, 20], "Hiệu trưởng", "Phó Hiệu trưởng"),
      grassrootsCell(
        "Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện",
        "SCHOOL",
        "school",
        "school",
        [8, 16],
        "Giám đốc Trung tâm",
        "Phó Giám đốc Trung tâm",
      ),
      grassrootsCell(`Chi bộ Trường Trung học phổ thông ${place(20)}`, "SCHOOL", "school", "school", [15, 30], "Hiệu trưởng", "Phó Hiệu trưởng"),
    ],
    health: [
      partyCommittee("Đảng bộ Bệnh viện Đa khoa huyện", "HEALTH", "health", [
        cell("Chi bộ Khối Hành chính", "HEALTH", "health", [8, 14], {
          headTitle: "Trưởng phòng Kế hoạch tổng hợp",
          deputyTitle: "Trưởng phòng Tổ chức - Hành chính",
          leaderPosts: ["Bí thư Đảng ủy, Giám đốc Bệnh viện", "Phó Giám đốc Bệnh viện"],
        }),
        cell("Chi bộ Khối Nội", "HEALTH", "health", [8, 16], { headTitle: "Trưởng khoa Nội tổng hợp", deputyTitle: "Điều dưỡng trưởng khoa" }),
        cell("Chi bộ Khối Ngoại - Sản", "HEALTH", "health", [8, 16], { headTitle: "Trưởng khoa Ngoại tổng hợp", deputyTitle: "Trưởng khoa Phụ sản" }),
        cell("Chi bộ Khối Cận lâm sàng", "HEALTH", "health", [6, 12], { headTitle: "Trưởng khoa Xét nghiệm", deputyTitle: "Trưởng khoa Chẩn đoán hình ảnh" }),
        cell("Chi bộ Khoa Nhi - Truyền nhiễm", "HEALTH", "health", [6, 10], { headTitle: "Trưởng khoa Nhi", deputyTitle: "Phó Trưởng khoa" }),
      ]),
      grassrootsCell("Chi bộ Trung tâm Y tế huyện", "HEALTH", "health", "health", [15, 28], "Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"),
      grassrootsCell(`Chi bộ Phòng khám Đa khoa khu vực ${place(6)}`, "HEALTH", "health", "health", [5, 10], "Trưởng Phòng khám", "Phó Trưởng Phòng khám"),
    ],
    enterprise: [
      partyCommittee(`Đảng bộ Công ty Cổ phần Gạch ngói ${district}`, "ENTERPRISE", "enterprise", [
        cell("Chi bộ Văn phòng Công ty", "ENTERPRISE", "enterprise", [6, 12], {
          headTitle: "Phó Giám đốc Công ty",
          deputyTitle: "Kế toán trưởng",
          leaderPosts: ["Bí thư Đảng ủy, Chủ tịch Hội đồng quản trị", "Giám đốc Công ty"],
        }),
        {
          kind: "DANG_BO_BO_PHAN",
          name: "Đảng bộ bộ phận Nhà máy Gạch Tuynel số 1",
          sector: "ENTERPRISE",
          children: [
            cell("Chi bộ Phân xưởng Tạo hình", "ENTERPRISE", "enterprise", [6, 14], {
              headTitle: "Quản đốc Phân xưởng Tạo hình",
              deputyTitle: "Phó Quản đốc phân xưởng",
              leaderPosts: ["Bí thư Đảng ủy bộ phận, Giám đốc Nhà máy"],
            }),
            cell("Chi bộ Phân xưởng Nung đốt", "ENTERPRISE", "enterprise", [6, 14], {
              headTitle: "Quản đốc Phân xưởng Nung đốt",
              deputyTitle: "Phó Quản đốc phân xưởng",
            }),
            cell("Chi bộ Tổ Cơ điện", "ENTERPRISE", "enterprise", [4, 8], { headTitle: "Tổ trưởng Tổ Cơ điện", deputyTitle: "Tổ phó Tổ Cơ điện" }),
          ],
        },
        cell("Chi bộ Nhà máy Gạch Tuynel số 2", "ENTERPRISE", "enterprise", [8, 14], { headTitle: "Giám đốc Nhà máy", deputyTitle: "Phó Giám đốc Nhà máy" }),
      ]),
      grassrootsCell(`Chi bộ Điện lực ${district}`, "ENTERPRISE", "enterprise", "enterprise", [12, 22], "Giám đốc Điện lực", "Phó Giám đốc Điện lực"),
      grassrootsCell(
        `Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện ${district}`,
        "ENTERPRISE",
        "enterprise",
        "enterprise",
        [10, 18],
        "Giám đốc chi nhánh",
        "Phó Giám đốc chi nhánh",
      ),
      grassrootsCell(`Chi bộ Công ty TNHH Cơ khí ${place(1)}`, "ENTERPRISE", "enterprise", "enterprise", [5, 9], "Giám đốc Công ty", "Phó Giám đốc Công ty", {
        // Founded this year, under six months before the rating date: not rated yet.
        establishedOn: day(currentYear, 8, 15),
        formedFrom: "residential",
      }),
    ],
    armed: [
      partyCommittee("Đảng bộ Quân sự huyện", "ARMED_FORCES", "armed", [
        cell("Chi bộ Chỉ huy", "ARMED_FORCES", "military", [5, 9], {
          headTitle: "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện",
          deputyTitle: "Phó Chỉ huy trưởng Ban Chỉ huy Quân sự huyện",
          leaderPosts: ["Bí thư Đảng ủy, Chính trị viên Ban Chỉ huy Quân sự huyện"],
        }),
        cell("Chi bộ Cơ quan Tham mưu", "ARMED_FORCES", "military", [8, 15], {
          headTitle: "Phó Chỉ huy trưởng - Tham mưu trưởng",
          deputyTitle: "Trợ lý Tác chiến",
        }),
        cell("Chi bộ Cơ quan Chính trị - Hậu cần - Kỹ thuật", "ARMED_FORCES", "military", [8, 14], {
          headTitle: "Phó Chính trị viên",
          deputyTitle: "Chủ nhiệm Hậu cần - Kỹ thuật",
        }),
        cell("Chi bộ Trung đội Dân quân cơ động", "ARMED_FORCES", "military", [6, 12], { headTitle: "Trung đội trưởng", deputyTitle: "Phó Trung đội trưởng" }),
      ]),
      partyCommittee("Đảng bộ Công an huyện", "ARMED_FORCES", "armed", [
        cell("Chi bộ Chỉ huy - Đội Tổng hợp", "ARMED_FORCES", "police", [8, 14], {
          headTitle: "Đội trưởng Đội Tổng hợp",
          deputyTitle: "Phó Đội trưởng Đội Tổng hợp",
          leaderPosts: ["Bí thư Đảng ủy, Trưởng Công an huyện", "Phó Trưởng Công an huyện"],
        }),
        cell("Chi bộ Đội An ninh", "ARMED_FORCES", "police", [8, 14], { headTitle: "Đội trưởng Đội An ninh", deputyTitle: "Phó Đội trưởng" }),
        cell("Chi bộ Đội Cảnh sát điều tra tội phạm", "ARMED_FORCES", "police", [10, 18], {
          headTitle: "Đội trưởng Đội Cảnh sát điều tra",
          deputyTitle: "Phó Đội trưởng",
        }),
        cell("Chi bộ Đội Cảnh sát giao thông - Trật tự", "ARMED_FORCES", "police", [8, 15], {
          headTitle: "Đội trưởng Đội Cảnh sát giao thông - Trật tự",
          deputyTitle: "Phó Đội trưởng",
        }),
        cell("Chi bộ Đội Cảnh sát quản lý hành chính về trật tự xã hội", "ARMED_FORCES", "police", [6, 12], {
          headTitle: "Đội trưởng",
          deputyTitle: "Phó Đội trưởng",
        }),
      ]),
    ],
  };
}

// ───────────────────────────── a district ─────────────────────────────

/** Grassroots organizations of the demo district by category: 26 + 13 + 6 + 3 + 4 + 2 = 54. */
const CATEGORY_SHARES: ReadonlyArray<readonly [GrassrootsCategory, number]> = [
  ["commune", 26],
  ["agency", 13],
  ["school", 6],
  ["health", 3],
  ["enterprise", 4],
  ["armed", 2],
];
const CATEGORY_ORDER: readonly GrassrootsCategory[] = CATEGORY_SHARES.map(([c]) => c);

export interface DistrictPlanOptions {
  index: number;
  grassroots: number;
  cellScale: number;
  /** Only the first district holds the demo accounts' people. */
  withDemoPeople: boolean;
  /** The demo's current review year: units founded this year are dated in it. */
  currentYear: number;
}

/**
 * The grassroots organizations of one district, in list order. A smaller count keeps the mix of
 * categories (the first commune always first); a larger one adds communes.
 */
export function planDistrict(rng: Random, options: DistrictPlanOptions): OrgPlan[] {
  const counts = categoryCounts(options.grassroots);
  const communeCount = counts.commune;
  // The last two "communes" of a district are its towns: the district seat and a second town.
  const townCount = communeCount >= 6 ? 2 : communeCount >= 3 ? 1 : 0;
  const district = districtName(options.index);
  const townNames = [district, options.index === 0 ? DEMO_SECOND_TOWN : `${district} Mới`].slice(0, townCount);
  const villageNames = communeNames(rng, options.index, communeCount - townCount, new Set(townNames));
  const shared = { cellScale: options.cellScale, currentYear: options.currentYear };
  const communes = [
    ...villageNames.map((name, i) =>
      commune(rng, name, { ...shared, isTown: false, isDemoCommune: options.withDemoPeople && i === 0, withRecentCell: i === 2 }),
    ),
    ...townNames.map((name) => commune(rng, name, { ...shared, isTown: true, isDemoCommune: false, withRecentCell: false })),
  ];
  const others = nonCommunes(district, [...villageNames, ...townNames], options.withDemoPeople, options.currentYear);
  const plans: OrgPlan[] = [];
  for (const category of CATEGORY_ORDER) {
    if (category === "commune") plans.push(...communes);
    else plans.push(...others[category].slice(0, counts[category]));
  }
  return plans;
}

/** How many of each category for `total` organizations: the demo's shares, by largest remainder. */
function categoryCounts(total: number): Record<GrassrootsCategory, number> {
  const templateTotal = CATEGORY_SHARES.reduce((s, [, n]) => s + n, 0);
  const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<GrassrootsCategory, number>;
  const capped = Math.min(total, templateTotal);
  for (let k = 1; k <= capped; k++) {
    let best: GrassrootsCategory = "commune";
    let bestGap = -Infinity;
    for (const [category, share] of CATEGORY_SHARES) {
      const gap = (share / templateTotal) * k - counts[category];
      if (counts[category] < share && gap > bestGap) {
        best = category;
        bestGap = gap;
      }
    }
    counts[best]++;
  }
  counts.commune += Math.max(0, total - templateTotal);
  if (total > 0 && counts.commune === 0) {
    counts.commune = 1;
    const largest = CATEGORY_ORDER.filter((c) => c !== "commune").sort((a, b) => counts[b] - counts[a])[0];
    counts[largest]--;
  }
  return counts;
}
