import { toCsv } from '../briefing/csv';
import type { Cell } from './readTable';
import type { Rejection, RejectionReason } from './report';

/** The rejected-rows file's words in the user's language, from the message catalogue. */
export interface RejectedCsvWords {
	columns: { line: string; code: string; reason: string; field: string };
	reasons: Record<RejectionReason, string>;
	/** Field names as the mapping step shows them; a field without one is written as its name. */
	fields: Partial<Record<string, string>>;
}

/**
 * The rejected rows as CSV for the user to correct and import again: line, the reason in words and as its code
 * (for scripts, the same in every language), the field in words, then the row's original cells under the file's
 * own headers, when the rows are at hand.
 */
export function rejectedCsv(
	rejections: readonly Rejection[],
	words: RejectedCsvWords,
	original: { headers: readonly string[]; rowByLine: ReadonlyMap<number, Cell[]> } | null = null
): string {
	const { columns, reasons, fields } = words;
	return toCsv(
		[columns.line, columns.reason, columns.code, columns.field, ...(original?.headers ?? [])],
		rejections.map((rejection) => [
			rejection.line,
			reasons[rejection.reason],
			rejection.reason,
			rejection.field ? (fields[rejection.field] ?? rejection.field) : '',
			...(original?.rowByLine.get(rejection.line) ?? [])
		])
	);
}
