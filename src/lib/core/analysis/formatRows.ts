/** A cell as the analysis rows hold it. */
export type Cell = string | number | boolean | null | undefined;
export type CellRow<K extends string> = Readonly<Record<K, Cell>>;

/**
 * CSV with a header line, one line per row, `\n` line ends. Numbers are written by `String(n)`, which gives the
 * shortest text that reads back to the same double (full precision); null is an empty cell. A cell holding a
 * comma, a double quote or a line break is quoted, its quotes doubled (RFC 4180 §2).
 */
export function formatCsv<K extends string>(rows: readonly CellRow<K>[], columns: readonly K[]): string {
	const lines = [columns.map(csvCell), ...rows.map((row) => columns.map((name) => csvCell(row[name])))];
	return lines.map((cells) => cells.join(',') + '\n').join('');
}

function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A pretty-printed JSON array of objects holding exactly `columns`, in that order. */
export function formatJson<K extends string>(rows: readonly CellRow<K>[], columns: readonly K[]): string {
	const picked = rows.map((row) => Object.fromEntries(columns.map((name) => [name, row[name] ?? null])));
	return JSON.stringify(picked, null, 2) + '\n';
}
