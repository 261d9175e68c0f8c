import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAnalysis } from '../../src/lib/core/view/runAnalysis';
import { runEarlyWarning } from '../../src/lib/core/view/earlyWarning';
import type { Engine, QueryEngine } from '../../src/lib/core/db/engine';
import { openParquetEngine, writePartitionedParquet, type ParquetEngine } from '../../src/lib/core/db/parquet.server';
import {
	caseExportQuery,
	caseListQuery,
	categoryBreakdownQuery,
	dataExtentQuery,
	groupFiguresQuery,
	groupMonthlyQuery,
	groupsQuery,
	handlingQuery,
	keyFiguresQuery
} from '../../src/lib/core/queries/dashboard';
import { trendQuery } from '../../src/lib/core/queries/trend';
import { readGroups } from '../../src/lib/core/queries/results';
import { seasonalityQuery } from '../../src/lib/core/queries/seasonality';
import { comparedView, type View } from '../../src/lib/core/queries/view';
import { demoCases, engineWithDemo } from './support/demo';

/*
 * The same view SQL on the app's engine (DuckDB-WASM 1.32, DuckDB 1.4.3, the demo imported into its tables) and on
 * the server engine (@duckdb/node-api, DuckDB 1.5.6, views over the Parquet the export wrote from those tables):
 * every answer must be the same rows, value for value, in the same order.
 */

let app: Engine;
let server: ParquetEngine;
let dir: string;
const cases = demoCases();
const span = { firstDate: '2018-01-01', lastDate: '2020-12-31' };

beforeAll(async () => {
	app = await engineWithDemo();
	dir = mkdtempSync(join(tmpdir(), 'ward-parquet-'));
	await writePartitionedParquet(app, dir);
	server = await openParquetEngine(dir);
}, 60_000);

