import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { SaveRefused } from '$lib/core/db/snapshot';
import { EMPTY_VALUE_MAPS, type ValueMaps } from '$lib/core/import/canonical';
import { appendCases, loadDataset, refuseEmptyWard, replaceDataset, wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { ImportError, type ImportReport } from '$lib/core/import/report';
import { ImportSession } from '$lib/core/import/session';
import { CATEGORY_CODES } from '$lib/core/schema/categories';
import { normaliseLabel } from '$lib/core/schema/dictionary';
import { SOURCE_CODES } from '$lib/core/schema/sources';
import { STATUS_CODES } from '$lib/core/schema/statuses';
import { messages } from '$lib/i18n/format';
import { demoGroupsText } from '../support/demo';

/*
 * Issue 16 §5: random files through the whole import as the Data page runs it — the session reads and maps them
 * (proposed mapping, personal-data columns dropped, unknown labels mapped as a user would), the database takes
 * them all or nothing, and the save succeeds or fails (the disk is full). Whatever the file: no error other than a
 * refusal the page can say in both languages, rows read = accepted + rejected, the database holding exactly what
 * the report says, and on any refusal the previous data untouched.
 */

const DEMO_GROUPS = parseGroupsGeojson(demoGroupsText, 'groups.geojson').groups;
const RULES = wardRules(DEMO_GROUPS, '2026-01-01');
const utf8 = (text: string) => new TextEncoder().encode(text);

type NamedBytes = { name: string; bytes: Uint8Array };
type Outcome = { refused: string } | { reports: ImportReport[] };

/** A small ward to start from (the demo's groups, a few cases), so that comparing all its data is quick. */
const BASE_CASES = [
	'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng',
	...Array.from({ length: 12 }, (_, i) => `GOC-${i},0${1 + (i % 9)}/02/2021,TDP0${1 + (i % 9)},Khác,Mới tiếp nhận`)
].join('\n');

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadDataset(engine, { groups: { name: 'groups.geojson', text: demoGroupsText }, cases: { name: 'goc.csv', bytes: BASE_CASES } });
}, 60_000);

/** Everything the database holds, in one string: equal strings, equal data. */
async function fingerprint(): Promise<string> {
	const [cases] = await engine.query(
		`SELECT count(*) AS n, md5(coalesce(string_agg(c::VARCHAR, '|' ORDER BY c::VARCHAR), '')) AS h FROM (SELECT cases AS c FROM cases)`
	);
	const [groups] = await engine.query(
		`SELECT count(*) AS n, md5(string_agg(concat_ws('|', group_code, name, population, households, md5(geometry::VARCHAR)), '|' ORDER BY group_code)) AS h FROM groups`
	);
	return JSON.stringify([cases, groups]);
}

/** Every unknown label mapped to a code, as the user must before confirming. */
function mapEveryLabel(unknown: ReturnType<ImportSession['unknownLabels']>): ValueMaps {
	const maps = structuredClone(EMPTY_VALUE_MAPS) as ValueMaps;
	const codes = { category: CATEGORY_CODES, status: STATUS_CODES, source: SOURCE_CODES } as const;
	for (const field of ['category', 'status', 'source'] as const) {
		unknown[field].forEach(({ label }, i) => {
			(maps[field] as Record<string, string>)[normaliseLabel(label)] = codes[field][i % codes[field].length];
		});
	}
	return maps;
}

