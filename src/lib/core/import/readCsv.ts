import { ByteKeys } from './byteKeys';
import { decodeToUtf8 } from './decodeText';
import { headerNames, type AsciiCells, type Cell, type DistinctCells, type RawColumn, type RawTable, type ReadProblem } from './rawTable';
import { ImportError } from './report';
import { FOOTER_PROBE, findHeaderLine, footerStart, HEADER_PROBE, headerChoices, knownHeaders, type LayoutLine } from './tableLayout';

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

/** A CSV or TSV file: turned into UTF-8 by `decodeToUtf8`, then read by `parseCsvBytes`. */
export function readCsv(file: string, bytes: Uint8Array, onProgress?: OnProgress, headerLine?: number): RawTable {
	const { utf8, encoding } = decodeToUtf8(bytes);
	return { ...parseCsvBytes(file, utf8, onProgress, headerLine), encoding };
}

/** `parseCsvBytes` on text. */
export function parseCsv(file: string, text: string, onProgress?: OnProgress, headerLine?: number): RawTable {
	return parseCsvBytes(file, new TextEncoder().encode(text), onProgress, headerLine);
}

/**
 * UTF-8 text in RFC 4180 form, read leniently the way spreadsheets read it:
 * - the separator is `,`, `;` or tab, whichever occurs most often outside quotes on the first line that is not
 *   blank (a tie goes to `,`), unless an Excel `sep=X` first line names it;
 * - a field that starts with `"` runs to the next lone `"`, taking separators, line breaks and doubled quotes
 *   `""` (one `"`) with it; text after its closing quote is kept. A `"` inside an unquoted field is just a `"`;
 * - lines end in LF, CRLF or CR; cells are otherwise kept exactly as written (the mapping step trims);
 * - a record is numbered by the line it starts on, so one spanning lines 3–4 is line 3;
 * - the header is the line among the first ones with the most headers the dictionary knows (`findHeaderLine`),
 *   read with the separator that finds it; the lines above it are a title block, skipped and listed
 *   (`titleLines`). When no line has enough known headers, the header is the first record that is not blank and
 *   the separator the one of that line. `headerLine` (a line the user chose) overrides the guess. The lines after
 *   the last row that make the table's footer (`footerStart`) are neither rows nor problems: they are listed in
 *   `footerLines`. Both are found in the first and last few dozen lines only, never row by row;
 * - a blank record — an empty line, or one of nothing but
 *   separators and white space (Excel writes `;;;` for an empty spreadsheet row) — holds no data and is skipped
 *   wherever it is, as empty rows of a sheet are, and counted nowhere;
 * - a record with a different number of fields than the header is a problem (`wrong_column_count`), except that
 *   extra fields that are all empty (a separator at the end of each data line) are dropped;
 * - a quote still open at the end of the file leaves the rest of the file, from the line its record starts on,
 *   impossible to split into rows with any confidence: that line is an `unclosed_quote` problem and every later
 *   line that is not blank an `in_unclosed_quote` one, so rows read still count every line of data, and nothing
 *   is taken silently. A header that opens such a quote refuses the file.
 *
 * The bytes are read once and never turned into a string per cell: each cell is kept as where it lies in the
 * bytes (`CsvColumn`), and made text only when asked for. A million-row export is read in a fraction of a second.
 */
