/** Why a row was not accepted. Codes, not sentences: the UI says them in the user's language. */
export type RejectionReason =
	| 'missing_value'
	| 'invalid_date'
	| 'future_date'
	| 'resolved_before_reported'
	| 'unknown_group'
	/** The case names a ward other than its residential group's (a district's data). */
	| 'ward_mismatch'
	| 'unknown_category'
	| 'unknown_status'
	| 'unknown_source'
	| 'invalid_number'
	| 'invalid_value'
	| 'outside_ward'
	| 'wrong_column_count'
	| 'unreadable_row'
	/** A quote opened on this line is never closed: the rest of the file cannot be split into rows. */
	| 'unclosed_quote'
	/** A line taken into that quote. */
	| 'in_unclosed_quote'
	| 'duplicate_id';

export interface Rejection {
	/** Line in the file, counting the header as line 1. */
	line: number;
	reason: RejectionReason;
	field: string;
}

/**
 * Lines of the file that are not rows of the table, skipped and listed (`tableLayout.ts`): a title block above
 * the header, a footer below the last row. They are outside `read`, which counts rows only.
 */
export interface SkippedLines {
	title: number[];
	footer: number[];
}

/** The skipped lines of a table read, when there are any. */
export function skippedLines(table: { titleLines?: number[]; footerLines?: number[] }): SkippedLines | undefined {
	const title = table.titleLines ?? [];
	const footer = table.footerLines ?? [];
	return title.length || footer.length ? { title, footer } : undefined;
}

/** The end of every import: `read === accepted + rejected`, and every rejected row says why. */
export interface ImportReport {
	file: string;
	read: number;
	accepted: number;
	rejected: number;
	/** Accepted rows whose id already existed and replaced the older row. */
	updated: number;
	rejections: Rejection[];
	/**
	 * Cells of the cases' date columns written as Excel day numbers (a date column saved as "General": `43891` for
	 * 01/03/2020) and read as dates, for the user to check; absent for the groups.
	 */
	excelSerialDates?: number;
	/** Title and footer lines that were not rows; absent when there were none. */
	skipped?: SkippedLines;
}

/**
 * The quote a CSV file left open (see `parseCsvBytes`), from its rejections or the reader's problems: the line it
 * opened on and the lines of data it took, that one included; null when there is none.
 */
export function unclosedQuote(rejections: readonly { line: number; reason: string }[]): { line: number; lines: number } | null {
	const opened = rejections.find((rejection) => rejection.reason === 'unclosed_quote');
	if (!opened) return null;
	return { line: opened.line, lines: 1 + rejections.filter((rejection) => rejection.reason === 'in_unclosed_quote').length };
}

/**
 * What to tell the user about a refused file, when the code alone does not say it: the page words each one in
 * the user's language, while `detail` stays a plain English account for logs and the command line.
 */
export type RefusalHint =
	| 'old_excel'
	| 'geojson_as_cases'
	| 'unknown_format'
	| 'utf32'
	| 'unknown_encoding'
	| 'invalid_text'
	| 'not_text'
	| 'unclosed_quote_header'
	| 'bad_xlsx'
	| 'no_sheet'
	| 'bad_parquet';

/** An import refused as a whole; nothing was changed. */
export class ImportError extends Error {
	constructor(
		readonly code:
			| 'missing_column'
			| 'empty_file'
			/** Rows read, none valid: replacing the ward with them would leave it empty. */
			| 'no_valid_rows'
			| 'invalid_geojson'
			| 'no_groups'
			| 'unreadable'
			| 'binary_file'
			| 'unsupported_encoding'
			| 'unsupported_format'
			| 'personal_data',
		readonly detail: string,
		readonly hint?: RefusalHint
	) {
		super(`${code}: ${detail}`);
	}
}