/** The Data page's import of `files`, the save failing when `saveFails`; a refusal is returned, never thrown. */
async function importAsTheDataPage(files: NamedBytes[], saveFails: boolean): Promise<Outcome> {
	const session = new ImportSession();
	try {
		const opened = await session.open(files);
		if (opened.kind === 'refused') return { refused: opened.code };
		let preview = opened.cases;
		if (preview.personalData.length) preview = session.dropPersonalData();
		const maps = mapEveryLabel(session.unknownLabels(preview.mapping, EMPTY_VALUE_MAPS));
		const groups = opened.groupsFile?.groups ?? DEMO_GROUPS;
		const cases = session.casesInput(preview.mapping, maps, opened.groupsFile ? wardRules(groups, '2026-01-01') : RULES);
		const save = async () => {
			if (saveFails) throw new SaveRefused('storage_full', 'the test fills the disk');
		};
		if (!opened.groupsFile) return { reports: [await appendCases(engine, cases, save)] };
		const groupsReport = opened.groupsFile.report;
		// The page's replacement: the rule for an empty ward, then the save (`WardData.replace`).
		const replaced = await replaceDataset(engine, { groups, groupsReport, cases }, async (loaded) => {
			refuseEmptyWard(loaded);
			await save();
		});
		return { reports: replaced.reports };
	} catch (error) {
		if (error instanceof SaveRefused) return { refused: error.code };
		// Anything else than a refusal reaches the user as an English "failed" with a stack's message.
		if (!(error instanceof ImportError)) throw error;
		// The page says each refusal in both languages.
		for (const lang of ['vi', 'en'] as const) {
			const text = messages(lang).importing;
			expect(text.refusals[error.code](error.detail)).toBeTruthy();
			if (error.hint) expect(text.refusalHints[error.hint]('x.csv')).toBeTruthy();
		}
		return { refused: error.code };
	}
}

/** The import of `files`, checked against every rule above; the next import starts from what this one left. */
async function checkImport(files: NamedBytes[], saveFails: boolean): Promise<Outcome> {
	const before = await fingerprint();
	const [{ n: casesBefore }] = await engine.query('SELECT count(*) AS n FROM cases');
	const outcome = await importAsTheDataPage(files, saveFails);
	if ('refused' in outcome) {
		expect(await fingerprint()).toBe(before);
		return outcome;
	}
	expect(saveFails).toBe(false);
	for (const report of outcome.reports) {
		expect(report.read).toBe(report.accepted + report.rejected);
		expect(report.rejections.length).toBe(report.rejected);
	}
	const cases = outcome.reports.at(-1)!;
	const [{ n: casesAfter }] = await engine.query('SELECT count(*) AS n FROM cases');
	const replaced = outcome.reports.length === 2;
	expect(casesAfter).toBe(replaced ? cases.accepted : Number(casesBefore) + cases.accepted - cases.updated);
	// A ward left with no case cannot be shown: a replace must keep at least one.
	if (replaced) expect(cases.accepted).toBeGreaterThan(0);
	return outcome;
}

// -------------------------------------------------------------------------------------------------------------
// What random files are made of

const NAMES = ['vu-viec.csv', 'vu-viec.tsv', 'vu-viec.txt', 'vu-viec.xlsx', 'vu-viec.parquet', 'vu-viec.jsonl', 'vu-viec', 'vu-viec.json'];

/** Garbage any cell may hold instead of its value. */
const ODD_CELLS = fc.oneof(
	fc.constantFrom(
		'', ' ', '"', 'a,b', 'x\ny', '0912345678', 'Nguyễn Văn A', 'Tổng cộng', 'Người lập biểu', 'BAN CHỈ ĐẠO 138',
		'1e308', '-0', 'NaN', '\u0000', '\ufeff', '=1+1', 'T/M', '31/02/2021', '43891', '2200-01-01'
	),
	fc.string({ maxLength: 8 }),
	fc.string({ unit: 'binary', maxLength: 6 })
);