export function parseCsvBytes(file: string, bytes: Uint8Array, onProgress?: OnProgress, headerLine?: number): RawTable {
	const hint = SEPARATOR_HINT.exec(latin1(bytes, 0, Math.min(bytes.length, 8)));
	const start = hint ? hint[0].length : 0;
	const layout = findLayout(bytes, start, hint ? 2 : 1, hint ? (hint[1] as Delimiter) : undefined, headerLine);
	const { delimiter } = layout;
	const split = splitRecords(bytes, delimiter, layout.start, layout.line, onProgress);
	if (split.headerLine === undefined && split.problems.length) {
		throw new ImportError('unreadable', `${file}: the header opens a quote (") that is never closed`, 'unclosed_quote_header');
	}
	const width = split.headers.length;
	const footer = findFooter(bytes, delimiter, split);
	const rows = split.rows - footer.rows;
	const spans = split.spans.subarray(0, rows * 2 * width);
	const footerLines = new Set(footer.lines);
	return {
		file,
		format: 'csv',
		headers: split.headers,
		columns: Array.from({ length: width }, (_, column) => new CsvColumn(bytes, spans, width, column, rows)),
		rowCount: rows,
		lines: split.lines.subarray(0, rows),
		problems: footer.lines.length ? split.problems.filter(({ line }) => !footerLines.has(line)) : split.problems,
		headerLine: split.headerLine,
		titleLines: layout.titleLines,
		footerLines: footer.lines,
		headerChoices: layout.choices,
		delimiter
	};
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** A record of the first lines: its cells, and where it starts. */
interface ProbedLine extends LayoutLine {
	position: number;
}

/**
 * The separator, and where the header starts: see `parseCsvBytes`. Each separator reads the first lines; the one
 * whose header has the most known headers wins, the separator of the first line (`sniffDelimiter`) on a tie.
 */
function findLayout(bytes: Uint8Array, start: number, firstLine: number, hinted: Delimiter | undefined, chosenLine?: number) {
	const sniffed = hinted ?? sniffDelimiter(bytes, start);
	let delimiter = sniffed;
	let lines = probeLines(bytes, sniffed, start, firstLine);
	let header = 0;
	if (chosenLine !== undefined) {
		header = Math.max(0, lines.findIndex(({ line }) => line === chosenLine));
		if (!hinted && lines[header]) delimiter = sniffDelimiter(bytes, lines[header].position);
	} else {
		let known = 0;
		for (const candidate of hinted ? [sniffed] : [sniffed, ...DELIMITERS.filter((other) => other !== sniffed)]) {
			const probed = candidate === sniffed ? lines : probeLines(bytes, candidate, start, firstLine);
			const index = findHeaderLine(probed);
			const count = index === null ? 0 : knownHeaders(probed[index].cells);
			if (index !== null && count > known) [delimiter, lines, header, known] = [candidate, probed, index, count];
		}
	}
	return {
		delimiter,
		start: lines[header]?.position ?? start,
		line: lines[header]?.line ?? firstLine,
		titleLines: lines.slice(0, header).map(({ line }) => line),
		choices: headerChoices(lines)
	};
}

/** The first records that are not blank, up to `HEADER_PROBE`, as text. */
function probeLines(bytes: Uint8Array, delimiter: Delimiter, start: number, firstLine: number): ProbedLine[] {
	const reader = new RecordReader(bytes, delimiter, start, firstLine);
	const lines: ProbedLine[] = [];
	while (reader.position < bytes.length && lines.length < HEADER_PROBE) {
		const { position, line } = reader;
		const count = reader.read(0);
		if (count < 0) break;
		if (!allBlank(bytes, reader.spans, 0, count)) lines.push({ line, position, cells: recordCells(bytes, reader.spans, count) });
	}
	return lines;
}

function recordCells(bytes: Uint8Array, spans: Int32Array, count: number): string[] {
	return Array.from({ length: count }, (_, field) => fieldText(bytes, spans[2 * field], spans[2 * field + 1]));
}

/**
 * The footer after the last rows (`footerStart`): its lines, and how many of them were read as rows (the last
 * ones). The last `FOOTER_PROBE` rows and whatever follows them are read again; a quote left open means no footer.
 */
function findFooter(bytes: Uint8Array, delimiter: Delimiter, split: SplitRecords): { rows: number; lines: number[] } {
	const none = { rows: 0, lines: [] };
	const width = split.headers.length;
	if (split.rows === 0) return none;
	const from = Math.max(0, split.rows - FOOTER_PROBE);
	const first = split.spans[from * 2 * width];
	const reader = new RecordReader(bytes, delimiter, first < 0 ? ~first : first, split.lines[from]);
	const tail: (LayoutLine & { row: boolean })[] = [];
	while (reader.position < bytes.length) {
		const line = reader.line;
		const count = reader.read(0);
		if (count < 0) return none;
		if (allBlank(bytes, reader.spans, 0, count)) continue;
		const row = count === width || (count > width && allEmpty(reader.spans, 0, width, count));
		tail.push({ line, row, cells: recordCells(bytes, reader.spans, count) });
		if (tail.length > 2 * FOOTER_PROBE) tail.shift();
	}
	const footer = tail.slice(footerStart(tail));
	return { rows: footer.filter(({ row }) => row).length, lines: footer.map(({ line }) => line) };
}

/** The separator that occurs most often outside quotes on the first non-blank line; a tie goes to `,`. */
export function sniffDelimiter(bytes: Uint8Array, start = 0): Delimiter {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	let content = false;
	for (let index = start; index < bytes.length; index += 1) {
		const byte = bytes[index];
		if (byte === QUOTE) quoted = !quoted;
		if (quoted) continue;
		if (byte === LF || byte === CR) {
			if (content) break;
			continue;
		}
		if (byte === 0x2c) counts[','] += 1;
		else if (byte === 0x3b) counts[';'] += 1;
		else if (byte === 0x09) counts['\t'] += 1;
		if (byte !== 0x20) content = true;
	}
	let best: Delimiter = ',';
	for (const candidate of [';', '\t'] as const) if (counts[candidate] > counts[best]) best = candidate;
	return best;
}

/** What `splitRecords` found: the header, and where each cell of each data row lies in the bytes. */
interface SplitRecords {
	headers: string[];
	headerLine: number | undefined;
	/** Row after row, `2 * width` numbers each: where each field starts and ends, the start `~start` when quoted. */
	spans: Int32Array;
	rows: number;
	/** The line each row starts on. */
	lines: Int32Array;
	problems: ReadProblem[];
}

/** Data rows after which the rest of the file's rows are estimated, and the arrays sized for them at once. */
const ESTIMATE_AFTER = 4096;

/**
 * The records of the bytes, in one pass: each field's span is written where its row will be kept, so a record
 * that turns out blank, or a problem, is simply not counted and the next one written over it.
 */
function splitRecords(bytes: Uint8Array, delimiter: Delimiter, start: number, firstLine: number, onProgress?: OnProgress): SplitRecords {
	const length = bytes.length;
	let lines = new Int32Array(1 << 12);
	let headers: string[] | null = null;
	let headerLine: number | undefined;
	let stride = 0;
	let rows = 0;
	const problems: ReadProblem[] = [];
	const reader = new RecordReader(bytes, delimiter, start, firstLine);
	while (reader.position < length) {
		const recordLine = reader.line;
		const at = rows * stride;
		const count = reader.read(at);
		if (count < 0) {
			problems.push(...unclosedQuoteLines(bytes, reader.position, recordLine, delimiter));
			break;
		}
		const spans = reader.spans;
		const position = reader.position;
		if (allBlank(bytes, spans, at, count)) continue;
		if (headers === null) {
			headers = headerNames(Array.from({ length: count }, (_, field) => fieldText(bytes, spans[2 * field], spans[2 * field + 1])));
			headerLine = recordLine;
			stride = 2 * headers.length;
			continue;
		}
		const width = headers.length;
		if (count === width || (count > width && allEmpty(spans, at, width, count))) {
			if (rows === lines.length) lines = grown(lines, 2 * lines.length);
			lines[rows] = recordLine;
			rows += 1;
			if (rows === ESTIMATE_AFTER) {
				const expected = Math.ceil((rows * (length - start)) / (position - start) * 1.05) + ESTIMATE_AFTER;
				if (expected * stride > spans.length) reader.spans = grown(spans, expected * stride);
				if (expected > lines.length) lines = grown(lines, expected);
			}
			if (onProgress && rows % PROGRESS_STEP === 0) onProgress(rows);
		} else {
			problems.push({ line: recordLine, reason: 'wrong_column_count' });
		}
	}
	return { headers: headers ?? [], headerLine, spans: reader.spans, rows, lines, problems };
}

/** Reads records one after another, keeping where the next one starts and the line it starts on. */
class RecordReader {
	readonly #bytes: Uint8Array;
	readonly #separator: number;
	spans = new Int32Array(1 << 16);
	position: number;
	line: number;

	constructor(bytes: Uint8Array, delimiter: Delimiter, start: number, firstLine: number) {
		this.#bytes = bytes;
		this.#separator = delimiter.charCodeAt(0);
		this.position = start;
		this.line = firstLine;
	}

	/** Reads the record at `position`, its spans written from `at`: the number of fields, or -1 if a quote is never closed. */
	read(at: number): number {
		const bytes = this.#bytes;
		const separator = this.#separator;
		const length = bytes.length;
		let spans = this.spans;
		let position = this.position;
		let count = 0;
		for (;;) {
			const fieldStart = position;
			const quoted = bytes[position] === QUOTE;
			if (quoted) {
				let from = position + 1;
				for (;;) {
					const close = bytes.indexOf(QUOTE, from);
					if (close === -1) return -1;
					this.line += lineBreaks(bytes, from, close);
					if (bytes[close + 1] === QUOTE) {
						from = close + 2;
					} else {
						position = close + 1;
						break;
					}
				}
			}
			let end = position;
			while (end < length) {
				const byte = bytes[end];
				if (byte === separator || byte === LF || byte === CR) break;
				end += 1;
			}
			const field = at + 2 * count;
			if (field + 2 > spans.length) spans = this.spans = grown(spans, 2 * spans.length);
			spans[field] = quoted ? ~fieldStart : fieldStart;
			spans[field + 1] = end;
			count += 1;
			position = end;
			if (position >= length) break;
			const byte = bytes[position];
			position += 1;
			if (byte === separator) continue;
			if (byte === CR && bytes[position] === LF) position += 1;
			this.line += 1;
			break;
		}
		this.position = position;
		return count;
	}
}

/**
 * The lines from `start` (line `line`, where a record opens a quote never closed) to the end of the bytes, as
 * problems: the first `unclosed_quote`, each later one that is not blank `in_unclosed_quote`.
 */
function unclosedQuoteLines(bytes: Uint8Array, start: number, line: number, delimiter: Delimiter): ReadProblem[] {
	const problems: ReadProblem[] = [{ line, reason: 'unclosed_quote' }];
	for (let from = start; from < bytes.length; ) {
		let end = from;
		while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end += 1;
		if (from > start && !blankLine(bytes, from, end, delimiter)) problems.push({ line, reason: 'in_unclosed_quote' });
		from = end + (bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1);
		line += 1;
	}
	return problems;
}

/** A line of nothing but white space and separators, as a blank record is. */
function blankLine(bytes: Uint8Array, start: number, end: number, delimiter: Delimiter): boolean {
	const separator = delimiter.charCodeAt(0);
	for (let index = start; index < end; index++) {
		const byte = bytes[index];
		if (byte === separator || byte === 0x20 || byte === 0x09) continue;
		return byte < 0x80 ? false : BLANK.test(text(bytes, start, end).split(delimiter).join(''));
	}
	return true;
}

function grown(values: Int32Array, size: number): Int32Array<ArrayBuffer> {
	const larger = new Int32Array(size);
	larger.set(values);
	return larger;
}

/** Line breaks (LF, CRLF, lone CR) in the bytes from `from` up to `to`. */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
	let count = 0;
	for (let index = from; index < to; index += 1) {
		const byte = bytes[index];
		if (byte === LF || (byte === CR && bytes[index + 1] !== LF)) count += 1;
	}
	return count;
}

