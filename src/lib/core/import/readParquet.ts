import { columnsOfRows, headerNames, type Cell, type RawTable } from './rawTable';
import { ImportError } from './report';

/**
 * A Parquet file, read by hyparquet (loaded on first use). The top-level columns are the headers, in schema order;
 * a record's line is its number + 1. Values are converted at the door: 64-bit integers to numbers when exact,
 * else to their decimal text; DATE and TIMESTAMP to `Date` (UTC); DECIMAL to numbers (by hyparquet); nested
 * values to JSON text; bytes that are not text to hexadecimal.
 */
export async function readParquet(file: string, bytes: Uint8Array): Promise<RawTable> {
	const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
	// hyparquet reads from an ArrayBuffer; copy only when the bytes are a view on part of a larger one.
	const buffer =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
			? bytes.buffer
			: bytes.slice().buffer;
	let names: string[];
	let records: unknown[][] = [];
	try {
		const metadata = parquetMetadata(buffer);
		names = parquetSchema(metadata).children.map((column) => column.element.name);
		await parquetRead({
			file: buffer,
			metadata,
			rowFormat: 'array',
			onComplete: (rows) => {
				records = rows;
			}
		});
	} catch (error) {
		throw new ImportError(
			'unreadable',
			`${file}: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`,
			'bad_parquet'
		);
	}
	return {
		file,
		format: 'parquet',
		headers: headerNames(names),
		columns: columnsOfRows(
			records.map((record) => names.map((_, column) => parquetCell(record[column]))),
			names.length
		),
		rowCount: records.length,
		lines: records.map((_, index) => index + 2),
		problems: []
	};
}

function parquetCell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
	if (typeof value === 'bigint') return bigintCell(value);
	if (value instanceof Uint8Array) return Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('');
	return JSON.stringify(value, (_, nested: unknown) => (typeof nested === 'bigint' ? bigintCell(nested) : nested));
}

function bigintCell(value: bigint): number | string {
	return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}
