import { decodeText } from './decodeText';
import { headerNames, type Cell, type RawTable, type ReadProblem } from './rawTable';

export type Delimiter = ',' | ';' | '\t';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Excel's hint line: `sep=;` as the first line names the separator (and is not the header). */
const SEPARATOR_HINT = /^sep=([,;\t])(?:\r\n|\n|\r|$)/i;
const BLANK = /^[\s\u200b\ufeff]*$/;

/** Rows between two progress reports of the readers and the mapping step. */
export const PROGRESS_STEP = 50_000;

/** Told the number of rows done so far, every `PROGRESS_STEP` rows, while a big file is read or mapped. */
export type OnProgress = (rowsDone: number) => void;

/** A CSV or TSV file: decoded by `decodeText`, then read by `parseCsv`. */
export function readCsv(file: string, bytes: Uint8Array, onProgress?: OnProgress): RawTable {
	const { text, encoding } = decodeText(bytes);
	return { ...parseCsv(file, text, onProgress), encoding };
}

/**
 * Text in RFC 4180 form, read leniently the way spreadsheets read it:
 * - the separator is `,`, `;` or tab, whichever occurs most often outside quotes on the first line that is not
 *   blank (a tie goes to `,`), unless an Excel `sep=X` first line names it;
 * - a field that starts with `"` runs to the next lone `"`, taking separators, line breaks and doubled quotes
 *   `""` (one `"`) with it; text after its closing quote is kept. A `"` inside an unquoted field is just a `"`;
 * - lines end in LF, CRLF or CR; cells are otherwise kept exactly as written (the mapping step trims);
 * - a record is numbered by the line it starts on, so one spanning lines 3–4 is line 3;
 * - the header is the first record that is not blank. A blank record — an empty line, or one of nothing but
 *   separators and white space (Excel writes `;;;` for an empty spreadsheet row) — holds no data and is skipped
 *   wherever it is, as empty rows of a sheet are, and counted nowhere;
 * - a record with a different number of fields than the header is a problem (`wrong_column_count`), except that
 *   extra fields that are all empty (a separator at the end of each data line) are dropped;
 * - a quote still open at the end of the file makes the rest of the file, from the line its record starts on,
 *   one problem: it cannot be split into rows with any confidence, and is never taken silently.
 */
export function parseCsv(file: string, text: string, onProgress?: OnProgress): RawTable {
	const hint = SEPARATOR_HINT.exec(text);
	const start = hint ? hint[0].length : 0;
	const firstLine = hint ? 2 : 1;
	const delimiter = hint ? (hint[1] as Delimiter) : sniffDelimiter(text, start);

	let headers: string[] | null = null;
	let headerLine: number | undefined;
	const rows: Cell[][] = [];
	const lines: number[] = [];
	const problems: ReadProblem[] = [];

	const unterminatedAt = eachRecord(text, delimiter, start, firstLine, (fields, line) => {
		if (fields.every((field) => BLANK.test(field))) return;
		if (headers === null) {
			headers = headerNames(fields);
			headerLine = line;
			return;
		}
		const width = headers.length;
		const cells = fields.length > width && fields.slice(width).every((field) => field === '') ? fields.slice(0, width) : fields;
		if (cells.length === width) {
			rows.push(cells);
			lines.push(line);
			if (onProgress && rows.length % PROGRESS_STEP === 0) onProgress(rows.length);
		} else {
			problems.push({ line, reason: 'wrong_column_count' });
		}
	});
	if (unterminatedAt !== null) problems.push({ line: unterminatedAt, reason: 'wrong_column_count' });

	return { file, format: 'csv', headers: headers ?? [], rows, lines, problems, headerLine, delimiter };
}

/** The separator that occurs most often outside quotes on the first non-blank line; a tie goes to `,`. */
export function sniffDelimiter(text: string, start = 0): Delimiter {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	let content = false;
	for (let index = start; index < text.length; index += 1) {
		const char = text[index];
		if (char === '"') quoted = !quoted;
		if (quoted) continue;
		if (char === '\n' || char === '\r') {
			if (content) break;
			continue;
		}
		if (char === ',' || char === ';' || char === '\t') counts[char] += 1;
		if (char !== ' ') content = true;
	}
	let best: Delimiter = ',';
	for (const candidate of [';', '\t'] as const) if (counts[candidate] > counts[best]) best = candidate;
	return best;
}

/**
 * Calls `onRecord` with each record's fields and the line it starts on. Returns the line of a record whose quote
 * is never closed (the rest of the text), or null.
 */
function eachRecord(
	text: string,
	delimiter: Delimiter,
	start: number,
	firstLine: number,
	onRecord: (fields: string[], line: number) => void
): number | null {
	const separator = delimiter.charCodeAt(0);
	const length = text.length;
	let position = start;
	let line = firstLine;
	while (position < length) {
		const recordLine = line;
		const fields: string[] = [];
		for (;;) {
			let value = '';
			if (text.charCodeAt(position) === QUOTE) {
				let from = position + 1;
				for (;;) {
					const close = text.indexOf('"', from);
					if (close === -1) return recordLine;
					line += lineBreaks(text, from, close);
					if (text.charCodeAt(close + 1) === QUOTE) {
						value += text.slice(from, close + 1);
						from = close + 2;
					} else {
						value += text.slice(from, close);
						position = close + 1;
						break;
					}
				}
			}
			let end = position;
			while (end < length) {
				const code = text.charCodeAt(end);
				if (code === separator || code === LF || code === CR) break;
				end += 1;
			}
			fields.push(end > position ? value + text.slice(position, end) : value);
			position = end;
			if (position >= length) break;
			const code = text.charCodeAt(position);
			position += 1;
			if (code === separator) continue;
			if (code === CR && text.charCodeAt(position) === LF) position += 1;
			line += 1;
			break;
		}
		onRecord(fields, recordLine);
	}
	return null;
}

/** Line breaks (LF, CRLF, lone CR) in `text` from `from` up to `to`. */
function lineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let index = from; index < to; index += 1) {
		const code = text.charCodeAt(index);
		if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) count += 1;
	}
	return count;
}
