import { DataType, type Table } from 'apache-arrow';
import type { Row } from './engine';

const DAY_MS = 86_400_000;

/**
 * Converts an Arrow result at the door (Evidence's `castBigIntToDouble` habit): 64-bit integers and decimals
 * become numbers, dates become ISO `YYYY-MM-DD` strings, so nothing downstream meets a BigInt.
 */
export function arrowToRows(table: Table): Row[] {
	const converters = table.schema.fields.map((field) => converterFor(field.type));
	const names = table.schema.fields.map((field) => field.name);
	const columns = names.map((_, index) => table.getChildAt(index));
	const rows: Row[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < names.length; c++) {
			const value: unknown = columns[c]?.get(r);
			row[names[c]] = value === null || value === undefined ? null : converters[c](value);
		}
		rows[r] = row;
	}
	return rows;
}

type Converter = (value: unknown) => Row[string];

function converterFor(type: DataType): Converter {
	if (DataType.isDate(type)) return (value) => isoDate(value as number | Date);
	if (DataType.isTimestamp(type)) return (value) => new Date(Number(value)).toISOString();
	if (DataType.isDecimal(type)) return (value) => decimalToNumber(value, (type as { scale: number }).scale);
	if (DataType.isInt(type) || DataType.isFloat(type)) return (value) => Number(value);
	if (DataType.isBool(type)) return (value) => Boolean(value);
	return (value) => (typeof value === 'bigint' ? Number(value) : (value as string));
}

function isoDate(value: number | Date): string {
	const ms = value instanceof Date ? value.getTime() : value;
	return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function decimalToNumber(value: unknown, scale: number): number {
	// Arrow decimals arrive as a Uint32Array of 128-bit two's complement words; DuckDB sums of integers fit in
	// 53 bits at ward scale, so the low words carry the value.
	if (typeof value === 'number') return value;
	if (typeof value === 'bigint') return Number(value) / 10 ** scale;
	const words = value as Uint32Array;
	let big = 0n;
	for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
	if (words[words.length - 1] & 0x8000_0000) big -= 1n << BigInt(32 * words.length);
	return Number(big) / 10 ** scale;
}
