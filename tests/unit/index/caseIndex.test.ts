import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine, Row } from '../../../src/lib/core/db/engine';
import { openNodeEngine } from '../../../src/lib/core/db/node';
import { CREATE_TABLES } from '../../../src/lib/core/db/schema';
import { CaseIndex, indexFilter, type IndexFilter } from '../../../src/lib/core/index/caseIndex';
import {
	categoryBreakdownQuery,
	groupFiguresQuery,
	groupMonthlyQuery,
	handlingQuery,
	keyFiguresQuery
} from '../../../src/lib/core/queries/dashboard';
import { readHandling } from '../../../src/lib/core/queries/results';
import { trendQuery } from '../../../src/lib/core/queries/trend';
import { addDays } from '../../../src/lib/core/queries/dates';
import { previousPeriod, samePeriodLastYear, type Period } from '../../../src/lib/core/queries/periods';
import { casePredicate, type FilterScope } from '../../../src/lib/core/queries/predicates';
import type { View } from '../../../src/lib/core/queries/view';
import { CATEGORY_CODES } from '../../../src/lib/core/schema/categories';
import { SOURCE_CODES, type SourceCode } from '../../../src/lib/core/schema/sources';
import { STATUS_CODES, type StatusCode } from '../../../src/lib/core/schema/statuses';
import { engineWithDemo } from '../support/demo';

function view(overrides: Partial<View>): View {
	return { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

const SCOPE_ALL: FilterScope = { categories: true, statuses: true, groups: true };

/** A random view over `from`..`to` ± a few months (so periods outside the data come up), over `groupCodes`. */
function views(groupCodes: string[], first: string, last: string) {
	const day = fc.integer({ min: -120, max: Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 120 });
	return fc
		.record({
			start: day,
			length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1500 })),
			categories: fc.subarray([...CATEGORY_CODES]),
			statuses: fc.oneof(fc.constant<StatusCode[]>([]), fc.subarray([...STATUS_CODES])),
			sources: fc.oneof(fc.constant<SourceCode[]>([]), fc.subarray([...SOURCE_CODES])),
			groups: fc.oneof(fc.constant<string[]>([]), fc.subarray(groupCodes, { maxLength: Math.min(6, groupCodes.length) }))
		})
		.map(({ start, length, ...filters }) =>
			view({ from: addDays(first, start), to: addDays(first, start + length), ...filters })
		);
}

/** Every count the index gives for `v`, next to the SQL builders' answers for the same view on the same data. */
async function compareWithSql(engine: Engine, index: CaseIndex, v: View): Promise<void> {
	const groupRows = await engine.query(groupFiguresQuery(v));
	const mapScope = { period: v, categories: true, statuses: true };
	const counts = (scope: FilterScope) => Array.from(index.groupCounts(indexFilter(v, scope))!);
	expect(index.groupCodes).toEqual(groupRows.map((row) => row.group_code));
	expect(counts(mapScope)).toEqual(groupRows.map((row) => row.total));
	expect(counts({ ...mapScope, period: previousPeriod(v) })).toEqual(groupRows.map((row) => row.previous_total));
	const resolved = resolvedOnly(indexFilter(v, mapScope));
	const resolvedCounts = resolved ? Array.from(index.groupCounts(resolved)!) : groupRows.map(() => 0);
	expect(resolvedCounts).toEqual(groupRows.map((row) => row.resolved));

	const [key] = await engine.query(keyFiguresQuery(v));
	const total = (period: Period) => index.total(indexFilter(v, { ...SCOPE_ALL, period }));
	expect(total(v)).toBe(key.total);
	expect(total(previousPeriod(v))).toBe(key.previous_total);
	expect(total(samePeriodLastYear(v))).toBe(key.last_year_total);

	// the handling measures as of the data's last day, and as of a day inside the period
	for (const asOf of ['2020-12-31', v.from])
		expect(index.handling(indexFilter(v, { ...SCOPE_ALL, period: v }), asOf)).toEqual(
			readHandling(await engine.query(handlingQuery(v, asOf)))
		);

	const categories = index.categoryCounts(indexFilter(v, { period: v, statuses: true, groups: true }))!;
	const breakdown = await engine.query(categoryBreakdownQuery(v));
	expect(nonZero(CATEGORY_CODES, categories)).toEqual(sqlCounts(breakdown, 'category'));

	const trend = index.monthlyByCategory(indexFilter(v, SCOPE_ALL))!;
	// The trend's month steps are named by their first day (`2020-07-01`); the index names months `2020-07`.
	const trendRows = (await engine.query(trendQuery({ ...v, trend: undefined }))).map((row) => ({ ...row, month: String(row.bucket).slice(0, 7) }));
	expect(nonZero(grid(trend.months, CATEGORY_CODES), trend.counts)).toEqual(sqlCounts(trendRows, 'month', 'category'));

	const monthly = index.groupMonthly(indexFilter(v, { categories: true, statuses: true }))!;
	const monthlyRows = await engine.query(groupMonthlyQuery(v));
	expect(nonZero(grid(index.groupCodes, monthly.months), monthly.counts)).toEqual(sqlCounts(monthlyRows, 'group_code', 'month'));

	// the period's months alone, for the chosen groups: the per-group series of a view's statistics
	const chosen = casePredicate(v, { ...SCOPE_ALL, period: v });
	const inPeriod = index.groupMonthly(indexFilter(v, { ...SCOPE_ALL, period: v }))!;
	const inPeriodRows = await engine.query(
		`SELECT group_code, strftime(reported_on, '%Y-%m') AS month, count(*)::INTEGER AS total FROM cases WHERE ${chosen} GROUP BY ALL`
	);
	expect(nonZero(grid(index.groupCodes, inPeriod.months), inPeriod.counts)).toEqual(sqlCounts(inPeriodRows, 'group_code', 'month'));

	const daily = index.dailyCounts(indexFilter(v, { ...SCOPE_ALL, period: v }))!;
	const dailyRows = await engine.query(`SELECT reported_on, count(*)::INTEGER AS total FROM cases WHERE ${chosen} GROUP BY ALL`);
	expect(daily.from).toBe(v.from);
	const days = Array.from(daily.counts, (_, d) => addDays(v.from, d));
	expect(nonZero(days, daily.counts)).toEqual(sqlCounts(dailyRows, 'reported_on'));
}

