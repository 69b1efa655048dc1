import type { CellProfile } from "./places";

// Wording of the demo's task register (sổ theo dõi nhiệm vụ): the tasks members and organizations take
// on in a year, where they come from, what they should produce and how the result is judged; what was
// reported, why a task went beyond what was asked or was not done. Picked at random, so that neighbours
// rarely read the same. `{year}` is the review year: the texts are made once per year and shared by every
// task that uses them (a province holds millions of tasks and a few hundred distinct texts).

/** One kind of task: its title, the product expected, the quality measure, and the product as reported. */
export type TaskTemplate = readonly [title: string, expectedProduct: string, qualityMeasure: string, reported: string];

const RESIDENTIAL: readonly TaskTemplate[] = [
  [
    "Vận động các hộ dân trong tổ tham gia hiến đất mở rộng đường giao thông thôn",
    "Danh sách hộ đồng ý hiến đất, có chữ ký",
    "Ít nhất 90% số hộ được phân công vận động đồng ý",
    "Đã vận động 12/13 hộ ký cam kết hiến đất; danh sách đã nộp Ban phát triển thôn.",
  ],
  [
    "Tham gia tổ hòa giải ở cơ sở, hòa giải các mâu thuẫn phát sinh trong khu dân cư",
    "Biên bản hòa giải các vụ việc",
    "Không để xảy ra khiếu kiện vượt cấp từ vụ việc được giao",
    "Tham gia hòa giải thành 3 vụ tranh chấp ranh giới đất giữa các hộ; biên bản lưu tại tổ hòa giải.",
  ],
  [
    "Vận động nhân dân đóng góp Quỹ phòng, chống thiên tai năm {year}",
    "Sổ thu quỹ của tổ dân cư",
    "Thu đạt 100% kế hoạch, đúng đối tượng",
    "Đã thu đủ quỹ của 45 hộ được phân công, nộp về Ban Tài chính xã.",
  ],
  [
    "Tuyên truyền, vận động người dân cài đặt và sử dụng ứng dụng định danh điện tử VNeID",
    "Danh sách người dân được hướng dẫn kích hoạt tài khoản mức 2",
    "Ít nhất 80% người trong độ tuổi ở các hộ được phân công",
    "Hướng dẫn 64 người kích hoạt tài khoản định danh mức 2, đạt 86%.",
  ],
  [
    "Tham gia ra quân tổng vệ sinh môi trường, phân loại rác tại nguồn",
    "Tuyến đường được phân công sạch, có thùng phân loại rác",
    "Duy trì hằng tháng, được Ban công tác Mặt trận thôn ghi nhận",
    "Tham gia đủ 10 đợt ra quân; tuyến đường xóm giữa được công nhận tuyến đường xanh - sạch - đẹp.",
  ],
  [
    "Theo dõi, giúp đỡ hộ nghèo trong tổ thoát nghèo bền vững",
    "Báo cáo tình hình hộ được giúp đỡ",
    "Hộ được giúp đỡ thoát nghèo theo chuẩn nghèo đa chiều",
    "Hộ gia đình được giúp đỡ đã có thu nhập ổn định từ chăn nuôi, được xã công nhận thoát nghèo.",
  ],
  [
    "Nắm tình hình tư tưởng nhân dân, phản ánh kịp thời với chi ủy",
    "Ý kiến phản ánh tại các kỳ sinh hoạt chi bộ",
    "Phản ánh đầy đủ, kịp thời, đúng sự thật",
    "Đã phản ánh 4 ý kiến của nhân dân về dự án nâng cấp kênh mương tại các kỳ sinh hoạt.",
  ],
  [
    "Vận động con em trong độ tuổi thực hiện nghĩa vụ quân sự năm {year}",
    "Danh sách thanh niên được vận động khám tuyển",
    "Không có trường hợp trốn, chống khám tuyển",
    "Vận động 3 thanh niên tham gia khám tuyển; 1 thanh niên trúng tuyển nhập ngũ.",
  ],
];

