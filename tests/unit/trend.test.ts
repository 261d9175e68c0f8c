import { Query, sql } from '@uwdata/mosaic-sql';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { openNodeEngine } from '../../src/lib/core/db/node';
import { CREATE_TABLES } from '../../src/lib/core/db/schema';
import { bucketCode, bucketsOf, bucketSql, bucketStart, TREND_STEPS, type TrendStep } from '../../src/lib/core/periods/buckets';
import { previousSteps, readTrendCounts, trendBuckets, trendQuery } from '../../src/lib/core/queries/trend';
import { readSparklines, sparklineMonths, sparklineQuery } from '../../src/lib/core/queries/sparklines';
import { parseView, viewToParams, type View } from '../../src/lib/core/queries/view';
import type { Disclosure } from '../../src/lib/core/briefing/suppression';
import { vi } from '../../src/lib/i18n/vi';
import { briefingSheets } from '../../src/lib/ui/briefing/exports';

/*
 * Ten cases around the edges of weeks, months, quarters and ISO years; every expected count below was worked out
 * by hand from this list (weekdays from a calendar: 29/06/2020 is a Monday, 28/12/2020 too, 30/12/2019 too).
 */
const CASES = [
	['c1', '2019-12-30', 'G1', 'land'], //       Mon: week 2020-W01, December 2019, Q4 2019
	['c2', '2020-06-10', 'G2', 'land'], //       Wed: week of 08/06
	['c3', '2020-06-28', 'G1', 'family'], //     Sun: week of 22/06
	['c4', '2020-06-29', 'G1', 'land'], //       Mon: week of 29/06, June, Q2
	['c5', '2020-06-30', 'G2', 'land'], //       Tue: week of 29/06, June, Q2
	['c6', '2020-07-01', 'G1', 'neighbour'], //  Wed: week of 29/06, July, Q3
	['c7', '2020-07-05', 'G2', 'land'], //       Sun: week of 29/06
	['c8', '2020-07-06', 'G1', 'land'], //       Mon: week of 06/07
	['c9', '2020-12-31', 'G2', 'family'], //     Thu: week 2020-W53 (28/12 – 03/01)
	['c10', '2021-01-03', 'G1', 'land'] //      Sun: week 2020-W53, January 2021, Q1 2021
] as const;
const SPAN = { from: '2019-12-30', to: '2021-01-03' };

const BY_STEP: Record<TrendStep, Record<string, number>> = {
	week: { '2019-12-30': 1, '2020-06-08': 1, '2020-06-22': 1, '2020-06-29': 4, '2020-07-06': 1, '2020-12-28': 2 },
	month: { '2019-12-01': 1, '2020-06-01': 4, '2020-07-01': 3, '2020-12-01': 1, '2021-01-01': 1 },
	quarter: { '2019-10-01': 1, '2020-04-01': 4, '2020-07-01': 3, '2020-10-01': 1, '2021-01-01': 1 }
};

function view(overrides: Partial<View>): View {
	return { from: '2020-07-01', to: '2020-09-30', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

let engine: Engine;

beforeAll(async () => {
	engine = await openNodeEngine();
	const values = CASES.map(([id, date, group, category]) => `('${id}', DATE '${date}', '${group}', '${category}', 'received')`);
	await engine.exec(`${CREATE_TABLES} INSERT INTO cases (case_id, reported_on, group_code, category, status) VALUES ${values.join(', ')}`);
}, 60_000);

async function totals(v: View): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const row of readTrendCounts(await engine.query(trendQuery(v)))) counts[row.bucket] = (counts[row.bucket] ?? 0) + row.total;
	return counts;
}

