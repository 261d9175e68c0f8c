import { beforeAll, describe, expect, test } from 'vitest';
import { spatialWeights } from '$lib/core/analysis';
import { runAnalysis } from '$lib/core/view/runAnalysis';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { wardAreas } from '$lib/core/geo/wardAreas';
import { loadDataset } from '$lib/core/import/dataset';
import { groupFiguresQuery, groupsQuery, keyFiguresQuery } from '$lib/core/queries/dashboard';
import { readGroupFigures, readGroups, readKeyFigures } from '$lib/core/queries/results';
import { wardFiguresOf, wardLookup } from '$lib/core/view/rollUp';
import { parseView, viewToParams, type DataContext, type View } from '$lib/core/queries/view';
import { wardsOf } from '$lib/core/schema/wards';
import { generateDistrict } from '../../../data/demo/district';

// Six wards of 2 × 3 groups, three wards a row: W01 W02 W03 over W04 W05 W06.
const district = generateDistrict({ wards: 6, groupsPerWard: 6, seed: 11 });
const geojson = JSON.parse(district.groupsGeojson) as GeoJSON.FeatureCollection;
const PERIOD = { from: '2020-01-01', to: '2020-12-31' };
const view = (partial: Partial<View> = {}): View => ({
	...PERIOD,
	categories: [],
	statuses: [],
	sources: [],
	groups: [],
	mode: 'count',
	fdr: false,
	lang: 'vi',
	...partial
});

/** The generated cases read with a plain split, independently of the app's import. */
function plainCases(): { reported_on: string; ward_code: string; group_code: string; category: string }[] {
	const [header, ...lines] = district.casesCsv.trim().split('\n');
	const names = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		const field = (name: string) => cells[names.indexOf(name)];
		return { reported_on: field('reported_on'), ward_code: field('ward_code'), group_code: field('group_code'), category: field('category') };
	});
}
const inPeriod = (date: string) => date >= PERIOD.from && date <= PERIOD.to;