const WORK: readonly TaskTemplate[] = [
  [
    "Xây dựng báo cáo sơ kết công tác 6 tháng đầu năm {year} của bộ phận",
    "Báo cáo sơ kết trình lãnh đạo cơ quan",
    "Đúng thời hạn, số liệu chính xác, không phải chỉnh sửa lớn",
    "Báo cáo sơ kết đã được lãnh đạo cơ quan ký ban hành.",
  ],
  [
    "Giải quyết hồ sơ thủ tục hành chính thuộc lĩnh vực phụ trách",
    "Hồ sơ được giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính",
    "100% hồ sơ đúng hạn, không có hồ sơ quá hạn",
    "Giải quyết 318 hồ sơ, 100% đúng và trước hạn; không có phản ánh của người dân.",
  ],
  [
    "Tham mưu dự thảo kế hoạch chuyển đổi số năm {year} của cơ quan",
    "Dự thảo kế hoạch trình lãnh đạo cơ quan",
    "Bám sát chỉ đạo của cấp trên, được thông qua tại cuộc họp giao ban",
    "Kế hoạch chuyển đổi số đã được thông qua và ban hành.",
  ],
  [
    "Số hóa hồ sơ, tài liệu lưu trữ của bộ phận",
    "Dữ liệu hồ sơ đã số hóa trên hệ thống quản lý văn bản",
    "Hoàn thành khối lượng được giao, dữ liệu đầy đủ, tra cứu được",
    "Số hóa 1.240 hồ sơ lưu trữ giai đoạn 2015–2020, cập nhật lên hệ thống.",
  ],
  [
    "Tham gia đoàn kiểm tra, giám sát việc thực hiện nhiệm vụ chuyên môn tại cơ sở",
    "Báo cáo kết quả kiểm tra",
    "Đúng kế hoạch, chỉ ra được hạn chế và kiến nghị khắc phục",
    "Tham gia kiểm tra 4 đơn vị; báo cáo kết quả đã gửi lãnh đạo kèm kiến nghị.",
  ],
  [
    "Viết và áp dụng sáng kiến cải tiến trong công việc chuyên môn",
    "Sáng kiến được hội đồng cơ sở công nhận",
    "Được công nhận và áp dụng trong đơn vị",
    "Sáng kiến về quy trình tiếp nhận hồ sơ đã được Hội đồng sáng kiến cơ sở công nhận.",
  ],
  [
    "Hoàn thành chương trình bồi dưỡng chuyên môn, nghiệp vụ năm {year}",
    "Chứng chỉ hoặc giấy chứng nhận hoàn thành khóa học",
    "Đạt yêu cầu khóa bồi dưỡng",
    "Hoàn thành lớp bồi dưỡng, được cấp giấy chứng nhận loại khá.",
  ],
  [
    "Tổng hợp số liệu, xây dựng báo cáo tổng kết năm {year} của bộ phận",
    "Báo cáo tổng kết năm trình lãnh đạo",
    "Đúng thời hạn, số liệu khớp với báo cáo thống kê",
    "Báo cáo tổng kết năm đã trình lãnh đạo cơ quan.",
  ],
  [
    "Tham gia Cuộc thi tìm hiểu lịch sử Đảng bộ do cấp ủy cấp trên phát động",
    "Bài dự thi",
    "Nộp bài đúng hạn, đạt yêu cầu",
    "Đã nộp bài dự thi; đạt giải khuyến khích cấp huyện.",
  ],
];

const LEADER: readonly TaskTemplate[] = [
  [
    "Lãnh đạo, chỉ đạo đơn vị hoàn thành các chỉ tiêu kế hoạch năm {year} được giao",
    "Báo cáo kết quả thực hiện chỉ tiêu của đơn vị",
    "Từ 100% chỉ tiêu trở lên đạt hoặc vượt",
    "Đơn vị hoàn thành 12/12 chỉ tiêu, trong đó 4 chỉ tiêu vượt kế hoạch.",
  ],
  [
    "Chỉ đạo xây dựng, ban hành chương trình công tác trọng tâm quý của đơn vị",
    "Chương trình công tác quý được ban hành",
    "Ban hành trước ngày 05 của tháng đầu quý, phân công rõ người, rõ việc",
    "Chương trình công tác quý đã được ban hành đúng hạn.",
  ],
  [
    "Chủ trì giải quyết các đơn thư, kiến nghị của công dân thuộc thẩm quyền",
    "Văn bản trả lời công dân",
    "100% đơn thư được giải quyết đúng thời hạn luật định",
    "Giải quyết dứt điểm 9/9 đơn thư; không có đơn thư vượt cấp.",
  ],
  [
    "Chỉ đạo thực hiện sắp xếp tổ chức bộ máy, tinh giản biên chế theo kế hoạch",
    "Đề án sắp xếp được phê duyệt",
    "Đúng lộ trình, không phát sinh đơn thư",
    "Đề án sắp xếp đã được cấp có thẩm quyền phê duyệt; tổ chức thực hiện đúng lộ trình.",
  ],
  [
    "Chỉ đạo thực hành tiết kiệm, chống lãng phí trong chi thường xuyên",
    "Báo cáo kết quả tiết kiệm chi",
    "Tiết kiệm tối thiểu 10% chi thường xuyên theo dự toán",
    "Tiết kiệm được 12,5% chi thường xuyên so với dự toán được giao.",
  ],
  [
    "Chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}",
    "Báo cáo tiến độ giải ngân",
    "Giải ngân đạt từ 95% kế hoạch vốn trở lên",
    "Giải ngân đạt 97,3% kế hoạch vốn được giao.",
  ],
  [
    "Chỉ đạo rà soát, hoàn thiện quy chế làm việc, quy chế dân chủ ở cơ sở",
    "Quy chế sửa đổi, bổ sung được ban hành",
    "Phù hợp quy định mới, được thông qua tại hội nghị cán bộ, công chức",
    "Quy chế dân chủ đã được sửa đổi và thông qua tại hội nghị cán bộ, công chức.",
  ],
];