describe('the trend by week, month and quarter on ten hand-counted cases', () => {
	test.each(TREND_STEPS)('by %s: each case in its step, named by the step’s first day', async (step) => {
		expect(await totals(view({ trend: step === 'month' ? undefined : step }))).toEqual(BY_STEP[step]);
	});

	test('the filters apply, the period does not: one group by week', async () => {
		expect(await totals(view({ trend: 'week', groups: ['G2'], from: '2020-01-01', to: '2020-01-31' }))).toEqual({
			'2020-06-08': 1,
			'2020-06-29': 2,
			'2020-12-28': 1
		});
	});

	test('SQL and TypeScript cut every day of 2014–2021 into the same week, month and quarter', async () => {
		await engine.exec(`CREATE TABLE days AS SELECT CAST(range AS DATE) AS reported_on FROM range(DATE '2014-12-01', DATE '2021-02-01', INTERVAL 1 DAY)`);
		for (const step of TREND_STEPS) {
			const rows = await engine.query(
				Query.from('days').select({ day: sql`strftime(reported_on, '%Y-%m-%d')`, bucket: bucketSql(step) }).toString()
			);
			expect(rows).toHaveLength(2254);
			const differing = rows.filter((row) => bucketStart(String(row.day), step) !== row.bucket);
			expect(differing, step).toEqual([]);
		}
	});

	test('every step of the data’s span is shown, zero where no case fell, and a step the data covers in part is partial', async () => {
		const months = trendBuckets(readTrendCounts(await engine.query(trendQuery(view({})))), 'month', SPAN);
		expect(months).toHaveLength(14);
		expect(months.map((m) => m.total).reduce((a, b) => a + b)).toBe(10);
		expect(months[6]).toMatchObject({ start: '2020-06-01', total: 4, categories: { land: 3, family: 1 } });
		expect(months[1]).toMatchObject({ start: '2020-01-01', total: 0, partial: false });
		// The data starts on 30/12/2019 and ends on 03/01/2021: December 2019 and January 2021 hold two and three days.
		expect(months.filter((m) => m.partial).map((m) => [m.start, m.from, m.to])).toEqual([
			['2019-12-01', '2019-12-30', '2019-12-31'],
			['2021-01-01', '2021-01-01', '2021-01-03']
		]);
		// The same span is whole ISO weeks, Monday 30/12/2019 to Sunday 03/01/2021: the 53 weeks of 2020.
		const weeks = trendBuckets(readTrendCounts(await engine.query(trendQuery(view({ trend: 'week' })))), 'week', SPAN);
		expect(weeks).toHaveLength(53);
		expect(weeks.some((w) => w.partial)).toBe(false);
		expect(bucketCode(weeks[0].start, 'week')).toBe('2020-W01');
		expect(bucketCode(weeks[52].start, 'week')).toBe('2020-W53');
	});

	test('this quarter’s weeks against the previous quarter’s, by position', async () => {
		const weeks = trendBuckets(readTrendCounts(await engine.query(trendQuery(view({ trend: 'week' })))), 'week', SPAN);
		const { previous, steps } = previousSteps(weeks, { from: '2020-07-01', to: '2020-09-30' }, 'week');
		expect(previous).toEqual({ from: '2020-04-01', to: '2020-06-30' });
		// Q3 overlaps 14 weeks (29/06 … 28/09); Q2 13 more before them (30/03 … 22/06): the week of 29/06 is this quarter's.
		expect(steps).toHaveLength(13);
		expect([steps[0].at.start, steps[0].previous.start]).toEqual(['2020-06-29', '2020-03-30']);
		expect([steps[12].at.start, steps[12].previous.start, steps[12].previous.total]).toEqual(['2020-09-21', '2020-06-22', 1]);
	});

	test('months against months; a step both periods fall in is not compared with itself; steps before the data are left out', async () => {
		const months = trendBuckets(readTrendCounts(await engine.query(trendQuery(view({})))), 'month', SPAN);
		const pairs = (period: { from: string; to: string }) =>
			previousSteps(months, period, 'month').steps.map(({ at, previous }) => [at.start, previous.start, previous.total]);
		expect(pairs({ from: '2020-07-01', to: '2020-09-30' })).toEqual([
			['2020-07-01', '2020-04-01', 0],
			['2020-08-01', '2020-05-01', 0],
			['2020-09-01', '2020-06-01', 4]
		]);
		// Q1 2020 against Q4 2019: October and November are before the data; December keeps its place, beside March.
		expect(pairs({ from: '2020-01-01', to: '2020-03-31' })).toEqual([['2020-03-01', '2019-12-01', 1]]);
		const quarters = trendBuckets(readTrendCounts(await engine.query(trendQuery(view({ trend: 'quarter' })))), 'quarter', SPAN);
		expect(previousSteps(quarters, { from: '2020-08-01', to: '2020-08-31' }, 'quarter').steps).toEqual([]);
	});

	test('buckets of a range: partial at both ends of a quarter cut into weeks', () => {
		const weeks = bucketsOf({ from: '2020-07-01', to: '2020-09-30' }, 'week');
		expect(weeks).toHaveLength(14);
		expect(weeks[0]).toEqual({ start: '2020-06-29', end: '2020-07-05', from: '2020-07-01', to: '2020-07-05', partial: true });
		expect(weeks[13]).toEqual({ start: '2020-09-28', end: '2020-10-04', from: '2020-09-28', to: '2020-09-30', partial: true });
		expect(weeks.slice(1, 13).every((week) => !week.partial)).toBe(true);
		expect(bucketCode('2014-12-29', 'week')).toBe('2015-W01');
		expect(bucketCode('2020-07-01', 'quarter')).toBe('2020-Q3');
	});

	test('the step lives in the URL: week and quarter are written, month (the default) is left out, anything else corrected', () => {
		const context = { firstDate: SPAN.from, lastDate: SPAN.to, groupCodes: ['G1', 'G2'] };
		for (const step of ['week', 'quarter'] as const) {
			const { view: parsed, corrections } = parseView(new URLSearchParams(`trend=${step}`), context);
			expect([parsed.trend, corrections]).toEqual([step, []]);
			expect(viewToParams(parsed).get('trend')).toBe(step);
		}
		const month = parseView(new URLSearchParams('trend=month'), context);
		expect([month.view.trend, viewToParams(month.view).has('trend'), month.corrections]).toEqual([undefined, false, []]);
		const wrong = parseView(new URLSearchParams('trend=day'), context);
		expect(wrong.view.trend).toBeUndefined();
		expect(wrong.corrections).toEqual([{ param: 'trend', value: 'day', problem: 'unknown_code' }]);
	});
});

