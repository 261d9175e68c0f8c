import type { CategoryCode } from '../core/schema/categories';
import type { StatusCode } from '../core/schema/statuses';
import type { EmergingStep, GiInference, Level, MapMode, StatisticalMode } from '../core/queries/view';
import type { TrendStep } from '../core/periods/buckets';
import type { Convention, Preset } from '../core/periods/periods';
import type { CompareChoice } from '../core/queries/compare';
import type { SourceCode } from '../core/schema/sources';
import type { Correction } from '../core/queries/view';
import type { ConfidenceBin, EmergingCategory, MoranCluster } from '../core/analysis';
import type { CaseField } from '../core/schema/dictionary';
import type { RefusalHint, RejectionReason } from '../core/import/report';

/** Vietnamese, the default language. Every key here must exist in `en.ts` (the compiler checks it). */
export const vi = {
	appName: 'Điểm nóng mâu thuẫn',
	appSubtitle: 'Nắm tình hình mâu thuẫn trong nội bộ nhân dân theo tổ dân phố',
	nav: { dashboard: 'Tổng quan', data: 'Dữ liệu', briefing: 'Báo cáo' },
	navLabel: 'Các trang',
	language: 'Ngôn ngữ',
	syntheticBanner: 'Dữ liệu mô phỏng (không phải số liệu thật) — phường mẫu dựng trên địa bàn Vĩnh Tuy.',
	syntheticFile: (file: string) => `Dữ liệu mô phỏng (không phải số liệu thật): tệp ${file} tự ghi là dữ liệu mô phỏng.`,
	loading: 'Đang tải dữ liệu…',
	loadFailed: (detail: string) => `Không tải được dữ liệu: ${detail}`,
	dataUntil: (date: string) => `số liệu đến ${date}`,
	period: 'Thời gian',
	presets: {
		this_month: 'Tháng này',
		last_month: 'Tháng trước',
		this_quarter: 'Quý này',
		last_quarter: 'Quý trước',
		first_6_months: '6 tháng đầu năm',
		first_9_months: '9 tháng đầu năm',
		this_year: 'Cả năm',
		last_year: 'Năm trước',
		last_12_months: '12 tháng gần nhất'
	} satisfies Record<Preset, string>,
	reportingPresets: {
		this_month: 'Kỳ báo cáo tháng này',
		last_month: 'Kỳ báo cáo tháng trước',
		this_quarter: 'Kỳ báo cáo quý này',
		last_quarter: 'Kỳ báo cáo quý trước',
		first_6_months: 'Kỳ báo cáo 6 tháng đầu năm',
		first_9_months: 'Kỳ báo cáo 9 tháng đầu năm',
		this_year: 'Kỳ báo cáo cả năm',
		last_year: 'Kỳ báo cáo năm trước',
		last_12_months: '12 kỳ báo cáo tháng gần nhất'
	} satisfies Record<Preset, string>,
	conventions: {
		calendar: 'Theo tháng, quý (từ ngày 1)',
		reporting: 'Theo kỳ báo cáo (từ ngày 15 tháng trước đến ngày 14)'
	} satisfies Record<Convention, string>,
	customPeriod: 'Tùy chọn',
	playback: {
		title: 'Xem lần lượt từng tháng',
		play: 'Phát',
		pause: 'Tạm dừng',
		back: 'Tháng trước đó',
		forward: 'Tháng sau đó',
		speed: 'Tốc độ',
		perMonth: (seconds: string) => `${seconds} giây/tháng`,
		month: (month: string) => `Tháng ${month}`
	},
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
	statuses: 'Tình trạng',
	allStatuses: 'Mọi tình trạng',
	status: {
		received: 'Mới tiếp nhận',
		mediating: 'Đang hòa giải',
		resolved: 'Hòa giải thành',
		transferred: 'Chuyển cơ quan chức năng',
		escalated: 'Phát sinh vụ án, vi phạm',
		unresolved: 'Hòa giải không thành'
	} satisfies Record<StatusCode, string>,
	sources: 'Nguồn phát hiện',
	allSources: 'Mọi nguồn',
	sourceNote: 'Khi đã chọn nguồn, các vụ việc không ghi nguồn phát hiện không được tính.',
	withoutUnrecordedSource: 'không gồm vụ việc không ghi nguồn',
	source: {
		resident: 'Người dân báo',
		patrol: 'Tuần tra',
		mediation_team: 'Tổ hòa giải',
		group_head: 'Tổ trưởng tổ dân phố',
		hotline: 'Đường dây nóng',
		other: 'Khác'
	} satisfies Record<SourceCode, string>,
	selectedGroups: 'Đang xem tổ',
	clearGroups: 'Bỏ chọn tổ',
	wards: {
		level: 'Xem theo',
		levels: { group: 'Tổ dân phố', ward: 'Phường' },
		menu: 'Phường',
		all: 'Mọi phường',
		clear: 'Xem cả quận',
		rankingTitle: 'Xếp hạng các phường',
		rankingColumn: 'Phường',
		mapTitle: 'Bản đồ các phường',
		mapKeys: 'Các phường trên bản đồ: phím mũi tên để chuyển phường, Enter để xem các tổ của phường'
	},
	clearFilters: 'Xóa bộ lọc',
	mapTitle: 'Bản đồ các tổ dân phố',
	mapGroups: 'Các tổ dân phố trên bản đồ: phím mũi tên để chuyển tổ, Enter để xem chi tiết',
	mode: {
		count: 'Số vụ việc',
		rate: 'Tỷ lệ trên 1.000 dân',
		change: 'Tăng, giảm so với kỳ trước',
		gistar: 'Điểm nóng thống kê (Gi*)',
		lisa: 'Cụm tổ cao, tổ thấp (Moran cục bộ)',
		emerging: 'Điểm nóng qua thời gian'
	} satisfies Record<MapMode, string>,
	/** One line under the legend of a statistical map: what its colours mean, in plain words. */
	modeExplanation: {
		gistar: 'Đỏ: tổ cùng các tổ xung quanh có nhiều vụ hơn hẳn mức chung của phường, khó là ngẫu nhiên; xanh: ít hơn hẳn; xám: không khác rõ.',
		lisa: 'Đỏ: tổ nhiều vụ giữa các tổ cũng nhiều vụ; xanh đậm: tổ ít vụ giữa các tổ ít vụ; màu nhạt: tổ khác hẳn các tổ quanh nó.',
		emerging: 'Màu cho biết điểm nóng (đỏ) hay điểm lạnh (xanh) mới xuất hiện, kéo dài, tăng hay giảm qua từng kỳ.'
	} satisfies Record<StatisticalMode, string>,
	savePng: 'Lưu ảnh bản đồ (PNG)',
	legendCases: 'Số vụ việc trong kỳ',
	legendRate: 'Vụ việc trên 1.000 dân',
	ebRate: (raw: string, eb: string) => `${raw} vụ/1.000 dân (đã hiệu chỉnh: ${eb})`,
	ebNote: 'Rê chuột lên một tổ để xem tỷ lệ đã hiệu chỉnh thực nghiệm Bayes: tổ ít dân có tỷ lệ dễ dao động, được kéo về mức chung của phường.',
	legendChange: 'Chênh lệch số vụ so với kỳ trước',
	legendWithheld: 'Ẩn trong bản phát hành (“<5”, “x”)',
	noPopulation: 'chưa có số dân',
	hoverCases: (count: string) => `${count} vụ việc`,
	kpi: {
		total: 'Tổng số vụ việc',
		change: 'So với kỳ trước',
		previous: (count: string, from: string, to: string) => `kỳ trước (${from} – ${to}): ${count} vụ`,
		noPrevious: 'kỳ trước không có vụ nào',
		resolved: 'Hòa giải thành ở cơ sở',
		resolvedOf: (resolved: string, total: string) => `${resolved}/${total} vụ`,
		lastYear: 'Cùng kỳ năm trước',
		lastYearDates: (from: string, to: string) => `từ ${from} đến ${to}`,
		noData: 'Không có số liệu',
		dataFrom: (date: string) => `số liệu chỉ có từ ${date}`
	},
	compare: {
		label: 'So sánh với',
		choice: {
			none: 'Không so sánh',
			last_year: 'Cùng kỳ năm trước',
			previous: 'Kỳ trước',
			custom: 'Khoảng thời gian khác…'
		} satisfies Record<'none' | CompareChoice, string>,
		total: 'Kỳ so sánh',
		dates: (from: string, to: string) => `từ ${from} đến ${to}`,
		mapTitle: (from: string, to: string) => `${from} – ${to}`,
		countsOnly: 'Khi so sánh hai kỳ, bản đồ cho biết số vụ việc: các phép kiểm định thống kê chỉ tính cho từng kỳ riêng.',
		sameScale: 'Hai bản đồ dùng chung một thang màu.',
		column: 'Kỳ so sánh',
		change: 'Tăng/giảm so với kỳ so sánh'
	},
	caseExport: {
		csv: 'Tải danh sách vụ việc (CSV)',
		xlsx: 'Tải danh sách vụ việc (Excel)',
		short: 'Tải danh sách vụ việc:',
		busy: 'Đang chuẩn bị tệp…',
		refused: 'Bản phát hành không kèm danh sách từng vụ việc.',
		sheet: 'Danh sách vụ việc',
		columns: {
			id: 'Mã vụ việc',
			reported: 'Ngày tiếp nhận',
			groupCode: 'Mã tổ',
			group: 'Tổ dân phố',
			category: 'Loại mâu thuẫn',
			status: 'Tình trạng',
			resolved: 'Ngày giải quyết',
			severity: 'Mức độ',
			source: 'Nguồn phát hiện',
			repeat: 'Tái diễn'
		},
		yes: 'Có',
		no: 'Không'
	},
	trend: {
		title: { week: 'Diễn biến theo tuần', month: 'Diễn biến theo tháng', quarter: 'Diễn biến theo quý' } satisfies Record<TrendStep, string>,
		stepControl: 'Xem theo',
		steps: { week: 'Tuần', month: 'Tháng', quarter: 'Quý' } satisfies Record<TrendStep, string>,
		units: { week: 'tuần', month: 'tháng', quarter: 'quý' } satisfies Record<TrendStep, string>,
		week: (week: number, year: number) => `Tuần ${week}/${year}`,
		month: (month: string) => `Tháng ${month}`,
		quarter: (quarter: number, year: number) => `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}/${year}`,
		previous: (from: string, to: string, unit: string) =>
			`Nét đứt: kỳ trước (${from} – ${to}), ${unit} đầu của kỳ trước vẽ trên ${unit} đầu của kỳ này, lần lượt như vậy.`,
		noPrevious: (unit: string) =>
			`Không vẽ được kỳ trước để so sánh: kỳ trước nằm ngoài số liệu, hoặc hai kỳ cùng nằm trong một ${unit}.`,
		previousPoint: (label: string, count: string) => `Kỳ trước, ${label}: ${count} vụ`,
		partial: (label: string, from: string, to: string) =>
			`${label} chỉ có số liệu từ ${from} đến ${to} (cột nhạt): số vụ ít hơn ở đây không có nghĩa là giảm.`,
		table: 'Bảng số liệu',
		columns: { bucket: 'Thời gian', count: 'Số vụ', previous: 'Kỳ trước', partial: 'chưa trọn' }
	},
	trendHint: 'Kéo chuột trên biểu đồ để chọn khoảng thời gian.',
	trendChart: (from: string, to: string) => `Biểu đồ cột: số vụ việc mỗi tháng theo loại mâu thuẫn, từ ${from} đến ${to}`,
	casesAxis: 'Số vụ',
	rankingTitle: 'Xếp hạng các tổ dân phố',
	rankingColumns: { rank: 'TT', group: 'Tổ dân phố', count: 'Số vụ', change: 'Tăng/giảm', resolved: 'Hòa giải thành', class: 'Phân loại' },
	rankingSparkline: {
		column: 'Theo tháng',
		label: (first: string, last: string, peakMonth: string, peak: string, lastCount: string) =>
			`Số vụ theo tháng từ ${first} đến ${last}: tháng cao nhất ${peakMonth} với ${peak} vụ, tháng cuối ${lastCount} vụ.`,
		none: (first: string, last: string) => `Không có vụ nào từ ${first} đến ${last}.`,
		partial: (months: string) => ` Chưa trọn tháng (nhạt hơn): ${months}.`
	},
	noCases: 'Không có vụ việc nào phù hợp bộ lọc.',
	corrections: 'Một số tham số trên địa chỉ không hợp lệ và đã được sửa:',
	correction: (c: Correction): string => {
		switch (c.problem) {
			case 'invalid_date':
				return `“${c.param}=${c.value}” không phải là ngày có thật; đã dùng khoảng mặc định.`;
			case 'date_format':
				return `“${c.param}=${c.value}” đã được đọc là ngày/tháng/năm.`;
			case 'date_out_of_range':
				return `“${c.param}=${c.value}” nằm ngoài khoảng 1900–2100; đã dùng ngày ${(c.end ?? c.param) === 'from' ? 'đầu' : 'cuối'} của số liệu.`;
			case 'reversed_period':
				return c.param === 'compare'
					? 'Kỳ so sánh có ngày bắt đầu sau ngày kết thúc; đã đổi chỗ.'
					: `Ngày bắt đầu sau ngày kết thúc; đã đổi chỗ.`;
			case 'compare_format':
				return `Không đọc được “compare=${c.value}” (cần dạng năm-tháng-ngày..năm-tháng-ngày, ví dụ 2019-07-01..2019-09-30); đã bỏ so sánh.`;
			case 'unknown_code':
				return `Bỏ qua mã không có “${c.param}=${c.value}”.`;
			case 'unknown_language':
				return `Không có ngôn ngữ “${c.value}”; đang dùng tiếng Việt.`;
			case 'distribution_value':
				return `“dist=${c.value}” không rõ; để an toàn, đây là bản phát hành (ẩn số nhỏ). Bản đầy đủ: bỏ tham số “dist” hoặc dùng “dist=0”.`;
		}
	},
	statistics: {
		fdr: 'Hiệu chỉnh kiểm định bội (FDR)',
		legendGi: 'Điểm nóng – điểm lạnh (Getis-Ord Gi*)',
		legendGiFdr: 'Điểm nóng – điểm lạnh (Gi*, hiệu chỉnh FDR)',
		inference: 'Cách tính mức ý nghĩa',
		inferenceOption: {
			permutation: 'Hoán vị (như GeoDa)',
			normal: 'Phân phối chuẩn (như ArcGIS)'
		} satisfies Record<GiInference, string>,
		inferenceNote: {
			permutation:
				'Mức ý nghĩa tính bằng 999 lần hoán vị ngẫu nhiên (như GeoDa): đúng cả khi số vụ nhỏ và lệch, nên tìm được cả điểm lạnh.',
			normal:
				'Mức ý nghĩa theo phân phối chuẩn (như ArcGIS), để so sánh: khi số vụ nhỏ và lệch, cách này thường không thấy được điểm lạnh.'
		} satisfies Record<GiInference, string>,
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
		legendEmerging: {
			month: 'Diễn biến điểm nóng theo tháng',
			quarter: 'Diễn biến điểm nóng theo quý'
		} satisfies Record<EmergingStep, string>,
		step: 'Bước thời gian',
		stepUnit: { month: 'tháng', quarter: 'quý' } satisfies Record<EmergingStep, string>,
		stepAuto: (unit: string) => `Tự động (theo ${unit})`,
		stepAutoNote: (unit: string, median: string) =>
			`Tính theo ${unit}, chọn theo số liệu: mỗi tổ trung bình (trung vị) ${median} vụ/${unit}.`,
		spaceTimeNote: (unit: string) =>
			`Gi* của mỗi ${unit} tính gộp cả ${unit} liền trước, so với toàn bộ các ${unit} (vùng lân cận không gian – thời gian như ArcGIS), vì một ${unit} có ít vụ.`,
		sparseSteps: (unit: string, median: string) =>
			`Ít vụ việc: mỗi tổ trung bình (trung vị) chỉ ${median} vụ/${unit}, dưới 2. Phần lớn diễn biến không phân biệt được với ngẫu nhiên; một cụm nóng thật vẫn có thể hiện là “không thuộc mẫu hình nào”.`,
		hotSteps: (hot: number, cold: number, total: number, unit: string) =>
			`nóng ${hot}, lạnh ${cold} trên ${total} ${unit}`,
		trendUp: 'z tăng rõ (Mann–Kendall, p < 0,05)',
		trendDown: 'z giảm rõ (Mann–Kendall, p < 0,05)',
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
			none: 'Không thuộc mẫu hình nào'
		} satisfies Record<EmergingCategory, string>,
		constantField: 'Mọi tổ có cùng giá trị trong kỳ này: không xác định được điểm nóng.',
		shortSeries: (steps: number, unit: string) =>
			`Dữ liệu chỉ có ${steps} ${unit}: xu hướng chưa đáng tin cậy (cần từ 10 ${unit}).`,
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
	alerts: {
		title: 'Cảnh báo sớm',
		lead: (month: string, months: number, level: Level) =>
			`${level === 'ward' ? 'Phường' : 'Tổ dân phố'} tăng bất thường so với chính mình trong tháng ${month} (tháng trọn vẹn cuối của kỳ), so với ${months} tháng trước đó.`,
		tally: (flagged: string, total: string, level: Level) =>
			`${flagged} trên ${total} ${level === 'ward' ? 'phường' : 'tổ dân phố'} được cảnh báo.`,
		shortBaseline: (months: number) =>
			`Trước tháng này chỉ có ${months} tháng số liệu (chưa đủ 12): mức thường lệ tính trên ${months} tháng.`,
		row: (name: string, count: string, month: string, usual: string) => `${name}: ${count} vụ trong tháng ${month}, ${usual}`,
		usualAbout: (mean: string) => `thường khoảng ${mean} vụ/tháng`,
		usualNone: (months: number) => `${months} tháng trước không có vụ nào`,
		none: (month: string, level: Level) =>
			`Không có ${level === 'ward' ? 'phường' : 'tổ dân phố'} nào tăng bất thường trong tháng ${month}.`,
		noMonth: 'Kỳ đang chọn không có tháng trọn vẹn nào có số liệu, nên không tính cảnh báo sớm.',
		shortHistory: (month: string, months: number) =>
			`Trước tháng ${month} chỉ có ${months} tháng số liệu (cần ít nhất 3): chưa tính được cảnh báo sớm.`,
		help: (count: string, level: Level) => {
			const unit = level === 'ward' ? 'phường' : 'tổ';
			return `Một ${unit} được cảnh báo khi có từ ba vụ trở lên trong tháng và con số đó khó xảy ra do ngẫu nhiên (xác suất dưới 1 %) nếu ${unit} vẫn ở mức trung bình hằng tháng của mình (phân phối Poisson, cùng họ phương pháp với EARS của CDC và Farrington và cộng sự, 1996). Tính cho ${level === 'ward' ? 'các phường đang xem' : 'toàn phường'}, theo loại và tình trạng đang chọn. Giới hạn: mức thường lệ không tính xu hướng tăng dần hay mùa vụ; với ${count} ${unit}, ngưỡng 1 % cho mỗi ${unit} mỗi tháng vẫn có lúc cảnh báo nhầm.`;
		}
	},
	breakdownTitle: 'Theo loại mâu thuẫn',
	breakdownHint: 'Bấm vào một loại để lọc theo loại đó.',
	seasonality: {
		title: 'Mâu thuẫn theo mùa',
		hint: (from: string, to: string) => `Toàn bộ dữ liệu từ ${from} đến ${to}, theo các bộ lọc hiện tại trừ khoảng thời gian.`,
		byMonth: 'Theo tháng trong năm',
		byWeekday: 'Theo thứ trong tuần',
		month: 'Tháng',
		weekday: 'Thứ',
		count: 'Số vụ',
		perYear: (years: string) => `Trung bình mỗi năm (${years} năm)`,
		months: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'],
		weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']
	},
	detail: {
		title: (name: string) => `Chi tiết: ${name}`,
		population: (count: string) => `${count} nhân khẩu`,
		giSeries: (unit: string) => `Chỉ số Gi* theo ${unit} (trên 1,645 là điểm nóng, độ tin cậy 90 %)`,
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
	importing: {
		title: 'Nhập dữ liệu của phường',
		hint: 'Chọn tệp vụ việc (CSV, Excel .xlsx, Parquet hoặc JSON lines) và, khi nhập lần đầu, tệp các tổ dân phố: GeoJSON có ranh giới hoặc điểm trung tâm, hoặc bảng CSV/Excel có mã tổ (kèm kinh độ, vĩ độ nếu có). Dữ liệu chỉ nằm trên máy này.',
		choose: 'Chọn tệp',
		dropHere: 'Kéo thả tệp vào đây, hoặc',
		reading: 'Đang đọc tệp…',
		importing: 'Đang nhập và kiểm tra từng dòng…',
		progressRead: (rows: string, total: string | null) => (total === null ? `đã đọc ${rows} dòng` : `đã đọc ${rows} / ${total} dòng`),
		progressMapped: (rows: string, total: string | null) => (total === null ? `đã xử lý ${rows} dòng` : `đã xử lý ${rows} / ${total} dòng`),
		groupsLayout: {
			voronoi: 'Tệp tổ dân phố chỉ có điểm trung tâm: bản đồ sẽ ước lượng ranh giới các tổ từ các điểm này.',
			tiles: 'Tệp tổ dân phố không có đủ vị trí: bản đồ sẽ xếp các tổ thành lưới ô, không theo vị trí thật.'
		},
		sheet: 'Trang tính có danh sách vụ việc:',
		sheetHint: 'Tệp Excel có nhiều trang tính. Nếu danh sách vụ việc nằm ở trang khác, hãy chọn trang đó.',
		headerLine: 'Dòng tiêu đề cột:',
		headerLineOption: (line: string, text: string) => `Dòng ${line}: ${text}`,
		headerLineHint: 'Nếu tên các cột không đúng, hãy chọn dòng chứa tên cột.',
		skippedTitle: (count: string, lines: string) => `Bỏ qua ${count} dòng tiêu đề phía trên bảng (dòng ${lines}).`,
		skippedFooter: (count: string, lines: string) =>
			`Bỏ qua ${count} dòng cuối bảng (tổng cộng, người lập biểu, chữ ký…) (dòng ${lines}).`,
		skippedNotRead: 'Các dòng này không phải vụ việc nên không tính vào số dòng đã đọc.',
		mappingTitle: 'Đối chiếu cột',
		mappingHint: 'Kiểm tra mỗi thông tin được lấy từ cột nào trong tệp; sửa nếu cần. Dấu * là bắt buộc.',
		noColumn: '— không có —',
		sample: 'Ví dụ',
		fieldNames: {
			case_id: 'Mã vụ việc',
			reported_on: 'Ngày tiếp nhận',
			group_code: 'Tổ dân phố',
			category: 'Loại mâu thuẫn',
			status: 'Tình trạng',
			resolved_on: 'Ngày giải quyết',
			severity: 'Mức độ nguy cơ',
			source: 'Nguồn phát hiện',
			repeat: 'Tái diễn',
			lat: 'Vĩ độ',
			lon: 'Kinh độ',
			ward_code: 'Phường'
		} satisfies Record<CaseField, string>,
		groupFieldNames: { name: 'Tên tổ', population: 'Số nhân khẩu', households: 'Số hộ' },
		missing: (fields: string) => `Chưa chọn cột cho: ${fields}.`,
		unfillable: (fields: string) =>
			`Tệp không có cột nào cho: ${fields}. Đây là thông tin bắt buộc của mỗi vụ việc (mã, ngày tiếp nhận, tổ dân phố, loại, tình trạng) và không cột nào còn lại của tệp có thể dùng cho thông tin này, nên không thể nhập tệp này. Hãy xuất lại tệp có cột đó, hoặc chọn lại dòng tiêu đề cột nếu tên cột bị đọc sai.`,
		labelsTitle: 'Nhãn chưa nhận ra',
		labelsHint: 'Các giá trị sau không có trong danh mục. Hãy chọn mã tương ứng; để trống thì các dòng đó sẽ bị loại và ghi vào báo cáo.',
		labelRows: (count: string) => `${count} dòng`,
		leaveOut: '— loại các dòng này —',
		modeTitle: 'Cách nhập',
		modeAppend: 'Bổ sung: thêm vụ mới, vụ trùng mã được cập nhật',
		modeReplace: 'Thay thế toàn bộ dữ liệu hiện có',
		replacesDemo: 'Dữ liệu mô phỏng sẽ được thay bằng dữ liệu của phường.',
		confirm: 'Xác nhận và nhập',
		cancel: 'Hủy',
		personalTitle: 'Tệp có cột giống thông tin cá nhân — đã dừng nhập',
		personalColumn: (header: string, kind: string, matches: string, of: string) =>
			`Cột “${header}”: ${kind} (${matches}/${of} giá trị).`,
		personalByHeader: (header: string, kind: string) => `Cột “${header}”: tên cột cho thấy ${kind}.`,
		personalKinds: { name: 'họ tên người', phone: 'số điện thoại', citizen_id: 'số CCCD/CMND', address: 'địa chỉ nhà' },
		personalHint: 'Dữ liệu phân tích không được chứa thông tin cá nhân. Bạn có thể bỏ các cột này (giá trị của chúng không được lưu) rồi tiếp tục.',
		dropAndContinue: 'Bỏ các cột này và tiếp tục',
		refused: 'Không nhập được tệp',
		refusals: {
			missing_column: (detail: string) => `Thiếu cột bắt buộc (${detail}).`,
			empty_file: (detail: string) => `Tệp trống: ${detail}.`,
			no_valid_rows: (detail: string) =>
				`Không có dòng nào của ${detail} hợp lệ. Nhập tệp này sẽ thay dữ liệu đang dùng bằng một phường không có vụ việc nào, nên tệp không được nhập. Hãy kiểm tra các cột ngày, tổ dân phố, loại và tình trạng rồi nhập lại.`,
			invalid_geojson: (detail: string) => `Tệp ranh giới tổ dân phố không phải GeoJSON hợp lệ: ${detail}.`,
			no_groups: (detail: string) => `Tệp ranh giới không có tổ dân phố nào dùng được: ${detail}.`,
			unreadable: (detail: string) => `Không đọc được tệp: ${detail}`,
			binary_file: (detail: string) => `Tệp không phải dạng bảng chữ: ${detail}`,
			unsupported_encoding: (detail: string) => `Không nhận ra bảng mã của tệp. Hãy lưu lại dưới dạng “CSV UTF-8” hoặc .xlsx. (${detail})`,
			unsupported_format: (detail: string) => `Định dạng tệp chưa hỗ trợ: ${detail}`,
			personal_data: (detail: string) => `Tệp còn cột thông tin cá nhân: ${detail}.`,
			needs_groups: (detail: string) => `Lần nhập đầu tiên cần cả tệp các tổ dân phố (GeoJSON hoặc bảng CSV/Excel có mã tổ) cùng với ${detail}.`,
			no_cases_file: (detail: string) => `Chưa có tệp vụ việc trong các tệp đã chọn: ${detail}.`,
			too_many_files: (detail: string) => `Mỗi lần chỉ nhập một tệp vụ việc và nhiều nhất một tệp tổ dân phố: ${detail}.`,
			storage_full: () =>
				'Bộ nhớ của trình duyệt trên máy này đã đầy nên không lưu được dữ liệu mới. Không có gì thay đổi: dữ liệu trước đó vẫn được giữ nguyên, cả khi mở lại trang. Hãy giải phóng dung lượng ổ đĩa rồi nhập lại.',
			stale: () =>
				'Dữ liệu đã được thay đổi ở một thẻ khác của trình duyệt, nên tệp này chưa được nhập để không ghi đè lên thay đổi đó. Thẻ này vừa tải lại dữ liệu mới nhất; hãy xem lại rồi nhập lại tệp nếu cần.',
			failed: (detail: string) => `Có lỗi khi nhập; dữ liệu trước đó được giữ nguyên. (${detail})`
		} satisfies Record<string, (detail: string) => string>,
		refusalHints: {
			old_excel: (files: string) =>
				`${files}: đây là tệp Excel đời cũ (.xls) hoặc tệp có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, chọn “Lưu thành” → “Excel Workbook (.xlsx)”, rồi nhập tệp mới.`,
			geojson_as_cases: (files: string) =>
				`${files}: tệp GeoJSON chứa ranh giới các tổ dân phố, không phải danh sách vụ việc. Hãy chọn cả tệp vụ việc (CSV hoặc Excel).`,
			unknown_format: (files: string) =>
				`${files}: không nhận ra loại tệp. Hãy nhập bảng vụ việc dạng .csv, .tsv, .txt, .xlsx, .parquet hoặc .jsonl, và ranh giới tổ dân phố dạng .geojson.`,
			utf32: (files: string) => `${files}: tệp được lưu bằng bảng mã UTF-32. Hãy mở bằng Excel và lưu lại dạng “CSV UTF-8” hoặc .xlsx.`,
			unknown_encoding: (files: string) =>
				`${files}: không nhận ra bảng mã chữ (có thể là TCVN3 hoặc VNI). Hãy mở bằng Excel và lưu lại dạng “CSV UTF-8” hoặc .xlsx.`,
			invalid_text: (files: string) => `${files}: tệp có chỗ hỏng, không đọc được thành chữ. Hãy xuất lại tệp dạng “CSV UTF-8” hoặc .xlsx.`,
			not_text: (files: string) =>
				`${files}: tệp không phải là bảng chữ. Nếu là bảng tính, hãy nhập chính tệp .xlsx, hoặc lưu lại dạng “CSV UTF-8”.`,
			unclosed_quote_header: (files: string) =>
				`${files}: dòng tiêu đề mở một dấu ngoặc kép (") không bao giờ được đóng, nên không tách được tệp thành cột. Hãy đóng hoặc xóa dấu ngoặc kép đó rồi nhập lại.`,
			bad_xlsx: (files: string) => `${files}: không mở được tệp Excel này. Hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.`,
			no_sheet: (files: string) => `${files}: không còn trang tính đã chọn. Hãy chọn lại tệp.`,
			bad_parquet: (files: string) => `${files}: không đọc được tệp Parquet này. Hãy xuất lại tệp, hoặc dùng CSV hay .xlsx.`
		} satisfies Record<RefusalHint, (files: string) => string>,
		unchanged: 'Dữ liệu đang dùng không thay đổi.',
		tryAgain: 'Chọn tệp khác',
		reportTitle: 'Kết quả nhập',
		reportLine: (read: string, accepted: string, rejected: string, updated: string) =>
			`Đọc ${read} dòng: nhận ${accepted}, loại ${rejected}, cập nhật ${updated}.`,
		unclosedQuoteAhead: (line: string, lines: string) =>
			`Dấu ngoặc kép (") mở ở dòng ${line} không được đóng đến hết tệp: nếu nhập, ${lines} dòng từ dòng ${line} trở đi sẽ bị loại. Nên đóng hoặc xóa dấu ngoặc kép đó rồi chọn lại tệp.`,
		unclosedQuote: (line: string, lines: string) =>
			`Dấu ngoặc kép (") mở ở dòng ${line} không được đóng đến hết tệp, nên ${lines} dòng từ dòng ${line} trở đi không tách được thành cột và đều bị loại. Hãy đóng hoặc xóa dấu ngoặc kép ở dòng ${line} rồi nhập lại các dòng đó.`,
		excelSerialDates: (count: string) =>
			`${count} ô ngày được ghi bằng số ngày của Excel (cột ngày lưu ở dạng “General”: 43891 là ngày 01/03/2020) và đã được đọc thành ngày.`,
		rejectedTitle: 'Các dòng bị loại',
		columns: { line: 'Dòng', reason: 'Lý do', code: 'Mã lý do', field: 'Cột' },
		reasons: {
			missing_value: 'thiếu giá trị bắt buộc',
			invalid_date: 'ngày không hợp lệ',
			future_date: 'ngày ở tương lai',
			resolved_before_reported: 'ngày giải quyết trước ngày tiếp nhận',
			unknown_group: 'tổ dân phố không có trong danh sách',
			ward_mismatch: 'phường không phải phường của tổ dân phố',
			unknown_category: 'loại mâu thuẫn không có trong danh mục',
			unknown_status: 'tình trạng không có trong danh mục',
			unknown_source: 'nguồn phát hiện không có trong danh mục',
			invalid_number: 'số không hợp lệ',
			invalid_value: 'giá trị không hợp lệ',
			outside_ward: 'tọa độ nằm ngoài địa bàn phường',
			wrong_column_count: 'số cột của dòng không khớp tiêu đề',
			unreadable_row: 'không đọc được dòng',
			unclosed_quote: 'dấu ngoặc kép (") mở ở dòng này không bao giờ được đóng',
			in_unclosed_quote: 'nằm trong dấu ngoặc kép chưa đóng ở dòng trên',
			duplicate_id: 'mã vụ việc bị trùng trong tệp'
		} satisfies Record<RejectionReason, string>,
		moreRejected: (count: string) => `… và ${count} dòng khác (xem tệp tải về).`,
		downloadRejected: 'Tải danh sách dòng bị loại (CSV)',
		toDashboard: 'Xem trên bảng tổng quan'
	},
	mapLayout: {
		voronoi: 'Bản đồ gần đúng: ranh giới các tổ được ước lượng từ điểm trung tâm.',
		tiles: 'Sơ đồ ô: các tổ được xếp thành lưới, không theo vị trí thật.'
	},
	datasets: {
		title: 'Dữ liệu đang dùng',
		demo: 'Đang dùng phường mẫu với dữ liệu mô phỏng. Nhập dữ liệu của phường để thay thế.',
		period: (from: string, to: string) => `Vụ việc từ ${from} đến ${to}`,
		groups: (count: string) => `${count} tổ dân phố`,
		imported: (date: string) => `nhập lúc ${date}`,
		rows: (count: string) => `${count} dòng`,
		kinds: { cases: 'vụ việc', groups: 'tổ dân phố' },
		persistent: 'Dữ liệu được lưu trên máy này và vẫn còn khi mở lại trình duyệt.',
		notPersistent: 'Trình duyệt chưa cam kết giữ dữ liệu lâu dài; dữ liệu vẫn được lưu nhưng có thể bị xóa khi máy thiếu dung lượng.',
		clear: 'Xóa dữ liệu của phường',
		clearConfirm: 'Xóa toàn bộ dữ liệu đã nhập trên máy này? Bảng tổng quan sẽ quay về phường mẫu.'
	},
	appUpdate: {
		message: 'Có phiên bản mới của ứng dụng.',
		reload: 'Tải lại'
	},
	changedElsewhere: {
		message: 'Dữ liệu của phường vừa được thay đổi ở một thẻ khác của trình duyệt; thẻ này vẫn hiển thị dữ liệu cũ.',
		reload: 'Tải dữ liệu mới'
	},
	engineStopped: {
		title: 'Bộ xử lý dữ liệu của trang đã dừng đột ngột',
		message:
			'Trang không thể hiển thị hay nhập thêm dữ liệu cho đến khi được tải lại. Dữ liệu đã lưu trên máy này không bị ảnh hưởng: tải lại trang để tiếp tục.',
		reload: 'Tải lại trang'
	},
	damaged: {
		title: 'Không đọc được dữ liệu đã lưu trên máy này',
		reasons: {
			manifest: (file: string) => `Tệp mục lục của dữ liệu đã lưu (${file}) bị hỏng.`,
			missing: (file: string) => `Thiếu tệp ${file} của dữ liệu đã lưu.`,
			unreadable: (file: string) => `Tệp ${file} của dữ liệu đã lưu bị hỏng hoặc bị cắt ngắn.`,
			empty: (file: string) => `Tệp ${file} của dữ liệu đã lưu bị rỗng.`
		},
		lost: 'Các tệp đã nhập sau đây không dùng được nữa:',
		lostUnknown: 'Không còn biết được những tệp nào đã nhập.',
		file: (name: string, rows: string, date: string) => `${name} (${rows} dòng, nhập lúc ${date})`,
		nothingShown: 'Bảng tổng quan và báo cáo không hiển thị số liệu cho đến khi xóa dữ liệu hỏng. Sau khi xóa, ứng dụng dùng lại phường mẫu; hãy nhập lại các tệp của phường.',
		clear: 'Xóa dữ liệu hỏng',
		clearConfirm: 'Xóa dữ liệu đã lưu bị hỏng trên máy này? Ứng dụng sẽ quay về phường mẫu.'
	},
	briefing: {
		back: '← Về bảng tổng quan',
		print: 'In / Lưu PDF',
		distribution: 'Bản phát hành (ẩn số nhỏ hơn 5)',
		editHeader: 'Sửa thông tin cơ quan',
		settings: {
			agency: 'Cơ quan (dòng trên)',
			committee: 'Ban chỉ đạo (dòng dưới)',
			place: 'Địa danh',
			number: 'Số văn bản (để trống: ghi tay sau)',
			signatory: 'Chức danh người ký',
			signer: 'Họ tên người ký',
			recipients: 'Nơi nhận',
			convention: 'Cách tính kỳ mặc định',
			save: 'Lưu'
		},
		nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		numberLabel: 'Số:',
		motto: 'Độc lập - Tự do - Hạnh phúc',
		title: 'BÁO CÁO',
		suppressionOn:
			'Bản phát hành: các số từ 1 đến 4 được ghi là “<5”; “x” là một số từ 5 trở lên được ẩn thêm, để không ai tính ngược ra các số đã ẩn từ số tổng và các số còn lại (khi mọi dòng của một bảng đều là “x”, cả bảng được ẩn, kể cả số 0). Mức tăng, giảm và tỷ lệ có thể làm lộ một số đã ẩn thì không ghi (“…”), và không in diễn biến theo tháng.',
		previousPeriod: (from: string, to: string) => `Kỳ trước (${from} – ${to})`,
		sameLastYear: (from: string, to: string) => `Cùng kỳ năm trước (${from} – ${to})`,
		comparedPeriod: (from: string, to: string) => `Kỳ so sánh (${from} – ${to})`,
		compareWithheld: 'bản phát hành không ghi kỳ so sánh',
		noData: 'không có số liệu',
		area: (wards: string) => `Địa bàn: ${wards}.`,
		wholeDistrict: (count: string, wards: string) => `toàn bộ ${count} phường (${wards})`,
		filters: (parts: string) => `Bộ lọc: ${parts}. Mọi số liệu trong báo cáo chỉ tính các vụ việc này.`,
		sections: {
			figures: 'I. Số liệu chính',
			facts: 'II. Tình hình nổi bật',
			map: 'III. Bản đồ các tổ dân phố',
			top: 'IV. Các tổ có nhiều vụ việc nhất',
			mapWards: 'III. Bản đồ các phường',
			topWards: 'IV. Các phường có nhiều vụ việc nhất',
			trend: { week: 'V. Diễn biến theo tuần', month: 'V. Diễn biến theo tháng', quarter: 'V. Diễn biến theo quý' } satisfies Record<TrendStep, string>,
			categories: 'VI. Theo loại mâu thuẫn',
			notes: 'VII. Ghi chú'
		},
		trendWithheld: {
			week: 'Bản phát hành không in biểu đồ theo tuần: số vụ của từng loại trong một tuần thường nhỏ hơn 5.',
			month: 'Bản phát hành không in biểu đồ theo tháng: số vụ của từng loại trong một tháng thường nhỏ hơn 5.',
			quarter: 'Bản phát hành không in biểu đồ theo quý: số vụ của từng loại trong một quý thường nhỏ hơn 5.'
		} satisfies Record<TrendStep, string>,
		exportCsv: 'Tải bảng xếp hạng (CSV)',
		exportXlsx: 'Tải các bảng (Excel)',
		notesPlaceholder: 'Ghi chú cho cuộc họp (được giữ cùng với bộ lọc này trên máy).',
		signature: { onBehalf: 'TM. BAN CHỈ ĐẠO', title: 'TRƯỞNG BAN' },
		recipients: 'Nơi nhận:'
	},
	dismiss: 'Đóng',
	comingSoon: 'Chức năng này đang được xây dựng.'
};

export type Messages = typeof vi;
