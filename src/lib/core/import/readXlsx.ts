import type { Cell as ExcelCell, CellValue, Worksheet as ExcelWorksheet } from 'exceljs';
import { columnsOfRows, headerNames, type Cell, type RawTable } from './rawTable';
import { ImportError } from './report';
import { FOOTER_PROBE, findHeaderLine, footerStart, HEADER_PROBE, headerChoices, knownHeaders, type LayoutLine } from './tableLayout';

type ExcelModule = typeof import('exceljs');

const BLANK = /^[\s\u200b\ufeff]*$/;

/**
 * ExcelJS, loaded on first use so it stays out of the start-up bundle. Its package's `browser` field gives Vite
 * the self-contained browser build (no Node built-ins); Node gets the CommonJS build. Both arrive as the default
 * export of a CommonJS module.
 */
async function loadExcel(): Promise<ExcelModule> {
	const module: ExcelModule & { default?: ExcelModule } = await import('exceljs');
	return module.default ?? module;
}

/**
 * One sheet of an .xlsx workbook: the named one, else the visible sheet whose first rows hold the header with the
 * most known headers (an instructions sheet often comes first), else the first visible one. Cells keep their
 * types: numbers, `Date` for date-formatted cells (UTC, as ExcelJS gives them), booleans, text; rich text as its
 * plain text, a formula as its cached result (never its text), a hyperlink as its text; errors, empty cells and
 * the covered cells of a merged range are null.
 *
 * Rows with no content are skipped wherever they are. The header is the row with the most known headers among
 * the first ones (`findHeaderLine`), or `headerLine` when the user chose it; the rows above it are a title block
 * (ward reports open with the agency, the national motto and a title), skipped and listed. When no row has enough
 * known headers, the header is the first row with content, except that rows above it with less than half the
 * cells of the widest of the first rows are taken as a title block. The rows after the last case that make the
 * table's footer (`footerStart`) are skipped and listed too. Columns run from the leftmost to the rightmost with
 * content in the header or below it (footer aside), so no value is dropped for want of a header.
 */
