import type { CellProfile } from "./places";
import type { Random } from "./random";
import type { CriterionGrade, Level } from "@/lib/grading";
import { QD124_CRITERIA, type SelfReviewContent as AppSelfReviewContent, type SelfReviewTemplate } from "@/lib/review/templates";
import type { DisciplineForm } from "./types";

// Wording of the demo documents: short, plausible sentences of the kind found in real self-reviews,
// minutes and opinions, picked at random so that two members rarely read the same.

const POLITICAL_IDEOLOGY = [
  "Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và đường lối đổi mới của Đảng; chấp hành nghiêm chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
  "Có lập trường tư tưởng vững vàng, kiên định mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội; tích cực học tập, quán triệt các nghị quyết của Đảng.",
  "Tham gia đầy đủ các buổi học tập, quán triệt nghị quyết; không dao động trước những thông tin sai trái, thù địch trên mạng xã hội.",
  "Nhận thức đúng đắn về vai trò lãnh đạo của Đảng; chủ động tuyên truyền, vận động gia đình và quần chúng thực hiện tốt chủ trương của Đảng.",
];

const ETHICS_LIFESTYLE = [
  "Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực; không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
  "Đoàn kết, gần gũi với quần chúng nhân dân; gương mẫu thực hiện nếp sống văn minh, xây dựng gia đình văn hóa.",
  "Thực hành cần, kiệm, liêm, chính, chí công vô tư; tích cực học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
  "Sống chan hòa, đoàn kết với đồng chí, đồng nghiệp; không vi phạm những điều đảng viên không được làm.",
];

const WORK_STYLE = [
  "Tác phong làm việc khoa học, dân chủ, sâu sát cơ sở; lắng nghe ý kiến của đồng chí, đồng nghiệp.",
  "Có tinh thần tự phê bình và phê bình; cởi mở, chân thành trong quan hệ công tác.",
  "Chủ động, có trách nhiệm trong công việc; phối hợp tốt với đồng nghiệp và các đoàn thể.",
  "Làm việc có kế hoạch, đúng giờ giấc; giải quyết công việc kịp thời, không để tồn đọng.",
];

const DISCIPLINE_WORKING = [
  "Chấp hành nghiêm nguyên tắc tập trung dân chủ, Điều lệ Đảng và quy chế làm việc của chi bộ, cơ quan.",
  "Sinh hoạt đảng đầy đủ, đóng đảng phí đúng quy định; thực hiện tốt Quy định số 213-QĐ/TW về giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú.",
  "Chấp hành sự phân công của tổ chức; thực hiện nghiêm nội quy, quy chế của cơ quan, đơn vị.",
];

const DISCIPLINE_RESIDENTIAL = [
  "Chấp hành nghiêm Điều lệ Đảng, sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định.",
  "Gương mẫu chấp hành quy ước của thôn; tham gia đầy đủ các buổi sinh hoạt chi bộ và họp dân.",
  "Thực hiện nghiêm những điều đảng viên không được làm; chấp hành sự phân công của chi bộ.",
];

