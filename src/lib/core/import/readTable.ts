import { readCsv, type OnProgress } from './readCsv';
import { readJsonLines } from './readJsonLines';
import { readParquet } from './readParquet';
import type { RawTable } from './rawTable';
import { ImportError } from './report';
import { readXlsx } from './readXlsx';
import { sniffFormat } from './sniffFormat';

export type { Cell, RawColumn, RawTable, ReadProblem, ReadProblemReason, TableFormat } from './rawTable';
export { sniffFormat, type FileFormat } from './sniffFormat';
export type { OnProgress } from './readCsv';

export interface ReadOptions {
	/** xlsx: the sheet to read; by default the one whose first rows hold a known header (see `readXlsx`). */
	sheet?: string;
	/** csv, xlsx: the header's line (or sheet row) when the user chose it; by default it is found (`tableLayout.ts`). */
	headerLine?: number;
	onProgress?: OnProgress;
}

/**
 * A file of rows — CSV/TSV, .xlsx, Parquet or JSON lines, told apart by `sniffFormat` — read as a table of raw
 * cells. Runs anywhere (browser, worker, Node): it takes the bytes and imports nothing from Node. The Excel and
 * Parquet readers load on first use. GeoJSON is refused here: the groups reader reads it.
 */
export async function readTable(
	file: { name: string; bytes: Uint8Array },
	options: ReadOptions = {}
): Promise<RawTable> {
	const table = await readAnyTable(file, options);
	options.onProgress?.(table.rowCount);
	return table;
}

async function readAnyTable(
	file: { name: string; bytes: Uint8Array },
	options: ReadOptions
): Promise<RawTable> {
	const format = sniffFormat(file.name, file.bytes);
	switch (format) {
		case 'csv':
			return readCsv(file.name, file.bytes, options.onProgress, options.headerLine);
		case 'jsonl':
			return readJsonLines(file.name, file.bytes);
		case 'xlsx':
			return readXlsx(file.name, file.bytes, options.sheet, options.headerLine);
		case 'parquet':
			return readParquet(file.name, file.bytes);
		case 'geojson':
			throw new ImportError(
				'unsupported_format',
				`${file.name}: GeoJSON holds the residential groups' boundaries, not rows of cases`,
				'geojson_as_cases'
			);
		case 'unknown':
			throw new ImportError(
				'unsupported_format',
				`${file.name}: import a table as .csv, .tsv, .txt, .xlsx, .parquet or .jsonl, or the groups as .geojson`,
				'unknown_format'
			);
	}
}
