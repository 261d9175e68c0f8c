import {
	Bool,
	DateDay,
	Dictionary,
	Float64,
	Int16,
	Int8,
	makeData,
	makeVector,
	Table,
	tableToIPC,
	Utf8,
	type DataType,
	type Vector
} from 'apache-arrow';
import { CASE_COLUMNS } from '../schema/model';
import { UNREADABLE, type CanonicalCases, type CanonicalField, type Read } from './canonical';
import type { AsciiCells } from './rawTable';
import { encodeTexts } from './utf8';

/**
 * The chosen rows as Arrow IPC stream bytes with the columns of the `cases` table, typed as text, DATE, TINYINT,
 * BOOLEAN and DOUBLE — a column of few distinct answers dictionary-encoded: what DuckDB appends to the table as it
 * is, and what the snapshot saves. Buffers are written directly, each distinct answer converted once; Arrow's
 * generic builders would cost seconds on a million rows.
 */
export function casesArrow(cases: CanonicalCases, rows: Int32Array): Uint8Array {
	const columns: Record<(typeof CASE_COLUMNS)[number], Vector> = {
		case_id: 'offsets' in cases.case_id ? asciiVector(cases.case_id, rows) : textVector(cases.case_id, rows),
		reported_on: numberVector(new DateDay(), Int32Array, cases.reported_on, rows),
		group_code: textVector(cases.group_code, rows),
		category: textVector(cases.category, rows),
		status: textVector(cases.status, rows),
		resolved_on: numberVector(new DateDay(), Int32Array, cases.resolved_on, rows),
		severity: numberVector(new Int8(), Int8Array, cases.severity, rows),
		source: textVector(cases.source, rows),
		repeat: boolVector(cases.repeat, rows),
		lat: numberVector(new Float64(), Float64Array, cases.lat, rows),
		lon: numberVector(new Float64(), Float64Array, cases.lon, rows)
	};
	return tableToIPC(new Table(columns), 'stream');
}

/** Checked rows hold no unreadable value; were one to slip through, it is stored as missing, never as text. */
const present = <T>(value: Read<T>): value is T => value !== null && value !== UNREADABLE;

/** Which of the chosen rows have a value: Arrow's validity bitmap (none when all have), and how many have none. */
function validity<T>({ answers, codes }: CanonicalField<T>, rows: Int32Array): { nullBitmap?: Uint8Array; nullCount: number } {
	if (answers.every(present)) return { nullCount: 0 };
	const valid = new Uint8Array(answers.length);
	for (let index = 0; index < answers.length; index++) valid[index] = present(answers[index]) ? 1 : 0;
	const nullBitmap = new Uint8Array((rows.length + 7) >> 3);
	let nullCount = 0;
	for (let index = 0; index < rows.length; index++) {
		if (valid[codes[rows[index]]]) nullBitmap[index >> 3] |= 1 << (index & 7);
		else nullCount++;
	}
	return { nullBitmap, nullCount };
}

function numberVector<T extends DataType>(
	type: T,
	TypedArray: Int32ArrayConstructor | Int8ArrayConstructor | Float64ArrayConstructor,
	field: CanonicalField<number>,
	rows: Int32Array
): Vector<T> | Vector<Dictionary<T, Int8 | Int16>> {
	const values = new TypedArray(field.answers.length);
	field.answers.forEach((answer, index) => (values[index] = present(answer) ? answer : 0));
	if (fewAnswers(field, rows) && TypedArray.BYTES_PER_ELEMENT > indexType(field).bytes) {
		return dictionaryVector(makeVector(makeData({ type, length: values.length, data: values } as never)) as Vector<T>, field, rows);
	}
	const data = new TypedArray(rows.length);
	for (let index = 0; index < rows.length; index++) data[index] = values[field.codes[rows[index]]];
	return makeVector(makeData({ type, length: rows.length, ...validity(field, rows), data } as never)) as Vector<T>;
}

