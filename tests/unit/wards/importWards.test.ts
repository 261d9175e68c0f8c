import { beforeAll, describe, expect, test } from 'vitest';
import { queenContiguity } from '$lib/core/analysis';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { loadDataset } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { readGroupsTable } from '$lib/core/import/groupsTable';
import { parseCsv } from '$lib/core/import/readCsv';
import { wardsOf } from '$lib/core/schema/wards';
import { buildDistrict, generateDistrict } from '../../../data/demo/district';
import { demoCasesText, demoGroupsText } from '../support/demo';

const TODAY = '2021-01-15';
const district = generateDistrict({ wards: 3, groupsPerWard: 6, seed: 7 });
const HEADER = 'case_id,reported_on,ward_code,group_code,category,status';

async function importDistrictCases(engine: Engine, lines: string[]) {
	const loaded = await loadDataset(
		engine,
		{
			groups: { name: 'groups.geojson', text: district.groupsGeojson },
			cases: { name: 'cases.csv', bytes: [HEADER, ...lines].join('\n') }
		},
		{ today: TODAY }
	);
	return loaded.reports[1];
}

describe('a district: groups and cases with wards', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
	});

	test('a generated 3-ward district imports whole, each group keeping its ward', async () => {
		const loaded = await loadDataset(engine, {
			groups: { name: 'groups.geojson', text: district.groupsGeojson },
			cases: { name: 'cases.csv', bytes: district.casesCsv }
		});
		const caseLines = district.casesCsv.trim().split('\n').length - 1;
		expect(loaded.reports.map((r) => [r.read, r.accepted, r.rejected])).toEqual([
			[18, 18, 0],
			[caseLines, caseLines, 0]
		]);
		const rows = await engine.query(
			'SELECT ward_code, ward_name, count(*) AS groups FROM groups GROUP BY ALL ORDER BY ward_code'
		);
		expect(rows.map((row) => [row.ward_code, row.ward_name, Number(row.groups)])).toEqual([
			['W01', 'Phường 1 (mô phỏng)', 6],
			['W02', 'Phường 2 (mô phỏng)', 6],
			['W03', 'Phường 3 (mô phỏng)', 6]
		]);
	});

	test('a case whose ward is not its group’s is rejected as ward_mismatch; its ward by code or name, or none, is accepted', async () => {
		const report = await importDistrictCases(engine, [
			'A1,2020-03-01,W01,W01-TDP01,land,received', // line 2: its ward
			'A2,2020-03-01,W02,W01-TDP01,land,received', // 3: another ward of the district
			'A3,2020-03-01,phuong 1 (mo phong),W01-TDP02,land,received', // 4: the ward's name, folded
			'A4,2020-03-01,,W02-TDP01,land,received', // 5: no ward: its group's
			'A5,2020-03-01,W09,W03-TDP01,land,received', // 6: no such ward
			'A6,2020-03-01,W02,TDP99,land,received' // 7: an unknown group is said first
		]);
		expect([report.read, report.accepted, report.rejected]).toEqual([6, 3, 3]);
		expect(report.rejections).toEqual([
			{ line: 3, reason: 'ward_mismatch', field: 'ward_code' },
			{ line: 6, reason: 'ward_mismatch', field: 'ward_code' },
			{ line: 7, reason: 'unknown_group', field: 'group_code' }
		]);
	});

	test('a single ward without ward columns imports as before: a Phường column of cases is not checked', async () => {
		const [header, ...lines] = demoCasesText.trim().split('\n');
		const withWard = [`${header},Phường`, ...lines.map((line) => `${line},Vĩnh Tuy`)].join('\n');
		const loaded = await loadDataset(engine, {
			groups: { name: 'groups.geojson', text: demoGroupsText },
			cases: { name: 'cases.csv', bytes: withWard }
		});
		expect(loaded.reports[1]).toMatchObject({ read: lines.length, accepted: lines.length, rejected: 0 });
		expect(wardsOf(loaded.groups)).toEqual([]);
		const [row] = await engine.query('SELECT count(*) AS named FROM groups WHERE ward_code IS NOT NULL');
		expect(Number(row.named)).toBe(0);
	});

	test('a groups table with “Mã phường” and “Tên phường”: a row without a ward, or naming a ward two ways, is rejected', () => {
		const table = parseCsv(
			'to-dan-pho.csv',
			['Mã tổ;Tên tổ;Mã phường;Tên phường', 'T1;Tổ 1;P01;Vĩnh Tuy', 'T2;Tổ 2;P01;', 'T3;Tổ 3;;', 'T4;Tổ 4;P01;Mai Động', 'T5;Tổ 5;P02;Mai Động'].join('\n')
		);
		const { groups, report } = readGroupsTable(table);
		expect(groups.map((group) => [group.group_code, group.ward_code, group.ward_name])).toEqual([
			['T1', 'P01', 'Vĩnh Tuy'],
			['T2', 'P01', 'Vĩnh Tuy'],
			['T5', 'P02', 'Mai Động']
		]);
		expect(report.rejections).toEqual([
			{ line: 4, reason: 'missing_value', field: 'ward_code' },
			{ line: 5, reason: 'invalid_value', field: 'ward_name' }
		]);
		expect(report.read).toBe(report.accepted + report.rejected);
	});

	test('a groups table whose only ward column is “Phường” (names) takes the name as the ward’s code', () => {
		const table = parseCsv('to.csv', ['Mã tổ,Phường', 'T1,Vĩnh Tuy', 'T2,Mai Động', 'T3,Vĩnh Tuy'].join('\n'));
		const { groups } = readGroupsTable(table);
		expect(wardsOf(groups)).toEqual([
			{ code: 'Mai Động', name: 'Mai Động', groupCodes: ['T2'] },
			{ code: 'Vĩnh Tuy', name: 'Vĩnh Tuy', groupCodes: ['T1', 'T3'] }
		]);
	});

	test('a GeoJSON where some features name a ward rejects the features without one', () => {
		const feature = (code: string, ward?: string) => ({
			type: 'Feature',
			properties: { group_code: code, ...(ward && { ward_code: ward }) },
			geometry: null
		});
		const text = JSON.stringify({ type: 'FeatureCollection', features: [feature('A', 'W1'), feature('B'), feature('C', 'W2')] });
		const { groups, report } = parseGroupsGeojson(text, 'g.geojson');
		expect(groups.map((group) => group.ward_code)).toEqual(['W1', 'W2']);
		expect(report.rejections).toEqual([{ line: 2, reason: 'missing_value', field: 'ward_code' }]);
	});
});