const DUTIES: Record<CellProfile, readonly string[]> = {
  residential: [
    "Tham gia tích cực phong trào xây dựng nông thôn mới, vận động các hộ dân hiến đất mở rộng đường giao thông thôn.",
    "Tham gia tổ hòa giải ở cơ sở, góp phần giữ gìn an ninh trật tự, xây dựng khu dân cư văn hóa.",
    "Phát triển kinh tế gia đình; vận động bà con chuyển đổi cơ cấu cây trồng, vật nuôi.",
    "Tham gia sinh hoạt Hội Người cao tuổi, Hội Cựu chiến binh; vận động con cháu chấp hành tốt pháp luật.",
  ],
  communeOffice: [
    "Hoàn thành các nhiệm vụ chuyên môn được giao; tham mưu kịp thời cho Đảng ủy, Ủy ban nhân dân xã về lĩnh vực phụ trách.",
    "Giải quyết thủ tục hành chính cho người dân đúng hạn, không để hồ sơ quá hạn.",
    "Tham gia chỉ đạo thực hiện các chỉ tiêu kinh tế - xã hội năm {year} của địa phương.",
  ],
  communeMilitary: [
    "Hoàn thành chỉ tiêu tuyển chọn và gọi công dân nhập ngũ; huấn luyện dân quân đạt yêu cầu.",
    "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, tham gia phòng chống thiên tai, tìm kiếm cứu nạn.",
  ],
  communePolice: [
    "Nắm chắc tình hình an ninh trật tự trên địa bàn, giải quyết kịp thời các vụ việc phát sinh.",
    "Thực hiện tốt công tác cấp căn cước, làm sạch dữ liệu dân cư theo Đề án 06.",
  ],
  communeSchool: [
    "Hoàn thành tốt nhiệm vụ giảng dạy và công tác chủ nhiệm lớp; tỷ lệ học sinh lên lớp đạt cao.",
    "Tích cực đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin trong giảng dạy.",
  ],
  agency: [
    "Hoàn thành tốt các nhiệm vụ chuyên môn được giao, bảo đảm chất lượng và đúng tiến độ.",
    "Tham mưu kịp thời cho lãnh đạo cơ quan các văn bản thuộc lĩnh vực phụ trách, không để xảy ra sai sót.",
    "Tham gia tích cực công tác cải cách hành chính, chuyển đổi số của cơ quan.",
  ],
  school: [
    "Hoàn thành tốt nhiệm vụ giảng dạy; có học sinh đạt giải trong kỳ thi chọn học sinh giỏi cấp tỉnh.",
    "Thực hiện đúng chương trình giáo dục phổ thông 2018; tích cực bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu.",
    "Tham gia đầy đủ các đợt bồi dưỡng chuyên môn; có sáng kiến kinh nghiệm được công nhận cấp trường.",
  ],
  health: [
    "Thực hiện tốt quy chế chuyên môn, nâng cao chất lượng khám bệnh, chữa bệnh; thái độ phục vụ người bệnh tận tình.",
    "Tham gia đầy đủ các đợt tiêm chủng mở rộng và phòng chống dịch bệnh trên địa bàn.",
    "Thực hiện tốt quy tắc ứng xử của công chức, viên chức ngành y tế.",
  ],
  enterprise: [
    "Hoàn thành vượt kế hoạch sản xuất được giao; chấp hành tốt quy trình an toàn lao động.",
    "Tham gia cải tiến kỹ thuật, tiết kiệm nhiên liệu, nâng cao chất lượng sản phẩm.",
  ],
  military: [
    "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu; hoàn thành tốt nhiệm vụ huấn luyện năm {year}.",
    "Tham mưu tốt công tác tuyển quân, xây dựng lực lượng dân quân tự vệ và dự bị động viên.",
  ],
  police: [
    "Hoàn thành tốt nhiệm vụ bảo đảm an ninh chính trị, trật tự an toàn xã hội trên địa bàn.",
    "Tham gia điều tra, giải quyết các vụ việc đúng thời hạn; chấp hành nghiêm điều lệnh Công an nhân dân.",
  ],
};

const LEADER_DUTIES = [
  "Lãnh đạo, chỉ đạo đơn vị hoàn thành các chỉ tiêu, nhiệm vụ năm {year}; giữ vững đoàn kết nội bộ.",
  "Chỉ đạo xây dựng và thực hiện chương trình công tác năm; phân công nhiệm vụ rõ người, rõ việc.",
  "Gương mẫu thực hiện trách nhiệm nêu gương của người đứng đầu; chỉ đạo giải quyết kịp thời các kiến nghị của cán bộ, đảng viên.",
];

const COMMITMENTS = [
  "Thực hiện tốt các nội dung đã cam kết tu dưỡng, rèn luyện, phấn đấu đầu năm.",
  "Hoàn thành các nội dung đã đăng ký trong bản cam kết tu dưỡng, rèn luyện năm {year}.",
  "Thực hiện đúng cam kết về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
];

