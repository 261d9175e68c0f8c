import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { openNodeEngine } from '../../src/lib/core/db/node';
import { appendCases, loadDataset, readDataset, replaceDataset, wardRules } from '../../src/lib/core/import/dataset';
import { parseGroupsGeojson } from '../../src/lib/core/import/groups';
import { casesInput, prepareCases, readCasesFile } from '../../src/lib/core/import/pipeline';
import { cellColumn } from '../../src/lib/core/import/rawTable';
import { PROGRESS_STEP } from '../../src/lib/core/import/readCsv';
import { ImportError } from '../../src/lib/core/import/report';
import { demoCasesText, demoGroupsText, engineWithDemo } from './support/demo';

const HEADER = 'case_id,reported_on,group_code,category,status,resolved_on,severity,source,repeat,lat,lon';
const TODAY = '2021-01-15';

async function importCases(engine: Engine, lines: string[]) {
	const loaded = await loadDataset(
		engine,
		{
			groups: { name: 'groups.geojson', text: demoGroupsText },
			cases: { name: 'cases.csv', bytes: [HEADER, ...lines].join('\n') }
		},
		{ today: TODAY }
	);
	return loaded.reports[1];
}

describe('importing cases', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
	});

	test('the demo ward imports whole: 48 groups, every case accepted', async () => {
		const loaded = await loadDataset(engine, {
			groups: { name: 'groups.geojson', text: demoGroupsText },
			cases: { name: 'cases.csv', bytes: demoCasesText }
		});
		const caseLines = demoCasesText.trim().split('\n').length - 1;
		expect(loaded.reports.map((r) => [r.read, r.accepted, r.rejected])).toEqual([
			[48, 48, 0],
			[caseLines, caseLines, 0]
		]);
	});

	test('each bad row is rejected with its line and reason; read = accepted + rejected', async () => {
		const report = await importCases(engine, [
			'A1,2020-03-01,TDP01,land,resolved,2020-03-05,2,resident,true,,', // line 2: fine
			'A2,30/02/2020,TDP01,land,received,,,,,,', // 3: impossible date
			'A3,2020-03-01,TDP99,land,received,,,,,,', // 4: unknown group
			'A4,2020-03-01,TDP01,weather,received,,,,,,', // 5: unknown category
			'A5,2020-03-01,TDP01,land,closed,,,,,,', // 6: unknown status
			'A6,2020-03-10,TDP01,land,resolved,2020-03-01,,,,,', // 7: resolved before reported
			'A7,2021-06-01,TDP01,land,received,,,,,,', // 8: in the future
			',2020-03-01,TDP01,land,received,,,,,,', // 9: no id
			'A1,2020-03-02,TDP02,family,received,,,,,,', // 10: id repeated in the file
			'A8,13/01/2020,TDP02,family,received,,4,,,,', // 11: severity out of range
			'A9,13/01/2020,TDP02,Family,Mediating,,3,,,,' // 12: fine, day-first date, any case
		]);
		expect(report.rejections).toEqual([
			{ line: 3, reason: 'invalid_date', field: 'reported_on' },
			{ line: 4, reason: 'unknown_group', field: 'group_code' },
			{ line: 5, reason: 'unknown_category', field: 'category' },
			{ line: 6, reason: 'unknown_status', field: 'status' },
			{ line: 7, reason: 'resolved_before_reported', field: 'resolved_on' },
			{ line: 8, reason: 'future_date', field: 'reported_on' },
			{ line: 9, reason: 'missing_value', field: 'case_id' },
			{ line: 10, reason: 'duplicate_id', field: 'case_id' },
			{ line: 11, reason: 'invalid_number', field: 'severity' }
		]);
		expect(report).toMatchObject({ read: 11, accepted: 2, rejected: 9 });
		const rows = await engine.query('SELECT case_id, reported_on, category, status FROM cases ORDER BY case_id');
		expect(rows).toEqual([
			{ case_id: 'A1', reported_on: '2020-03-01', category: 'land', status: 'resolved' },
			{ case_id: 'A9', reported_on: '2020-01-13', category: 'family', status: 'mediating' }
		]);
	});

	test('a file without a required column is refused as a whole and the previous data stays', async () => {
		const before = await engineWithDemo();
		const [{ n: casesBefore }] = await before.query('SELECT count(*) AS n FROM cases');
		await expect(
			loadDataset(before, {
				groups: { name: 'groups.geojson', text: demoGroupsText },
				cases: { name: 'broken.csv', bytes: 'case_id,reported_on,group_code,category\nB1,2020-01-01,TDP01,land\n' }
			})
		).rejects.toThrow(ImportError);
		const [{ n: casesAfter }] = await before.query('SELECT count(*) AS n FROM cases');
		const [{ g }] = await before.query('SELECT count(*) AS g FROM groups');
		expect(casesAfter).toBe(casesBefore);
		expect(g).toBe(48);
	});

	test('rows the database cannot take roll the whole replacement back: groups and cases as they were', async () => {
		const before = await engineWithDemo();
		const counts = async () => (await before.query('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM groups) AS groups'))[0];
		const was = await counts();
		const input = await readDataset({
			groups: { name: 'groups.geojson', text: demoGroupsText.replace('"TDP01"', '"TDP99"') },
			cases: { name: 'c.csv', bytes: 'case_id,reported_on,group_code,category,status\nB1,2020-01-01,TDP02,land,received\n' }
		});
		// Rows of another table's shape: the append fails after the groups were replaced, inside the transaction.
		const broken = { ...input, cases: { ...input.cases, rows: tableToIPC(tableFromArrays({ other: [1, 2] }), 'stream') } };
		await expect(replaceDataset(before, broken)).rejects.toThrow();
		expect(await counts()).toEqual(was);
		expect(await before.query("SELECT count(*) AS n FROM groups WHERE group_code = 'TDP99'")).toEqual([{ n: 0 }]);
	});

	test('an empty cases file and broken GeoJSON are refused with a clear code', async () => {
		await expect(
			loadDataset(engine, { groups: { name: 'g', text: demoGroupsText }, cases: { name: 'c.csv', bytes: '' } })
		).rejects.toMatchObject({ code: 'empty_file' });
		await expect(
			loadDataset(engine, { groups: { name: 'g.geojson', text: '{"type":' }, cases: { name: 'c', bytes: demoCasesText } })
		).rejects.toMatchObject({ code: 'invalid_geojson' });
	});
});

