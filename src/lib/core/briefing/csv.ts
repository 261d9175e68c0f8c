/**
 * CSV for people: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), CRLF, RFC 4180 quoting,
 * and every cell that a spreadsheet would run as a formula neutralised (OWASP ASVS 1.2.10).
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
	const lines = [headers, ...rows].map((row) => row.map((cell) => quote(neutralise(cell))).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading `'` makes a spreadsheet show the text instead of running it. Numbers are left as numbers. */
export function neutralise(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