function allBlank(bytes: Uint8Array, spans: Int32Array, at: number, count: number): boolean {
	for (let field = at; field < at + 2 * count; field += 2) if (!blankField(bytes, spans[field], spans[field + 1])) return false;
	return true;
}

/** A field of nothing but white space (an ASCII non-space settles it without making text). */
function blankField(bytes: Uint8Array, start: number, end: number): boolean {
	if (start < 0) return BLANK.test(fieldText(bytes, start, end));
	for (let index = start; index < end; index++) {
		const byte = bytes[index];
		if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
		return byte < 0x80 ? false : BLANK.test(fieldText(bytes, start, end));
	}
	return true;
}

/** Fields `from` to `count` all empty: nothing between the separators, or exactly `""`. */
function allEmpty(spans: Int32Array, at: number, from: number, count: number): boolean {
	for (let field = at + 2 * from; field < at + 2 * count; field += 2) {
		const start = spans[field];
		const end = spans[field + 1];
		if (start >= 0 ? end !== start : end - ~start !== 2) return false;
	}
	return true;
}

const utf8Decoder = new TextDecoder();

/** A field's text: as written, or for a quoted field its quoted part unescaped and whatever followed it. */
function fieldText(bytes: Uint8Array, start: number, end: number): string {
	if (start >= 0) return text(bytes, start, end);
	let value = '';
	let from = ~start + 1;
	for (;;) {
		const close = bytes.indexOf(QUOTE, from);
		if (bytes[close + 1] === QUOTE && close + 1 < end) {
			value += text(bytes, from, close + 1);
			from = close + 2;
		} else {
			return value + text(bytes, from, close) + text(bytes, close + 1, end);
		}
	}
}

