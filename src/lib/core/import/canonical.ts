import { CASE_FIELDS, normaliseLabel, type CaseField } from '../schema/dictionary';
import { epochDay } from '../periods/dates';
import type { CategoryCode } from '../schema/categories';
import type { SourceCode } from '../schema/sources';
import type { StatusCode } from '../schema/statuses';
import type { OnProgress } from './readCsv';
import type { AsciiCells, DistinctCells } from './rawTable';
import type { Cell, RawColumn, RawTable } from './readTable';
import {
	isBlank,
	isCheckboxColumn,
	isExcelSerial,
	parseBoolean,
	parseCategory,
	parseDate,
	parseInteger,
	parseNumber,
	parseSource,
	parseStatus,
	parseText
} from './values';

/** Which column of the file feeds each field; null when the file has none. */
export type CaseMapping = Record<CaseField, number | null>;

/** Labels the user mapped by hand, by their normalised form (never guessed: see `unknownLabels`). */
export interface ValueMaps {
	category: Record<string, CategoryCode>;
	status: Record<string, StatusCode>;
	source: Record<string, SourceCode>;
}

export const EMPTY_VALUE_MAPS: ValueMaps = { category: {}, status: {}, source: {} };

type CodedField = keyof ValueMaps;
const CODED: Record<CodedField, (text: string) => string | null> = {
	category: parseCategory,
	status: parseStatus,
	source: parseSource
};

/** Distinct labels of the coded columns that neither the dictionary nor the user's maps know, with counts. */
export function unknownLabels(
	table: RawTable,
	mapping: CaseMapping,
	maps: ValueMaps
): Record<CodedField, { label: string; count: number }[]> {
	const result = { category: [], status: [], source: [] } as Record<CodedField, { label: string; count: number }[]>;
	for (const field of Object.keys(CODED) as CodedField[]) {
		const column = mapping[field];
		if (column === null) continue;
		const cells = cellCounts(table.columns[column]);
		const counts = new Map<string, number>();
		for (const [cell, count] of cells) {
			const label = parseText(cell);
			if (label === null || CODED[field](label) !== null || normaliseLabel(label) in maps[field]) continue;
			counts.set(label, (counts.get(label) ?? 0) + count);
		}
		result[field] = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
	}
	return result;
}

/**
 * The slow part of `canonicalCases` for this mapping, one task per column, for the import worker to do while the
 * user looks at the mapping: each column's distinct cells (the ids' bytes for the id column), which the columns
 * keep, so the confirmed import finds them done. A column the user then maps elsewhere was read for nothing.
 */
export function readAhead(table: RawTable, mapping: CaseMapping): (() => void)[] {
	const columns = new Set(CASE_FIELDS.map((field) => mapping[field]).filter((column) => column !== null));
	return [...columns].map((index) => () => {
		const column = table.columns[index];
		if (index === mapping.case_id && column.asciiCells?.()) return;
		column.distinct(DISTINCT_LIMIT);
	});
}

/**
 * The column's distinct cells and each row's index among them, so that each is looked at once — or, for a
 * column of mostly distinct cells (ids, free text), every cell with the rows in order.
 */
function cellsOnce(column: RawColumn): DistinctCells {
	const distinct = column.distinct(DISTINCT_LIMIT);
	if (distinct) return distinct;
	return { values: column.cells(), ids: Int32Array.from({ length: column.length }, (_, row) => row) };
}

/** Each distinct cell of a column with how many rows hold it. */
function cellCounts(column: RawColumn): Map<Cell, number> {
	const { values, ids } = cellsOnce(column);
	const perId = new Int32Array(values.length);
	for (let row = 0; row < ids.length; row++) perId[ids[row]] += 1;
	const counts = new Map<Cell, number>();
	values.forEach((cell, id) => counts.set(cell, (counts.get(cell) ?? 0) + perId[id]));
	return counts;
}

/** A value that is there but cannot be read: its row is rejected with the field's reason (see `checkCases`). */
export const UNREADABLE = Symbol('unreadable');
export type Read<T> = T | null | typeof UNREADABLE;

/**
 * A field of every row, as `answers[codes[row]]`: a column of repeated cells is read once per distinct cell, and
 * its rows keep only the index of their answer. A column of distinct cells has an answer per row.
 */
export interface CanonicalField<T> {
	answers: Read<T>[];
	codes: Int32Array;
}

/**
 * The ids: read like any text, or — when every cell is printable ASCII with nothing to trim, as `parseText` would
 * leave it — kept as the file's bytes (`AsciiCells`), a million ids without a million strings.
 */
export type IdField = CanonicalField<string> | AsciiCells;

