import type { Engine } from '../db/engine';
import type { ImportReport, Rejection, SkippedLines } from './report';

/** A cases file read, mapped and checked (`casesInput`): what the database is given. */
export interface CasesInput {
	file: string;
	/** Rows in the file (not its header, title or footer lines): accepted + rejected. */
	read: number;
	/** The accepted rows as Arrow IPC bytes in the columns of `cases` (see `casesArrow`). */
	rows: Uint8Array;
	/** Every other row, with its line and the first rule it fails, in line order. */
	rejections: Rejection[];
	/** Dates read from Excel day numbers (`43891` for 01/03/2020): see `ImportReport.excelSerialDates`. */
	excelSerialDates: number;
	/** Title and footer lines of the file, not rows: outside `read`. */
	skipped?: SkippedLines;
}

export const REQUIRED_CASE_FIELDS = ['case_id', 'reported_on', 'group_code', 'category', 'status'] as const;

/**
 * Stores the accepted rows of a checked cases file in `cases`, a repeated `case_id` replacing the older row (a
 * newer export of the same case). Runs inside the caller's transaction. Into an empty table the rows go straight
 * in; otherwise they are staged first, to count and remove the rows they replace. `empty`: the caller has just
 * emptied the table, so the database need not be asked.
 */
export async function importCases(engine: Engine, input: CasesInput, { empty = false } = {}): Promise<ImportReport> {
	const accepted = input.read - input.rejections.length;
	const report = {
		file: input.file,
		read: input.read,
		accepted,
		rejected: input.rejections.length,
		rejections: input.rejections,
		excelSerialDates: input.excelSerialDates,
		skipped: input.skipped
	};
	const [{ stored }] = empty ? [{ stored: 0 }] : await engine.query('SELECT count(*) AS stored FROM (SELECT 1 FROM cases LIMIT 1)');
	if (Number(stored) === 0) {
		await engine.appendArrow('cases', input.rows);
		return { ...report, updated: 0 };
	}
	try {
		await engine.importArrow('new_cases', input.rows);
		const [{ updated }] = await engine.query(
			'SELECT count(*) AS updated FROM new_cases WHERE case_id IN (SELECT case_id FROM cases)'
		);
		await engine.exec(`
			DELETE FROM cases WHERE case_id IN (SELECT case_id FROM new_cases);
			INSERT INTO cases SELECT * FROM new_cases;`);
		return { ...report, updated: Number(updated) };
	} finally {
		await engine.exec('DROP TABLE IF EXISTS new_cases');
	}
}
