import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { wardRules } from '$lib/core/import/dataset';
import { casesInput, prepareCases, readCasesFile, unfillableFields } from '$lib/core/import/pipeline';
import { tableRows, type RawTable } from '$lib/core/import/rawTable';
import { readTable } from '$lib/core/import/readTable';
import { ImportSession } from '$lib/core/import/session';
import { footerStart, isFooterLine, lineRanges } from '$lib/core/import/tableLayout';
import type { GroupWithGeometry } from '$lib/core/schema/model';

/*
 * Tables exported the way ward offices print them: a title block above the header, a footer below the rows,
 * an instructions sheet in front of the data. Files are written here, line by line, as such exports are.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (lines: string[], name = 'bao-cao.csv', headerLine?: number) =>
	readTable({ name, bytes: utf8(lines.join('\r\n') + '\r\n') }, { headerLine });

const HEADER = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng';
const ROWS = ['VV1,13/01/2020,TDP01,Đất đai,Mới tiếp nhận', 'VV2,14/01/2020,TDP02,Hàng xóm,Hòa giải thành', 'VV3,15/01/2020,TDP01,Gia đình,Đang giải quyết'];
/** Five title lines, with blank lines between, as a CSV saved from a printed report has them (line 8 is the header). */
const TITLE_BLOCK = [
	'CÔNG AN PHƯỜNG VĨNH TUY,,,,',
	'BAN CHỈ ĐẠO 138,,,,',
	',,,,',
	'"DANH SÁCH VỤ VIỆC MÂU THUẪN, TRANH CHẤP",,,,',
	'Từ ngày 01/01/2020 đến ngày 31/03/2020,,,,',
	'',
	'(Kèm theo báo cáo số 12/BC-BCĐ),,,,'
];
/** Totals, place and date, signers, the signatures' note, names: lines 12–18 after three rows. */
const FOOTER = [
	'Tổng cộng,3 vụ,,,',
	'',
	'"Hà Nội, ngày 31 tháng 3 năm 2020"',
	'Người lập biểu,,,Thủ trưởng đơn vị,',
	'"(Ký, ghi rõ họ tên)",,,"(Ký tên, đóng dấu)",',
	',,,,',
	'Nguyễn Văn A,,,Trần Văn B,'
];

const GROUPS: GroupWithGeometry[] = ['TDP01', 'TDP02'].map((code) => ({
	group_code: code,
	name: code,
	population: 1000,
	households: null,
	geometry: null
}));
const rules = wardRules(GROUPS, '2021-01-01');

describe('a title block above the header', () => {
	test('CSV title block of five lines and blank lines: skipped and said, lines stay the file’s', async () => {
		const table = await csv([...TITLE_BLOCK, HEADER, ...ROWS]);
		expect(table.headerLine).toBe(8);
		expect(table.titleLines).toEqual([1, 2, 4, 5, 7]);
		expect(table.headers).toEqual(HEADER.split(','));
		expect(Array.from(table.lines)).toEqual([9, 10, 11]);
		expect(tableRows(table)[0]).toEqual(ROWS[0].split(','));
		expect(table.problems).toEqual([]);
		// The header chooser offers the first lines, the header among them.
		expect(table.headerChoices?.map((choice) => choice.line)).toEqual([1, 2, 4, 5, 7, 8, 9, 10, 11]);
		expect(table.headerChoices?.[2].text).toBe('DANH SÁCH VỤ VIỆC MÂU THUẪN, TRANH CHẤP');
	});

	test('title lines without separators do not decide the separator of a semicolon file', async () => {
		const table = await csv(['UBND PHƯỜNG VĨNH TUY, QUẬN HAI BÀ TRƯNG', 'Danh sách vụ việc, quý I/2020', HEADER.replaceAll(',', ';'), ROWS[0].replaceAll(',', ';')]);
		expect(table).toMatchObject({ delimiter: ';', headerLine: 3, titleLines: [1, 2] });
		expect(tableRows(table)).toEqual([ROWS[0].split(',')]);
	});

	test('merged-cell-style repeated titles are title lines too', async () => {
		const repeated = (text: string) => Array(5).fill(text).join(',');
		const table = await csv([repeated('BAN CHỈ ĐẠO 138'), repeated('DANH SÁCH VỤ VIỆC'), HEADER, ...ROWS]);
		expect(table).toMatchObject({ headerLine: 3, titleLines: [1, 2], rowCount: 3 });
	});

	test('a header with no diacritics is found as well', async () => {
		const table = await csv([...TITLE_BLOCK.slice(0, 2), 'Ma vu viec,Ngay tiep nhan,To dan pho,Loai mau thuan,Tinh trang', ...ROWS]);
		expect(table).toMatchObject({ headerLine: 3, titleLines: [1, 2], rowCount: 3 });
		const prepared = await prepareCases({ name: 'khong-dau.csv', bytes: utf8([...TITLE_BLOCK.slice(0, 2), 'Ma vu viec,Ngay tiep nhan,To dan pho,Loai mau thuan,Tinh trang', ...ROWS].join('\n')) });
		expect(prepared.mapping).toMatchObject({ case_id: 0, reported_on: 1, group_code: 2, category: 3, status: 4 });
	});

	test('a file with no title block reads as before: header on line 1, nothing skipped', async () => {
		const table = await csv([HEADER, ...ROWS]);
		expect(table).toMatchObject({ headerLine: 1, titleLines: [], footerLines: [], rowCount: 3, problems: [] });
		// Unknown headers of four columns or more: the first line is still the header, whatever a row holds.
		const unknown = await csv(['a,b,c,d', 'Ngày tiếp nhận,Tình trạng,Mã vụ việc,x']);
		expect(unknown).toMatchObject({ headerLine: 1, headers: ['a', 'b', 'c', 'd'], rowCount: 1 });
	});

	test('the user chooses another header line when the guess is wrong', async () => {
		const lines = ['Mã vụ việc,Tình trạng,,,', 'Báo cáo quý I,,,,', HEADER, ...ROWS];
		expect((await csv(lines)).headerLine).toBe(3);
		const chosen = await csv(lines, 'bao-cao.csv', 1);
		expect(chosen).toMatchObject({ headerLine: 1, titleLines: [], headers: ['Mã vụ việc', 'Tình trạng', 'column 3', 'column 4', 'column 5'] });
		expect(chosen.rowCount).toBe(5);
	});
});

