import type { HeaderChoice } from './tableLayout';

/** A cell as a file gives it, before any mapping: text stays text, and only typed formats bring other types. */
export type Cell = string | number | boolean | Date | null;

export type TableFormat = 'csv' | 'xlsx' | 'parquet' | 'jsonl';

/** Why a record of the file could not become a row of the table. */
export type ReadProblemReason = 'wrong_column_count' | 'unreadable_row' | 'unclosed_quote' | 'in_unclosed_quote';

export interface ReadProblem {
	line: number;
	reason: ReadProblemReason;
}

/** A column's distinct cells, and each row's index among them. */
export interface DistinctCells {
	values: Cell[];
	ids: Int32Array;
}

/** A column's cells as UTF-8 bytes end to end: cell `i` is `data[offsets[i]]` up to `data[offsets[i + 1]]`. */
export interface AsciiCells {
	data: Uint8Array;
	offsets: Int32Array;
}

/**
 * One column of a table, cell by cell. Kept by column rather than by row: a million-row CSV keeps its cells as
 * places in the file's bytes (`readCsv`), and a column of repeated labels or dates is read once per distinct
 * value (`distinct`), not once per row.
 */
export interface RawColumn {
	readonly length: number;
	cell(row: number): Cell;
	/** Every cell, in row order: quicker than asking cell by cell. */
	cells(): Cell[];
	/**
	 * Every cell as its bytes, when each is printable ASCII with nothing to trim (ids as exports write them):
	 * then no string is made per cell. Null when any cell is otherwise. Only a CSV column can tell cheaply; it
	 * keeps what it found.
	 */
	asciiCells?(): AsciiCells | null;
	/**
	 * Its distinct cells, or null when there are more than `limit` of them (ids, free text: nothing to gain) — or,
	 * for a big column, as soon as it is plainly one of mostly distinct cells. Callers then read cell by cell.
	 * Found once per limit and kept: reading a column ahead (`readAhead`) spares the import the work.
	 */
	distinct(limit: number): DistinctCells | null;
}

/** A file read as a table, without interpretation: the mapping step trims, parses and validates. */
export interface RawTable {
	file: string;
	format: TableFormat;
	/** Trimmed, byte-order marks removed; an empty header is `column N` (N counted from 1). */
	headers: string[];
	/** One per header, each `rowCount` long: data rows only. */
	columns: RawColumn[];
	rowCount: number;
	/**
	 * For each row, where it is in the file: the line its record starts on (csv, header usually line 1), the sheet
	 * row number (xlsx), or the record number + 1 (parquet, jsonl), so the first record is line 2 as in a csv.
	 */
	lines: ArrayLike<number>;
	/** Records that could not be read as a row of the table: kept out of the columns, but counted. */
	problems: ReadProblem[];
	/** Line (csv) or sheet row (xlsx) of the header; absent for formats whose headers are not a row. */
	headerLine?: number;
	/** csv, xlsx: the lines above the header that are not blank (a title block), skipped. */
	titleLines?: number[];
	/**
	 * csv, xlsx: the lines after the last row that make the table's footer (totals, signers, signatures, place and
	 * date), skipped: they are not rows, so not rows read (`tableLayout.ts`).
	 */
	footerLines?: number[];
	/** csv, xlsx: the first lines that are not blank, any of which the user may choose as the header instead. */
	headerChoices?: HeaderChoice[];
	/** xlsx: every sheet's name, in workbook order. */
	sheets?: string[];
	/** xlsx: the sheet read. */
	sheet?: string;
	/** csv: the encoding the text was in. */
	encoding?: string;
	/** csv: the field separator. */
	delimiter?: ',' | ';' | '\t';
}

/** Headers as the table shows them: trimmed, without byte-order marks; an empty one is named by its position. */
export function headerNames(raw: readonly string[]): string[] {
	return raw.map((header, index) => header.replace(/\ufeff/g, '').trim() || `column ${index + 1}`);
}

/** The columns of rows that are already cells (spreadsheets, Parquet, JSON lines: files of modest size). */
export function columnsOfRows(rows: readonly (readonly Cell[])[], width: number): RawColumn[] {
	return Array.from({ length: width }, (_, column) => cellColumn(rows.map((row) => row[column] ?? null)));
}

/** A column held as its cells; its distinct cells are found once per limit, like a CSV column's. */
export function cellColumn(cells: Cell[]): RawColumn {
	const found = new Map<number, DistinctCells | null>();
	const distinct = (limit: number): DistinctCells | null => {
		const index = new Map<Cell, number>();
		const ids = new Int32Array(cells.length);
		for (let row = 0; row < cells.length; row++) {
			let id = index.get(cells[row]);
			if (id === undefined) {
				if (index.size === limit) return null;
				id = index.size;
				index.set(cells[row], id);
			}
			ids[row] = id;
		}
		return { values: [...index.keys()], ids };
	};
	return {
		length: cells.length,
		cell: (row) => cells[row],
		cells: () => cells,
		distinct: (limit) => {
			if (!found.has(limit)) found.set(limit, distinct(limit));
			return found.get(limit)!;
		}
	};
}

/** Row `row` of the table, as cells in header order. */
export function rowCells(table: Pick<RawTable, 'columns'>, row: number): Cell[] {
	return table.columns.map((column) => column.cell(row));
}

/** Every row as cells: for small tables and tests (a big file is read column by column). */
export function tableRows(table: Pick<RawTable, 'columns' | 'rowCount'>): Cell[][] {
	return Array.from({ length: table.rowCount }, (_, row) => rowCells(table, row));
}