describe('a district rolled up to wards, on real DuckDB', () => {
	let engine: Engine;
	/** The wards' figures as every ward-level panel has them: their groups' rows rolled up. */
	const wardFigures = async (v: View) =>
		wardFiguresOf(readGroupFigures(await engine.query(groupFiguresQuery(v))), wardLookup(readGroups(await engine.query(groupsQuery()))));
	beforeAll(async () => {
		engine = await openNodeEngine();
		await loadDataset(engine, {
			groups: { name: 'groups.geojson', text: district.groupsGeojson },
			cases: { name: 'cases.csv', bytes: district.casesCsv }
		});
	}, 60_000);

	test('each ward’s count and population are its groups’ summed, as counted from the generated file', async () => {
		const rows = await wardFigures(view());
		const expected = ['W01', 'W02', 'W03', 'W04', 'W05', 'W06'].map((ward) => ({
			code: ward,
			total: plainCases().filter((c) => c.ward_code === ward && inPeriod(c.reported_on)).length,
			population: geojson.features
				.filter((feature) => feature.properties!.ward_code === ward)
				.reduce((sum, feature) => sum + Number(feature.properties!.population), 0)
		}));
		expect(rows.map((row) => ({ code: row.group_code, total: row.total, population: row.population }))).toEqual(expected);
		// The planted hot ward stands out.
		expect(rows.find((row) => row.group_code === 'W02')!.total).toBeGreaterThan(2 * rows.find((row) => row.group_code === 'W01')!.total);
	});

	test('ward= keeps every panel to the chosen wards: key figures, group rows, ward rows', async () => {
		const chosen = view({ wards: ['W02', 'W05'] });
		const [key] = await engine.query(keyFiguresQuery(chosen));
		const expected = plainCases().filter((c) => ['W02', 'W05'].includes(c.ward_code) && inPeriod(c.reported_on)).length;
		expect(readKeyFigures([key]).total).toBe(expected);
		const groups = readGroupFigures(await engine.query(groupFiguresQuery(chosen)));
		expect(groups).toHaveLength(12);
		expect(groups.every((group) => /^W0[25]-/.test(group.group_code))).toBe(true);
		expect(groups.reduce((sum, group) => sum + group.total, 0)).toBe(expected);
		const wards = await wardFigures(chosen);
		expect(wards.map((ward) => ward.group_code)).toEqual(['W02', 'W05']);
	});

	test('ward Gi* at level=ward uses ward contiguity and matches the formula worked by hand', async () => {
		const groups = readGroupFigures(await engine.query(groupFiguresQuery(view()))).map((row) => ({
			...row,
			households: null,
			ward_code: row.group_code.slice(0, 3),
			geometry: geojson.features.find((f) => f.properties!.group_code === row.group_code)!.geometry
		}));
		const areas = wardAreas(wardsOf(groups), groups);
		const analysis = await runAnalysis(engine, { groups: areas, filter: view(), level: 'ward', inference: 'normal' });
		const x = analysis.groups.map((ward) => ward.count);
		const counts = (await wardFigures(view())).map((row) => row.total);
		expect(x).toEqual(counts);
		// Queen neighbours of W01 (corner W05 included) and W06 (corner W02), by hand; Gi* includes the ward itself
		// (SPEC §4). W02 touches every ward: its neighbourhood is the district, which leaves it no z.
		const neighbourhood = { W01: [0, 1, 3, 4], W06: [1, 2, 4, 5] };
		const n = 6;
		const mean = x.reduce((a, b) => a + b, 0) / n;
		const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
		for (const [code, members] of Object.entries(neighbourhood)) {
			const w = members.length;
			const z = (members.reduce((sum, j) => sum + x[j], 0) - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
			expect(analysis.groups.find((ward) => ward.group_code === code)!.gi_z).toBeCloseTo(z, 10);
		}
		expect(analysis.groups.find((ward) => ward.group_code === 'W02')!.gi_z).toBeNull();
	});
});

describe('ward areas and weights', () => {
	const groups = geojson.features.map((feature) => ({
		group_code: String(feature.properties!.group_code),
		name: String(feature.properties!.name),
		population: Number(feature.properties!.population),
		households: Number(feature.properties!.households),
		ward_code: String(feature.properties!.ward_code),
		ward_name: String(feature.properties!.ward_name),
		geometry: feature.geometry
	}));
	const areas = wardAreas(wardsOf(groups), groups);

	test('a ward’s outline is its groups’ dissolved: one ring of the ten boundary vertices of its 2 × 3 groups', () => {
		for (const area of areas) {
			const polygons = (area.geometry as GeoJSON.MultiPolygon).coordinates;
			expect(polygons).toHaveLength(1);
			expect(polygons[0]).toHaveLength(1);
			expect(polygons[0][0]).toHaveLength(11);
			expect(polygons[0][0][0]).toEqual(polygons[0][0][10]);
		}
	});

	test('ward contiguity from the dissolved outlines: W01 touches W02, W04 and W05 at its corner; W02 all but none', () => {
		const { neighbours, islands } = spatialWeights(areas);
		const codes = areas.map((area) => area.group_code);
		const of = (code: string) => neighbours[codes.indexOf(code)].map((i) => codes[i]).sort();
		expect(of('W01')).toEqual(['W02', 'W04', 'W05']);
		expect(of('W02')).toEqual(['W01', 'W03', 'W04', 'W05', 'W06']);
		expect(of('W06')).toEqual(['W02', 'W03', 'W05']);
		expect(islands).toEqual([]);
	});
});

describe('level and ward in the URL', () => {
	const context: DataContext = {
		firstDate: '2018-01-01',
		lastDate: '2020-12-31',
		groupCodes: ['W01-TDP01', 'W02-TDP01', 'W03-TDP01'],
		wardCodes: ['W01', 'W02', 'W03']
	};

	test('a drill-down link keeps its level and ward as written', () => {
		const { view, corrections } = parseView(new URLSearchParams('level=group&ward=W01'), context);
		expect(corrections).toEqual([]);
		expect(view).toMatchObject({ level: 'group', wards: ['W01'] });
		expect(viewToParams(view).toString()).toContain('ward=W01&level=group');
	});

	test('unknown wards are corrected; choosing every ward is choosing none', () => {
		const { view, corrections } = parseView(new URLSearchParams('level=ward&ward=W01,W09'), context);
		expect(view).toMatchObject({ level: 'ward', wards: ['W01'] });
		expect(corrections).toEqual([{ param: 'ward', value: 'W09', problem: 'unknown_code' }]);
		expect(parseView(new URLSearchParams('ward=W03,W01,W02'), context).view.wards).toBeUndefined();
	});

	test('a single ward has no ward level: level=ward and ward= are corrected', () => {
		const single = { ...context, wardCodes: [] };
		const { view, corrections } = parseView(new URLSearchParams('level=ward&ward=W01'), single);
		expect(view.level).toBeUndefined();
		expect(view.wards).toBeUndefined();
		expect(corrections).toEqual([
			{ param: 'ward', value: 'W01', problem: 'unknown_code' },
			{ param: 'level', value: 'ward', problem: 'unknown_code' }
		]);
	});
});