describe('a footer below the rows', () => {
	test('totals, place and date, signers and signatures are skipped and listed, not rows read', async () => {
		const table = await csv([HEADER, ...ROWS, ...FOOTER]);
		expect(table.rowCount).toBe(3);
		expect(table.footerLines).toEqual([5, 7, 8, 9, 11]);
		expect(table.problems).toEqual([]);
		const input = await readCasesFile('bao-cao.csv', utf8([...TITLE_BLOCK, HEADER, ...ROWS, ...FOOTER].join('\n')), { rules });
		expect(input.read).toBe(3);
		expect(input.rejections).toEqual([]);
		expect(input.skipped).toEqual({ title: [1, 2, 4, 5, 7], footer: [12, 14, 15, 16, 18] });
	});

	test('a bad row in the middle is still rejected; a footer-like line followed by a row is not a footer', async () => {
		const lines = [HEADER, ROWS[0], 'VV9,,,,', 'Cộng,,,,', ROWS[1], 'lạc dòng', ROWS[2], 'Người lập biểu,,,,'];
		const table = await csv(lines);
		expect(table.footerLines).toEqual([8]);
		expect(Array.from(table.lines)).toEqual([2, 3, 4, 5, 7]);
		expect(table.problems).toEqual([{ line: 6, reason: 'wrong_column_count' }]);
		const input = await readCasesFile('bao-cao.csv', utf8(lines.join('\n')), { rules });
		expect(input.read).toBe(6);
		expect(input.rejections.map((rejection) => rejection.line)).toEqual([3, 4, 6]);
	});

	test('a bad last row before the signatures stays a rejected row', async () => {
		const input = await readCasesFile('bao-cao.csv', utf8([HEADER, ...ROWS, 'VV4,32/01/2020,TDP01,Đất đai,Mới', ...FOOTER.slice(3)].join('\n')), { rules });
		expect(input.read).toBe(4);
		expect(input.rejections).toEqual([{ line: 5, reason: 'invalid_date', field: 'reported_on' }]);
		expect(input.skipped?.footer).toEqual([6, 7, 9]);
	});

	test('the footer rule itself', () => {
		for (const line of ['Tổng cộng', 'TỔNG CỘNG: 120 vụ', 'Cộng', 'Tổng số vụ việc: 12', 'Người lập bảng', 'THỦ TRƯỞNG ĐƠN VỊ', 'T/M BAN CHỈ ĐẠO', 'TM. BAN CHỈ ĐẠO', 'K/T TRƯỞNG BAN', 'Vĩnh Tuy, ngày … tháng … năm 2020', '(Ký, ghi rõ họ tên)']) {
			expect(isFooterLine(['', line]), line).toBe(true);
		}
		for (const line of ['VV1', 'Tổng hợp', 'Công an phường', 'Cộng đồng', '13/01/2020', 'KT-001', 'T M', 't.m', 'KT']) expect(isFooterLine([line, 'x', 'y']), line).toBe(false);
		const lines = (...rows: string[][]) => rows.map((cells, index) => ({ line: index + 1, cells }));
		expect(footerStart(lines(['VV1', 'a', 'b', 'c'], ['Tổng cộng', '', '1', '2'], ['Nguyễn Văn A']))).toBe(1);
		expect(footerStart(lines(['VV1', 'a', 'b', 'c'], ['Nguyễn Văn A']))).toBe(2);
		expect(lineRanges([1, 2, 4, 5, 6, 9])).toBe('1–2, 4–6, 9');
	});
});