const ORGANIZATION: readonly TaskTemplate[] = [
  [
    "Lãnh đạo thực hiện Nghị quyết năm {year} về phát triển kinh tế - xã hội",
    "Báo cáo kết quả thực hiện nghị quyết",
    "Các chỉ tiêu chủ yếu đạt và vượt kế hoạch",
    "Các chỉ tiêu chủ yếu của nghị quyết đều đạt, 3 chỉ tiêu vượt.",
  ],
  [
    "Tổ chức học tập, quán triệt, triển khai các nghị quyết, chỉ thị mới của Đảng",
    "Kế hoạch và báo cáo kết quả học tập, quán triệt",
    "Từ 95% đảng viên trở lên tham gia; có bài thu hoạch",
    "Tổ chức hội nghị quán triệt với 97% đảng viên tham gia; 100% đảng viên có bài thu hoạch.",
  ],
  [
    "Thực hiện chương trình kiểm tra, giám sát năm {year}",
    "Thông báo kết luận kiểm tra, giám sát",
    "Hoàn thành 100% cuộc kiểm tra, giám sát theo chương trình",
    "Hoàn thành 4/4 cuộc kiểm tra, giám sát theo chương trình; đã ban hành thông báo kết luận.",
  ],
  [
    "Kết nạp đảng viên mới theo chỉ tiêu được giao",
    "Quyết định kết nạp đảng viên",
    "Đạt chỉ tiêu kết nạp, bảo đảm chất lượng",
    "Kết nạp 3 đảng viên mới, đạt 100% chỉ tiêu.",
  ],
  [
    "Nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị 10-CT/TW",
    "Biên bản sinh hoạt chi bộ hằng tháng, sinh hoạt chuyên đề",
    "Sinh hoạt đủ 12 kỳ và ít nhất 1 chuyên đề mỗi quý",
    "Duy trì sinh hoạt đủ 12 kỳ thường kỳ và 4 kỳ chuyên đề.",
  ],
  [
    "Lãnh đạo thực hiện công tác cải cách hành chính, chuyển đổi số",
    "Báo cáo kết quả chỉ số cải cách hành chính",
    "Chỉ số cải cách hành chính tăng so với năm trước",
    "Chỉ số cải cách hành chính tăng 3 bậc so với năm trước.",
  ],
  [
    "Lãnh đạo công tác quốc phòng, quân sự địa phương; hoàn thành giao quân",
    "Báo cáo kết quả tuyển quân",
    "Đạt 100% chỉ tiêu giao quân",
    "Giao quân đạt 100% chỉ tiêu, bảo đảm chất lượng.",
  ],
  [
    "Lãnh đạo công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}",
    "Phương án phòng, chống thiên tai được phê duyệt; báo cáo kết quả",
    "Chủ động, không để thiệt hại về người do chủ quan",
    "Phương án được phê duyệt và thực hiện; không có thiệt hại về người.",
  ],
];

/** Where a member's or a unit's tasks come from. */
const MEMBER_SOURCES = [
  "Phân công của Chi ủy tại kỳ sinh hoạt chi bộ",
  "Kế hoạch công tác năm {year} của cơ quan, đơn vị",
  "Bản cam kết tu dưỡng, rèn luyện, phấn đấu năm {year}",
  "Chỉ đạo của thủ trưởng cơ quan, đơn vị",
];
const RESIDENTIAL_SOURCES = [
  "Phân công của Chi ủy tại kỳ sinh hoạt chi bộ",
  "Nghị quyết chi bộ thôn năm {year}",
  "Bản cam kết tu dưỡng, rèn luyện, phấn đấu năm {year}",
];
const LEADER_SOURCES = [
  "Chương trình công tác năm {year} của cấp ủy",
  "Phân công của Ban Thường vụ cấp ủy cấp trên",
  "Kết luận của cấp ủy về nhiệm vụ trọng tâm năm {year}",
  "Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030",
];
const ORGANIZATION_SOURCES = [
  "Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2025–2030",
  "Chương trình công tác toàn khóa và năm {year} của cấp ủy",
  "Chỉ đạo của cấp ủy cấp trên",
  "Nghị quyết lãnh đạo thực hiện nhiệm vụ năm {year}",
];