/** The columns a ward's export may have: each with the headers it goes by and the values it holds. */
const COLUMNS = {
	id: [['Mã vụ việc', 'case_id', 'Ma vu viec', 'Số hồ sơ'], fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => `HS-${n}`), fc.constant('GOC-3'))],
	date: [['Ngày tiếp nhận', 'reported_on', 'Ngay tiep nhan'], fc.constantFrom('01/03/2021', '2021-03-01', '1/3/21', '43891', '15/11/2020', '29/02/2020')],
	group: [['Tổ dân phố', 'group_code', 'TDP'], fc.constantFrom('TDP01', 'TDP48', 'TDP99', 'tdp 7', '12')],
	category: [['Loại mâu thuẫn', 'category', 'Loại vụ việc'], fc.constantFrom('Đất đai', 'Khác', 'dat dai', 'Cãi nhau', 'land', 'Hôn nhân gia đình')],
	status: [['Tình trạng', 'status'], fc.constantFrom('Mới tiếp nhận', 'Đã giải quyết', 'resolved', 'Đang hòa giải', 'xong')],
	source: [['Nguồn tin', 'source'], fc.constantFrom('Nhân dân', 'Tuần tra', 'patrol', '', 'Báo chí')],
	resolved: [['Ngày giải quyết', 'resolved_on'], fc.constantFrom('', '10/03/2021', '01/01/2020', '2021-03-05')],
	note: [['Ghi chú', 'STT', ''], fc.string({ maxLength: 10 })],
	phone: [['Số điện thoại', 'Liên hệ'], fc.constantFrom('0912345678', '0987654321', '')]
} as const;
type ColumnKind = keyof typeof COLUMNS;

const REQUIRED: ColumnKind[] = ['id', 'date', 'group', 'category', 'status'];
const OPTIONAL: ColumnKind[] = ['source', 'resolved', 'note', 'phone'];
/** Mostly every required column, in any order, so that most tables get as far as the database. */
const columnKinds = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.subarray(OPTIONAL).chain((optional) => {
			const kinds = [...REQUIRED, ...optional];
			return fc.shuffledSubarray(kinds, { minLength: kinds.length });
		})
	},
	{ weight: 1, arbitrary: fc.shuffledSubarray([...REQUIRED, ...OPTIONAL]) }
);
/** A table laid out as a ward's export: a title block, a header, rows (some short or long), a footer. */
const table = columnKinds
	.chain((kinds) =>
		fc.record({
			title: fc.array(fc.array(ODD_CELLS, { maxLength: 3 }), { maxLength: 3 }),
			header: fc.tuple(...kinds.map((kind) => fc.constantFrom(...COLUMNS[kind][0]))),
			rows: fc.array(
				fc
					.tuple(...kinds.map((kind) => fc.oneof({ weight: 4, arbitrary: COLUMNS[kind][1] as fc.Arbitrary<unknown> }, ODD_CELLS)))
					// Now and then a row a cell short or a cell too long.
					.chain((row) => fc.constantFrom<unknown[]>(row, row, row, row, row, row, row, row, row.slice(1), [...row, 'thừa'])),
				{ maxLength: 25 }
			),
			footer: fc.array(fc.array(ODD_CELLS, { maxLength: 3 }), { maxLength: 2 })
		})
	);
const csvText = fc.record({
	table,
	separator: fc.constantFrom(',', ';', '\t'),
	newline: fc.constantFrom('\n', '\r\n', '\r'),
	quoting: fc.constantFrom('needed', 'always', 'never'),
	bom: fc.boolean()
});

