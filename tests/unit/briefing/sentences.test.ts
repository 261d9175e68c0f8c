import { describe, expect, test } from 'vitest';
import {
	briefingSentences,
	earlyWarningSentence,
	sentenceText,
	type BriefingFacts,
	type EarlyWarningFacts
} from '../../../src/lib/core/briefing/sentences';
import { formatter } from '../../../src/lib/i18n/format';

const viInteger = formatter('vi').integer;
const enInteger = formatter('en').integer;

const quarter: BriefingFacts = {
	period: 'quý III/2020',
	previousPeriod: 'quý II/2020',
	total: 124,
	previousTotal: 111,
	resolved: 103,
	topGroups: [
		{ name: 'Tổ dân phố 13', count: 15, change: 4 },
		{ name: 'Tổ dân phố 25', count: 12, change: -2 },
		{ name: 'Tổ dân phố 7', count: 9, change: 0 },
		{ name: 'Tổ dân phố 2', count: 8, change: 1 }
	],
	topCategory: { label: 'Tranh chấp đất đai', count: 45 },
	open90: 3,
	escalated: 2,
	hotspotNames: ['Tổ dân phố 13', 'Tổ dân phố 25']
};

const vi = (facts: Partial<BriefingFacts>) => briefingSentences({ ...quarter, ...facts }, 'vi', viInteger);
const en = (facts: Partial<BriefingFacts>) =>
	briefingSentences({ ...quarter, period: 'Q3 2020', previousPeriod: 'Q2 2020', ...facts }, 'en', enInteger);

describe('the briefing sentences, in Vietnamese', () => {
	test('a quarter with an increase states every main fact', () => {
		expect(vi({})).toEqual([
			'Trong quý III/2020, toàn phường tiếp nhận 124 vụ việc, tăng 12 % so với quý II/2020.',
			'103/124 vụ việc (83 %) đã hòa giải thành ở cơ sở.',
			'Địa bàn có nhiều vụ việc nhất: Tổ dân phố 13 (15 vụ, tăng 4), Tổ dân phố 25 (12 vụ, giảm 2), Tổ dân phố 7 (9 vụ, không đổi).',
			'Loại vụ việc nhiều nhất: Tranh chấp đất đai (45 vụ, 36 %).',
			'Điểm nóng (độ tin cậy 95 % trở lên): Tổ dân phố 13, Tổ dân phố 25.',
			'Có 3 vụ việc kéo dài quá 90 ngày chưa giải quyết xong; 2 vụ việc phát sinh thành vụ án, vi phạm.'
		]);
	});

	test.each([
		[{ previousTotal: 150 }, 'tiếp nhận 124 vụ việc, giảm 17 % so với quý II/2020.'],
		[{ previousTotal: 124 }, 'tiếp nhận 124 vụ việc, bằng quý II/2020.'],
		[{ previousTotal: 0 }, 'tiếp nhận 124 vụ việc, trong khi quý II/2020 không có vụ nào.'],
		[{ previousTotal: null }, 'tiếp nhận 124 vụ việc.'],
		[{ total: 1001, previousTotal: 1000 }, 'tiếp nhận 1.001 vụ việc, tăng dưới 1 % so với quý II/2020.'],
		[{ total: 2400, previousTotal: 100 }, 'tiếp nhận 2.400 vụ việc, tăng 2.300 % so với quý II/2020.'],
		[
			{ sameLastYear: 98 },
			'tiếp nhận 124 vụ việc, tăng 12 % so với quý II/2020 và tăng 27 % so với cùng kỳ năm trước.'
		],
		[
			{ previousTotal: 124, sameLastYear: 124 },
			'tiếp nhận 124 vụ việc, bằng quý II/2020 và bằng cùng kỳ năm trước.'
		]
	])('the change: %o', (facts, tail) => {
		expect(vi(facts)[0]).toBe(`Trong quý III/2020, toàn phường ${tail}`);
	});

	test('a period without cases says so and nothing else it cannot say', () => {
		expect(vi({ total: 0, previousTotal: 7, resolved: 0, topGroups: [], topCategory: null, open90: 0, escalated: 0 })).toEqual([
			'Trong quý III/2020, toàn phường không tiếp nhận vụ việc nào, trong khi quý II/2020 có 7 vụ việc.'
		]);
		expect(vi({ total: 0, previousTotal: 0, resolved: 0, open90: 0, escalated: 0 })).toEqual([
			'Trong quý III/2020, toàn phường không tiếp nhận vụ việc nào, như quý II/2020.'
		]);
	});

	test('other periods, no hotspot, nothing resolved, nothing lasting', () => {
		expect(
			vi({
				period: 'giai đoạn từ 05/03/2020 đến 20/04/2020',
				previousPeriod: 'giai đoạn từ 19/01/2020 đến 04/03/2020',
				total: 10,
				previousTotal: 8,
				resolved: 0,
				topGroups: [{ name: 'Tổ dân phố 4', count: 6, change: null }],
				topCategory: null,
				hotspotNames: [],
				open90: 0,
				escalated: 0
			})
		).toEqual([
			'Trong giai đoạn từ 05/03/2020 đến 20/04/2020, toàn phường tiếp nhận 10 vụ việc, tăng 25 % so với giai đoạn từ 19/01/2020 đến 04/03/2020.',
			'Chưa có vụ việc nào được hòa giải thành ở cơ sở.',
			'Địa bàn có nhiều vụ việc nhất: Tổ dân phố 4 (6 vụ).',
			'Không có điểm nóng nào đạt độ tin cậy 95 % trở lên.'
		]);
	});

	test('periods by name: month, half-year, nine months, year, reporting month', () => {
		for (const period of ['tháng 7/2020', '6 tháng đầu năm 2020', '9 tháng đầu năm 2020', 'năm 2020', 'kỳ báo cáo tháng 7/2020']) {
			expect(vi({ period, previousTotal: null })[0]).toBe(`Trong ${period}, toàn phường tiếp nhận 124 vụ việc.`);
		}
	});

	test('only escalations, and many hotspots', () => {
		const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
		const sentences = vi({ open90: 0, escalated: 1, hotspotNames: names });
		expect(sentences.at(-2)).toBe('Điểm nóng (độ tin cậy 95 % trở lên): A, B, C, D, E và 2 địa bàn khác.');
		expect(sentences.at(-1)).toBe('Có 1 vụ việc phát sinh thành vụ án, vi phạm.');
		expect(vi({ hotspotNames: null, open90: 0, escalated: 0 })).toHaveLength(4);
	});
});