describe('the district generator', () => {
	test('is seeded: the same options give the same bytes, another seed other cases', () => {
		expect(generateDistrict({ wards: 3, groupsPerWard: 6, seed: 7 })).toEqual(district);
		expect(generateDistrict({ wards: 3, groupsPerWard: 6, seed: 8 }).casesCsv).not.toEqual(district.casesCsv);
	});

	test('lays wards side by side: groups on a ward border are queen neighbours of the next ward’s', () => {
		// 4 wards of 2 × 3 groups on a 2 × 2 grid of wards.
		const groups = buildDistrict({ wards: 4, groupsPerWard: 6, seed: 1 });
		const { neighbours } = queenContiguity(groups.map((group) => [[...group.ring, group.ring[0]]]));
		const codes = groups.map((group) => group.code);
		const of = (code: string) => neighbours[codes.indexOf(code)].map((index) => codes[index]).sort();
		// W01's top-right group touches W02's top-left one (edge) and its second row (vertex); nothing of W03/W04.
		expect(of('W01-TDP03')).toEqual(['W01-TDP02', 'W01-TDP05', 'W01-TDP06', 'W02-TDP01', 'W02-TDP04']);
		// W01's bottom-right group touches W02, the W03 groups below it (edge and corner) and, at the corner, W04.
		expect(of('W01-TDP06')).toEqual(['W01-TDP02', 'W01-TDP03', 'W01-TDP05', 'W02-TDP01', 'W02-TDP04', 'W03-TDP02', 'W03-TDP03', 'W04-TDP01']);
	});
});