const SHORTCOMINGS = [
  "Việc nghiên cứu, học tập nghị quyết có lúc chưa sâu; nguyên nhân chủ yếu do chưa sắp xếp thời gian hợp lý.",
  "Có lúc chưa mạnh dạn trong tự phê bình và phê bình; nguyên nhân do còn tâm lý nể nang.",
  "Việc nắm bắt tâm tư, nguyện vọng của nhân dân có thời điểm chưa kịp thời.",
  "Một số công việc còn chậm so với kế hoạch do khối lượng công việc lớn, chưa chủ động sắp xếp.",
  "Ứng dụng công nghệ thông tin trong công việc còn hạn chế; nguyên nhân do chưa dành thời gian học tập.",
  "Tham gia sinh hoạt nơi cư trú có lúc chưa đầy đủ do bận công tác.",
];

const DIRECTIONS = [
  "Tiếp tục học tập, nâng cao trình độ lý luận chính trị và chuyên môn, nghiệp vụ; phát huy ưu điểm, khắc phục hạn chế đã nêu.",
  "Gương mẫu trong công tác và sinh hoạt; tích cực tham gia các phong trào thi đua của địa phương, đơn vị.",
  "Sắp xếp thời gian hợp lý để nghiên cứu nghị quyết; mạnh dạn đấu tranh tự phê bình và phê bình.",
  "Tăng cường giữ mối liên hệ với chi bộ và nhân dân nơi cư trú; hoàn thành tốt nhiệm vụ được giao năm {next}.",
];

export interface SelfReviewFacts {
  /** The review year the self-review is written for. */
  year: number;
  profile: CellProfile;
  isLeader: boolean;
  /** The form of the member's category under the year's rule set (lib/review/templates). */
  template: SelfReviewTemplate;
  /** Last year's remediation items, to report on ("pre-filled from last year's record"). */
  earlierShortcomings: ReadonlyArray<{ shortcoming: string; remedied: boolean }>;
  /** The points the member gives themself per item of the sheet (the record's), and the level proposed. */
  scores: Readonly<Record<string, number>>;
  selfLevel: Level | null;
  /** A draft in progress: the later sections are still empty. */
  partial: boolean;
}

/** The grade of each QD124_HD25 criterion that goes with a self-proposed level. */
const GRADE_OF_LEVEL: Record<Level, CriterionGrade> = { EXCELLENT: "EXCELLENT", GOOD: "GOOD", COMPLETED: "AVERAGE", NOT_COMPLETED: "POOR" };

/** A self-review in the app's shape (lib/review/templates): a text per section of the member's form. */
export function selfReviewContent(rng: Random, facts: SelfReviewFacts): AppSelfReviewContent {
  const working = facts.profile !== "residential";
  const pick = (texts: readonly string[]) => inYear(rng.pick(texts), facts.year);
  const duties = [pick(DUTIES[facts.profile]), ...(facts.isLeader ? [pick(LEADER_DUTIES)] : [])].join(" ");
  const politicalIdeology = rng.pick(POLITICAL_IDEOLOGY);
  const ethicsLifestyle = rng.pick(ETHICS_LIFESTYLE);
  const workStyle = rng.pick(WORK_STYLE);
  const discipline = rng.pick(working ? DISCIPLINE_WORKING : DISCIPLINE_RESIDENTIAL);
  const written: Record<string, string> = {
    politicalIdeology,
    ethicsLifestyle,
    workStyle,
    discipline,
    duties,
    politicalQualities: [politicalIdeology, ethicsLifestyle, discipline].join(" "),
    dutiesResults: duties,
    partyDuties: duties,
    leadershipResults: pick(LEADER_DUTIES),
    settingExample: "Bản thân và gia đình gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú.",
    commitments: pick(COMMITMENTS),
    shortcomings: rng.pick(SHORTCOMINGS),
    explanations: "",
    collectiveResponsibility: facts.isLeader ? "Là người phụ trách, bản thân chịu trách nhiệm về những hạn chế của tập thể trong lĩnh vực được giao." : "",
    measures: pick(DIRECTIONS),
  };
  // A draft in progress: the first sections are written, the rest still empty.
  const texts: Record<string, string> = {};
  facts.template.sections
    .filter((section) => section.kind === "text")
    .forEach((section, i) => (texts[section.key] = facts.partial && i >= 2 ? "" : (written[section.key] ?? "")));
  return {
    texts,
    remediation: facts.earlierShortcomings.map(({ shortcoming, remedied }) => ({
      shortcoming,
      answer: facts.partial ? "" : remedied ? "Đã khắc phục." : `Đã khắc phục một phần, tiếp tục thực hiện trong năm ${facts.year + 1}.`,
    })),
    scores: facts.partial ? {} : { ...facts.scores },
    criteria:
      facts.template.ruleSet === "QD124_HD25" && facts.selfLevel && !facts.partial
        ? Object.fromEntries(QD124_CRITERIA.map((key) => [key, GRADE_OF_LEVEL[facts.selfLevel!]]))
        : {},
    selfLevel: facts.partial ? null : facts.selfLevel,
  };
}