/** Each field of every row as the `cases` table types it: days since 1970 for dates, codes for labels. */
export interface CanonicalCases {
	rowCount: number;
	lines: ArrayLike<number>;
	case_id: IdField;
	reported_on: CanonicalField<number>;
	group_code: CanonicalField<string>;
	category: CanonicalField<string>;
	status: CanonicalField<string>;
	resolved_on: CanonicalField<number>;
	severity: CanonicalField<number>;
	source: CanonicalField<string>;
	repeat: CanonicalField<boolean>;
	lat: CanonicalField<number>;
	lon: CanonicalField<number>;
	/** The ward the file names, as written: checked against the group's ward (`checkCases`), not kept. */
	ward_code: CanonicalField<string>;
	/** Cells of the two date columns read from an Excel day number (`isExcelSerial`), which the report counts. */
	excelSerialDates: number;
}

type FieldValue<Field extends CaseField> = Extract<CanonicalCases[Field], CanonicalField<unknown>>['answers'][number];

/** Columns with more distinct cells are read cell by cell: ids and free text gain nothing from the lookup. */
export const DISTINCT_LIMIT = 100_000;
const PLAIN_DECIMAL = /^-?\d{1,3}\.\d+$/;

/**
 * The file's rows read into the fields of `cases` (labels → codes, any date form → a day, Vietnamese decimals);
 * what is there but cannot be read is `UNREADABLE`, for `checkCases` to reject with the reason, rather than this
 * step dropping it. Each distinct cell of a column is read once: dates, labels and flags repeat across rows.
 */
export function canonicalCases(
	table: RawTable,
	mapping: CaseMapping,
	maps: ValueMaps = EMPTY_VALUE_MAPS,
	referenceYear = new Date().getFullYear(),
	onProgress?: OnProgress
): CanonicalCases {
	const date = (cell: Cell): Read<number> => {
		if (isBlank(cell)) return null;
		const iso = parseDate(cell as string | number | Date, referenceYear);
		return iso === null ? UNREADABLE : epochDay(iso);
	};
	const coded = (field: CodedField) => (cell: Cell): Read<string> => {
		const text = parseText(cell);
		if (text === null) return null;
		return CODED[field](text) ?? maps[field][normaliseLabel(text)] ?? UNREADABLE;
	};
	const number = (parse: (cell: Cell) => number | null) => (cell: Cell): Read<number> =>
		isBlank(cell) ? null : (parse(cell) ?? UNREADABLE);
	const coordinate = (cell: Cell): Read<number> =>
		typeof cell === 'string' && PLAIN_DECIMAL.test(cell) ? Number(cell) : number(parseNumber)(cell);
	const repeatColumn = mapping.repeat === null ? null : table.columns[mapping.repeat];
	const blankIsFalse = repeatColumn !== null && isCheckboxColumn(cellsOnce(repeatColumn).values);
	const readers: { [Field in CaseField]: (cell: Cell) => FieldValue<Field> } = {
		case_id: parseText,
		reported_on: date,
		group_code: parseText,
		category: coded('category'),
		status: coded('status'),
		resolved_on: date,
		severity: number(parseInteger),
		source: coded('source'),
		repeat: (cell) => {
			const value = parseBoolean(cell, { blankIsFalse });
			return value === null ? (isBlank(cell) ? null : UNREADABLE) : value;
		},
		lat: coordinate,
		lon: coordinate,
		ward_code: parseText
	};
	const canonical = { rowCount: table.rowCount, lines: table.lines, excelSerialDates: 0 } as CanonicalCases;
	const idColumn = mapping.case_id === null ? null : table.columns[mapping.case_id];
	CASE_FIELDS.forEach((field, done) => {
		const index = mapping[field] ?? null;
		const read = readers[field] as (cell: Cell) => FieldValue<typeof field>;
		const ascii = field === 'case_id' ? (idColumn?.asciiCells?.() ?? null) : null;
		const counted = field === 'reported_on' || field === 'resolved_on' ? (serials: number) => (canonical.excelSerialDates += serials) : undefined;
		(canonical[field] as CanonicalField<unknown> | AsciiCells) =
			ascii ?? (index === null ? { answers: [null], codes: new Int32Array(table.rowCount) } : readColumn(table.columns[index], read, counted));
		onProgress?.(Math.round((table.rowCount * (done + 1)) / CASE_FIELDS.length));
	});
	return canonical;
}

/**
 * `read` applied to every cell of the column: once per distinct cell when the column repeats itself. With
 * `countSerials`, it is told how many rows hold a cell that `isExcelSerial` and `read` made a value of — rows are
 * only looked at when some distinct cell is such a serial.
 */
function readColumn<T>(column: RawColumn, read: (cell: Cell) => Read<T>, countSerials?: (rows: number) => void): CanonicalField<T> {
	const { values, ids } = cellsOnce(column);
	const answers = values.map(read);
	if (countSerials) {
		const serial = values.map((cell, index) => answers[index] !== null && answers[index] !== UNREADABLE && isExcelSerial(cell));
		let rows = 0;
		if (serial.includes(true)) for (let row = 0; row < ids.length; row++) if (serial[ids[row]]) rows += 1;
		countSerials(rows);
	}
	return { answers, codes: ids };
}
