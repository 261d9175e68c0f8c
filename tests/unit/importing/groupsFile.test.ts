import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { pointInRing, type LonLat } from '$lib/core/geo/cells';
import { drawnGroups, groupLayout } from '$lib/core/geo/layout';
import { labelPoint } from '$lib/core/geo/outline';
import { replaceDataset, wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { isGroupsTable, readGroupsFile } from '$lib/core/import/groupsFile';
import { readCasesFile } from '$lib/core/import/pipeline';
import { demoCasesText, demoGroupsText } from '../support/demo';

/*
 * Groups without polygons on their way into the ward: a table of centre points, a table of codes alone, a
 * GeoJSON of points. The database keeps what the file gave; the map draws cells or tiles made from it.
 */

const TODAY = '2021-01-15';
const utf8 = (text: string) => new TextEncoder().encode(text);
const demo = parseGroupsGeojson(demoGroupsText, 'groups.geojson').groups;
/** The demo groups' label points, as a ward that only knows where each group's centre is would list them. */
const centres = demo.map((group) => labelPoint(group.geometry)!.map((value) => Number(value.toFixed(6))) as LonLat);

/** `;`-separated with decimal commas, as a Vietnamese Excel writes it. */
function centresCsv(): string {
	const rows = demo.map((group, i) =>
		[group.group_code, group.name, group.population, centres[i][1], centres[i][0]].map((value) => String(value).replace('.', ',')).join(';')
	);
	return ['Mã tổ;Tên tổ;Dân số;Vĩ độ;Kinh độ', ...rows].join('\r\n');
}

async function importWard(engine: Engine, groupsFile: { name: string; text: string }, casesText: string) {
	const groups = await readGroupsFile({ name: groupsFile.name, bytes: utf8(groupsFile.text) });
	const cases = await readCasesFile('cases.csv', utf8(casesText), { rules: wardRules(groups.groups, TODAY) });
	const loaded = await replaceDataset(engine, { groups: groups.groups, groupsReport: groups.report, cases });
	return { groups, casesReport: loaded.reports[1] };
}

describe('groups without polygons', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
	});

	test('a table of centre points: kept as points, drawn as Voronoi cells around them', async () => {
		const caseLines = demoCasesText.trim().split('\n').length - 1;
		const { groups, casesReport } = await importWard(engine, { name: 'to-dan-pho.csv', text: centresCsv() }, demoCasesText);
		expect(groups.layout).toBe('voronoi');
		expect(groups.report).toMatchObject({ read: 48, accepted: 48, rejected: 0 });
		expect(casesReport).toMatchObject({ read: caseLines, accepted: caseLines, rejected: 0 });

		const stored = await engine.query('SELECT group_code, name, population, geometry FROM groups ORDER BY group_code');
		expect(stored).toEqual(
			demo.map((group, i) => ({
				group_code: group.group_code,
				name: group.name,
				population: group.population,
				geometry: JSON.stringify({ type: 'Point', coordinates: centres[i] })
			}))
		);

		const drawn = drawnGroups(groups.groups);
		expect(drawn.layout).toBe('voronoi');
		drawn.groups.forEach((group, i) => {
			expect(group.geometry?.type).toBe('Polygon');
			expect(pointInRing(centres[i], (group.geometry as GeoJSON.Polygon).coordinates[0] as LonLat[])).toBe(true);
		});
	});

	test('case coordinates are checked against the cells, not the tighter box of the centres', async () => {
		const north = Math.max(...centres.map(([, lat]) => lat));
		const [lon] = centres.find(([, lat]) => lat === north)!;
		// 0.0003° (about 33 m) north of the northmost centre: beyond the centres' box and its 0.0001 rounding
		// margin, within the northmost cell (groups here are about 200 m apart).
		const cases = [
			'case_id,reported_on,group_code,category,status,lat,lon',
			`N1,2020-03-01,TDP01,land,received,${(north + 0.0003).toFixed(6)},${lon}`,
			`N2,2020-03-01,TDP01,land,received,21.05,${lon}`
		].join('\n');
		const { casesReport } = await importWard(engine, { name: 'to-dan-pho.csv', text: centresCsv() }, cases);
		expect(casesReport.rejections).toEqual([{ line: 3, reason: 'outside_ward', field: 'lat' }]);
	});

	test('a table of codes alone: a schematic tile grid, no geometry stored, case coordinates not checked', async () => {
		const text = ['Mã tổ,Tên tổ,Số hộ', 'TDP01,Tổ 1,120', 'TDP02,Tổ 2,', 'TDP01,Tổ 1 trùng,5', 'TDP03,Tổ 3,1.234'].join('\n');
		const cases = ['case_id,reported_on,group_code,category,status,lat,lon', 'A1,2020-03-01,TDP02,land,received,21.05,105.80'].join('\n');
		const { groups, casesReport } = await importWard(engine, { name: 'to.csv', text }, cases);
		expect(groups.layout).toBe('tiles');
		expect(groups.report).toMatchObject({ read: 4, accepted: 3, rejected: 1, rejections: [{ line: 4, reason: 'duplicate_id', field: 'group_code' }] });
		expect(await engine.query('SELECT group_code, households, geometry FROM groups ORDER BY group_code')).toEqual([
			{ group_code: 'TDP01', households: 120, geometry: null },
			{ group_code: 'TDP02', households: null, geometry: null },
			{ group_code: 'TDP03', households: 1234, geometry: null }
		]);
		expect(casesReport).toMatchObject({ read: 1, accepted: 1 });
		const drawn = drawnGroups(groups.groups);
		expect(drawn.groups.map((group) => group.geometry?.type)).toEqual(['Polygon', 'Polygon', 'Polygon']);
	});

	test('a GeoJSON of points is laid out as cells; a group without geometry or a shared point gives tiles', async () => {
		const point = (code: string, at: LonLat | null) => ({
			type: 'Feature',
			properties: { group_code: code, name: code },
			geometry: at ? { type: 'Point', coordinates: at } : null
		});
		const geojson = (features: unknown[]) => utf8(JSON.stringify({ type: 'FeatureCollection', features }));
		const points = await readGroupsFile({ name: 'g.geojson', bytes: geojson(demo.map((group, i) => point(group.group_code, centres[i]))) });
		expect(points.layout).toBe('voronoi');
		expect(points.groups.every((group) => group.geometry?.type === 'Point')).toBe(true);

		const missing = await readGroupsFile({ name: 'g.geojson', bytes: geojson([point('A', centres[0]), point('B', null)]) });
		expect(missing.layout).toBe('tiles');
		const shared = await readGroupsFile({ name: 'g.geojson', bytes: geojson([point('A', centres[0]), point('B', centres[0])]) });
		expect(shared.layout).toBe('tiles');
		expect(groupLayout(demo)).toBe('polygons');
		expect(drawnGroups(demo).groups).toEqual(demo);
	});

	test('a groups table is told from a cases table by its headers', () => {
		expect(isGroupsTable(['Mã tổ', 'Tên tổ', 'Vĩ độ', 'Kinh độ'])).toBe(true);
		expect(isGroupsTable(['group_code', 'name', 'population'])).toBe(true);
		expect(isGroupsTable(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng'])).toBe(false);
		expect(isGroupsTable(['Mã vụ việc', 'Tổ dân phố'])).toBe(false);
		expect(isGroupsTable(['Tổ dân phố', 'Tình trạng'])).toBe(false);
		expect(isGroupsTable(['Ghi chú'])).toBe(false);
	});
});
