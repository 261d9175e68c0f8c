import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { replaceDataset, wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { casesInput, prepareCases } from '$lib/core/import/pipeline';
import { ImportSession } from '$lib/core/import/session';
import { unclosedQuote, type ImportReport } from '$lib/core/import/report';
import { demoGroupsText } from '../support/demo';

/*
 * Values and records of real exports (issue 13 §1), each file taken through the whole import on real DuckDB:
 * read → mapping as proposed → checks → `cases`. What `cases` holds afterwards is read back from the database.
 */

const TODAY = '2021-01-15';
const HEADER = 'case_id,reported_on,group_code,category,status,resolved_on';
const demoGroups = parseGroupsGeojson(demoGroupsText, 'groups.geojson');

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
});

async function importText(text: string, name = 'cases.csv'): Promise<ImportReport> {
	const prepared = await prepareCases({ name, bytes: new TextEncoder().encode(text) });
	const cases = casesInput(prepared, prepared.mapping, undefined, { rules: wardRules(demoGroups.groups, TODAY), referenceYear: 2021 });
	const loaded = await replaceDataset(engine, { groups: demoGroups.groups, groupsReport: demoGroups.report, cases });
	const report = loaded.reports[1];
	expect(report.read).toBe(report.accepted + report.rejected);
	const [{ n }] = await engine.query('SELECT count(*) AS n FROM cases');
	expect(n).toBe(report.accepted);
	return report;
}

const stored = () => engine.query('SELECT case_id, reported_on::VARCHAR AS reported_on FROM cases ORDER BY case_id');

describe('ids are held by accepted rows only', () => {
	test('a rejected row does not make a later row with its id a duplicate (ids in increasing order)', async () => {
		const report = await importText(
			[HEADER, 'A-1,30/02/2020,TDP01,land,received,', 'A-1,2020-03-01,TDP01,land,received,', 'A-2,2020-03-02,TDP01,land,received,'].join('\n')
		);
		expect(report.rejections).toEqual([{ line: 2, reason: 'invalid_date', field: 'reported_on' }]);
		expect(await stored()).toEqual([
			{ case_id: 'A-1', reported_on: '2020-03-01' },
			{ case_id: 'A-2', reported_on: '2020-03-02' }
		]);
	});

	test('a rejected row does not make a later row with its id a duplicate (ids in any order, not plain ASCII)', async () => {
		const report = await importText(
			[
				HEADER,
				'Mã-9,2020-03-01,TDP01,land,received,',
				'Mã-1,2020-03-01,TDP99,land,received,', // unknown group
				'Mã-2,2020-03-02,TDP01,weather,received,', // unknown category
				'Mã-2,2020-03-03,TDP01,land,received,',
				'Mã-1,2020-03-04,TDP01,land,received,'
			].join('\n')
		);
		expect(report.rejections).toEqual([
			{ line: 3, reason: 'unknown_group', field: 'group_code' },
			{ line: 4, reason: 'unknown_category', field: 'category' }
		]);
		expect(await stored()).toEqual([
			{ case_id: 'Mã-1', reported_on: '2020-03-04' },
			{ case_id: 'Mã-2', reported_on: '2020-03-03' },
			{ case_id: 'Mã-9', reported_on: '2020-03-01' }
		]);
	});

	test('two valid rows with one id: the first is accepted, the later one is a duplicate, a rejected row between changes nothing', async () => {
		const report = await importText(
			[
				HEADER,
				'B-7,2020-03-01,TDP01,land,received,',
				'B-7,2021-06-01,TDP01,land,received,', // in the future: rejected for that, not as a duplicate
				'A-3,2020-03-05,TDP02,land,received,',
				'B-7,2020-03-09,TDP01,land,received,'
			].join('\n')
		);
		expect(report.rejections).toEqual([
			{ line: 3, reason: 'future_date', field: 'reported_on' },
			{ line: 5, reason: 'duplicate_id', field: 'case_id' }
		]);
		expect(await stored()).toEqual([
			{ case_id: 'A-3', reported_on: '2020-03-05' },
			{ case_id: 'B-7', reported_on: '2020-03-01' }
		]);
	});
});

