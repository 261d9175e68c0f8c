import { FIELD_SYNONYMS, GROUP_FIELD_SYNONYMS, normaliseLabel } from '../schema/dictionary';

/*
 * Where the table sits in a file exported the way offices print it: a title block above the header (agency,
 * "BAN CHỈ ĐẠO 138", "DANH SÁCH VỤ VIỆC …", the national motto), a footer below the last row (totals, "Người lập
 * biểu", signatures, "Hà Nội, ngày … tháng … năm …"). One rule for every reader (CSV, xlsx) and every sheet choice.
 */

/** Lines (not blank) looked at for the header, from the top of a file or a sheet. */
export const HEADER_PROBE = 30;
/** Rows from the end looked at for a footer. */
export const FOOTER_PROBE = 40;
/** Known headers a line needs before it is taken as the header row. */
const MIN_KNOWN = 2;

/** A line of the file as text cells, with the line (CSV) or sheet row (xlsx) it is on. */
export interface LayoutLine {
	line: number;
	cells: readonly string[];
}

/** A line the user may choose as the header instead of the one found: its number and its text, shortened. */
export interface HeaderChoice {
	line: number;
	text: string;
}

/** Headers of three letters or more: `x`, `id`, `tổ`, `hộ` are as likely a value in a row as a header. */
const SYNONYMS = new Set(
	[...Object.values(FIELD_SYNONYMS), ...Object.values(GROUP_FIELD_SYNONYMS)]
		.flat()
		.map(normaliseLabel)
		.filter((synonym) => synonym.length >= 3)
);
/** As `proposeFieldMapping`'s prefix tier: only synonyms of five characters or two words start a longer header. */
const PREFIXES = [...SYNONYMS].filter((synonym) => synonym.length >= 5 || synonym.includes(' ')).map((synonym) => `${synonym} `);
/** A line of a title block holds a few different texts at most (a merged title repeated across cells is one). */
const TITLE_TEXTS = 3;

/**
 * How many different headers the dictionary knows (cases' or groups') a line holds, exactly or as their start.
 * Different: a row of cases may repeat a mark such as `x` that happens to be a header.
 */
export function knownHeaders(cells: readonly string[]): number {
	const known = new Set<string>();
	for (const cell of cells) {
		const folded = normaliseLabel(cell);
		if (folded !== '' && (SYNONYMS.has(folded) || PREFIXES.some((prefix) => folded.startsWith(prefix)))) known.add(folded);
	}
	return known.size;
}

/**
 * The header among the first lines: the one with the most known headers (the first of equals), if it has at least
 * two; else null, and the reader keeps its own rule (the first line). Only lines below a title block are looked
 * at: the search ends at the first line with more than `TITLE_TEXTS` different texts, which is the header or a
 * row — so a file whose first line is a header of four columns or more is read as before, whatever its rows
 * hold.
 */
export function findHeaderLine(lines: readonly LayoutLine[]): number | null {
	let best: { index: number; known: number } | null = null;
	for (const [index, { cells }] of lines.slice(0, HEADER_PROBE).entries()) {
		const known = knownHeaders(cells);
		if (known >= MIN_KNOWN && (best === null || known > best.known)) best = { index, known };
		if (new Set(cells.map((cell) => cell.trim()).filter((cell) => cell !== '')).size > TITLE_TEXTS) break;
	}
	return best === null ? null : best.index;
}

/** The first lines as the header chooser lists them. */
export function headerChoices(lines: readonly LayoutLine[]): HeaderChoice[] {
	return lines.slice(0, HEADER_PROBE).map(({ line, cells }) => {
		const text = cells.map((cell) => cell.trim()).filter((cell) => cell !== '').join(' | ');
		return { line, text: text.length > 80 ? `${text.slice(0, 79)}…` : text };
	});
}

/*
 * Footer lines, by their first cell with content (folded by `normaliseLabel`): a data row starts with its number or
 * its id, never with one of these. Totals: "Tổng cộng", "Cộng", "Tổng số …", "Total". Signers and signatures:
 * "Người lập biểu/bảng", "Thủ trưởng đơn vị", "Trưởng ban", "T/M …", "K/T …", "(Ký, ghi rõ họ tên)", "Nơi nhận".
 * A place and date: "Hà Nội, ngày 15 tháng 3 năm 2021", or with the blanks of a form ("ngày … tháng … năm …").
 */
const TOTALS = /^(tong cong|tong so|total|grand total)( |$)|^(cong|tong|sum)( \d|$)/;
const SIGNERS =
	/^(nguoi lap( bieu| bang)?|thu truong|truong ban|pho truong ban|truong cong an|chu tich|pho chu tich|xac nhan|noi nhan|ky ghi ro ho ten|ky ten|ky va ghi ro|da ky|prepared by|approved by|signature|signed)( |$)/;
const PLACE_AND_DATE = /(^| )ngay( \S+)? thang( \S+)? nam( |$)/;
/** "T/M", "K/T", "TM.", "KT." as written: folded, "T M" or "KT" could be a code or a name in a row. */
const ON_BEHALF = /^\s*(?:T\s*\/\s*M|K\s*\/\s*T|TM\.|KT\.)(?:\s|$)/i;

/** A line that belongs to a table's footer rather than its rows. */
export function isFooterLine(cells: readonly string[]): boolean {
	const first = cells.find((cell) => cell.trim() !== '');
	if (first === undefined) return false;
	const folded = normaliseLabel(first);
	return TOTALS.test(folded) || SIGNERS.test(folded) || PLACE_AND_DATE.test(folded) || ON_BEHALF.test(first);
}

/** A line with so few cells that it cannot be a case: a signer's name, a seal, a note under the signatures. */
function isSparse(cells: readonly string[]): boolean {
	let filled = 0;
	for (const cell of cells) if (cell.trim() !== '') filled += 1;
	return filled <= 2;
}

/**
 * Where the footer starts among the last lines of a table (its index; `lines.length` when there is none): at the
 * first footer line after which every line is a footer line or a sparse one (names under the signatures). Only
 * the end of the table counts: a footer-like line followed by a real row is left to the checks, as is a bad row.
 */
export function footerStart(lines: readonly LayoutLine[]): number {
	let start = lines.length;
	for (let index = lines.length - 1; index >= 0; index--) {
		const { cells } = lines[index];
		if (isFooterLine(cells)) start = index;
		else if (!isSparse(cells)) break;
	}
	return start;
}

/** Line numbers as the page lists them: runs of consecutive lines as ranges, `1–2, 4–6, 9`. */
export function lineRanges(lines: readonly number[]): string {
	const runs: string[] = [];
	for (let index = 0; index < lines.length; index++) {
		const first = lines[index];
		while (index + 1 < lines.length && lines[index + 1] === lines[index] + 1) index++;
		runs.push(lines[index] === first ? `${first}` : `${first}–${lines[index]}`);
	}
	return runs.join(', ');
}
