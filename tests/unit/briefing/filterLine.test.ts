import { describe, expect, test } from 'vitest';
import type { View } from '../../../src/lib/core/queries/view';
import { filterLine } from '../../../src/lib/ui/briefing/briefingText';
import { messages } from '../../../src/lib/i18n/format';

const view = (overrides: Partial<View>): View => ({
	from: '2020-01-01',
	to: '2020-12-31',
	categories: [],
	statuses: [],
	sources: [],
	groups: [],
	mode: 'count',
	fdr: false,
	lang: 'vi',
	...overrides
});

describe("the briefing's filter line", () => {
	test('no filter: no line (the figures count every case)', () => {
		expect(filterLine(view({ groups: ['TDP01'] }), messages('vi'))).toBeNull();
	});

	test('only cases still open that patrols found, in Vietnamese and English', () => {
		const v = view({ statuses: ['received', 'mediating'], sources: ['patrol'] });
		expect(filterLine(v, messages('vi'))).toBe(
			'Bộ lọc: Tình trạng: Mới tiếp nhận, Đang hòa giải; Nguồn phát hiện: Tuần tra (không gồm vụ việc không ghi nguồn). ' +
				'Mọi số liệu trong báo cáo chỉ tính các vụ việc này.'
		);
		expect(filterLine({ ...v, categories: ['land'] }, messages('en'))).toBe(
			'Filters: Category: Land, boundaries, shared passageways; Status: Received, Mediating; ' +
				'Source: Patrol (cases with no source recorded left out). Every figure in this report counts these cases only.'
		);
	});
});
