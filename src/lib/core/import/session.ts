import { readAhead, unknownLabels, type CaseMapping, type ValueMaps } from './canonical';
import type { CasesInput } from './cases';
import type { CaseRules } from './checkCases';
import { groupsFromTable, isGroupsTable, readGroupsFile, type GroupsFile } from './groupsFile';
import type { PersonalDataFinding } from './personalData';
import { casesInput, dropColumns, prepareCases, type PreparedCases } from './pipeline';
import { rowCells } from './rawTable';
import { rejectedCsv, type RejectedCsvWords } from './rejectedCsv';
import { readTable, sniffFormat, type Cell, type RawColumn } from './readTable';
import { ImportError, skippedLines, unclosedQuote, type Rejection, type SkippedLines } from './report';
import type { HeaderChoice } from './tableLayout';

/** What the page shows of a cases table while the user maps it; the rows themselves stay in the session. */
export interface CasesPreview {
	file: string;
	headers: string[];
	rowCount: number;
	/** Per column, its first few values that are not blank: enough for the user to recognise the column. */
	samples: Cell[][];
	/** The mapping proposed from the headers. */
	mapping: CaseMapping;
	personalData: PersonalDataFinding[];
	/** Every sheet of a workbook; empty for other formats. */
	sheets: string[];
	sheet?: string;
	/** A quote the CSV never closes: the user is told before confirming that its lines will be rejected. */
	unclosedQuote: { line: number; lines: number } | null;
	/** csv, xlsx: the header's line, the lines that could be the header instead, and the lines skipped. */
	headerLine?: number;
	headerChoices: HeaderChoice[];
	skipped?: SkippedLines;
}

/** The files the user chose, told apart: the cases table to map, and the groups file if one came with it. */
export type OpenedFiles =
	| { kind: 'opened'; cases: CasesPreview; groupsFile: GroupsFile | null }
	| { kind: 'refused'; code: 'too_many_files' | 'no_cases_file'; detail: string };

/**
 * How far a long step has gone: rows read from the file, or rows mapped to canonical columns. `total` is exact
 * when known, an estimate when `estimated`, null when the file gives no way to tell (xlsx, Parquet).
 */
export interface ImportProgress {
	phase: 'reading' | 'mapping';
	rows: number;
	total: number | null;
	estimated: boolean;
}

export type ProgressListener = (progress: ImportProgress) => void;

export type UnknownLabels = ReturnType<typeof unknownLabels>;

const SAMPLES_PER_COLUMN = 3;

/**
 * One import on the Data page, from the chosen files to the canonical rows, holding the cases table between the
 * steps so that only what the page shows has to leave it. Framework-free: the import worker runs it, tests too.
 */
export class ImportSession {
	#file: { name: string; bytes: Uint8Array } | null = null;
	#prepared: PreparedCases | null = null;

