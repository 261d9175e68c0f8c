import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import {
	dataExtentQuery,
	groupFiguresQuery,
	groupMonthlyQuery,
	keyFiguresQuery
} from '../../src/lib/core/queries/dashboard';
import { readGroupFigures, readKeyFigures } from '../../src/lib/core/queries/results';
import { readTrendCounts, trendQuery } from '../../src/lib/core/queries/trend';
import { readSparklines, sparklineMonths, sparklineQuery } from '../../src/lib/core/queries/sparklines';
import type { View } from '../../src/lib/core/queries/view';
import { SOURCE_CODES } from '../../src/lib/core/schema/sources';
import { demoCases, engineWithDemo, type PlainCase } from './support/demo';

let engine: Engine;
const cases = demoCases();

beforeAll(async () => {
	engine = await engineWithDemo();
}, 60_000);

function view(overrides: Partial<View>): View {
	return { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

/** The expected count, written without any app code: plain string comparison of ISO dates. */
function countCases(from: string, to: string, keep: (c: PlainCase) => boolean = () => true): number {
	return cases.filter((c) => c.reported_on >= from && c.reported_on <= to && keep(c)).length;
}

describe('dashboard queries on the demo ward, against counts of the CSV rows', () => {
	test('the data extent is the first and last case date', async () => {
		const [extent] = await engine.query(dataExtentQuery());
		const dates = cases.map((c) => c.reported_on).sort();
		expect(extent).toEqual({ first_date: dates[0], last_date: dates.at(-1), cases: cases.length });
	});

	const views: [string, Partial<View>, (c: PlainCase) => boolean][] = [
		['the whole of 2020', {}, () => true],
		['a quarter of 2019', { from: '2019-04-01', to: '2019-06-30' }, () => true],
		['two categories', { categories: ['land', 'family'] }, (c) => ['land', 'family'].includes(c.category)],
		['resolved cases only', { statuses: ['resolved'] }, (c) => c.status === 'resolved'],
		['one group', { groups: ['TDP25'] }, (c) => c.group_code === 'TDP25'],
		[
			'a custom range, a category and a status',
			{ from: '2018-02-10', to: '2018-11-03', categories: ['neighbour'], statuses: ['received', 'mediating', 'resolved'] },
			(c) => c.category === 'neighbour' && ['received', 'mediating', 'resolved'].includes(c.status)
		],
		['only what patrols found', { sources: ['patrol'] }, (c) => c.source === 'patrol'],
		[
			'only cases still open that patrols found',
			{ statuses: ['received', 'mediating'], sources: ['patrol'] },
			(c) => ['received', 'mediating'].includes(c.status) && c.source === 'patrol'
		],
		// Every source chosen still leaves out the cases that have none recorded (22 in 2020).
		['every source: cases without one are left out', { sources: [...SOURCE_CODES] }, (c) => c.source !== '']
	];

	test.each(views)('key figures: %s', async (_, overrides, keep) => {
		const v = view(overrides);
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(v)));
		expect(figures.total).toBe(countCases(v.from, v.to, keep));
		expect(figures.resolved).toBe(countCases(v.from, v.to, (c) => keep(c) && c.status === 'resolved'));
		expect(figures.total).toBeGreaterThan(0);
	});

	test('the previous period of a whole year is the year before', async () => {
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(view({}))));
		expect(figures.previousTotal).toBe(countCases('2019-01-01', '2019-12-31'));
	});

	test('the previous period of a custom 10-day range is the 10 days before', async () => {
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(view({ from: '2020-03-11', to: '2020-03-20' }))));
		expect(figures.previousTotal).toBe(countCases('2020-03-01', '2020-03-10'));
	});

	test.each(views)('group figures: %s (every group present, the group filter not applied)', async (_, overrides, keep) => {
		const v = view(overrides);
		const rows = readGroupFigures(await engine.query(groupFiguresQuery(v)));
		expect(rows).toHaveLength(48);
		const keepOnMap = overrides.groups ? () => true : keep;
		for (const row of rows) {
			const expected = countCases(v.from, v.to, (c) => c.group_code === row.group_code && keepOnMap(c));
			expect(row.total, row.group_code).toBe(expected);
		}
	});

	test('monthly trend: every month of the data, ignoring the period, respecting the category', async () => {
		const rows = readTrendCounts(await engine.query(trendQuery(view({ categories: ['land'] }))));
		const expected = new Map<string, number>();
		for (const c of cases.filter((c) => c.category === 'land')) {
			const key = `${c.reported_on.slice(0, 7)}-01|land`;
			expected.set(key, (expected.get(key) ?? 0) + 1);
		}
		expect(new Map(rows.map((row) => [`${row.bucket}|${row.category}`, row.total]))).toEqual(expected);
	});

	test('groups by month, what the statistics read: the source filter applies over the whole data', async () => {
		const v = view({ sources: ['mediation_team', 'hotline'] });
		const rows = await engine.query(groupMonthlyQuery(v));
		const expected = new Map<string, number>();
		for (const c of cases.filter((c) => ['mediation_team', 'hotline'].includes(c.source))) {
			const key = `${c.group_code}|${c.reported_on.slice(0, 7)}`;
			expected.set(key, (expected.get(key) ?? 0) + 1);
		}
		expect(new Map(rows.map((row) => [`${row.group_code}|${row.month}`, Number(row.total)]))).toEqual(expected);
	});

	test('sparklines: each group’s months of 2020 add up to its count in the ranking, filters included', async () => {
		const v = view({ categories: ['neighbour', 'land'], statuses: ['resolved'] });
		const months = sparklineMonths(v, { from: '2018-01-01', to: '2020-12-31' });
		const series = readSparklines(await engine.query(sparklineQuery(v, months)), months);
		const ranking = readGroupFigures(await engine.query(groupFiguresQuery(v)));
		const keep = (c: PlainCase) => ['neighbour', 'land'].includes(c.category) && c.status === 'resolved';
		for (const group of ranking) {
			const counts = series.get(group.group_code) ?? new Array<number>(12).fill(0);
			expect(counts.reduce((a, b) => a + b), group.group_code).toBe(group.total);
			const july = countCases('2020-07-01', '2020-07-31', (c) => c.group_code === group.group_code && keep(c));
			expect(counts[6], group.group_code).toBe(july);
		}
	});

	test('filter values are literals, never SQL: a quote in a group code matches nothing and breaks nothing', async () => {
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(view({ groups: ["TDP01' OR '1'='1"] }))));
		expect(figures.total).toBe(0);
	});
});