/** UTF-8 bytes as text; short ASCII runs (codes, dates, numbers) without the decoder's per-call cost. */
function text(bytes: Uint8Array, start: number, end: number): string {
	if (end - start <= 32) {
		let ascii = true;
		for (let index = start; index < end; index++) {
			if (bytes[index] >= 0x80) {
				ascii = false;
				break;
			}
		}
		if (ascii) return latin1(bytes, start, end);
	}
	return utf8Decoder.decode(bytes.subarray(start, end));
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** A column of a CSV file: its cells are read from the bytes when asked for. */
class CsvColumn implements RawColumn {
	readonly length: number;
	readonly #bytes: Uint8Array;
	readonly #spans: Int32Array;
	readonly #stride: number;
	readonly #offset: number;
	readonly #distinct = new Map<number, DistinctCells | null>();
	#ascii: AsciiCells | null | undefined;

	constructor(bytes: Uint8Array, spans: Int32Array, width: number, column: number, rows: number) {
		this.#bytes = bytes;
		this.#spans = spans;
		this.#stride = 2 * width;
		this.#offset = 2 * column;
		this.length = rows;
	}

	cell(row: number): Cell {
		const at = row * this.#stride + this.#offset;
		return fieldText(this.#bytes, this.#spans[at], this.#spans[at + 1]);
	}

	/**
	 * Every cell: a column without quoted cells is copied into one buffer, one cell per line, decoded once and
	 * split — a million cells in one decoder call rather than a million.
	 */
	cells(): Cell[] {
		const bytes = this.#bytes;
		const spans = this.#spans;
		let size = 0;
		for (let row = 0; row < this.length; row++) {
			const at = row * this.#stride + this.#offset;
			if (spans[at] < 0) return Array.from({ length: this.length }, (_, row) => this.cell(row));
			size += spans[at + 1] - spans[at] + 1;
		}
		const lines = new Uint8Array(size);
		let to = 0;
		for (let row = 0; row < this.length; row++) {
			const at = row * this.#stride + this.#offset;
			for (let index = spans[at]; index < spans[at + 1]; index++) lines[to++] = bytes[index];
			lines[to++] = LF;
		}
		const cells = utf8Decoder.decode(lines.subarray(0, size - 1)).split('\n');
		return this.length === 0 ? [] : cells;
	}

	asciiCells(): AsciiCells | null {
		if (this.#ascii === undefined) this.#ascii = this.#findAscii();
		return this.#ascii;
	}

	#findAscii(): AsciiCells | null {
		const bytes = this.#bytes;
		const spans = this.#spans;
		const offsets = new Int32Array(this.length + 1);
		for (let row = 0; row < this.length; row++) {
			const at = row * this.#stride + this.#offset;
			const start = spans[at];
			const end = spans[at + 1];
			// Unquoted, not empty, no space at either end, nothing outside space … `~`.
			if (start < 0 || end === start || bytes[start] === 0x20 || bytes[end - 1] === 0x20) return null;
			for (let index = start; index < end; index++) if (bytes[index] < 0x20 || bytes[index] > 0x7e) return null;
			offsets[row + 1] = offsets[row] + end - start;
		}
		const data = new Uint8Array(offsets[this.length]);
		let to = 0;
		for (let row = 0; row < this.length; row++) {
			const at = row * this.#stride + this.#offset;
			for (let index = spans[at]; index < spans[at + 1]; index++) data[to++] = bytes[index];
		}
		return { data, offsets };
	}

	distinct(limit: number): DistinctCells | null {
		if (!this.#distinct.has(limit)) this.#distinct.set(limit, this.#findDistinct(limit));
		return this.#distinct.get(limit)!;
	}

	/**
	 * Distinct cells by their bytes (`ByteKeys`), without making text of any cell but the first of each distinct
	 * value; null past `limit` of them, or as soon as most rows so far are
	 * distinct (a column of ids: callers read it cell by cell). A quoted and an unquoted spelling of one value are
	 * two entries with the same text: harmless, as readers map both alike.
	 */
	#findDistinct(limit: number): DistinctCells | null {
		const spans = this.#spans;
		const keys = new ByteKeys(this.#bytes, Math.min(limit, this.length));
		const firstRows: number[] = [];
		const ids = new Int32Array(this.length);
		for (let row = 0; row < this.length; row++) {
			const at = row * this.#stride + this.#offset;
			const start = spans[at];
			// A quoted field's span starts at its quote, which no unquoted field can: the bytes tell the two apart.
			const id = keys.key(start < 0 ? ~start : start, spans[at + 1]);
			if (id === firstRows.length) {
				if (id === limit || (row >= MOSTLY_DISTINCT_AFTER && id > row / 2)) return null;
				firstRows.push(row);
			}
			ids[row] = id;
		}
		return { values: firstRows.map((row) => this.cell(row)), ids };
	}
}

/** Rows after which a column of mostly distinct cells is taken to be one of ids or free text. */
const MOSTLY_DISTINCT_AFTER = 10_000;