afterAll(() => {
	server?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function view(overrides: Partial<View>): View {
	return { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

/** Views a committee looks at: periods, categories, statuses, sources, a group, a comparison. */
const views: [string, View][] = [
	['the whole of 2020', view({})],
	['a quarter of 2019 compared with the same quarter of 2018', view({ from: '2019-04-01', to: '2019-06-30', compare: { from: '2018-04-01', to: '2018-06-30' } })],
	['a reporting period, 15 December to 14 March', view({ from: '2019-12-15', to: '2020-03-14' })],
	['land and family disputes in 2019', view({ from: '2019-01-01', to: '2019-12-31', categories: ['land', 'family'] })],
	['cases still open', view({ statuses: ['received', 'mediating'] })],
	['what patrols found, resolved', view({ sources: ['patrol'], statuses: ['resolved'] })],
	['one group over the whole data', view({ from: '2018-01-01', to: '2020-12-31', groups: ['TDP25'] })],
	['two groups, neighbour disputes, a custom range', view({ from: '2018-02-10', to: '2018-11-03', groups: ['TDP03', 'TDP41'], categories: ['neighbour'] })]
];

/** Every query the dashboard's panels and the case list send for a view (as `DashboardResults` and the case list do). */
function panelQueries(v: View): [string, string][] {
	const compared = comparedView(v);
	return [
		['key figures', keyFiguresQuery(v)],
		['groups (map, ranking)', groupFiguresQuery(v)],
		['trend', trendQuery(v)],
		['trend by week', trendQuery({ ...v, trend: 'week' })],
		['group × month (statistics)', groupMonthlyQuery(v)],
		['handling', handlingQuery(v, span.lastDate)],
		['categories', categoryBreakdownQuery(v)],
		['seasonality', seasonalityQuery(v)],
		['case list, first page', caseListQuery(v, 0, 15)],
		['case list, second page', caseListQuery(v, 1, 15)],
		['case export', caseExportQuery(v)],
		...(compared
			? ([
					['compared key figures', keyFiguresQuery(compared)],
					['compared groups', groupFiguresQuery(compared)]
				] as [string, string][])
			: [])
	];
}

/** The groups as the dashboard reads them, in its order (the statistics' permutations are seeded in this order). */
/**
 * A single-ward import names no ward (`ward_code` null); its store files it under a ward (`W01` by default), which
 * the server then reports: answers are compared without the ward (the layout's own tests check it). Both pass
 * through JSON, so they are compared alike.
 */
function withoutWard<T>(answer: T): T {
	return JSON.parse(JSON.stringify(answer), (key, value) => (key === 'ward_code' || key === 'ward_name' ? undefined : value));
}

async function groupsOf(engine: QueryEngine) {
	return readGroups(await engine.query(groupsQuery()));
}

describe('export to Parquet partitioned by ward and year', () => {
	test('the demo ward is written as ward_code=W01, one folder a year, its groups beside', () => {
		expect(readdirSync(join(dir, 'cases'))).toEqual(['ward_code=W01']);
		expect(readdirSync(join(dir, 'cases', 'ward_code=W01')).sort()).toEqual(['year=2018', 'year=2019', 'year=2020']);
		expect(readdirSync(join(dir, 'groups'))).toEqual(['ward_code=W01']);
		expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
	});

	test('every case and group is served, each case in its ward and year', async () => {
		const [counts] = await server.query(
			'SELECT count(*) AS cases, count(DISTINCT case_id) AS ids, count(*) FILTER (WHERE ward_code = \'W01\') AS in_ward FROM cases'
		);
		expect(counts).toEqual({ cases: cases.length, ids: cases.length, in_ward: cases.length });
		const perYear = await server.query(`SELECT year(reported_on) AS year, count(*) AS total FROM cases GROUP BY 1 ORDER BY 1`);
		const expected = ['2018', '2019', '2020'].map((year) => ({
			year: Number(year),
			total: cases.filter((c) => c.reported_on.startsWith(year)).length
		}));
		expect(perYear).toEqual(expected);
		expect(await server.query('SELECT count(*) AS groups FROM groups')).toEqual([{ groups: 48 }]);
	});

	test('the relations have the app tables\' types: categories sort in code order, not by letter', async () => {
		const types = `SELECT column_name, data_type FROM duckdb_columns()
			WHERE table_name = 'cases' AND schema_name = 'main' ORDER BY column_index`;
		const [appTypes, serverTypes] = await Promise.all([app.query(types), server.query(types)]);
		// The server adds the partition's ward code; every column of the app's table is there with its type.
		expect(serverTypes.filter((column) => column.column_name !== 'ward_code')).toEqual(appTypes);
		const order = 'SELECT DISTINCT category FROM cases ORDER BY category';
		expect(await server.query(order)).toEqual(await app.query(order));
	});
});

describe.each(views)('the same answers from the app engine and the server engine: %s', (_, v) => {
	test.each(panelQueries(v))('%s', async (_, sql) => {
		const [inBrowser, onServer] = await Promise.all([app.query(sql), server.query(sql)]);
		expect(withoutWard(onServer)).toEqual(withoutWard(inBrowser));
	});

	test('the period holds cases (the comparison is not between two empty answers)', async () => {
		const [figures] = await server.query(keyFiguresQuery(v));
		expect(figures.total).toBeGreaterThan(0);
	});

	test('hotspot statistics (Gi*, Local Moran, EB rates, emerging hot spots) from each engine\'s answers', async () => {
		const [appGroups, serverGroups] = await Promise.all([groupsOf(app), groupsOf(server)]);
		expect(withoutWard(serverGroups)).toEqual(withoutWard(appGroups));
		for (const measure of ['count', 'rate'] as const) {
			const request = { groups: appGroups, filter: v, measure };
			const [inBrowser, onServer] = await Promise.all([
				runAnalysis(app, request),
				runAnalysis(server, { ...request, groups: serverGroups })
			]);
			expect(withoutWard(onServer)).toEqual(withoutWard(inBrowser));
		}
	});

	test('early warning', async () => {
		const [inBrowser, onServer] = await Promise.all([
			runEarlyWarning((sql) => app.query(sql), v, span),
			runEarlyWarning((sql) => server.query(sql), v, span)
		]);
		expect(onServer).toEqual(inBrowser);
	});
});

describe('several wards in one store', () => {
	let store: string;
	let city: ParquetEngine | undefined;

	beforeAll(async () => {
		store = mkdtempSync(join(tmpdir(), 'ward-city-'));
		await writePartitionedParquet(app, store, 'W01');
		await writePartitionedParquet(app, store, '00256');
	}, 60_000);

	afterAll(() => {
		city?.close();
		rmSync(store, { recursive: true, force: true });
	});

	test('a ward code of digits with leading zeros (00256) stays text, beside W01', async () => {
		city = await openParquetEngine(store);
		const wards = await city.query('SELECT ward_code, count(*) AS total FROM cases GROUP BY 1 ORDER BY 1');
		expect(wards).toEqual([
			{ ward_code: '00256', total: cases.length },
			{ ward_code: 'W01', total: cases.length }
		]);
	});

	test('exporting a ward again replaces its partitions, not adds to them', async () => {
		await writePartitionedParquet(app, store, 'W01');
		const again = await openParquetEngine(store);
		try {
			expect(await again.query('SELECT count(*) AS total FROM cases')).toEqual([{ total: 2 * cases.length }]);
			expect(await again.query('SELECT count(*) AS total FROM groups')).toEqual([{ total: 2 * 48 }]);
		} finally {
			again.close();
		}
	});

	test('one ward served alone answers as that ward\'s own store', async () => {
		const one = await openParquetEngine(store, { wards: ['00256'] });
		try {
			for (const sql of [dataExtentQuery(), ...panelQueries(views[0][1]).map(([, sql]) => sql)]) {
				// The same rows, but for the ward each store files them under.
				expect(withoutWard(await one.query(sql))).toEqual(withoutWard(await server.query(sql)));
			}
			expect(await one.query('SELECT DISTINCT ward_code FROM cases')).toEqual([{ ward_code: '00256' }]);
			expect(await one.query('SELECT DISTINCT ward_code FROM groups')).toEqual([{ ward_code: '00256' }]);
		} finally {
			one.close();
		}
	});

	test('groups that name their ward (as a district\'s will) put each case in its group\'s ward', async () => {
		const wardOf = (group: string) => (group <= 'TDP24' ? 'D1' : 'D2');
		// The app's engine, its groups given ward codes.
		const named = `(SELECT * REPLACE (CASE WHEN group_code <= 'TDP24' THEN 'D1' ELSE 'D2' END AS ward_code) FROM groups)`;
		const district: QueryEngine = {
			query: (sql) => app.query(sql === 'SELECT * FROM groups' ? `SELECT * FROM ${named}` : sql),
			exec: (sql) => app.exec(sql)
		};
		const split = mkdtempSync(join(tmpdir(), 'ward-district-'));
		try {
			expect((await writePartitionedParquet(district, split, 'W09')).wards).toEqual(['D1', 'D2']);
			const engine = await openParquetEngine(split);
			try {
				const perWard = await engine.query('SELECT ward_code, count(*) AS total FROM cases GROUP BY 1 ORDER BY 1');
				expect(perWard).toEqual(
					['D1', 'D2'].map((ward) => ({ ward_code: ward, total: cases.filter((c) => wardOf(c.group_code) === ward).length }))
				);
				const groups = await engine.query('SELECT ward_code, count(*) AS total FROM groups GROUP BY 1 ORDER BY 1');
				expect(groups).toEqual([{ ward_code: 'D1', total: 24 }, { ward_code: 'D2', total: 24 }]);
			} finally {
				engine.close();
			}
		} finally {
			rmSync(split, { recursive: true, force: true });
		}
	});

	test('one ward served alone opens only its own folders: a damaged file in another ward\'s does not stop it', async () => {
		const damaged = join(store, 'cases', 'ward_code=W07', 'year=2020');
		mkdirSync(damaged, { recursive: true });
		writeFileSync(join(damaged, 'data_0.parquet'), 'not Parquet');
		try {
			const one = await openParquetEngine(store, { wards: ['W01'] });
			try {
				expect(await one.query('SELECT count(*) AS total FROM cases')).toEqual([{ total: cases.length }]);
			} finally {
				one.close();
			}
			const all = await openParquetEngine(store);
			try {
				await expect(all.query('SELECT count(*) AS total FROM cases')).rejects.toThrow(/ward_code=W07/);
			} finally {
				all.close();
			}
		} finally {
			rmSync(join(store, 'cases', 'ward_code=W07'), { recursive: true, force: true });
		}
	});

	test('a ward the store does not hold is named with the wards it holds', async () => {
		await expect(openParquetEngine(store, { wards: ['W09'] })).rejects.toThrow(/holds no ward W09 \(it holds 00256, W01\)/);
	});

	test('a folder without the layout is a clear error, and a ward code cannot leave its folder', async () => {
		await expect(openParquetEngine(join(store, 'nowhere'))).rejects.toThrow(/holds no cases\/ folder/);
		await expect(writePartitionedParquet(app, store, '../W02')).rejects.toThrow(/not a ward code/);
		expect(existsSync(join(store, 'W02'))).toBe(false);
	});
});
