import { makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import type { CaseField } from '../schema/dictionary';
import { normaliseLabel } from '../schema/dictionary';
import { CASE_COLUMNS } from '../schema/model';
import type { CategoryCode } from '../schema/categories';
import type { SourceCode } from '../schema/sources';
import type { StatusCode } from '../schema/statuses';
import { PROGRESS_STEP, type OnProgress } from './readCsv';
import type { Cell, RawTable } from './readTable';
import {
	isBlank,
	isCheckboxColumn,
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
		const counts = new Map<string, number>();
		for (const row of table.rows) {
			const label = parseText(row[column]);
			if (label === null || CODED[field](label) !== null || normaliseLabel(label) in maps[field]) continue;
			counts.set(label, (counts.get(label) ?? 0) + 1);
		}
		result[field] = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
	}
	return result;
}

/** A value that could not be read; `~` never parses as a date, number or code, so the database rejects it. */
const unreadable = (cell: Cell) => `~${String(cell)}`;

/**
 * The file's rows as the canonical text columns of `cases` (plus `line`), as Arrow IPC bytes for the database
 * to validate. Values are read here (labels → codes, any date form → ISO, Vietnamese decimals); what cannot be
 * read is passed on marked, so the database rejects the row with the reason, rather than this step dropping it.
 */
export function canonicalCases(
	table: RawTable,
	mapping: CaseMapping,
	maps: ValueMaps = EMPTY_VALUE_MAPS,
	referenceYear = new Date().getFullYear(),
	onProgress?: OnProgress
): Uint8Array {
	const date = (cell: Cell) => (isBlank(cell) ? null : (parseDate(cell as string | number | Date, referenceYear) ?? unreadable(cell)));
	const coded = (field: CodedField) => (cell: Cell) => {
		const text = parseText(cell);
		if (text === null) return null;
		return CODED[field](text) ?? maps[field][normaliseLabel(text)] ?? unreadable(text);
	};
	const number = (parse: (cell: Cell) => number | null) => (cell: Cell) =>
		isBlank(cell) ? null : (parse(cell)?.toString() ?? unreadable(cell));
	// Coordinates are nearly all distinct: one already written as a plain decimal is passed on as it is.
	const coordinate = (cell: Cell) => (typeof cell === 'string' && PLAIN_DECIMAL.test(cell) ? cell : number(parseNumber)(cell));
	const repeatIndex = mapping.repeat;
	const blankIsFalse = repeatIndex !== null && isCheckboxColumn(table.rows.map((row) => row[repeatIndex]));
	// Dates, labels and flags repeat across rows: each distinct text is read once (`remembered`).
	const readers: Record<CaseField, (cell: Cell) => string | null> = {
		case_id: parseText,
		reported_on: remembered(date),
		group_code: remembered(parseText),
		category: remembered(coded('category')),
		status: remembered(coded('status')),
		resolved_on: remembered(date),
		severity: remembered(number(parseInteger)),
		source: remembered(coded('source')),
		repeat: remembered((cell) => {
			const value = parseBoolean(cell, { blankIsFalse });
			return value === null ? (isBlank(cell) ? null : unreadable(cell)) : String(value);
		}),
		lat: coordinate,
		lon: coordinate
	};
	const fields = CASE_COLUMNS.map((field) => ({ field, index: mapping[field], read: readers[field] }));
	const values = fields.map(() => new Array<string | null>(table.rows.length));
	table.rows.forEach((row, r) => {
		fields.forEach(({ index, read }, f) => (values[f][r] = index === null ? null : read(row[index])));
		if (onProgress && (r + 1) % PROGRESS_STEP === 0) onProgress(r + 1);
	});
	const columns: Record<string, Vector> = { line: makeVector(Int32Array.from(table.lines)) };
	fields.forEach(({ field }, f) => (columns[field] = textVector(values[f])));
	return tableToIPC(new Table(columns), 'stream');
}

const REMEMBERED_LIMIT = 100_000;
const PLAIN_DECIMAL = /^-?\d{1,3}\.\d+$/;

/** `read` with its answers for text cells kept, up to a limit (a column of all-distinct values gains nothing). */
function remembered(read: (cell: Cell) => string | null): (cell: Cell) => string | null {
	const answers = new Map<string, string | null>();
	return (cell) => {
		if (typeof cell !== 'string') return read(cell);
		const known = answers.get(cell);
		if (known !== undefined) return known;
		const answer = read(cell);
		if (answers.size < REMEMBERED_LIMIT) answers.set(cell, answer);
		return answer;
	};
}

/**
 * A text column as Arrow UTF-8, encoded in one call: far faster than Arrow's generic builder on a million rows,
 * and typed as text even when every value is null (an all-empty column must not become Null).
 */
function textVector(values: (string | null)[]): Vector<Utf8> {
	const length = values.length;
	const joined = values.join(''); // nulls join as ''
	const bytes = new TextEncoder().encode(joined);
	const byteLength = bytes.length === joined.length ? (text: string) => text.length : utf8Length;
	const offsets = new Int32Array(length + 1);
	const validity = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		const value = values[i];
		if (value === null) {
			nullCount++;
			offsets[i + 1] = offsets[i];
		} else {
			validity[i >> 3] |= 1 << (i & 7);
			offsets[i + 1] = offsets[i] + byteLength(value);
		}
	}
	return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap: validity, valueOffsets: offsets, data: bytes }));
}

/** Bytes of `text` in UTF-8 as `TextEncoder` writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let c = 0; c < text.length; c++) {
		const code = text.charCodeAt(c);
		const next = text.charCodeAt(c + 1);
		if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
			bytes += 4;
			c++;
		} else {
			bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
		}
	}
	return bytes;
}
