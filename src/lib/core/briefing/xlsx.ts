import { neutralise } from './csv';

type ExcelModule = typeof import('exceljs');

export interface Sheet {
	name: string;
	headers: string[];
	rows: (string | number | null)[][];
}

/**
 * An .xlsx workbook of plain tables (ExcelJS, loaded only when an export is asked for). Text cells that a
 * spreadsheet would run as formulas are neutralised as in the CSV exports; numbers stay numbers.
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
	const module: ExcelModule & { default?: ExcelModule } = await import('exceljs');
	const ExcelJS = module.default ?? module;
	const workbook = new ExcelJS.Workbook();
	for (const sheet of sheets) {
		const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
		worksheet.addRow(sheet.headers).font = { bold: true };
		for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'number' ? cell : neutralise(cell))));
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
