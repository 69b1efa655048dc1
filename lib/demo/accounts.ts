import type { Gender, Role } from "./types";

// The demo sign-in accounts, one per role, as the README and the tests list them. The generator places
// the people behind them (fixed names and posts) in the units below, so this list stays a constant.

export const DEMO_PASSWORD = "Demo@2024";

/** The fictional district of the demo: not the name of any real district. */
export const DEMO_DISTRICT_NAME = "An Hòa";
export const DEMO_UPPER_COMMITTEE_NAME = `Huyện ủy ${DEMO_DISTRICT_NAME}`;
/** The first commune: its committee, two of its residential cells and their people hold the cell-level accounts. */
export const DEMO_COMMUNE_NAME = "An Bình";

export type DemoUsername = "quantri" | "thuongvu" | "bantochuc" | "danguy" | "bithu" | "bithu2" | "dangvien";

export interface DemoAccount {
  username: DemoUsername;
  role: Role;
  displayName: string;
  /** The organization the role is held over (with everything below it). */
  organizationName: string;
  organizationCode: string;
}

/** Who stands behind an account: a member placed by the generator in a fixed cell, with a fixed post. */
export interface DemoPerson {
  fullName: string;
  gender: Gender;
  post: string | null;
}

/** The accounts with a member behind them (the administrator has none). */
export type DemoPersonKey = Exclude<DemoUsername, "quantri">;

export const DEMO_PEOPLE: Record<DemoPersonKey, DemoPerson> = {
  thuongvu: { fullName: "Phan Thanh Tùng", gender: "MALE", post: "Phó Bí thư Thường trực Huyện ủy" },
  bantochuc: { fullName: "Lê Thị Thu Hà", gender: "FEMALE", post: "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy" },
  danguy: { fullName: "Bùi Đức Thuận", gender: "MALE", post: "Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân xã" },
  bithu: { fullName: "Đặng Văn Lực", gender: "MALE", post: "Bí thư chi bộ" },
  bithu2: { fullName: "Ngô Thị Hạnh", gender: "FEMALE", post: "Bí thư chi bộ" },
  dangvien: { fullName: "Hoàng Minh Tuấn", gender: "MALE", post: null },
};

export const DEMO_ADMIN_DISPLAY_NAME = "Quản trị hệ thống";

/** The cells of the first commune where `bithu` and `bithu2` are secretaries (positions 4 and 5). */
export const DEMO_CELL_NAMES = { bithu: "Chi bộ thôn Đông", bithu2: "Chi bộ thôn Tây" } as const;

/** The demo district's accounts (default size). `buildDistrict(...).accounts` gives them for any size. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "quantri", role: "ADMIN", displayName: DEMO_ADMIN_DISPLAY_NAME, organizationName: DEMO_UPPER_COMMITTEE_NAME, organizationCode: "HU" },
  {
    username: "thuongvu",
    role: "UPPER_STANDING",
    displayName: DEMO_PEOPLE.thuongvu.fullName,
    organizationName: DEMO_UPPER_COMMITTEE_NAME,
    organizationCode: "HU",
  },
  {
    username: "bantochuc",
    role: "UPPER_BOARD",
    displayName: DEMO_PEOPLE.bantochuc.fullName,
    organizationName: DEMO_UPPER_COMMITTEE_NAME,
    organizationCode: "HU",
  },
  {
    username: "danguy",
    role: "GRASSROOTS_COMMITTEE",
    displayName: DEMO_PEOPLE.danguy.fullName,
    organizationName: `Đảng bộ xã ${DEMO_COMMUNE_NAME}`,
    organizationCode: "HU.01",
  },
  { username: "bithu", role: "CELL_SECRETARY", displayName: DEMO_PEOPLE.bithu.fullName, organizationName: DEMO_CELL_NAMES.bithu, organizationCode: "HU.01.04" },
  {
    username: "bithu2",
    role: "CELL_SECRETARY",
    displayName: DEMO_PEOPLE.bithu2.fullName,
    organizationName: DEMO_CELL_NAMES.bithu2,
    organizationCode: "HU.01.05",
  },
  { username: "dangvien", role: "MEMBER", displayName: DEMO_PEOPLE.dangvien.fullName, organizationName: DEMO_CELL_NAMES.bithu, organizationCode: "HU.01.04" },
];