function writeCsv({ table, separator, newline, quoting, bom }: typeof csvText extends fc.Arbitrary<infer T> ? T : never): string {
	const cell = (value: unknown) => {
		const text = String(value);
		return quoting === 'always' || (quoting === 'needed' && /["\r\n,;\t]/.test(text)) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines = [...table.title, table.header, ...table.rows, ...table.footer].map((row) => (row as unknown[]).map(cell).join(separator));
	return (bom ? '\ufeff' : '') + lines.join(newline);
}

const encoded = fc.constantFrom('utf-8', 'utf-16le', 'windows-1258');

function encode(text: string, encoding: string): Uint8Array {
	if (encoding === 'utf-8') return utf8(text);
	if (encoding === 'utf-16le') {
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
		}
		return bytes;
	}
	// Not really Windows-1258: each character's low byte, as a file of a legacy code page looks to a reader.
	return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

/** Excel's own kinds of cell, any of which a column may hold instead of its text. */
const XLSX_CELL = fc.oneof(
	fc.integer({ min: -1e6, max: 1e6 }),
	fc.double({ noNaN: false }),
	fc.date({ min: new Date('1890-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
	fc.boolean(),
	fc.constant(null)
);

const workbook = fc.array(
	fc.record({
		name: fc.string({ minLength: 1, maxLength: 10 }),
		table,
		/** Cells replaced by Excel values: row, column, value. */
		excel: fc.array(fc.tuple(fc.nat(30), fc.nat(10), XLSX_CELL), { maxLength: 10 }),
		merge: fc.boolean()
	}),
	{ minLength: 1, maxLength: 3 }
);

async function writeXlsx(sheets: typeof workbook extends fc.Arbitrary<infer T> ? T : never): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	sheets.forEach((sheet, i) => {
		// Excel's rules for sheet names: at most 31 characters, none of : \\ / ? * [ ], no ' at either end, unique.
		const worksheet = book.addWorksheet(`${i + 1} ${sheet.name.replace(/[:\\/?*[\]']/g, '_')}`.slice(0, 31));
		const rows = [...sheet.table.title, sheet.table.header, ...sheet.table.rows, ...sheet.table.footer].map((row) => [...(row as unknown[])]);
		for (const [row, column, value] of sheet.excel) if (rows[row]) rows[row][column] = value;
		for (const row of rows) worksheet.addRow(row);
		if (sheet.merge && sheet.table.title.length) worksheet.mergeCells(1, 1, 1, 4);
	});
	return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The demo's groups beside the cases now and then: the import then replaces the ward. */
const withGroups = fc.boolean();
const groupsFile = (): NamedBytes => ({ name: 'to-dan-pho.geojson', bytes: utf8(demoGroupsText) });

// -------------------------------------------------------------------------------------------------------------

describe('fuzzed import', () => {
	// Found by the CSV property (seed -633142689): the first import of a ward's own data replaced the demo with an
	// empty ward, saved it, and then the page could not show it.
	test('a cases file with a header and no row, given with the groups, is refused and the ward kept', async () => {
		const header = { name: 'chi-tieu-de.csv', bytes: utf8('Ngày tiếp nhận,Tổ dân phố,Tình trạng,Ghi chú,Loại mâu thuẫn,Mã vụ việc\n') };
		expect(await checkImport([header, groupsFile()], false)).toEqual({ refused: 'no_valid_rows' });
		const invalid = { name: 'sai-het.csv', bytes: utf8(`${BASE_CASES.split('\n')[0]}\nX-1,01/03/2021,TDP99,Khác,Mới tiếp nhận\n`) };
		expect(await checkImport([invalid, groupsFile()], false)).toEqual({ refused: 'no_valid_rows' });
		const [{ n }] = await engine.query('SELECT count(*) AS n FROM cases');
		expect(n).toBe(12);
	});

	test('random bytes under any name: a refusal in words or a report that adds up, never a crash', { timeout: 60_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 2000 }),
				fc.constantFrom(...NAMES),
				fc.boolean(),
				async (bytes, name, saveFails) => {
					await checkImport([{ name, bytes }], saveFails);
				}
			),
			{ numRuns: 30, timeout: 10_000 }
		);
	});

	test('random CSV structures, encodings and layouts through the whole import', { timeout: 60_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(csvText, encoded, withGroups, fc.boolean(), async (csv, encoding, groups, saveFails) => {
				const cases = { name: 'vu-viec.csv', bytes: encode(writeCsv(csv), encoding) };
				await checkImport(groups ? [cases, groupsFile()] : [cases], saveFails);
			}),
			{ numRuns: 30, timeout: 10_000 }
		);
	});

	test('random Excel workbooks (sheets, title blocks, merged cells, dates, numbers) through the whole import', { timeout: 60_000 }, async () => {
		await fc.assert(
			fc.asyncProperty(workbook, withGroups, fc.boolean(), async (book, groups, saveFails) => {
				const cases = { name: 'vu-viec.xlsx', bytes: await writeXlsx(book) };
				await checkImport(groups ? [cases, groupsFile()] : [cases], saveFails);
			}),
			{ numRuns: 12, timeout: 10_000 }
		);
	});
});
