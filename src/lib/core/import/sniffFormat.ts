import type { TableFormat } from './rawTable';
import { ImportError } from './report';

export type FileFormat = TableFormat | 'geojson' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARQUET = [0x50, 0x41, 0x52, 0x31];
/** The OLE compound file that holds Excel 97–2003 workbooks, and also password-protected .xlsx files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const BY_EXTENSION: Record<string, FileFormat> = {
	csv: 'csv',
	tsv: 'csv',
	txt: 'csv',
	xlsx: 'xlsx',
	xlsm: 'xlsx',
	parquet: 'parquet',
	jsonl: 'jsonl',
	ndjson: 'jsonl',
	geojson: 'geojson',
	json: 'geojson'
};

const OLD_EXCEL =
	'the file is an Excel 97–2003 workbook (.xls) or a password-protected workbook; open it in Excel, remove any password and save it as "Excel Workbook (.xlsx)", then import that file';

/**
 * What a file holds, decided by its content first and its name second: ZIP → xlsx, `PAR1` at both ends → Parquet,
 * a JSON object whose `type` is `FeatureCollection` → GeoJSON, a first line that is a whole JSON object → JSON
 * lines; otherwise the extension. An Excel 97–2003 file (or anything named `.xls`) is refused with what to do.
 */
export function sniffFormat(name: string, bytes: Uint8Array): FileFormat {
	const extension = /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase() ?? '';
	if (startsWith(bytes, ZIP)) return 'xlsx';
	if (startsWith(bytes, OLE)) throw new ImportError('unsupported_format', `${name}: ${OLD_EXCEL}`, 'old_excel');
	if (bytes.length >= 8 && startsWith(bytes, PARQUET) && startsWith(bytes.subarray(bytes.length - 4), PARQUET)) return 'parquet';
	const json = sniffJson(bytes, extension);
	if (json) return json;
	if (extension === 'xls') throw new ImportError('unsupported_format', `${name}: ${OLD_EXCEL}`, 'old_excel');
	return BY_EXTENSION[extension] ?? 'unknown';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * A file that starts with `{` (after a UTF-8 byte-order mark and white space). Its first line a whole JSON object:
 * GeoJSON when that object is a FeatureCollection (or the file is named `.geojson`: a one-line GeoJSON is one
 * object, not a JSON-lines file of one record), JSON lines otherwise. Else the whole text is parsed, since a
 * pretty-printed GeoJSON spreads its object over many lines and may name `type` after `features`.
 */
function sniffJson(bytes: Uint8Array, extension: string): 'geojson' | 'jsonl' | null {
	let start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
	while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) {
		start += 1;
	}
	if (bytes[start] !== 0x7b) return null;
	const lineEnd = bytes.indexOf(0x0a, start);
	const decoder = new TextDecoder('utf-8');
	const firstLine = jsonObject(decoder.decode(bytes.subarray(start, lineEnd === -1 ? bytes.length : lineEnd)));
	if (firstLine) return isFeatureCollection(firstLine) || extension === 'geojson' ? 'geojson' : 'jsonl';
	if (lineEnd === -1) return null;
	const document = jsonObject(decoder.decode(bytes.subarray(start)));
	return document && isFeatureCollection(document) ? 'geojson' : null;
}

function jsonObject(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

function isFeatureCollection(value: Record<string, unknown>): boolean {
	return value.type === 'FeatureCollection';
}
