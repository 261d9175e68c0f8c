import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import { loadDataset } from '$lib/core/import/dataset';
import { CaseIndex } from '$lib/core/index/caseIndex';
import { addDays } from '$lib/core/periods/dates';
import { dataExtentQuery, groupsQuery } from '$lib/core/queries/dashboard';
import { readGroups } from '$lib/core/queries/results';
import { MAP_MODES, type View } from '$lib/core/queries/view';
import { CATEGORY_CODES } from '$lib/core/schema/categories';
import { SOURCE_CODES, type SourceCode } from '$lib/core/schema/sources';
import { STATUS_CODES, type StatusCode } from '$lib/core/schema/statuses';
import { ViewAnswerer, type Purpose, type ViewAnswers } from '$lib/core/view/answerView';
import { IndexCounts } from '$lib/core/view/indexCounts';
import { SqlCounts } from '$lib/core/view/sqlCounts';
import { generateDistrict } from '../../../data/demo/district';
import { engineWithDemo } from '../support/demo';

interface Data {
	engine: Engine;
	groups: GroupWithGeometry[];
	span: { firstDate: string; lastDate: string };
	index: IndexCounts;
	sql: SqlCounts;
}

async function dataOf(engine: Engine): Promise<Data> {
	const [[extent], groupRows, index] = await Promise.all([engine.query(dataExtentQuery()), engine.query(groupsQuery()), CaseIndex.build(engine)]);
	const groups = readGroups(groupRows);
	const span = { firstDate: String(extent.first_date), lastDate: String(extent.last_date) };
	return { engine, groups, span, index: new IndexCounts(index, groups), sql: new SqlCounts((_key, text) => engine.query(text)) };
}

/** A random view of the data: any period around its span, filters, level, wards, map mode, trend step, compare. */
function views(data: Data) {
	const { firstDate, lastDate } = data.span;
	const days = Math.round((Date.parse(lastDate) - Date.parse(firstDate)) / 86_400_000);
	const codes = data.groups.map((group) => group.group_code);
	const wards = [...new Set(data.groups.flatMap((group) => (group.ward_code ? [group.ward_code] : [])))];
	const period = fc
		.record({ start: fc.integer({ min: -60, max: days + 60 }), length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 800 })) })
		.map(({ start, length }) => ({ from: addDays(firstDate, start), to: addDays(firstDate, start + length) }));
	return fc
		.record({
			period,
			categories: fc.subarray([...CATEGORY_CODES]),
			statuses: fc.oneof(fc.constant<StatusCode[]>([]), fc.subarray([...STATUS_CODES])),
			sources: fc.oneof(fc.constant<SourceCode[]>([]), fc.constant<SourceCode[]>([]), fc.subarray([...SOURCE_CODES])),
			groups: fc.oneof(fc.constant<string[]>([]), fc.subarray(codes, { maxLength: 3 })),
			wards: wards.length ? fc.oneof(fc.constant(undefined), fc.subarray(wards, { minLength: 1, maxLength: 3 })) : fc.constant(undefined),
			level: wards.length ? fc.constantFrom('group' as const, 'ward' as const) : fc.constant(undefined),
			mode: fc.constantFrom(...MAP_MODES),
			trend: fc.constantFrom(undefined, 'week' as const, 'quarter' as const),
			compare: fc.option(period, { nil: undefined })
		})
		.map(({ period, ...rest }): View => ({ ...period, ...rest, fdr: false, gi: 'normal', lang: 'vi' }));
}

/** Both ways of answering `view`: with the index, and by SQL alone. */
async function bothWays(data: Data, view: View, purpose: Purpose = 'dashboard'): Promise<[ViewAnswers, ViewAnswers]> {
	const answerer = new ViewAnswerer(data.groups, data.span, purpose);
	return Promise.all([answerer.answer(view, { index: data.index, sql: data.sql }), answerer.answer(view, { index: null, sql: data.sql })]);
}

function expectSameAnswers([byIndex, bySql]: [ViewAnswers, ViewAnswers]): void {
	expect(byIndex.answeredBy).toBe('index');
	expect(bySql.answeredBy).toBe('sql');
	expect({ ...byIndex, answeredBy: null }).toEqual({ ...bySql, answeredBy: null });
}

describe('every panel counted from the case index gives the SQL answer', () => {
	describe('on the demo ward', () => {
		let data: Data;
		beforeAll(async () => {
			data = await dataOf(await engineWithDemo());
		}, 60_000);

		test('on random views (every filter, map mode, trend step and compared period)', async () => {
			await fc.assert(fc.asyncProperty(views(data), async (view) => expectSameAnswers(await bothWays(data, view))), { numRuns: 40, seed: 7 });
		}, 300_000);

		test('for the briefing (the statistics whatever the mode, no sparklines or seasonality)', async () => {
			const view = { from: '2020-07-01', to: '2020-09-30', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi' } satisfies View;
			const answers = await bothWays(data, view, 'briefing');
			expectSameAnswers(answers);
			expect(answers[0].hotspots?.groups.length).toBe(data.groups.length);
			expect(answers[0].sparklines).toBeNull();
		});

		test('a period that is not a real date is left to SQL, which says what is wrong', async () => {
			const view = { from: '2020-02-30', to: '2020-03-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi' } satisfies View;
			const answerer = new ViewAnswerer(data.groups, data.span);
			await expect(answerer.answer(view, { index: data.index, sql: data.sql })).rejects.toThrow();
		});
	});

	describe('on a district of six wards (level=ward, ward=)', () => {
		let data: Data;
		beforeAll(async () => {
			const district = generateDistrict({ wards: 6, groupsPerWard: 6, seed: 5 });
			const engine = await openNodeEngine();
			await loadDataset(engine, {
				groups: { name: 'groups.geojson', text: district.groupsGeojson },
				cases: { name: 'cases.csv', bytes: district.casesCsv }
			});
			data = await dataOf(engine);
		}, 60_000);

		test('on random views, ward level and chosen wards included', async () => {
			await fc.assert(fc.asyncProperty(views(data), async (view) => expectSameAnswers(await bothWays(data, view))), { numRuns: 40, seed: 11 });
		}, 300_000);

		test('at level=ward the ranking, sparklines, alerts and compared figures are the wards’', async () => {
			const view: View = { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], level: 'ward', mode: 'gistar', fdr: false, lang: 'vi', compare: { from: '2019-01-01', to: '2019-12-31' } };
			const [answers] = await bothWays(data, view);
			const wards = ['W01', 'W02', 'W03', 'W04', 'W05', 'W06'];
			expect(answers.wardFigures.map((ward) => ward.group_code)).toEqual(wards);
			expect(answers.wardFigures.reduce((sum, ward) => sum + ward.total, 0)).toBe(answers.keyFigures.total);
			expect([...answers.sparklines!.counts.keys()]).toEqual(wards);
			expect(answers.compareGroups!.map((ward) => ward.group_code)).toEqual(wards);
			expect(answers.compareGroups!.reduce((sum, ward) => sum + ward.total, 0)).toBe(answers.compareFigures!.total);
			expect(answers.hotspots!.groups.map((ward) => ward.group_code)).toEqual(wards);
			expect(answers.alerts.alerts.every((alert) => wards.includes(alert.group_code))).toBe(true);
		});
	});
});