function boolVector(field: CanonicalField<boolean>, rows: Int32Array): Vector<Bool> {
	const data = new Uint8Array((rows.length + 7) >> 3);
	for (let index = 0; index < rows.length; index++) {
		if (field.answers[field.codes[rows[index]]] === true) data[index >> 3] |= 1 << (index & 7);
	}
	return makeVector(makeData({ type: new Bool(), length: rows.length, ...validity(field, rows), data }));
}

/**
 * A text column, typed as text even when every value is null (an all-empty column must not become Null). With
 * few distinct answers (groups, codes) it is dictionary-encoded — each row an index into the answers, which
 * DuckDB reads as text — so no text is copied per row; with many (the ids) it is plain UTF-8.
 */
function textVector(field: CanonicalField<string>, rows: Int32Array): Vector<Utf8> | Vector<Dictionary<Utf8, Int8 | Int16>> {
	const texts = (values: Read<string>[]) => values.map((answer) => (present(answer) ? answer : ''));
	if (fewAnswers(field, rows)) {
		return dictionaryVector(makeVector(makeData({ type: new Utf8(), length: field.answers.length, ...utf8(texts(field.answers)) })), field, rows);
	}
	const chosen = new Array<Read<string>>(rows.length);
	for (let index = 0; index < rows.length; index++) chosen[index] = field.answers[field.codes[rows[index]]];
	return makeVector(makeData({ type: new Utf8(), length: rows.length, ...validity(field, rows), ...utf8(texts(chosen)) }));
}

/**
 * Few enough answers to send the column dictionary-encoded: the answers once, and each row as a small index into
 * them — less to copy, save and hand to the database. A stream without rows would carry no dictionary batches,
 * which readers of a dictionary column require: such a column is sent plain.
 */
function fewAnswers(field: CanonicalField<unknown>, rows: Int32Array): boolean {
	return field.answers.length <= FEW_ANSWERS && rows.length > 0;
}

/** The smallest index that numbers the answers. */
function indexType(field: CanonicalField<unknown>): { type: Int8 | Int16; bytes: number } {
	return field.answers.length <= 128 ? { type: new Int8(), bytes: 1 } : { type: new Int16(), bytes: 2 };
}

function dictionaryVector<T extends DataType>(dictionary: Vector<T>, field: CanonicalField<unknown>, rows: Int32Array): Vector<Dictionary<T, Int8 | Int16>> {
	const { type: index, bytes } = indexType(field);
	const indices = bytes === 1 ? new Int8Array(rows.length) : new Int16Array(rows.length);
	for (let row = 0; row < rows.length; row++) indices[row] = field.codes[rows[row]];
	const type = new Dictionary(dictionary.type, index);
	return makeVector(makeData({ type, length: rows.length, ...validity(field, rows), data: indices, dictionary }));
}

/** Ids kept as bytes (`AsciiCells`), for the chosen rows: as they are when every row is chosen. */
function asciiVector({ data, offsets }: AsciiCells, rows: Int32Array): Vector<Utf8> {
	if (rows.length === offsets.length - 1) return makeVector(makeData({ type: new Utf8(), length: rows.length, valueOffsets: offsets, data }));
	const valueOffsets = new Int32Array(rows.length + 1);
	for (let index = 0; index < rows.length; index++) valueOffsets[index + 1] = valueOffsets[index] + offsets[rows[index] + 1] - offsets[rows[index]];
	// Byte by byte: ids are a few bytes long, and a view per id would cost more than its copy.
	const chosen = new Uint8Array(valueOffsets[rows.length]);
	let to = 0;
	for (let index = 0; index < rows.length; index++) {
		for (let from = offsets[rows[index]]; from < offsets[rows[index] + 1]; from++) chosen[to++] = data[from];
	}
	return makeVector(makeData({ type: new Utf8(), length: rows.length, valueOffsets, data: chosen }));
}

/** Up to this many distinct answers, a column is dictionary-encoded (see `fewAnswers`). */
const FEW_ANSWERS = 4096;

/** Texts as the buffers of Arrow UTF-8. */
function utf8(texts: string[]): { valueOffsets: Int32Array; data: Uint8Array } {
	const { data, offsets } = encodeTexts(texts);
	return { valueOffsets: offsets, data };
}