describe('the briefing sentences, in English', () => {
	test('a quarter with an increase', () => {
		expect(en({ sameLastYear: 130 })).toEqual([
			'In Q3 2020, the ward received 124 cases, up 12 % on Q2 2020 and down 5 % on the same period last year.',
			'103 of 124 cases (83 %) were resolved by grassroots mediation.',
			'Most cases: Tổ dân phố 13 (15 cases, up 4), Tổ dân phố 25 (12 cases, down 2), Tổ dân phố 7 (9 cases, unchanged).',
			'Most frequent category: Tranh chấp đất đai (45 cases, 36 %).',
			'Hotspots (95 % confidence or more): Tổ dân phố 13, Tổ dân phố 25.',
			'3 cases have been open for more than 90 days; 2 cases escalated.'
		]);
	});

	test('one case is singular', () => {
		expect(
			en({
				total: 1,
				previousTotal: 1,
				resolved: 1,
				topGroups: [{ name: 'TDP 1', count: 1, change: 0 }],
				topCategory: { label: 'Noise', count: 1 },
				hotspotNames: [],
				open90: 1,
				escalated: 1
			})
		).toEqual([
			'In Q3 2020, the ward received 1 case, unchanged from Q2 2020.',
			'1 of 1 case (100 %) was resolved by grassroots mediation.',
			'Most cases: TDP 1 (1 case, unchanged).',
			'Most frequent category: Noise (1 case, 100 %).',
			'No hotspot reached 95 % confidence or more.',
			'1 case has been open for more than 90 days; 1 case escalated.'
		]);
	});

	test('no cases, and the previous period had none', () => {
		expect(en({ total: 0, previousTotal: 2, resolved: 0, open90: 0, escalated: 0 })).toEqual([
			'In Q3 2020, the ward received no cases, while Q2 2020 had 2 cases.'
		]);
		expect(en({ total: 3, previousTotal: 0, resolved: 0, hotspotNames: null, open90: 0, escalated: 0 })[0]).toBe(
			'In Q3 2020, the ward received 3 cases, while Q2 2020 had none.'
		);
		expect(en({ total: 3401, previousTotal: 3000 })[0]).toBe(
			'In Q3 2020, the ward received 3,401 cases, up 13 % on Q2 2020.'
		);
	});
});