// ───────────────────────────── minutes and opinions ─────────────────────────────

const CRITIQUES = [
  "Đồng chí có tinh thần trách nhiệm, hoàn thành tốt nhiệm vụ; đề nghị mạnh dạn hơn khi phát biểu ý kiến trong sinh hoạt chi bộ.",
  "Đề nghị đồng chí quan tâm hơn đến việc giữ mối liên hệ với chi bộ nơi cư trú.",
  "Đồng chí gương mẫu, nhiệt tình; cần chú ý nâng cao trình độ lý luận chính trị.",
  "Thống nhất với bản tự kiểm điểm của đồng chí; đề nghị phát huy ưu điểm, khắc phục hạn chế đã nêu.",
  "Đồng chí cần chủ động hơn trong phối hợp công tác, tránh để chậm tiến độ.",
  "Đồng chí tích cực tham gia các phong trào của địa phương, được quần chúng tín nhiệm.",
];

const COLLECTIVE_REVIEWS = [
  "Chi bộ duy trì nghiêm chế độ sinh hoạt định kỳ; lãnh đạo hoàn thành các chỉ tiêu nhiệm vụ năm {year}; nội bộ đoàn kết. Hạn chế: nội dung sinh hoạt chuyên đề có lúc chưa phong phú.",
  "Chi bộ lãnh đạo thực hiện tốt nhiệm vụ chính trị; công tác phát triển đảng viên đạt chỉ tiêu. Hạn chế: việc kiểm tra, giám sát đảng viên có lúc chưa thường xuyên.",
  "Chi ủy chỉ đạo sát sao, phân công nhiệm vụ cụ thể cho từng đảng viên; 100% đảng viên chấp hành tốt chủ trương của Đảng. Hạn chế: tỷ lệ đảng viên dự sinh hoạt có tháng chưa cao.",
];

export function critique(rng: Random): string {
  return rng.pick(CRITIQUES);
}

export function collectiveReview(rng: Random, year: number): string {
  return inYear(rng.pick(COLLECTIVE_REVIEWS), year);
}

/** Fills "{year}" with the review year and "{next}" with the one after it. */
function inYear(text: string, year: number): string {
  return text.replaceAll("{year}", String(year)).replaceAll("{next}", String(year + 1));
}

export function selfReviewSummary(level: string): string {
  const words: Record<string, string> = {
    EXCELLENT: "hoàn thành xuất sắc nhiệm vụ",
    GOOD: "hoàn thành tốt nhiệm vụ",
    COMPLETED: "hoàn thành nhiệm vụ",
    NOT_COMPLETED: "không hoàn thành nhiệm vụ",
  };
  return `Đồng chí đọc bản tự kiểm điểm, tự nhận mức ${words[level] ?? level}.`;
}

export const ABSENCE_REASONS = ["Đi công tác theo phân công của cơ quan", "Ốm, điều trị tại bệnh viện", "Việc gia đình, có báo cáo chi bộ"];

const RESIDENCE_OPINIONS = [
  "Đồng chí và gia đình chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương; tham gia đầy đủ các hoạt động tại nơi cư trú.",
  "Đồng chí gương mẫu thực hiện nghĩa vụ công dân nơi cư trú, đóng góp đầy đủ các khoản quỹ; giữ mối quan hệ tốt với nhân dân.",
  "Đồng chí tham gia sinh hoạt ở khu dân cư chưa thường xuyên do bận công tác; gia đình chấp hành tốt quy ước của thôn.",
];

