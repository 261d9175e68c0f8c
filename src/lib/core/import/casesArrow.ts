import { Bool, DateDay, Float64, Int8, makeData, makeVector, Table, tableToIPC, Utf8, type DataType, type Vector } from 'apache-arrow';
import { CASE_COLUMNS } from '../schema/model';
import { UNREADABLE, type CanonicalCases, type CanonicalField, type Read } from './canonical';

/**
 * The chosen rows as Arrow IPC stream bytes with the columns and types of the `cases` table (VARCHAR, DATE,
 * TINYINT, BOOLEAN, DOUBLE): what DuckDB appends to the table as it is, and what the snapshot saves.
 * Buffers are written directly, each distinct answer converted once; Arrow's generic builders would cost seconds
 * on a million rows.
 */
export function casesArrow(cases: CanonicalCases, rows: Int32Array): Uint8Array {
	const columns: Record<(typeof CASE_COLUMNS)[number], Vector> = {
		case_id: textVector(cases.case_id, rows),
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

/** Which of the chosen rows have a value: Arrow's validity bitmap, and how many have none. */
function validity<T>({ answers, codes }: CanonicalField<T>, rows: Int32Array): { nullBitmap: Uint8Array; nullCount: number } {
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
): Vector<T> {
	const values = new Float64Array(field.answers.length);
	field.answers.forEach((answer, index) => (values[index] = present(answer) ? answer : 0));
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
 * A text column as Arrow UTF-8, typed as text even when every value is null (an all-empty column must not become
 * Null). A column of few distinct answers has each encoded once and copied for every row that has it; a column
 * of many (the ids) is joined and encoded in one call, which is far cheaper than a call per row.
 */
function textVector(field: CanonicalField<string>, rows: Int32Array): Vector<Utf8> {
	const { answers, codes } = field;
	const offsets = new Int32Array(rows.length + 1);
	let data: Uint8Array;
	if (answers.length <= FEW_ANSWERS) {
		const encoder = new TextEncoder();
		const encoded = answers.map((answer) => (present(answer) ? encoder.encode(answer) : new Uint8Array(0)));
		for (let index = 0; index < rows.length; index++) offsets[index + 1] = offsets[index] + encoded[codes[rows[index]]].length;
		data = new Uint8Array(offsets[rows.length]);
		for (let index = 0; index < rows.length; index++) {
			const bytes = encoded[codes[rows[index]]];
			const at = offsets[index];
			for (let byte = 0; byte < bytes.length; byte++) data[at + byte] = bytes[byte];
		}
	} else {
		const texts = new Array<string>(rows.length);
		for (let index = 0; index < rows.length; index++) {
			const answer = answers[codes[rows[index]]];
			texts[index] = present(answer) ? answer : '';
		}
		const joined = texts.join('');
		data = new TextEncoder().encode(joined);
		const byteLength = data.length === joined.length ? (text: string) => text.length : utf8Length;
		for (let index = 0; index < rows.length; index++) offsets[index + 1] = offsets[index] + byteLength(texts[index]);
	}
	return makeVector(makeData({ type: new Utf8(), length: rows.length, ...validity(field, rows), valueOffsets: offsets, data }));
}

/** Up to this many distinct answers, a text column is encoded answer by answer. */
const FEW_ANSWERS = 4096;

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