describe('for distribution, hidden counts are written with their mark and nothing gives them back', () => {
	test('a small total hides the change and the resolution share; no hidden count is named as the largest', () => {
		expect(
			vi({
				total: '<5',
				previousTotal: 12,
				resolved: '<5',
				topGroups: [{ name: 'Tổ dân phố 13', count: '<5', change: null }],
				topCategory: { label: 'Tranh chấp đất đai', count: '<5' },
				hotspotNames: [],
				open90: '<5',
				escalated: 0
			})
		).toEqual([
			'Trong quý III/2020, toàn phường tiếp nhận <5 vụ việc, so với 12 vụ việc trong quý II/2020.',
			'Không có điểm nóng nào đạt độ tin cậy 95 % trở lên.',
			'Có <5 vụ việc kéo dài quá 90 ngày chưa giải quyết xong.'
		]);
	});

	test('a hidden previous total hides the change; counts shown stay', () => {
		expect(vi({ previousTotal: '<5' })[0]).toBe(
			'Trong quý III/2020, toàn phường tiếp nhận 124 vụ việc, so với <5 vụ việc trong quý II/2020.'
		);
		expect(vi({ previousTotal: 0 })[0]).toBe(
			'Trong quý III/2020, toàn phường tiếp nhận 124 vụ việc, trong khi quý II/2020 không có vụ nào.'
		);
		expect(vi({ open90: '<5', escalated: '<5' }).join(' ')).toBe(
			vi({}).join(' ').replace('Có 3 vụ việc', 'Có <5 vụ việc').replace('; 2 vụ việc', '; <5 vụ việc')
		);
	});

	test('a withheld total is written "x" and no share or change is given against it', () => {
		expect(vi({ total: 'x', resolved: 'x', unresolved: '<5', topCategory: { label: 'Đất đai', count: 9 } })).toEqual([
			'Trong quý III/2020, toàn phường tiếp nhận x vụ việc, so với 111 vụ việc trong quý II/2020.',
			'Địa bàn có nhiều vụ việc nhất: Tổ dân phố 13 (15 vụ, tăng 4), Tổ dân phố 25 (12 vụ, giảm 2), Tổ dân phố 7 (9 vụ, không đổi).',
			'Loại vụ việc nhiều nhất: Đất đai (9 vụ).',
			'Điểm nóng (độ tin cậy 95 % trở lên): Tổ dân phố 13, Tổ dân phố 25.',
			'Có 3 vụ việc kéo dài quá 90 ngày chưa giải quyết xong; 2 vụ việc phát sinh thành vụ án, vi phạm.'
		]);
	});

	test('a hidden group change is left out', () => {
		expect(vi({ topGroups: [{ name: 'Tổ dân phố 13', count: 6, change: null }] })[2]).toBe(
			'Địa bàn có nhiều vụ việc nhất: Tổ dân phố 13 (6 vụ).'
		);
	});

	test('few resolved, or few not resolved: no share that gives them back', () => {
		expect(vi({ resolved: '<5', unresolved: 'x' })[1]).toBe('<5/124 vụ việc đã hòa giải thành ở cơ sở.');
		expect(vi({ resolved: 'x', unresolved: '<5' })[1]).toBe('Trong 124 vụ việc, chỉ còn dưới 5 vụ chưa hòa giải thành ở cơ sở.');
		expect(en({ resolved: 'x', unresolved: '<5' })[1]).toBe(
			'Of the 124 cases, fewer than 5 are not yet resolved by grassroots mediation.'
		);
		expect(en({ resolved: 124, unresolved: 0 })[1]).toBe('124 of 124 cases (100 %) were resolved by grassroots mediation.');
	});

	test('English plurals follow what is written', () => {
		expect(
			en({
				total: '<5',
				previousTotal: 9,
				resolved: '<5',
				topGroups: [{ name: 'TDP 1', count: '<5', change: null }],
				topCategory: { label: 'Noise', count: '<5' },
				open90: '<5',
				escalated: 0,
				hotspotNames: null
			})
		).toEqual([
			'In Q3 2020, the ward received <5 cases, compared with 9 cases in Q2 2020.',
			'<5 cases have been open for more than 90 days.'
		]);
	});
});

