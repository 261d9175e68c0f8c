/** A cell as a file gives it, before any mapping: text stays text, and only typed formats bring other types. */
export type Cell = string | number | boolean | Date | null;

export type TableFormat = 'csv' | 'xlsx' | 'parquet' | 'jsonl';

/** Why a record of the file could not become a row of the table. */
export type ReadProblemReason = 'wrong_column_count' | 'unreadable_row';

export interface ReadProblem {
	line: number;
	reason: ReadProblemReason;
}

/** A file read as a table, without interpretation: the mapping step trims, parses and validates. */
export interface RawTable {
	file: string;
	format: TableFormat;
	/** Trimmed, byte-order marks removed; an empty header is `column N` (N counted from 1). */
	headers: string[];
	/** Data rows only, each exactly `headers.length` long. */
	rows: Cell[][];
	/**
	 * For each row, where it is in the file: the line its record starts on (csv, header usually line 1), the sheet
	 * row number (xlsx), or the record number + 1 (parquet, jsonl), so the first record is line 2 as in a csv.
	 */
	lines: number[];
	/** Records that could not be read as a row of the table: kept out of `rows`, but counted. */
	problems: ReadProblem[];
	/** Line (csv) or sheet row (xlsx) of the header; absent for formats whose headers are not a row. */
	headerLine?: number;
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