const PREVIOUS_CELL_OPINIONS = [
  "Trong thời gian sinh hoạt tại chi bộ, đồng chí chấp hành tốt Điều lệ Đảng, hoàn thành nhiệm vụ được giao, đoàn kết với đồng chí, đồng nghiệp.",
  "Trong thời gian sinh hoạt tại chi bộ, đồng chí tham gia sinh hoạt đầy đủ, có tinh thần trách nhiệm; không có biểu hiện vi phạm.",
];

const TEMPORARY_CELL_OPINIONS = [
  "Trong thời gian sinh hoạt tạm thời, đồng chí tham gia sinh hoạt đầy đủ, chấp hành tốt sự phân công của chi bộ.",
  "Đồng chí chấp hành tốt nội quy, quy chế nơi sinh hoạt tạm thời; đóng đảng phí đầy đủ.",
];

export function opinionText(rng: Random, source: "RESIDENCE" | "PREVIOUS_CELL" | "TEMPORARY_CELL"): string {
  if (source === "RESIDENCE") return rng.pick(RESIDENCE_OPINIONS);
  if (source === "PREVIOUS_CELL") return rng.pick(PREVIOUS_CELL_OPINIONS);
  return rng.pick(TEMPORARY_CELL_OPINIONS);
}

export function meetingPlace(profile: CellProfile | undefined, cellName: string): string {
  const unit = cellName.replace(/^Chi bộ /, "");
  if (profile === "residential") return `Nhà văn hóa ${unit}`;
  if (profile === "school" || profile === "communeSchool") return `Phòng họp Hội đồng sư phạm, ${unit}`;
  return `Phòng họp ${unit}`;
}

// ───────────────────────────── facts ─────────────────────────────

const DISCIPLINE_REASONS = [
  "Vi phạm Luật Trật tự, an toàn giao thông đường bộ: điều khiển phương tiện khi trong máu có nồng độ cồn",
  "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao, để xảy ra sai phạm trong quản lý đất đai",
  "Vi phạm nguyên tắc tập trung dân chủ trong sinh hoạt chi bộ",
  "Vi phạm quy định về quản lý tài chính, ngân sách của đơn vị",
  "Vi phạm quy định về những điều đảng viên không được làm",
  "Không tham gia sinh hoạt đảng ba tháng trong năm không có lý do chính đáng",
];

export function disciplineReason(rng: Random): string {
  return rng.pick(DISCIPLINE_REASONS);
}

export function disciplineForm(rng: Random): DisciplineForm {
  return rng.weighted([
    ["REPRIMAND", 8],
    ["WARNING", 2],
  ]);
}

const REMEDIATIONS: ReadonlyArray<readonly [string, string]> = [
  ["Chưa hoàn thành các chỉ tiêu công việc được giao", "Xây dựng kế hoạch công việc theo từng tháng, báo cáo kết quả tại sinh hoạt chi bộ"],
  ["Vi phạm kỷ luật, bị xử lý kỷ luật trong năm", "Viết bản cam kết không tái phạm; chi ủy phân công đảng viên giúp đỡ"],
  ["Tham gia sinh hoạt chi bộ không đầy đủ", "Tham gia đầy đủ sinh hoạt chi bộ hằng tháng; báo cáo lý do khi vắng mặt"],
  ["Tinh thần trách nhiệm trong công việc chưa cao", "Nhận nhiệm vụ cụ thể, chi bộ theo dõi và đánh giá hằng quý"],
];

export function remediation(rng: Random): { shortcoming: string; measures: string } {
  const [shortcoming, measures] = rng.pick(REMEDIATIONS);
  return { shortcoming, measures };
}

export const TEMPORARY_NOTES = [
  "Sinh hoạt tạm thời trong thời gian đi học tập trung",
  "Sinh hoạt tạm thời trong thời gian được biệt phái công tác",
  "Sinh hoạt tạm thời trong thời gian đi làm việc xa nơi cư trú",
];