	/**
	 * Reads the chosen files: one table of cases and at most one groups file — a GeoJSON, or a table told from
	 * the cases by its headers (a group code and no date).
	 */
	async open(files: { name: string; bytes: Uint8Array }[], onProgress: ProgressListener = () => {}): Promise<OpenedFiles> {
		this.release();
		const names = files.map((file) => file.name).join(', ');
		const geojson = files.filter((file) => sniffFormat(file.name, file.bytes) === 'geojson');
		const tables: { file: { name: string; bytes: Uint8Array }; prepared: PreparedCases }[] = [];
		for (const file of files.filter((file) => !geojson.includes(file))) {
			tables.push({ file, prepared: await firstSheetWithContent(file, onProgress) });
		}
		const groupTables = tables.filter(({ prepared }) => isGroupsTable(prepared.table.headers));
		const caseTables = tables.filter((table) => !groupTables.includes(table));
		if (geojson.length + groupTables.length > 1 || caseTables.length > 1) return { kind: 'refused', code: 'too_many_files', detail: names };
		if (caseTables.length === 0) return { kind: 'refused', code: 'no_cases_file', detail: names };
		const groupsFile = geojson[0]
			? await readGroupsFile(geojson[0])
			: groupTables[0]
				? groupsFromTable(groupTables[0].prepared.table)
				: null;
		// Kept to be read again (another sheet, another header line). A UTF-8 CSV's cells are these very bytes.
		this.#file = caseTables[0].file;
		this.#prepared = caseTables[0].prepared;
		return { kind: 'opened', cases: preview(this.#prepared), groupsFile };
	}

	/** Another sheet of the workbook, read and looked at afresh. */
	async chooseSheet(sheet: string, onProgress: ProgressListener = () => {}): Promise<CasesPreview> {
		const file = this.#requireFile();
		this.#prepared = await prepareWithProgress(file, onProgress, sheet);
		return preview(this.#prepared);
	}

	/** The table read again with another of its first lines as the header: the guess was wrong. */
	async chooseHeader(line: number, onProgress: ProgressListener = () => {}): Promise<CasesPreview> {
		const file = this.#requireFile();
		this.#prepared = await prepareWithProgress(file, onProgress, this.#prepared?.table.sheet, line);
		return preview(this.#prepared);
	}

	/** Drops the columns that look like personal data; their values never reach the database. */
	dropPersonalData(): CasesPreview {
		const prepared = this.#requirePrepared();
		this.#prepared = dropColumns(prepared, [...new Set(prepared.personalData.map((finding) => finding.column))]);
		return preview(this.#prepared);
	}

	unknownLabels(mapping: CaseMapping, maps: ValueMaps): UnknownLabels {
		return unknownLabels(this.#requirePrepared().table, mapping, maps);
	}

	/** Work for idle moments before the mapping is confirmed: see `readAhead`. */
	readAhead(mapping: CaseMapping): (() => void)[] {
		return this.#prepared ? readAhead(this.#prepared.table, mapping) : [];
	}

	/** The confirmed mapping applied and the rows checked against the ward's rules (see `casesInput`). */
	casesInput(mapping: CaseMapping, maps: ValueMaps, rules: CaseRules, onProgress: ProgressListener = () => {}): CasesInput {
		const prepared = this.#requirePrepared();
		const total = prepared.table.rowCount;
		const mapped = (rows: number) => onProgress({ phase: 'mapping', rows, total, estimated: false });
		mapped(0);
		const input = casesInput(prepared, mapping, maps, { rules }, mapped);
		mapped(total);
		return input;
	}

	/** The rejected rows with their original values, as CSV for the user to correct and import again. */
	rejectedCsv(rejections: readonly Rejection[], words: RejectedCsvWords): string {
		const { table } = this.#requirePrepared();
		const wanted = new Set(rejections.map((rejection) => rejection.line));
		const rowByLine = new Map<number, Cell[]>();
		for (let row = 0; row < table.rowCount; row++) {
			if (wanted.has(table.lines[row])) rowByLine.set(table.lines[row], rowCells(table, row));
		}
		return rejectedCsv(rejections, words, { headers: table.headers, rowByLine });
	}

	/** Forgets the file and its table (a million rows are worth giving back). */
	release(): void {
		this.#file = null;
		this.#prepared = null;
	}

	#requireFile() {
		if (!this.#file) throw new Error('no file is open');
		return this.#file;
	}

	#requirePrepared(): PreparedCases {
		if (!this.#prepared) throw new Error('no file is open');
		return this.#prepared;
	}
}

function preview({ table, mapping, personalData }: PreparedCases): CasesPreview {
	return {
		file: table.file,
		headers: table.headers,
		rowCount: table.rowCount,
		samples: table.columns.map(columnSamples),
		mapping,
		personalData,
		sheets: table.sheets ?? [],
		sheet: table.sheet,
		unclosedQuote: unclosedQuote(table.problems),
		headerLine: table.headerLine,
		headerChoices: table.headerChoices ?? [],
		skipped: skippedLines(table)
	};
}

function columnSamples(column: RawColumn): Cell[] {
	const samples: Cell[] = [];
	for (let row = 0; row < column.length; row++) {
		const cell = column.cell(row);
		if (cell !== null && String(cell).trim() !== '') samples.push(cell);
		if (samples.length === SAMPLES_PER_COLUMN) break;
	}
	return samples;
}

async function prepareWithProgress(
	file: { name: string; bytes: Uint8Array },
	onProgress: ProgressListener,
	sheet?: string,
	headerLine?: number
): Promise<PreparedCases> {
	const estimate = estimateRows(file);
	onProgress({ phase: 'reading', rows: 0, total: estimate, estimated: true });
	const progress = (rows: number) => onProgress({ phase: 'reading', rows, total: estimate, estimated: true });
	const prepared = await prepareCases(file, sheet, progress, headerLine);
	const rows = prepared.table.rowCount;
	onProgress({ phase: 'reading', rows, total: rows, estimated: false });
	return prepared;
}

/**
 * The file read at its default sheet; when that sheet is empty (a blank "Sheet1" left in front of the data), the
 * next sheet with content, so the user lands on the chooser rather than on a refusal.
 */
async function firstSheetWithContent(file: { name: string; bytes: Uint8Array }, onProgress: ProgressListener): Promise<PreparedCases> {
	try {
		return await prepareWithProgress(file, onProgress);
	} catch (error) {
		if (!(error instanceof ImportError) || error.code !== 'empty_file' || sniffFormat(file.name, file.bytes) !== 'xlsx') throw error;
		const { sheets = [], sheet: empty } = await readTable(file);
		for (const sheet of sheets.filter((name) => name !== empty)) {
			const prepared = await prepareCases(file, sheet).catch(() => null);
			if (prepared) return prepared;
		}
		throw error;
	}
}

/**
 * About how many rows a text file holds: its line breaks, less the header — counted in its first megabyte and
 * scaled to the whole file when it is bigger. Quoted fields may hold line breaks and blank lines are skipped,
 * hence an estimate, for the progress bar while the reader works. Compressed formats (xlsx, Parquet) give no
 * such hint: null.
 */
export function estimateRows(file: { name: string; bytes: Uint8Array }): number | null {
	const format = sniffFormat(file.name, file.bytes);
	if (format !== 'csv' && format !== 'jsonl') return null;
	const { bytes } = file;
	const counted = bytes.subarray(0, ESTIMATE_FROM);
	let lines = 0;
	for (let at = counted.indexOf(0x0a); at !== -1; at = counted.indexOf(0x0a, at + 1)) lines += 1;
	if (counted.length > 0 && counted[counted.length - 1] !== 0x0a) lines += 1;
	if (bytes.length > counted.length) lines = Math.round((lines * bytes.length) / counted.length);
	return Math.max(0, format === 'csv' ? lines - 1 : lines);
}

/** Bytes whose line breaks are counted for `estimateRows`. */
const ESTIMATE_FROM = 1 << 20;
