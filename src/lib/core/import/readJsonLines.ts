import { decodeText } from './decodeText';
import { columnsOfRows, headerNames, type Cell, type RawTable, type ReadProblem } from './rawTable';

/**
 * JSON lines: every line that is not blank is one record, and should be a JSON object. The headers are the keys
 * of all objects in the order first seen; a key an object lacks is null. A line that is not a JSON object (broken
 * JSON, an array, a bare value) is a problem `unreadable_row`. Records are numbered from 1 among the non-blank
 * lines, and a record's line is its number + 1, as the first data row of a csv is line 2.
 */
export function readJsonLines(file: string, bytes: Uint8Array): RawTable {
	const { text, encoding } = decodeText(bytes);
	const keys = new Map<string, number>();
	const records: { object: Record<string, unknown>; line: number }[] = [];
	const problems: ReadProblem[] = [];
	let recordNumber = 0;
	for (const textLine of text.split('\n')) {
		if (textLine.trim() === '') continue;
		recordNumber += 1;
		const line = recordNumber + 1;
		const object = parseObject(textLine);
		if (!object) {
			problems.push({ line, reason: 'unreadable_row' });
			continue;
		}
		for (const key of Object.keys(object)) if (!keys.has(key)) keys.set(key, keys.size);
		records.push({ object, line });
	}
	const names = [...keys.keys()];
	const rows = records.map(({ object }) => names.map((key) => jsonCell(object[key])));
	return {
		file,
		format: 'jsonl',
		headers: headerNames(names),
		columns: columnsOfRows(rows, names.length),
		rowCount: rows.length,
		lines: records.map(({ line }) => line),
		problems,
		encoding
	};
}

function parseObject(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** Strings, numbers and booleans as they are; nested arrays and objects as their JSON text. */
function jsonCell(value: unknown): Cell {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	return JSON.stringify(value);
}