/** The filter's resolved cases, as `groupFiguresQuery`'s `resolved`; null when its statuses leave resolved out. */
function resolvedOnly(filter: IndexFilter): IndexFilter | null {
	if (filter.statuses.length && !filter.statuses.includes('resolved')) return null;
	return { ...filter, statuses: ['resolved'] };
}

/** The names of a row-major grid's cells, `"row column"`. */
function grid(rows: readonly string[], columns: readonly string[]): string[] {
	return rows.flatMap((row) => columns.map((column) => `${row} ${column}`));
}

/** The cells that count something, by name; SQL leaves out the rest. */
function nonZero(names: readonly string[], counts: Int32Array): Record<string, number> {
	return Object.fromEntries(names.map((name, k) => [name, counts[k]] as const).filter(([, count]) => count > 0));
}

/** SQL rows' `total` by the names made of their `fields`, as `grid` names cells. */
function sqlCounts(rows: Row[], ...fields: string[]): Record<string, number> {
	return Object.fromEntries(rows.map((row) => [fields.map((field) => row[field]).join(' '), Number(row.total)]));
}

describe('the case index on the demo ward, against the dashboard SQL', () => {
	let engine: Engine;
	let index: CaseIndex;
	beforeAll(async () => {
		engine = await engineWithDemo();
		index = await CaseIndex.build(engine);
	}, 60_000);

	test('covers the data: its span, its months and every case', async () => {
		const [extent] = await engine.query('SELECT min(reported_on) AS first, max(reported_on) AS last, count(*)::INTEGER AS cases FROM cases');
		expect(index.months[0]).toBe(String(extent.first).slice(0, 7));
		expect(index.months.at(-1)).toBe(String(extent.last).slice(0, 7));
		expect(index.total({ period: null, categories: [], statuses: [], sources: [], groups: [] })).toBe(extent.cases);
		expect(index.bytes).toBeGreaterThan(0);
	});

	test('gives the SQL answers on random views', async () => {
		const codes = index.groupCodes as string[];
		await fc.assert(
			fc.asyncProperty(views(codes, '2018-01-01', '2020-12-31'), (v) => compareWithSql(engine, index, v)),
			{ numRuns: 40 }
		);
	}, 120_000);

	test.each([
		['a day without cases', { from: '2020-06-14', to: '2020-06-14' }],
		['one day', { from: '2020-03-02', to: '2020-03-02' }],
		['a period before the data', { from: '2010-01-01', to: '2011-12-31' }],
		['a period after the data', { from: '2030-01-01', to: '2030-03-31' }],
		['a period around the whole data', { from: '2000-01-01', to: '2040-12-31' }],
		['only the first day of the data', { from: '2018-01-01', to: '2018-01-01' }],
		['a source filter, which leaves out cases without a source', { sources: ['patrol' as const] }],
		['every source chosen, still without the cases lacking one', { sources: [...SOURCE_CODES] }],
		['most categories but one, and two statuses', { categories: CATEGORY_CODES.filter((c) => c !== 'land'), statuses: ['received' as const, 'mediating' as const] }]
	])('gives the SQL answers for %s', async (_, overrides) => {
		await compareWithSql(engine, index, view(overrides));
	});

	test('says it cannot answer a period that is not two real dates, so the caller asks SQL', () => {
		const filter = (from: string, to: string): IndexFilter => ({ period: { from, to }, categories: [], statuses: [], sources: [], groups: [] });
		expect(index.groupCounts(filter('2020-02-30', '2020-03-31'))).toBeUndefined();
		expect(index.total(filter('2020-01-01', '31/12/2020'))).toBeUndefined();
		expect(index.monthlyByCategory(filter('', '2020-12-31'))).toBeUndefined();
	});
});