describe('appending a newer export', () => {
	test('a repeated id replaces the older row and is counted as updated; new ids are added; ids stay unique', async () => {
		const engine = await openNodeEngine();
		const first = await importCases(engine, [
			'A-1,2020-03-01,TDP01,land,received,,,,,,',
			'A-2,2020-03-02,TDP02,family,received,,,,,,'
		]);
		expect(first).toMatchObject({ read: 2, accepted: 2, updated: 0 });
		const { groups } = parseGroupsGeojson(demoGroupsText, 'groups.geojson');
		const newer = await readCasesFile(
			'april.csv',
			new TextEncoder().encode([HEADER, 'A-2,2020-03-02,TDP02,family,resolved,2020-04-01,,,,,', 'A-3,2020-04-03,TDP03,civil,received,,,,,,'].join('\n')),
			{ rules: wardRules(groups, TODAY) }
		);
		const report = await appendCases(engine, newer);
		expect(report).toMatchObject({ read: 2, accepted: 2, rejected: 0, updated: 1 });
		const rows = await engine.query('SELECT case_id, status, resolved_on::VARCHAR AS resolved_on FROM cases ORDER BY case_id');
		expect(rows).toEqual([
			{ case_id: 'A-1', status: 'received', resolved_on: null },
			{ case_id: 'A-2', status: 'resolved', resolved_on: '2020-04-01' },
			{ case_id: 'A-3', status: 'received', resolved_on: null }
		]);
	});
});