describe('Excel serial dates', () => {
	test('a date column saved as General in Excel reads 43891 as 01/03/2020', async () => {
		const report = await importText(
			[
				HEADER,
				'S-1,43891,TDP01,land,resolved,43895', // 01/03/2020, resolved 05/03/2020
				'S-2,43891,TDP01,land,received,', // the same cell again: counted again
				'S-3,43891.4166666667,TDP01,land,received,', // a date and time saved as General
				'S-4,13/01/2020,TDP01,land,received,', // a written date: not counted
				'S-5,12345,TDP01,land,received,', // 18/10/1933: no plausible serial, not read
				'S-6,20200113,TDP01,land,received,' // yyyymmdd: never guessed
			].join('\n')
		);
		expect(report.rejections).toEqual([
			{ line: 6, reason: 'invalid_date', field: 'reported_on' },
			{ line: 7, reason: 'invalid_date', field: 'reported_on' }
		]);
		expect(report.excelSerialDates).toBe(4);
		expect(await engine.query('SELECT case_id, reported_on::VARCHAR AS reported_on, resolved_on::VARCHAR AS resolved_on FROM cases ORDER BY case_id')).toEqual([
			{ case_id: 'S-1', reported_on: '2020-03-01', resolved_on: '2020-03-05' },
			{ case_id: 'S-2', reported_on: '2020-03-01', resolved_on: null },
			{ case_id: 'S-3', reported_on: '2020-03-01', resolved_on: null },
			{ case_id: 'S-4', reported_on: '2020-01-13', resolved_on: null }
		]);
	});

	test('a file of written dates reports no Excel serial dates', async () => {
		const report = await importText([HEADER, 'W-1,01/03/2020,TDP01,land,received,'].join('\n'));
		expect(report).toMatchObject({ accepted: 1, excelSerialDates: 0 });
	});

	test('a workbook date column formatted as General: its numbers are read as serials and counted too', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Vụ việc');
		sheet.addRow(HEADER.split(','));
		sheet.addRow(['X-1', 43891, 'TDP01', 'land', 'resolved', new Date(Date.UTC(2020, 2, 4))]);
		sheet.addRow(['X-2', 43892, 'TDP01', 'land', 'received', null]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const prepared = await prepareCases({ name: 'cases.xlsx', bytes });
		const cases = casesInput(prepared, prepared.mapping, undefined, { rules: wardRules(demoGroups.groups, TODAY) });
		const [, report] = (await replaceDataset(engine, { groups: demoGroups.groups, groupsReport: demoGroups.report, cases })).reports;
		expect(report).toMatchObject({ read: 2, accepted: 2, excelSerialDates: 2 });
		expect(await engine.query('SELECT reported_on::VARCHAR AS reported_on, resolved_on::VARCHAR AS resolved_on FROM cases ORDER BY case_id')).toEqual([
			{ reported_on: '2020-03-01', resolved_on: '2020-03-04' },
			{ reported_on: '2020-03-02', resolved_on: null }
		]);
	});
});

describe('a quote never closed', () => {
	test('an unclosed quote names the line it opened on, and every line it took is read and rejected', async () => {
		const report = await importText(
			[
				`${HEADER},ghi_chu`,
				'Q-1,2020-03-01,TDP01,land,received,,"Hai hộ tranh chấp,', // a quoted note over two lines: closed
				'đã mời lên hòa giải"',
				'Q-2,2020-03-02,TDP01,land,received,,"ông A nói ""không""" ',
				'Q-3,2020-03-03,TDP01,land,received,,"chưa đóng', // line 5: never closed
				'Q-4,2020-03-04,TDP01,land,received,,',
				'',
				'Q-5,2020-03-05,TDP01,land,received,,',
				''
			].join('\r\n')
		);
		expect(report.rejections).toEqual([
			{ line: 5, reason: 'unclosed_quote', field: '' },
			{ line: 6, reason: 'in_unclosed_quote', field: '' },
			{ line: 8, reason: 'in_unclosed_quote', field: '' }
		]);
		expect(report).toMatchObject({ read: 5, accepted: 2, rejected: 3 });
		expect(unclosedQuote(report.rejections)).toEqual({ line: 5, lines: 3 });
		expect(await stored()).toEqual([
			{ case_id: 'Q-1', reported_on: '2020-03-01' },
			{ case_id: 'Q-2', reported_on: '2020-03-02' }
		]);
	});

	test('an unclosed quote is told before the import is confirmed, with its line and the lines it takes', async () => {
		const session = new ImportSession();
		const text = [`${HEADER},ghi_chu`, 'Q-1,2020-03-01,TDP01,land,received,,"chưa đóng', 'Q-2,2020-03-02,TDP01,land,received,,'].join('\n');
		const opened = await session.open([{ name: 'cases.csv', bytes: new TextEncoder().encode(text) }]);
		expect(opened.kind === 'opened' && opened.cases.unclosedQuote).toEqual({ line: 2, lines: 2 });
		const fine = await session.open([{ name: 'cases.csv', bytes: new TextEncoder().encode(`${HEADER}\nQ-1,2020-03-01,TDP01,land,received,`) }]);
		expect(fine.kind === 'opened' && fine.cases.unclosedQuote).toBeNull();
	});

	test('a file whose last line was cut off inside a quote keeps every row before it', async () => {
		const lines = Array.from({ length: 50 }, (_, i) => `C-${String(i).padStart(2, '0')},2020-03-01,TDP01,land,received,,"note ${i}"`);
		const text = [`${HEADER},ghi_chu`, ...lines].join('\n');
		const report = await importText(text.slice(0, text.lastIndexOf('"')));
		expect(report).toMatchObject({ read: 50, accepted: 49, rejected: 1 });
		expect(unclosedQuote(report.rejections)).toEqual({ line: 51, lines: 1 });
	});
});