describe('the case index on a random small table, against the dashboard SQL', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
		await engine.exec(CREATE_TABLES);
	}, 60_000);

	const GROUPS = ['A', 'B', 'C', 'D'];
	const randomCase = fc.record({
		day: fc.integer({ min: 0, max: 70 }),
		group: fc.constantFrom(...GROUPS),
		category: fc.constantFrom(...CATEGORY_CODES),
		status: fc.constantFrom(...STATUS_CODES),
		source: fc.option(fc.constantFrom(...SOURCE_CODES), { nil: null })
	});

	type RandomCase = { day: number; group: string; category: string; status: string; source: string | null };

	async function load(rows: RandomCase[]): Promise<CaseIndex> {
		await engine.exec('DELETE FROM cases; DELETE FROM groups;');
		const groups = GROUPS.map((code) => `('${code}', 'Tổ ${code}')`);
		await engine.exec(`INSERT INTO groups (group_code, name) VALUES ${groups.join(', ')}`);
		const values = rows.map(
			(row, k) =>
				`('c${k}', DATE '2020-01-20' + ${row.day}, '${row.group}', '${row.category}', '${row.status}', ` +
				`${row.source ? `'${row.source}'` : 'NULL'})`
		);
		if (rows.length)
			await engine.exec(`INSERT INTO cases (case_id, reported_on, group_code, category, status, source) VALUES ${values.join(', ')}`);
		return CaseIndex.build(engine);
	}

	test('gives the SQL answers on random tables and views', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(randomCase, { maxLength: 60 }),
				fc.array(views(GROUPS, '2020-01-20', '2020-03-31'), { minLength: 3, maxLength: 3 }),
				async (rows, randomViews) => {
					const index = await load(rows);
					for (const v of randomViews) await compareWithSql(engine, index, v);
				}
			),
			{ numRuns: 25 }
		);
	}, 120_000);

	test('counts nothing, everywhere, when there are no cases', async () => {
		const index = await load([]);
		expect(index.months).toEqual([]);
		await compareWithSql(engine, index, view({}));
		expect(index.total({ period: null, categories: [], statuses: [], sources: [], groups: [] })).toBe(0);
	});

	test('counts past 16 bits: a group with 70,000 cases of one category', async () => {
		await load([{ day: 5, group: 'B', category: 'family', status: 'resolved', source: 'patrol' }]);
		await engine.exec(
			`INSERT INTO cases (case_id, reported_on, group_code, category, status)
			SELECT 'm' || i, DATE '2020-01-20' + (i % 60)::INTEGER, 'A', 'land', 'received' FROM range(70000) t(i)`
		);
		const index = await CaseIndex.build(engine);
		expect(index.total({ period: null, categories: ['land'], statuses: [], sources: [], groups: ['A'] })).toBe(70_000);
		await compareWithSql(engine, index, view({ from: '2020-01-01', to: '2020-12-31', categories: ['land', 'family'] }));
		await compareWithSql(engine, index, view({ from: '2020-02-01', to: '2020-02-29' }));
	});

	test('counts a status that no case has as nothing, and cases without a source only when no source is chosen', async () => {
		const index = await load([
			{ day: 0, group: 'A', category: 'land', status: 'received', source: null },
			{ day: 0, group: 'A', category: 'land', status: 'received', source: 'patrol' },
			{ day: 3, group: 'B', category: 'family', status: 'resolved', source: null }
		]);
		const filter = (overrides: Partial<IndexFilter>): IndexFilter => ({ period: null, categories: [], statuses: [], sources: [], groups: [], ...overrides });
		expect(index.total(filter({ statuses: ['escalated'] }))).toBe(0);
		expect(index.total(filter({ sources: [...SOURCE_CODES] }))).toBe(1);
		expect(index.total(filter({}))).toBe(3);
		expect(Array.from(index.groupCounts(filter({ groups: ['B'] }))!)).toEqual([0, 1, 0, 0]);
		await compareWithSql(engine, index, view({ from: '2020-01-20', to: '2020-01-23', statuses: ['escalated'] }));
	});
});
