import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CATEGORY_CODES } from '../../src/lib/core/schema/categories';
import { STATUS_CODES } from '../../src/lib/core/schema/statuses';
import { SOURCE_CODES } from '../../src/lib/core/schema/sources';
import { MAP_MODES, parseDistribution, parseView, viewToParams, type DataContext, type View } from '../../src/lib/core/queries/view';
import { previousPeriod, samePeriodLastYear } from '../../src/lib/core/periods/periods';

const context: DataContext = {
	firstDate: '2018-01-01',
	lastDate: '2020-12-30',
	groupCodes: Array.from({ length: 48 }, (_, i) => `TDP${String(i + 1).padStart(2, '0')}`)
};

const parse = (query: string) => parseView(new URLSearchParams(query), context);

describe('the view in the URL', () => {
	test('no parameters: the last 12 whole months of the data, all categories, counts, Vietnamese', () => {
		expect(parse('')).toEqual({
			view: { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi' },
			corrections: []
		});
	});

	test('every parameter of SPEC §8 is read', () => {
		const { view, corrections } = parse(
			'from=2019-03-01&to=2019-05-31&cat=land,family&status=resolved&source=patrol,hotline&group=TDP25&mode=gistar&fdr=1&lang=en'
		);
		expect(corrections).toEqual([]);
		expect(view).toEqual({
			from: '2019-03-01',
			to: '2019-05-31',
			categories: ['land', 'family'],
			statuses: ['resolved'],
			sources: ['patrol', 'hotline'],
			groups: ['TDP25'],
			mode: 'gistar',
			fdr: true,
			lang: 'en'
		});
	});

	test('an impossible date falls back to the default period and says so', () => {
		const { view, corrections } = parse('from=31/02/2020');
		expect(view.from).toBe('2020-01-01');
		expect(corrections).toEqual([{ param: 'from', value: '31/02/2020', problem: 'invalid_date' }]);
	});

	test('2020-02-30 is not a date either', () => {
		expect(parse('to=2020-02-30').corrections[0].problem).toBe('invalid_date');
	});

	test('a real dd/mm/yyyy date is read day-first and reported', () => {
		const { view, corrections } = parse('from=05/03/2020&to=2020-06-30');
		expect(view.from).toBe('2020-03-05');
		expect(corrections).toEqual([{ param: 'from', value: '05/03/2020', problem: 'date_format' }]);
	});

	test('a period far outside the data (from=1000-01-01, to=9999-12-31) becomes the data\'s span and says so', () => {
		const { view, corrections } = parse('from=1000-01-01&to=9999-12-31');
		expect([view.from, view.to]).toEqual([context.firstDate, context.lastDate]);
		expect(corrections).toEqual([
			{ param: 'from', value: '1000-01-01', problem: 'date_out_of_range' },
			{ param: 'to', value: '9999-12-31', problem: 'date_out_of_range' }
		]);
	});

	test('a dd/mm/yyyy date outside 1900–2100 is read, then replaced, and both are said', () => {
		const { view, corrections } = parse('from=01/01/1899');
		expect(view.from).toBe(context.firstDate);
		expect(corrections.map((c) => c.problem)).toEqual(['date_format', 'date_out_of_range']);
	});

	test('the widest period a URL can name keeps its comparison periods on the calendar', () => {
		const { view, corrections } = parse('from=1900-01-01&to=2100-12-31');
		expect(corrections).toEqual([]);
		for (const period of [previousPeriod(view), samePeriodLastYear(view)])
			for (const date of [period.from, period.to]) expect(date, date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	test('a reversed period is swapped', () => {
		const { view, corrections } = parse('from=2020-06-30&to=2020-03-01');
		expect([view.from, view.to]).toEqual(['2020-03-01', '2020-06-30']);
		expect(corrections[0].problem).toBe('reversed_period');
	});

	test('unknown codes are dropped one by one, known ones kept', () => {
		const { view, corrections } = parse('cat=xyz,land&status=open&group=TDP99,TDP01&mode=bogus&lang=fr');
		expect(view.categories).toEqual(['land']);
		expect(view.statuses).toEqual([]);
		expect(view.groups).toEqual(['TDP01']);
		expect(view.mode).toBe('count');
		expect(view.lang).toBe('vi');
		expect(corrections.map((c) => `${c.param}=${c.value}:${c.problem}`)).toEqual([
			'cat=xyz:unknown_code',
			'status=open:unknown_code',
			'group=TDP99:unknown_code',
			'mode=bogus:unknown_code',
			'lang=fr:unknown_language'
		]);
	});

	test('choosing every category is the same view as choosing none', () => {
		expect(parse(`cat=${CATEGORY_CODES.join(',')}`).view.categories).toEqual([]);
	});

	test('only cases still open: status=received,mediating is read, kept in order and written back', () => {
		const { view, corrections } = parse('status=received,mediating');
		expect(corrections).toEqual([]);
		expect(view.statuses).toEqual(['received', 'mediating']);
		expect(viewToParams(view).get('status')).toBe('received,mediating');
		expect(parse(`status=${STATUS_CODES.join(',')}`).view.statuses).toEqual([]);
	});

	test('only what patrols found: source=patrol is read and written back', () => {
		const { view, corrections } = parse('source=patrol');
		expect(corrections).toEqual([]);
		expect(view.sources).toEqual(['patrol']);
		expect(viewToParams(view).get('source')).toBe('patrol');
		expect(viewToParams(parse('').view).has('source')).toBe(false);
	});

	test('unknown or repeated sources are corrected like categories: dropped, said, the rest kept', () => {
		const { view, corrections } = parse('source=police, patrol,patrol,,hotline&status=open,received');
		expect(view.sources).toEqual(['patrol', 'hotline']);
		expect(view.statuses).toEqual(['received']);
		expect(corrections).toEqual([
			{ param: 'status', value: 'open', problem: 'unknown_code' },
			{ param: 'source', value: 'police', problem: 'unknown_code' }
		]);
		expect(viewToParams(view).get('source')).toBe('patrol,hotline');
	});

	test('choosing every source is not the same view as choosing none: cases without a source are left out', () => {
		const every = parse(`source=${SOURCE_CODES.join(',')}`).view;
		expect(every.sources).toEqual([...SOURCE_CODES]);
		expect(viewToParams(every).get('source')).toBe(SOURCE_CODES.join(','));
	});

	test('round trip: any valid view written to the URL reads back the same (property)', () => {
		const isoDate = fc
			.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10));
		const subset = <T>(values: readonly T[]) =>
			fc.subarray([...values]).filter((chosen) => chosen.length < values.length);
		const arbitraryView = fc
			.record({
				dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
				categories: subset(CATEGORY_CODES),
				statuses: subset(STATUS_CODES),
				sources: fc.subarray([...SOURCE_CODES]),
				groups: fc.subarray([...context.groupCodes], { maxLength: 3 }),
				mode: fc.constantFrom(...MAP_MODES),
				fdr: fc.boolean(),
				lang: fc.constantFrom('vi' as const, 'en' as const)
			})
			.map(({ dates: [from, to], ...rest }): View => ({ from, to, ...rest }));
		fc.assert(
			fc.property(arbitraryView, (view) => {
				const { view: back, corrections } = parseView(viewToParams(view), context);
				expect(corrections).toEqual([]);
				expect(back).toEqual(view);
			})
		);
	});
});

describe('the distribution switch of the briefing', () => {
	const read = (query: string) => parseDistribution(new URLSearchParams(query));

	test('absent, 0 or off: the full copy, nothing to say', () => {
		for (const query of ['', 'dist=0', 'dist=off']) expect(read(query), query).toEqual({ distribution: false, corrections: [] });
	});

	test('dist=1: the distribution copy', () => {
		expect(read('dist=1')).toEqual({ distribution: true, corrections: [] });
	});

	test('dist=yes, dist=true or an empty dist: the distribution copy, and the page says why', () => {
		for (const value of ['yes', 'true', 'on', '', 'ON', '2']) {
			const { distribution, corrections } = read(`dist=${value}`);
			expect(distribution, value).toBe(true);
			expect(corrections, value).toEqual([{ param: 'dist', value, problem: 'distribution_value' }]);
		}
	});
});
