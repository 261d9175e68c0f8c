import { Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { CaseField } from '../schema/dictionary';
import { normaliseLabel } from '../schema/dictionary';
import { CASE_COLUMNS } from '../schema/model';
import type { CategoryCode } from '../schema/categories';
import type { SourceCode } from '../schema/sources';
import type { StatusCode } from '../schema/statuses';
import type { Cell, RawTable } from './readTable';
import {
	isBlank,
	isCheckboxColumn,
	parseBoolean,
	parseCategory,
	parseDate,
	parseInteger,
	parseNumber,
	parseSource,
	parseStatus,
	parseText
} from './values';

/** Which column of the file feeds each field; null when the file has none. */
export type CaseMapping = Record<CaseField, number | null>;

/** Labels the user mapped by hand, by their normalised form (never guessed: see `unknownLabels`). */
export interface ValueMaps {
	category: Record<string, CategoryCode>;
	status: Record<string, StatusCode>;
	source: Record<string, SourceCode>;
}

export const EMPTY_VALUE_MAPS: ValueMaps = { category: {}, status: {}, source: {} };

type CodedField = keyof ValueMaps;
const CODED: Record<CodedField, (text: string) => string | null> = {
	category: parseCategory,
	status: parseStatus,
	source: parseSource
};

/** Distinct labels of the coded columns that neither the dictionary nor the user's maps know, with counts. */
export function unknownLabels(
	table: RawTable,
	mapping: CaseMapping,
	maps: ValueMaps
): Record<CodedField, { label: string; count: number }[]> {
	const result = { category: [], status: [], source: [] } as Record<CodedField, { label: string; count: number }[]>;
	for (const field of Object.keys(CODED) as CodedField[]) {
		const column = mapping[field];
		if (column === null) continue;
		const counts = new Map<string, number>();
		for (const row of table.rows) {
			const label = parseText(row[column]);
			if (label === null || CODED[field](label) !== null || normaliseLabel(label) in maps[field]) continue;
			counts.set(label, (counts.get(label) ?? 0) + 1);
		}
		result[field] = [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
	}
	return result;
}

/** A value that could not be read; `~` never parses as a date, number or code, so the database rejects it. */
const unreadable = (cell: Cell) => `~${String(cell)}`;

/**
 * The file's rows as the canonical text columns of `cases` (plus `line`), as Arrow IPC bytes for the database
 * to validate. Values are read here (labels → codes, any date form → ISO, Vietnamese decimals); what cannot be
 * read is passed on marked, so the database rejects the row with the reason, rather than this step dropping it.
 */
export function canonicalCases(
	table: RawTable,
	mapping: CaseMapping,
	maps: ValueMaps = EMPTY_VALUE_MAPS,
	referenceYear = new Date().getFullYear()
): Uint8Array {
	const column = (field: CaseField) => {
		const index = mapping[field];
		return (row: Cell[]) => (index === null ? null : row[index]);
	};
	const date = (cell: Cell) => (isBlank(cell) ? null : (parseDate(cell as string | number | Date, referenceYear) ?? unreadable(cell)));
	const coded = (field: CodedField) => (cell: Cell) => {
		const text = parseText(cell);
		if (text === null) return null;
		return CODED[field](text) ?? maps[field][normaliseLabel(text)] ?? unreadable(text);
	};
	const number = (parse: (cell: Cell) => number | null) => (cell: Cell) =>
		isBlank(cell) ? null : (parse(cell)?.toString() ?? unreadable(cell));
	const repeatIndex = mapping.repeat;
	const blankIsFalse = repeatIndex !== null && isCheckboxColumn(table.rows.map((row) => row[repeatIndex]));
	const readers: Record<CaseField, (cell: Cell) => string | null> = {
		case_id: parseText,
		reported_on: date,
		group_code: parseText,
		category: coded('category'),
		status: coded('status'),
		resolved_on: date,
		severity: number(parseInteger),
		source: coded('source'),
		repeat: (cell) => {
			const value = parseBoolean(cell, { blankIsFalse });
			return value === null ? (isBlank(cell) ? null : unreadable(cell)) : String(value);
		},
		lat: number(parseNumber),
		lon: number(parseNumber)
	};
	// Every column typed as text explicitly: an all-empty column must not become Arrow's Null type.
	const text = (values: (string | null)[]) => vectorFromArray(values, new Utf8());
	const columns = { line: text(table.lines.map(String)) } as Record<string, ReturnType<typeof text>>;
	for (const field of CASE_COLUMNS) {
		const cell = column(field);
		columns[field] = text(table.rows.map((row) => readers[field](cell(row))));
	}
	return tableToIPC(new Table(columns), 'stream');
}