const EXCEEDED_GROUNDS = [
  "Hoàn thành trước thời hạn và vượt khối lượng được giao, được lãnh đạo ghi nhận bằng văn bản.",
  "Kết quả vượt chỉ tiêu đề ra; sản phẩm được cấp trên đánh giá cao và nhân rộng.",
  "Sản phẩm được Ủy ban nhân dân cấp huyện tặng giấy khen.",
  "Vượt 20% so với chỉ tiêu; có cách làm mới được đơn vị áp dụng.",
];

const NOT_DONE_REASONS = [
  "Chưa bố trí được thời gian, công việc chuyên môn phát sinh nhiều.",
  "Phụ thuộc vào ý kiến của cơ quan khác, đến hạn chưa có văn bản trả lời.",
  "Kinh phí chưa được bố trí, phải lùi sang năm sau.",
  "Chưa chủ động phối hợp với các bộ phận liên quan.",
];

const FORCE_MAJEURE_REASONS = [
  "Do ảnh hưởng của bão và lũ lớn tháng 9, công trình phải tạm dừng thi công để khắc phục hậu quả.",
  "Dịch bệnh trên đàn gia súc bùng phát, toàn bộ lực lượng tập trung phòng, chống dịch theo chỉ đạo của cấp trên.",
  "Sạt lở đất làm chia cắt tuyến đường, không thể triển khai theo kế hoạch.",
];

const RETURN_REASONS = [
  "Đề nghị bổ sung sản phẩm minh chứng (văn bản, hình ảnh) trước khi xác nhận.",
  "Ngày hoàn thành chưa khớp với ngày ban hành văn bản, đề nghị kiểm tra lại.",
];

export const QUARTER_SELF_NOTES = [
  "Hoàn thành các nhiệm vụ trọng tâm của quý theo chương trình công tác.",
  "Các nhiệm vụ của quý cơ bản hoàn thành đúng tiến độ; một số việc cần đẩy nhanh trong quý tới.",
  "Chủ động triển khai nhiệm vụ, có kết quả nổi bật so với kế hoạch quý.",
];
export const QUARTER_CONFIRMED_NOTES = [
  "Thống nhất với mức tự đánh giá.",
  "Ghi nhận kết quả; đề nghị khắc phục việc chậm tiến độ trong quý tới.",
  "Thống nhất; kết quả thực hiện nhiệm vụ của quý đạt yêu cầu.",
];

/** The texts of one year, made once: every string a task holds comes from here, shared, never built per task. */
export interface TaskTexts {
  residential: readonly TaskTemplate[];
  work: readonly TaskTemplate[];
  leader: readonly TaskTemplate[];
  organization: readonly TaskTemplate[];
  memberSources: readonly string[];
  residentialSources: readonly string[];
  leaderSources: readonly string[];
  organizationSources: readonly string[];
  exceededGrounds: readonly string[];
  notDoneReasons: readonly string[];
  forceMajeureReasons: readonly string[];
  returnReasons: readonly string[];
}

const textsByYear = new Map<number, TaskTexts>();

export function taskTexts(year: number): TaskTexts {
  let texts = textsByYear.get(year);
  if (texts) return texts;
  const fill = (text: string) => text.replaceAll("{year}", String(year));
  const templates = (list: readonly TaskTemplate[]) => list.map((t) => t.map(fill) as unknown as TaskTemplate);
  texts = {
    residential: templates(RESIDENTIAL),
    work: templates(WORK),
    leader: templates(LEADER),
    organization: templates(ORGANIZATION),
    memberSources: MEMBER_SOURCES.map(fill),
    residentialSources: RESIDENTIAL_SOURCES.map(fill),
    leaderSources: LEADER_SOURCES.map(fill),
    organizationSources: ORGANIZATION_SOURCES.map(fill),
    exceededGrounds: EXCEEDED_GROUNDS,
    notDoneReasons: NOT_DONE_REASONS,
    forceMajeureReasons: FORCE_MAJEURE_REASONS,
    returnReasons: RETURN_REASONS,
  };
  textsByYear.set(year, texts);
  return texts;
}

/** Which list a member's tasks are drawn from: the cell's kind of work, or a leader's. */
export function memberTaskKind(profile: CellProfile, leader: boolean): "residential" | "work" | "leader" {
  if (leader) return "leader";
  return profile === "residential" ? "residential" : "work";
}
