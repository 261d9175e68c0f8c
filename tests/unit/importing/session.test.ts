import { tableFromIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { ImportError } from '$lib/core/import/report';
import { estimateRows, ImportSession, type ImportProgress } from '$lib/core/import/session';
import { rejectedCsv } from '$lib/core/import/rejectedCsv';
import { en } from '$lib/i18n/en';
import { vi, type Messages } from '$lib/i18n/vi';
import { demoGroupsText } from '../support/demo';

/* The import worker's session, run as it is in Node: what it keeps, what it gives the page, what it tells. */

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng';
const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => `HS-${i},0${1 + (i % 9)}/03/2021,TDP0${1 + (i % 9)},Khác,Mới tiếp nhận`);
const casesFile = (lines: string[], name = 'vu-viec.csv') => ({ name, bytes: utf8([HEADER, ...lines].join('\n')) });
const groupsFile = { name: 'to.geojson', bytes: utf8(demoGroupsText) };
const words = ({ importing: t }: Messages) => ({ columns: t.columns, reasons: t.reasons, fields: { ...t.fieldNames, ...t.groupFieldNames } });
const RULES = wardRules(parseGroupsGeojson(demoGroupsText, 'to.geojson').groups, '2026-01-01');

describe('the import session', () => {
	test('opens a cases file with its groups: the page gets headers, samples and counts, not the rows', async () => {
		const session = new ImportSession();
		const progress: ImportProgress[] = [];
		const opened = await session.open([groupsFile, casesFile(rows(120_000))], (step) => progress.push(step));
		if (opened.kind !== 'opened') throw new Error(opened.code);
		expect(opened.cases.headers).toEqual(HEADER.split(','));
		expect(opened.cases.rowCount).toBe(120_000);
		expect(opened.cases.samples[0]).toEqual(['HS-0', 'HS-1', 'HS-2']);
		expect(opened.cases.mapping.reported_on).toBe(1);
		expect(opened.groupsFile?.groups.length).toBe(JSON.parse(demoGroupsText).features.length);
		// An estimate from the line breaks first, the reader's counts on the way, the exact count last.
		expect(progress[0]).toMatchObject({ phase: 'reading', rows: 0, estimated: true });
		expect(Math.abs((progress[0].total ?? 0) - 120_000)).toBeLessThan(120_000 * 0.02);
		expect(progress.some((step) => step.rows > 0 && step.rows < 120_000)).toBe(true);
		expect(progress.at(-1)).toEqual({ phase: 'reading', rows: 120_000, total: 120_000, estimated: false });
	});

	test('maps the rows to Arrow bytes, telling how many are done', async () => {
		const session = new ImportSession();
		const opened = await session.open([casesFile(rows(60_000))]);
		if (opened.kind !== 'opened') throw new Error(opened.code);
		const progress: number[] = [];
		const input = session.casesInput(opened.cases.mapping, { category: {}, status: {}, source: {} }, RULES, (step) => progress.push(step.rows));
		expect(tableFromIPC(input.rows).numRows).toBe(60_000);
		expect(progress[0]).toBe(0);
		expect(progress.at(-1)).toBe(60_000);
		expect(progress.length).toBeGreaterThan(2);
	});

	test('refuses two cases files, and a file without a cases table', async () => {
		const session = new ImportSession();
		expect(await session.open([casesFile(rows(2), 'a.csv'), casesFile(rows(2), 'b.csv')])).toMatchObject({ kind: 'refused', code: 'too_many_files' });
		expect(await session.open([groupsFile])).toMatchObject({ kind: 'refused', code: 'no_cases_file' });
	});

	test('unknown labels are counted in the session, for the mapping the page has', async () => {
		const session = new ImportSession();
		const opened = await session.open([casesFile([...rows(3), 'HS-9,01/03/2021,TDP01,Cãi nhau,Mới tiếp nhận'])]);
		if (opened.kind !== 'opened') throw new Error(opened.code);
		const maps = { category: {}, status: {}, source: {} };
		expect(session.unknownLabels(opened.cases.mapping, maps).category).toEqual([{ label: 'Cãi nhau', count: 1 }]);
	});

	test('drops personal-data columns, and a mapping still holding them is refused', async () => {
		const session = new ImportSession();
		const lines = rows(20).map((line, i) => `${line},09${String(12345670 + i)}`);
		const opened = await session.open([{ name: 'sdt.csv', bytes: utf8([`${HEADER},Liên hệ`, ...lines].join('\n')) }]);
		if (opened.kind !== 'opened') throw new Error(opened.code);
		expect(opened.cases.personalData.map((finding) => finding.header)).toEqual(['Liên hệ']);
		expect(() => session.casesInput(opened.cases.mapping, { category: {}, status: {}, source: {} }, RULES)).toThrow(ImportError);
		const dropped = session.dropPersonalData();
		expect(dropped.headers).toEqual(HEADER.split(','));
		expect(dropped.personalData).toEqual([]);
	});

	test('the rejected rows come back with their original values, by line', async () => {
		const session = new ImportSession();
		await session.open([casesFile(rows(3))]);
		const csv = session.rejectedCsv([{ line: 3, reason: 'invalid_date', field: 'reported_on' }], words(vi));
		expect(csv).toBe(
			`\uFEFFDòng,Lý do,Mã lý do,Cột,${HEADER}\r\n3,ngày không hợp lệ,invalid_date,Ngày tiếp nhận,HS-1,02/03/2021,TDP02,Khác,Mới tiếp nhận\r\n`
		);
	});

	test('the rejected-rows CSV has headers and reasons in the user’s language, and the reason code for machines', async () => {
		const session = new ImportSession();
		await session.open([casesFile(rows(3))]);
		const rejections = [
			{ line: 2, reason: 'unknown_group', field: 'group_code' },
			{ line: 4, reason: 'duplicate_id', field: 'case_id' }
		] as const;
		const [header, ...lines] = session.rejectedCsv([...rejections], words(en)).replace('\uFEFF', '').trim().split('\r\n');
		expect(header).toBe(`Line,Reason,Reason code,Column,${HEADER}`);
		expect(lines).toEqual([
			'2,residential group not in the list,unknown_group,Residential group,HS-0,01/03/2021,TDP01,Khác,Mới tiếp nhận',
			'4,case id repeated in the file,duplicate_id,Case id,HS-2,03/03/2021,TDP03,Khác,Mới tiếp nhận'
		]);
		// Every reason has words in both languages, and the code column holds the same codes in both.
		for (const reason of Object.keys(vi.importing.reasons) as (keyof typeof vi.importing.reasons)[]) {
			const row = (catalogue: Messages) => rejectedCsv([{ line: 2, reason, field: '' }], words(catalogue)).split('\r\n')[1];
			expect(row(vi).split(',')[2]).toBe(reason);
			expect(row(en).split(',')[2]).toBe(reason);
			expect(row(vi)).not.toBe(row(en));
		}
	});

	test('a groups file’s rejected rows are listed by line and reason, without cells of the cases table', () => {
		const { report } = parseGroupsGeojson(
			JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { group_code: 'TDP01', population: 'nhiều' } }, { properties: { group_code: 'TDP02' } }] }),
			'to.geojson'
		);
		expect(rejectedCsv(report.rejections, words(vi))).toBe('\uFEFFDòng,Lý do,Mã lý do,Cột\r\n1,số không hợp lệ,invalid_number,Số nhân khẩu\r\n');
	});

	test('estimates rows from line breaks; compressed formats give no estimate', () => {
		expect(estimateRows({ name: 'a.csv', bytes: utf8('h\n1\n2\n') })).toBe(2);
		expect(estimateRows({ name: 'a.csv', bytes: utf8('h\n1\n2') })).toBe(2);
		expect(estimateRows({ name: 'a.csv', bytes: utf8('') })).toBe(0);
		expect(estimateRows({ name: 'a.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) })).toBe(null);
	});
});