describe('repeated ids', () => {
	test('are found on the ids as stored: trimmed, in NFC, whether the ids are plain ASCII or not', async () => {
		const plain = await importCases(await openNodeEngine(), [
			'A-1,2020-03-01,TDP01,land,received,,,,,,',
			'A-2,2020-03-01,TDP01,land,received,,,,,,',
			'A-1,2020-03-02,TDP02,land,received,,,,,,'
		]);
		expect(plain.rejections).toEqual([{ line: 4, reason: 'duplicate_id', field: 'case_id' }]);
		const padded = await importCases(await openNodeEngine(), [
			' A-1,2020-03-01,TDP01,land,received,,,,,,',
			'Mã-2,2020-03-01,TDP01,land,received,,,,,,',
			'A-1 ,2020-03-02,TDP02,land,received,,,,,,',
			'Ma\u0303-2,2020-03-02,TDP02,land,received,,,,,,'
		]);
		expect(padded.rejections).toEqual([
			{ line: 4, reason: 'duplicate_id', field: 'case_id' },
			{ line: 5, reason: 'duplicate_id', field: 'case_id' }
		]);
	});
});

describe('progress on a big file', () => {
	test('reading and mapping report the rows done every PROGRESS_STEP rows, then the total', async () => {
		const total = PROGRESS_STEP * 2 + 7;
		const lines = Array.from({ length: total }, (_, i) => `P-${i},2020-03-01,TDP01,land,received,,,,,,`);
		const bytes = new TextEncoder().encode([HEADER, ...lines].join('\n'));
		const read: number[] = [];
		const prepared = await prepareCases({ name: 'big.csv', bytes }, undefined, (rows) => read.push(rows));
		expect(read).toEqual([PROGRESS_STEP, PROGRESS_STEP * 2, total]);
		const mapped: number[] = [];
		const { groups } = parseGroupsGeojson(demoGroupsText, 'groups.geojson');
		casesInput(prepared, prepared.mapping, undefined, { rules: wardRules(groups, TODAY) }, (rows) => mapped.push(rows));
		// One report per field a cases file can bring (the columns of `cases` and the ward), rising to the total.
		expect(mapped).toHaveLength(12);
		expect(mapped.every((rows, index) => index === 0 || rows > mapped[index - 1])).toBe(true);
		expect(mapped.at(-1)).toBe(total);
	});
});

describe('text columns reach the database exactly', () => {
	test('Vietnamese, emoji and a lone surrogate (from a workbook cell) keep every other value in place', async () => {
		const engine = await openNodeEngine();
		const ids = ['Mã-Tổ-1', 'A-😀-2', 'B-\ud800-3', 'plain-4'];
		const lines = ids.map((id, i) => `${id},2020-03-0${i + 1},TDP0${i + 1},land,received,,,,,,`);
		const prepared = await prepareCases({ name: 'ids.csv', bytes: new TextEncoder().encode([HEADER, ...lines].join('\n')) });
		// A workbook can hold a lone surrogate, which UTF-8 text cannot: put one in as a reader would have it.
		const cells = prepared.table.columns.map((column) => column.cells().slice());
		cells[0][2] = 'B-\ud800-3';
		prepared.table.columns = cells.map(cellColumn);
		const { groups } = parseGroupsGeojson(demoGroupsText, 'groups.geojson');
		const input = casesInput(prepared, prepared.mapping, undefined, { rules: wardRules(groups, TODAY) });
		await engine.importArrow('staged', input.rows);
		const rows = await engine.query('SELECT case_id, group_code FROM staged');
		expect(rows).toEqual([
			{ case_id: 'Mã-Tổ-1', group_code: 'TDP01' },
			{ case_id: 'A-😀-2', group_code: 'TDP02' },
			{ case_id: 'B-\ufffd-3', group_code: 'TDP03' },
			{ case_id: 'plain-4', group_code: 'TDP04' }
		]);
	});
});