test('the briefing’s export names each step in ISO 8601 under the step’s own name; a distribution copy has no trend', async () => {
	const counts = readTrendCounts(await engine.query(trendQuery(view({ trend: 'week' }))));
	const copy = (distribution: boolean): Disclosure => ({
		...{ total: 10, previousTotal: 0, lastYearTotal: 0, resolved: 0, unresolved: 10 },
		groups: new Map(),
		categories: new Map(),
		handling: { open30: 0, open60: 0, open90: 0, escalated: 0 },
		distribution
	});
	const trend = briefingSheets([], [], counts, 'week', copy(false), vi).at(-1)!;
	expect([trend.name, trend.headers[0]]).toEqual(['Diễn biến theo tuần', 'week']);
	expect(trend.rows[0]).toEqual(['2020-W01', vi.category.land, 1]);
	expect(trend.rows.filter((row) => row[0] === '2020-W27')).toEqual([
		['2020-W27', vi.category.land, 3],
		['2020-W27', vi.category.neighbour, 1]
	]);
	expect(trend.rows.filter((row) => row[0] === '2020-W53').map((row) => row[2])).toEqual([1, 1]);
	expect(briefingSheets([], [], counts, 'week', copy(true), vi).map((sheet) => sheet.name)).not.toContain('Diễn biến theo tuần');
});

describe('sparklines: each group’s months in one grouped query', () => {
	const sparklines = async (v: View) => {
		const months = sparklineMonths(v, SPAN);
		return { months, counts: readSparklines(await engine.query(sparklineQuery(v, months)), months) };
	};

	test('the period’s months, counted within the period, with the ranking’s filters', async () => {
		const { months, counts } = await sparklines(view({ from: '2020-06-15', to: '2020-07-31' }));
		expect(months.map((m) => [m.start, m.partial])).toEqual([
			['2020-06-01', true],
			['2020-07-01', false]
		]);
		// c2 (10/06) is before the period.
		expect(Object.fromEntries(counts)).toEqual({ G1: [2, 2], G2: [1, 1] });
		const land = await sparklines(view({ from: '2020-06-15', to: '2020-07-31', categories: ['land'], groups: ['G2'] }));
		expect(Object.fromEntries(land.counts)).toEqual({ G1: [1, 1], G2: [1, 1] });
	});

	test('a longer period shows its last twelve months; a month past the data’s end is partial', async () => {
		const { months, counts } = await sparklines(view({ from: '2020-01-01', to: '2021-01-31' }));
		expect(months).toHaveLength(12);
		expect([months[0].start, months[11].start, months[11].partial, months[10].partial]).toEqual(['2020-02-01', '2021-01-01', true, false]);
		expect(counts.get('G1')).toEqual([0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1]);
		expect(counts.get('G2')).toEqual([0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 1, 0]);
	});
});
