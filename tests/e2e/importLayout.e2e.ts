import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { BASE_URL } from './browser';
import { chooseFiles, importReport, type ChosenFile } from './importing';
import { pagePerFile } from './perFile';

/*
 * Exports laid out the way ward offices print them (issue 13 §1), imported in Chromium as a user does: a workbook
 * with an instructions sheet first, a title block and a footer; a CSV with a title block of five lines, blank lines
 * and signatures; a CSV without any date column. Expected counts are written here.
 */

const groupsGeojson = readFileSync('data/demo/groups.geojson', 'utf8');
const HEADER = ['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng'];
/** `count` valid cases of 2021 with ids from `first`, one with an impossible date at `bad` (0-based). */
function cases(first: number, count: number, bad: number): string[][] {
	return Array.from({ length: count }, (_, i) => [
		`HS-${first + i}`,
		i === bad ? '31/02/2021' : `${String(1 + (i % 27)).padStart(2, '0')}/03/2021`,
		`TDP${String(1 + (i % 48)).padStart(2, '0')}`,
		'Khác',
		'Mới tiếp nhận'
	]);
}

/** Sheet 1: instructions. Sheet 2: a title block on rows 1, 2 and 4, the header on row 6, 12 cases, totals and signers. */
async function workbookBytes(): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const help = book.addWorksheet('Hướng dẫn');
	help.addRow(['Hướng dẫn: mỗi vụ việc một dòng, ngày ghi dd/mm/yyyy, tổ dân phố ghi mã tổ.']);
	help.addRow(['Không ghi họ tên, số điện thoại của người dân.']);
	const sheet = book.addWorksheet('Danh sách');
	sheet.getCell('A1').value = 'CÔNG AN PHƯỜNG VĨNH TUY';
	sheet.getCell('D1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
	sheet.getCell('A2').value = 'BAN CHỈ ĐẠO 138';
	sheet.getCell('A4').value = 'DANH SÁCH VỤ VIỆC MÂU THUẪN, TRANH CHẤP QUÝ I/2021';
	sheet.mergeCells('A4:E4');
	sheet.getRow(6).values = HEADER;
	cases(5000, 12, 4).forEach((row, i) => (sheet.getRow(7 + i).values = row));
	sheet.getRow(19).values = ['Tổng cộng', '12 vụ'];
	sheet.getRow(21).values = [null, null, null, 'Vĩnh Tuy, ngày 31 tháng 3 năm 2021'];
	sheet.getRow(22).values = ['Người lập biểu', null, null, 'Thủ trưởng đơn vị'];
	sheet.getRow(25).values = ['Nguyễn Văn A', null, null, 'Trần Văn B'];
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Five title lines and two blank ones (the header on line 8), 6 cases on lines 9–14, a footer on lines 15–20. */
const titledCsv = [
	'CÔNG AN PHƯỜNG VĨNH TUY,,,,',
	'BAN CHỈ ĐẠO 138,,,,',
	',,,,',
	'"DANH SÁCH VỤ VIỆC MÂU THUẪN, TRANH CHẤP",,,,',
	'Tháng 4 năm 2021,,,,',
	'',
	'(Kèm theo báo cáo số 12/BC-BCĐ),,,,',
	HEADER.join(','),
	...cases(6000, 6, -1).map((row) => row.join(',')),
	'Tổng cộng,6 vụ,,,',
	'"Hà Nội, ngày 30 tháng 4 năm 2021"',
	'Người lập biểu,,,Thủ trưởng đơn vị,',
	'"(Ký, ghi rõ họ tên)",,,"(Ký tên, đóng dấu)",',
	',,,,',
	'Nguyễn Văn A,,,Trần Văn B,'
].join('\r\n');

const tab = pagePerFile();

async function choose(path: string, files: ChosenFile[]) {
	await tab.page.goto(`${BASE_URL}${path}`);
	await chooseFiles(tab.page, files);
}

const report = (file: string) => importReport(tab.page, file);

async function skipped(scope: string) {
	const element = tab.page.locator(`${scope} [data-testid="import-skipped"]`);
	return {
		title: Number(await element.getAttribute('data-title')),
		footer: Number(await element.getAttribute('data-footer')),
		text: ((await element.textContent()) ?? '').replace(/\s+/g, ' ').trim()
	};
}

describe('exports laid out as printed reports', () => {
	test('a workbook with an instructions sheet first, a title block and a footer', async () => {
		await choose('/data', [
			{ name: 'bao-cao-quy-1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbookBytes() },
			{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(groupsGeojson) }
		]);
		await tab.page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
		// The sheet with the cases is preselected, its header row found below the title block.
		expect(await tab.page.getByTestId('import-sheet').inputValue()).toBe('Danh sách');
		expect(await tab.page.getByTestId('import-header-line').inputValue()).toBe('6');
		expect(await tab.page.getByTestId('mapping-reported_on').inputValue()).toBe('1');
		expect(await skipped('')).toMatchObject({ title: 3, footer: 4 });
		await tab.page.getByTestId('import-confirm').click();
		// 12 rows read (the footer is not), the impossible date on sheet row 11 rejected.
		expect(await report('bao-cao-quy-1.xlsx')).toMatchObject({ read: 12, accepted: 11, rejected: 1 });
		expect(await tab.page.locator('[data-testid="import-report"] tr[data-line]').getAttribute('data-line')).toBe('11');
		const said = await skipped('[data-testid="import-report"]');
		expect(said).toMatchObject({ title: 3, footer: 4 });
		expect(said.text).toContain('Bỏ qua 3 dòng tiêu đề phía trên bảng (dòng 1–2, 4)');
		expect(said.text).toContain('Bỏ qua 4 dòng cuối bảng');
		expect(said.text).toContain('(dòng 19, 21–22, 25)');
		expect(tab.errors).toEqual([]);
	});

	test('a CSV with five title lines, blank lines and signatures; the header row can be chosen again', async () => {
		await choose('/data', [{ name: 'thang-4.csv', mimeType: 'text/csv', buffer: Buffer.from(titledCsv) }]);
		await tab.page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
		const headerLine = tab.page.getByTestId('import-header-line');
		expect(await headerLine.inputValue()).toBe('8');
		// A wrong choice shows what it gives (no column maps), and the right one brings the mapping back.
		await headerLine.selectOption('1');
		await tab.page.locator('[data-testid="mapping-case_id"]').waitFor();
		await expect.poll(() => tab.page.getByTestId('mapping-case_id').inputValue()).toBe('');
		expect(await tab.page.getByTestId('import-confirm').isDisabled()).toBe(true);
		await tab.page.getByTestId('import-header-line').selectOption('8');
		await expect.poll(() => tab.page.getByTestId('mapping-case_id').inputValue()).toBe('0');
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('thang-4.csv')).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
		const said = await skipped('[data-testid="import-report"]');
		expect(said).toMatchObject({ title: 5, footer: 5 });
		expect(said.text).toContain('Bỏ qua 5 dòng tiêu đề phía trên bảng (dòng 1–2, 4–5, 7)');
		expect(said.text).toContain('Bỏ qua 5 dòng cuối bảng');
		expect(said.text).toContain('(dòng 15–18, 20)');
		expect(tab.errors).toEqual([]);
	});

	test('a file without any date column says at once that the import cannot go on, in English too', async () => {
		// Its notes column is free, but holds no date: no choice of column could give one.
		const noDate = 'Mã vụ việc,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Ghi chú\nHS-7000,TDP01,Khác,Mới tiếp nhận,tranh chấp lối đi\n';
		await choose('/data?lang=en', [{ name: 'khong-ngay.csv', mimeType: 'text/csv', buffer: Buffer.from(noDate) }]);
		const error = tab.page.getByTestId('import-error');
		await error.waitFor({ timeout: 60_000 });
		expect(await error.getAttribute('data-code')).toBe('missing_column');
		const message = ((await error.textContent()) ?? '').replace(/\s+/g, ' ');
		expect(message).toContain('The file has no column for: Date reported.');
		expect(message).toContain('cannot be imported');
		expect(await tab.page.getByTestId('import-confirm').isDisabled()).toBe(true);
		expect(tab.errors).toEqual([]);
	});
});