describe('the early-warning sentence', () => {
	const viFormat = formatter('vi');
	const enFormat = formatter('en');
	const facts: EarlyWarningFacts = {
		month: '09/2020',
		groups: [
			{ code: 'TDP33', name: 'Tổ dân phố 33', count: 7, expected: { value: 0.75 } },
			{ code: 'TDP22', name: 'Tổ dân phố 22', count: 3, expected: { value: 0 } }
		]
	};

	test('names every flagged group, most unusual first, with its count in the month and its usual level', () => {
		expect(sentenceText(earlyWarningSentence(facts, 'vi', viFormat))).toBe(
			'Cảnh báo sớm tháng 09/2020: Tổ dân phố 33 (7 vụ; thường khoảng 0,8 vụ/tháng) và Tổ dân phố 22 (3 vụ; trước đó không có vụ nào) tăng bất thường.'
		);
		expect(sentenceText(earlyWarningSentence(facts, 'en', enFormat))).toBe(
			'Early warning, 09/2020: Tổ dân phố 33 (7 cases; usually about 0.8 a month) and Tổ dân phố 22 (3 cases; none before) were unusually high.'
		);
	});

	test('each group is a piece of its own, with its code, count and usual level for the page to mark', () => {
		const groups = earlyWarningSentence(facts, 'vi', viFormat).filter((part) => typeof part !== 'string');
		expect(groups.map(({ group, count, expected }) => ({ group, count, expected }))).toEqual([
			{ group: 'TDP33', count: 7, expected: '0.8' },
			{ group: 'TDP22', count: 3, expected: '0.0' }
		]);
	});

	test('a distribution copy writes a count under 5 as "<5" and a small baseline as a bound', () => {
		const hidden: EarlyWarningFacts = {
			month: '09/2020',
			groups: [{ code: 'TDP22', name: 'Tổ dân phố 22', count: '<5', expected: { below: 0.5 } }]
		};
		const sentence = sentenceText(earlyWarningSentence(hidden, 'vi', viFormat));
		expect(sentence).toBe(
			'Cảnh báo sớm tháng 09/2020: Tổ dân phố 22 (<5 vụ; thường dưới 0,5 vụ/tháng) tăng bất thường.'
		);
		expect(sentenceText(earlyWarningSentence(hidden, 'en', enFormat))).toContain('(<5 cases; usually under 0.5 a month) was unusually high.');
	});

	test('says so when no group is flagged', () => {
		expect(earlyWarningSentence({ month: '09/2020', groups: [] }, 'vi', viFormat)).toEqual([
			'Cảnh báo sớm: không có tổ dân phố nào tăng bất thường trong tháng 09/2020.'
		]);
	});
});

describe('a district briefing at level=ward', () => {
	const wards = {
		wards: 3,
		topGroups: [
			{ name: 'Phường 2', count: 61, change: 5 },
			{ name: 'Phường 1', count: 33, change: -1 },
			{ name: 'Phường 3', count: 30, change: 0 }
		],
		hotspotNames: ['Phường 2']
	};

	test('the district chair’s briefing counts the wards’ cases, says "phường" and names the busiest wards', () => {
		const [total, , busiest, , hotspots] = vi(wards);
		expect(total).toBe('Trong quý III/2020, 3 phường tiếp nhận 124 vụ việc, tăng 12 % so với quý II/2020.');
		expect(busiest).toBe('Phường có nhiều vụ việc nhất: Phường 2 (61 vụ, tăng 5), Phường 1 (33 vụ, giảm 1), Phường 3 (30 vụ, không đổi).');
		expect(hotspots).toBe('Điểm nóng (độ tin cậy 95 % trở lên): Phường 2.');
		expect(en(wards)[0]).toBe('In Q3 2020, the 3 wards received 124 cases, up 12 % on Q2 2020.');
	});

	test('no ward flagged: the early warning says "no ward", in both languages', () => {
		const none: EarlyWarningFacts = { month: '09/2020', groups: [], level: 'ward' };
		expect(earlyWarningSentence(none, 'vi', formatter('vi'))).toEqual(['Cảnh báo sớm: không có phường nào tăng bất thường trong tháng 09/2020.']);
		expect(earlyWarningSentence(none, 'en', formatter('en'))).toEqual(['Early warning: no ward was unusually high in 09/2020.']);
	});
});