export async function readXlsx(file: string, bytes: Uint8Array, sheetName?: string, headerLine?: number): Promise<RawTable> {
	const excel = await loadExcel();
	const workbook = new excel.Workbook();
	try {
		// ExcelJS hands the bytes to JSZip, which takes an ArrayBuffer in the browser and in Node alike.
		await workbook.xlsx.load(bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
	} catch (error) {
		throw new ImportError(
			'unreadable',
			`${file}: not a readable Excel workbook (.xlsx) (${error instanceof Error ? error.message : String(error)})`,
			'bad_xlsx'
		);
	}
	const worksheets = workbook.worksheets;
	const sheets = worksheets.map((worksheet) => worksheet.name);
	const worksheet =
		sheetName === undefined ? defaultSheet(worksheets) : worksheets.find((candidate) => candidate.name === sheetName);
	if (!worksheet) {
		if (sheetName !== undefined) throw new ImportError('unreadable', `${file}: no sheet named "${sheetName}" (sheets: ${sheets.join(', ')})`, 'no_sheet');
		return { file, format: 'xlsx', headers: [], columns: [], rowCount: 0, lines: [], problems: [], sheets };
	}

	const records = sheetRows(worksheet);
	if (records.length === 0) return { file, format: 'xlsx', headers: [], columns: [], rowCount: 0, lines: [], problems: [], sheets, sheet: worksheet.name };

	const probe = records.slice(0, HEADER_PROBE).map(layoutLine);
	const chosen = headerLine === undefined ? -1 : records.findIndex((record) => record.line === headerLine);
	const headerIndex = chosen >= 0 ? chosen : (findHeaderLine(probe) ?? findHeader(records));
	const body = records.slice(headerIndex + 1);
	const tail = body.slice(-FOOTER_PROBE);
	const footer = tail.slice(footerStart(tail.map(layoutLine)));
	const data = body.slice(0, body.length - footer.length);
	const header = records[headerIndex];
	const table = [header, ...data];
	const first = Math.min(...table.map((record) => record.first));
	const last = Math.max(...table.map((record) => record.last));
	const columns = Array.from({ length: last - first + 1 }, (_, index) => first + index);
	return {
		file,
		format: 'xlsx',
		headers: headerNames(columns.map((column) => headerText(header.cells.get(column) ?? null))),
		columns: columnsOfRows(
			data.map((record) => columns.map((column) => record.cells.get(column) ?? null)),
			columns.length
		),
		rowCount: data.length,
		lines: data.map((record) => record.line),
		problems: [],
		headerLine: header.line,
		titleLines: records.slice(0, headerIndex).map((record) => record.line),
		footerLines: footer.map((record) => record.line),
		headerChoices: headerChoices(probe),
		sheets,
		sheet: worksheet.name
	};
}

/** The visible sheet with the best known header in its first rows; else the first visible one. */
function defaultSheet(worksheets: ExcelWorksheet[]): ExcelWorksheet | undefined {
	const visible = worksheets.filter((candidate) => candidate.state === 'visible');
	let best: { worksheet: ExcelWorksheet; known: number } | null = null;
	for (const worksheet of visible) {
		const probe = sheetRows(worksheet, HEADER_PROBE).map(layoutLine);
		const index = findHeaderLine(probe);
		const known = index === null ? 0 : knownHeaders(probe[index].cells);
		if (known > (best?.known ?? 0)) best = { worksheet, known };
	}
	return best?.worksheet ?? visible[0] ?? worksheets[0];
}

/** The rows of a sheet that have content, in order; the first `limit` of them. */
function sheetRows(worksheet: ExcelWorksheet, limit = Infinity): SheetRow[] {
	const records: SheetRow[] = [];
	for (let rowNumber = 1; rowNumber <= worksheet.rowCount && records.length < limit; rowNumber++) {
		const row = worksheet.findRow(rowNumber);
		if (!row) continue;
		const cells = new Map<number, Cell>();
		let first = Infinity;
		let last = 0;
		row.eachCell({ includeEmpty: false }, (cell, column) => {
			const value = cellValue(cell);
			if (value === null) return;
			cells.set(column, value);
			if (typeof value === 'string' && BLANK.test(value)) return;
			first = Math.min(first, column);
			last = Math.max(last, column);
		});
		if (last > 0) records.push({ line: rowNumber, cells, first, last });
	}
	return records;
}

/** A row's cells as text, in column order, for `tableLayout`. */
function layoutLine(record: SheetRow): LayoutLine {
	return { line: record.line, cells: [...record.cells.values()].map(headerText) };
}

interface SheetRow {
	line: number;
	cells: Map<number, Cell>;
	/** First and last column with content. */
	first: number;
	last: number;
}

/** No header the dictionary knows: the first row with at least half the cells of the widest of the first rows. */
function findHeader(records: readonly SheetRow[]): number {
	const probe = records.slice(0, HEADER_PROBE).map((record) => contentCount(record));
	const widest = Math.max(...probe);
	return probe.findIndex((count) => count * 2 >= widest);
}

function contentCount(record: SheetRow): number {
	let count = 0;
	for (const value of record.cells.values()) if (!(typeof value === 'string' && BLANK.test(value))) count += 1;
	return count;
}

function cellValue(cell: ExcelCell): Cell {
	// A merged range keeps its value in its top-left cell; ExcelJS repeats it in the others, a csv would not.
	if (cell.master !== cell) return null;
	return plainValue(cell.value);
}

function plainValue(value: CellValue | undefined): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result);
	if ('hyperlink' in value) return plainValue(value.text as CellValue);
	return null;
}

function headerText(value: Cell): string {
	if (value === null) return '';
	if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
	return String(value);
}
