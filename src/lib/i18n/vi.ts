import type { CategoryCode } from '../core/schema/categories';
import type { StatusCode } from '../core/schema/statuses';
import type { MapMode } from '../core/queries/view';
import type { Preset } from '../core/queries/periods';
import type { Correction } from '../core/queries/view';
import type { ConfidenceBin, EmergingCategory, MoranCluster } from '../core/analysis';

/** Vietnamese, the default language. Every key here must exist in `en.ts` (the compiler checks it). */
export const vi = {
	appName: 'Điểm nóng mâu thuẫn',
	appSubtitle: 'Nắm tình hình mâu thuẫn trong nội bộ nhân dân theo tổ dân phố',
	nav: { dashboard: 'Tổng quan', data: 'Dữ liệu', briefing: 'Báo cáo' },
	language: 'Ngôn ngữ',
	syntheticBanner: 'Dữ liệu mô phỏng (không phải số liệu thật) — phường mẫu dựng trên địa bàn Vĩnh Tuy.',
	loading: 'Đang tải dữ liệu…',
	loadFailed: (detail: string) => `Không tải được dữ liệu: ${detail}`,
	dataUntil: (date: string) => `số liệu đến ${date}`,
	period: 'Thời gian',
	presets: {
		this_month: 'Tháng này',
		last_month: 'Tháng trước',
		this_quarter: 'Quý này',
		last_quarter: 'Quý trước',
		last_6_months: '6 tháng',
		last_9_months: '9 tháng',
		this_year: 'Năm nay',
		last_12_months: '12 tháng gần nhất'
	} satisfies Record<Preset, string>,
	customPeriod: 'Tùy chọn',
	from: 'Từ ngày',
	to: 'Đến ngày',
	apply: 'Áp dụng',
	datePlaceholder: 'dd/mm/yyyy',
	invalidTypedDate: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.',
	categories: 'Loại mâu thuẫn',
	allCategories: 'Tất cả các loại',
	category: {
		land: 'Đất đai, ranh giới, lối đi chung',
		family: 'Hôn nhân và gia đình',
		neighbour: 'Hàng xóm, sinh hoạt',
		civil: 'Dân sự: vay mượn, hợp đồng, thừa kế',
		construction: 'Xây dựng, trật tự đô thị',
		environment: 'Môi trường, tiếng ồn',
		spontaneous: 'Va chạm bột phát',
		other: 'Khác'
	} satisfies Record<CategoryCode, string>,
	status: {
		received: 'Mới tiếp nhận',
		mediating: 'Đang hòa giải',
		resolved: 'Hòa giải thành',
		transferred: 'Chuyển cơ quan chức năng',
		escalated: 'Phát sinh vụ án, vi phạm',
		unresolved: 'Hòa giải không thành'
	} satisfies Record<StatusCode, string>,
	selectedGroups: 'Đang xem tổ',
	clearGroups: 'Bỏ chọn tổ',
	clearFilters: 'Xóa bộ lọc',
	mapTitle: 'Bản đồ các tổ dân phố',
	mode: {
		count: 'Số vụ việc',
		rate: 'Tỷ lệ trên 1.000 dân',
		change: 'Tăng, giảm so với kỳ trước',
		gistar: 'Điểm nóng (Gi*)',
		lisa: 'Cụm (Moran cục bộ)',
		emerging: 'Điểm nóng mới nổi'
	} satisfies Record<MapMode, string>,
	legendCases: 'Số vụ việc trong kỳ',
	legendRate: 'Vụ việc trên 1.000 dân',
	legendChange: 'Chênh lệch số vụ so với kỳ trước',
	noPopulation: 'chưa có số dân',
	hoverCases: (count: string) => `${count} vụ việc`,
	kpi: {
		total: 'Tổng số vụ việc',
		change: 'So với kỳ trước',
		previous: (count: string, from: string, to: string) => `kỳ trước (${from} – ${to}): ${count} vụ`,
		noPrevious: 'kỳ trước không có vụ nào',
		resolved: 'Hòa giải thành ở cơ sở',
		resolvedOf: (resolved: string, total: string) => `${resolved}/${total} vụ`
	},
	trendTitle: 'Diễn biến theo tháng',
	trendHint: 'Kéo chuột trên biểu đồ để chọn khoảng thời gian.',
	casesAxis: 'Số vụ',
	rankingTitle: 'Xếp hạng các tổ dân phố',
	rankingColumns: { rank: 'TT', group: 'Tổ dân phố', count: 'Số vụ', change: 'Tăng/giảm', resolved: 'Hòa giải thành', class: 'Phân loại' },
	noCases: 'Không có vụ việc nào phù hợp bộ lọc.',
	corrections: 'Một số tham số trên địa chỉ không hợp lệ và đã được sửa:',
	correction: (c: Correction): string => {
		switch (c.problem) {
			case 'invalid_date':
				return `“${c.param}=${c.value}” không phải là ngày có thật; đã dùng khoảng mặc định.`;
			case 'date_format':
				return `“${c.param}=${c.value}” đã được đọc là ngày/tháng/năm.`;
			case 'reversed_period':
				return `Ngày bắt đầu sau ngày kết thúc; đã đổi chỗ.`;
			case 'unknown_code':
				return `Bỏ qua mã không có “${c.param}=${c.value}”.`;
			case 'unknown_language':
				return `Không có ngôn ngữ “${c.value}”; đang dùng tiếng Việt.`;
		}
	},
	dataPage: {
		title: 'Dữ liệu đang dùng',
		demoNote: 'Đây là phường mẫu với dữ liệu mô phỏng, được nạp tự động khi mở lần đầu.',
		file: 'Tệp',
		read: 'Số dòng đọc',
		accepted: 'Nhận',
		rejected: 'Loại',
		updated: 'Cập nhật',
		importSoon: 'Nhập dữ liệu của phường (CSV, Excel…) sẽ có trong bản sau.'
	},
	statistics: {
		fdr: 'Hiệu chỉnh kiểm định bội (FDR)',
		legendGi: 'Điểm nóng – điểm lạnh (Getis-Ord Gi*)',
		legendGiFdr: 'Điểm nóng – điểm lạnh (Gi*, hiệu chỉnh FDR)',
		giBin: {
			'3': 'Điểm nóng, độ tin cậy 99 %',
			'2': 'Điểm nóng, độ tin cậy 95 %',
			'1': 'Điểm nóng, độ tin cậy 90 %',
			'0': 'Không có ý nghĩa thống kê',
			'-1': 'Điểm lạnh, độ tin cậy 90 %',
			'-2': 'Điểm lạnh, độ tin cậy 95 %',
			'-3': 'Điểm lạnh, độ tin cậy 99 %'
		} satisfies Record<`${ConfidenceBin}`, string>,
		legendLisa: 'Cụm theo Moran cục bộ (p < 0,05)',
		lisa: {
			HH: 'Cụm cao (Cao – Cao)',
			LL: 'Cụm thấp (Thấp – Thấp)',
			HL: 'Tổ cao giữa vùng thấp',
			LH: 'Tổ thấp giữa vùng cao',
			ns: 'Không có ý nghĩa thống kê'
		} satisfies Record<MoranCluster, string>,
		legendEmerging: 'Diễn biến điểm nóng theo tháng',
		emerging: {
			new_hot: 'Điểm nóng mới',
			consecutive_hot: 'Điểm nóng liên tiếp',
			intensifying_hot: 'Điểm nóng đang tăng',
			persistent_hot: 'Điểm nóng kéo dài',
			diminishing_hot: 'Điểm nóng đang giảm',
			sporadic_hot: 'Điểm nóng lúc có lúc không',
			oscillating_hot: 'Điểm nóng dao động',
			historical_hot: 'Điểm nóng trước đây',
			new_cold: 'Điểm lạnh mới',
			consecutive_cold: 'Điểm lạnh liên tiếp',
			intensifying_cold: 'Điểm lạnh đang tăng',
			persistent_cold: 'Điểm lạnh kéo dài',
			diminishing_cold: 'Điểm lạnh đang giảm',
			sporadic_cold: 'Điểm lạnh lúc có lúc không',
			oscillating_cold: 'Điểm lạnh dao động',
			historical_cold: 'Điểm lạnh trước đây',
			none: 'Không có xu hướng rõ'
		} satisfies Record<EmergingCategory, string>,
		constantField: 'Mọi tổ có cùng giá trị trong kỳ này: không xác định được điểm nóng.',
		shortSeries: (months: number) => `Dữ liệu chỉ có ${months} tháng: xu hướng chưa đáng tin cậy (cần từ 10 tháng).`,
		emergingNote: 'Tính trên toàn bộ các tháng có dữ liệu, theo loại và tình trạng đang chọn.',
		zScore: (z: string) => `z = ${z}`
	},
	handling: {
		title: 'Kết quả xử lý',
		medianDays: 'Thời gian giải quyết (trung vị)',
		days: (days: string) => `${days} ngày`,
		noResolved: 'chưa có vụ nào giải quyết xong',
		withoutDate: (count: string) => `${count} vụ hòa giải thành chưa ghi ngày, không tính`,
		openLonger: 'Tồn đọng kéo dài',
		openBreakdown: (d30: string, d60: string, d90: string) => `quá 30 ngày: ${d30} · quá 60: ${d60} · quá 90: ${d90}`,
		asOf: (date: string) => `tính đến ${date}`,
		escalated: 'Phát sinh vụ án, vi phạm',
		repeat: 'Vụ việc tái diễn'
	},
	breakdownTitle: 'Theo loại mâu thuẫn',
	breakdownHint: 'Bấm vào một loại để lọc theo loại đó.',
	detail: {
		title: (name: string) => `Chi tiết: ${name}`,
		population: (count: string) => `${count} nhân khẩu`,
		giSeries: 'Chỉ số Gi* theo tháng (trên 1,645 là điểm nóng, độ tin cậy 90 %)',
		cases: 'Danh sách vụ việc (đã ẩn danh)',
		columns: {
			id: 'Mã vụ việc',
			reported: 'Ngày tiếp nhận',
			category: 'Loại',
			status: 'Tình trạng',
			resolved: 'Ngày giải quyết',
			severity: 'Mức độ'
		},
		previousPage: 'Trang trước',
		nextPage: 'Trang sau',
		page: (page: string, pages: string) => `Trang ${page}/${pages}`,
		close: 'Đóng chi tiết'
	},
	dismiss: 'Đóng',
	comingSoon: 'Chức năng này đang được xây dựng.'
};

export type Messages = typeof vi;