describe('workbooks', () => {
	async function workbook(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
		const book = new ExcelJS.Workbook();
		build(book);
		return new Uint8Array(await book.xlsx.writeBuffer());
	}

	const reportWorkbook = () =>
		workbook((book) => {
			const help = book.addWorksheet('Hướng dẫn');
			help.addRow(['Hướng dẫn nhập liệu']);
			help.addRow(['Cột “Ngày tiếp nhận” ghi theo dd/mm/yyyy; cột “Tổ dân phố” ghi mã tổ.']);
			const sheet = book.addWorksheet('Danh sách');
			sheet.getCell('A1').value = 'CÔNG AN PHƯỜNG VĨNH TUY';
			sheet.getCell('A2').value = 'BAN CHỈ ĐẠO 138';
			sheet.getCell('A4').value = 'DANH SÁCH VỤ VIỆC';
			sheet.mergeCells('A4:E4');
			sheet.getRow(6).values = HEADER.split(',');
			ROWS.forEach((row, index) => (sheet.getRow(7 + index).values = row.split(',')));
			sheet.getRow(10).values = ['Tổng cộng', 3];
			sheet.getRow(12).values = ['Người lập biểu', null, null, 'Thủ trưởng đơn vị'];
			sheet.getRow(15).values = ['Nguyễn Văn A', null, null, 'Trần Văn B'];
		});

	test('the sheet with a known header is preselected over an instructions sheet; title and footer rows skipped', async () => {
		const table = await readTable({ name: 'bao-cao.xlsx', bytes: await reportWorkbook() });
		expect(table).toMatchObject({ sheet: 'Danh sách', sheets: ['Hướng dẫn', 'Danh sách'], headerLine: 6 });
		expect(table).toMatchObject({ titleLines: [1, 2, 4], footerLines: [10, 12, 15], rowCount: 3, headers: HEADER.split(',') });
		expect(Array.from(table.lines)).toEqual([7, 8, 9]);
		const session = new ImportSession();
		const opened = await session.open([{ name: 'bao-cao.xlsx', bytes: await reportWorkbook() }]);
		expect(opened.kind === 'opened' && opened.cases).toMatchObject({ sheet: 'Danh sách', headerLine: 6, skipped: { title: [1, 2, 4], footer: [10, 12, 15] } });
	});

	test('a workbook without any known header keeps the first visible sheet', async () => {
		const bytes = await workbook((book) => {
			book.addWorksheet('A').addRow(['p', 'q']);
			book.addWorksheet('B').addRow(['r', 's']);
		});
		expect((await readTable({ name: 'ab.xlsx', bytes })).sheet).toBe('A');
	});

	test('the groups workbook is read from its groups sheet', async () => {
		const bytes = await workbook((book) => {
			book.addWorksheet('Ghi chú').addRow(['Danh sách tổ dân phố năm 2020']);
			const groups = book.addWorksheet('Tổ dân phố');
			groups.addRow(['Mã tổ', 'Tên tổ', 'Số nhân khẩu']);
			groups.addRow(['TDP01', 'Tổ 1', 1200]);
		});
		expect(await readTable({ name: 'to.xlsx', bytes })).toMatchObject({ sheet: 'Tổ dân phố', rowCount: 1 });
	});
});

describe('a required field that no column can give', () => {
	test('a file without any date column: named at once, the import cannot go on', async () => {
		const lines = ['Mã vụ việc,Tổ dân phố,Loại mâu thuẫn,Tình trạng', 'VV1,TDP01,Đất đai,Mới tiếp nhận'];
		const prepared = await prepareCases({ name: 'khong-ngay.csv', bytes: utf8(lines.join('\n')) });
		const samples = (table: RawTable) => table.columns.map((column) => Array.from({ length: column.length }, (_, row) => column.cell(row)).filter((cell) => cell !== ''));
		expect(unfillableFields(prepared.mapping, samples(prepared.table))).toEqual(['reported_on']);
		expect(() => casesInput(prepared, prepared.mapping, undefined, { rules })).toThrow(/missing_column/);
		// A column of notes cannot give a date either.
		const notes = await prepareCases({ name: 'ghi-chu.csv', bytes: utf8([`${lines[0]},Ghi chú`, `${lines[1]},hai nhà tranh chấp lối đi`].join('\n')) });
		expect(unfillableFields(notes.mapping, samples(notes.table))).toEqual(['reported_on']);
		// A column of dates under a header the dictionary does not know: the user can map it by hand.
		const dated = await prepareCases({ name: 'thoi-diem.csv', bytes: utf8([`${lines[0]},Thời điểm`, `${lines[1]},13/01/2020`].join('\n')) });
		expect(dated.mapping.reported_on).toBeNull();
		expect(unfillableFields(dated.mapping, samples(dated.table))).toEqual([]);
		// Too few columns for the fields missing: no choice can complete the mapping.
		const narrow = await prepareCases({ name: 'hai-cot.csv', bytes: utf8('Mã vụ việc,Ghi chú\nVV1,13/01/2020\n') });
		expect(unfillableFields(narrow.mapping, samples(narrow.table))).toEqual(['reported_on', 'group_code', 'category', 'status']);
	});
});
