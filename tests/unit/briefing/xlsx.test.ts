import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { toXlsx } from '../../../src/lib/core/briefing/xlsx';

describe('xlsx exports', () => {
	test('tables round-trip; numbers stay numbers; formula-looking text is neutralised', async () => {
		const bytes = await toXlsx([
			{ name: 'Xếp hạng', headers: ['Tổ', 'Số vụ'], rows: [['Tổ dân phố 1', 12], ['=HYPERLINK("http://x")', -3], ['@SUM(A1)', null]] }
		]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.getWorksheet('Xếp hạng')!;
		expect(sheet.getRow(1).values).toEqual([undefined, 'Tổ', 'Số vụ']);
		expect(sheet.getCell('A2').value).toBe('Tổ dân phố 1');
		expect(sheet.getCell('B2').value).toBe(12);
		expect(sheet.getCell('A3').value).toBe(`'=HYPERLINK("http://x")`);
		expect(sheet.getCell('B3').value).toBe(-3);
		expect(sheet.getCell('A4').value).toBe(`'@SUM(A1)`);
	});
});
