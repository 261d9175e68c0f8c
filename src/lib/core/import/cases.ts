import { column, isIn, literal } from '@uwdata/mosaic-sql';
import type { Engine } from '../db/engine';
import { dateLiteral } from '../queries/predicates';
import { localToday } from '../queries/dates';
import { CATEGORY_CODES } from '../schema/categories';
import type { Extent } from '../schema/model';
import { CASE_COLUMNS } from '../schema/model';
import { SOURCE_CODES } from '../schema/sources';
import { STATUS_CODES } from '../schema/statuses';
import type { ImportReport, Rejection, RejectionReason } from './report';

/** A cases file after mapping: its rows as canonical text columns (Arrow IPC, see `canonicalCases`). */
export interface CasesInput {
	file: string;
	rows: Uint8Array;
	/** Rows the reader could not split into the table's columns: rejected without reaching the database. */
	problems: Rejection[];
}

export interface CaseImportOptions {
	/** Later dates are in the future (the user's own calendar day). */
	today?: string;
	/** Coordinates outside [west, south, east, north] are rejected; no check without it. */
	extent?: Extent | null;
}

export const REQUIRED_CASE_FIELDS = ['case_id', 'reported_on', 'group_code', 'category', 'status'] as const;

/**
 * Validates canonical case rows inside DuckDB and inserts the accepted ones into `cases`, replacing rows with
 * the same `case_id` (a newer export of the same case). Runs inside the caller's transaction; `groups` must
 * already hold the ward. Every row read ends up accepted or rejected with a reason, never silently dropped.
 */
export async function importCases(engine: Engine, input: CasesInput, options: CaseImportOptions = {}): Promise<ImportReport> {
	try {
		await engine.importArrow('staged_cases', input.rows);
		await findRejected(engine, options.today ?? localToday(), options.extent ?? null);
		const rejections = [...input.problems, ...(await readRejections(engine))].sort((a, b) => a.line - b.line);
		const [{ staged, existing }] = await engine.query(`
			SELECT count(*) AS staged,
				count(*) FILTER (WHERE ${ACCEPTED} AND case_id IN (SELECT case_id FROM cases)) AS existing
			FROM staged_cases`);
		// A repeated id replaces the older row: ids are unique within the accepted rows (`duplicate_id`).
		await engine.exec(`
			DELETE FROM cases WHERE case_id IN (SELECT case_id FROM staged_cases WHERE ${ACCEPTED});
			INSERT INTO cases
			SELECT ${CASE_COLUMNS.join(', ')} FROM (${TYPED}) WHERE ${ACCEPTED}`);
		const read = Number(staged) + input.problems.length;
		return {
			file: input.file,
			read,
			accepted: read - rejections.length,
			rejected: rejections.length,
			updated: Number(existing),
			rejections
		};
	} finally {
		await engine.exec('DROP TABLE IF EXISTS staged_cases; DROP TABLE IF EXISTS rejected_cases;');
	}
}

/** The staged rows read as the columns of `cases`, with the text each value came from to tell blank from bad. */
const TYPED = `
	SELECT line::BIGINT AS line, case_id, group_code, category, status,
		try_cast(reported_on AS DATE) AS reported_on, reported_on AS reported_text,
		try_cast(resolved_on AS DATE) AS resolved_on, resolved_on AS resolved_text,
		try_cast(severity AS TINYINT) AS severity, severity AS severity_text,
		source,
		CASE repeat WHEN 'true' THEN true WHEN 'false' THEN false END AS repeat, repeat AS repeat_text,
		try_cast(lat AS DOUBLE) AS lat, lat AS lat_text,
		try_cast(lon AS DOUBLE) AS lon, lon AS lon_text
	FROM staged_cases`;

const ACCEPTED = 'line::BIGINT NOT IN (SELECT line FROM rejected_cases)';

/**
 * Keeps only the rejected rows' lines and reasons: the accepted ones go straight from the staged rows into
 * `cases`, never copied whole in between (that copy was half the import of a big file). Dates reach here as
 * ISO: the mapping step (`canonicalCases`) writes every date it can read so, and marks the rest unreadable.
 */
async function findRejected(engine: Engine, today: string, extent: Extent | null): Promise<void> {
	await engine.exec(`
		CREATE TEMP TABLE rejected_cases AS
		WITH typed AS (${TYPED}),
		-- Later rows of a repeated id; numbered apart from the wide rows, which a window would have to sort.
		repeated AS (
			SELECT line FROM (
				SELECT line::BIGINT AS line, row_number() OVER (PARTITION BY case_id ORDER BY line::BIGINT) AS occurrence
				FROM staged_cases
			) WHERE occurrence > 1
		)
		SELECT line, reason FROM (SELECT line, ${reasonExpression(today, extent)} AS reason FROM typed)
		WHERE reason IS NOT NULL`);
}

/** The first failing rule of a row, as `reason:field`; NULL when the row is accepted. */
function reasonExpression(today: string, extent: Extent | null): string {
	// A literal, not current_date: that function needs the ICU extension, which the browser build lacks.
	const todayLiteral = String(dateLiteral(today));
	const codes = (name: string, list: readonly string[]) =>
		`NOT ${isIn(column(name), list.map((code) => literal(code)))}`;
	const rules: [string, RejectionReason, string][] = [
		['case_id IS NULL', 'missing_value', 'case_id'],
		['reported_text IS NULL', 'missing_value', 'reported_on'],
		['group_code IS NULL', 'missing_value', 'group_code'],
		['category IS NULL', 'missing_value', 'category'],
		['status IS NULL', 'missing_value', 'status'],
		['reported_on IS NULL', 'invalid_date', 'reported_on'],
		[`reported_on > ${todayLiteral}`, 'future_date', 'reported_on'],
		['resolved_text IS NOT NULL AND resolved_on IS NULL', 'invalid_date', 'resolved_on'],
		[`resolved_on > ${todayLiteral}`, 'future_date', 'resolved_on'],
		['resolved_on < reported_on', 'resolved_before_reported', 'resolved_on'],
		['group_code NOT IN (SELECT group_code FROM groups)', 'unknown_group', 'group_code'],
		[codes('category', CATEGORY_CODES), 'unknown_category', 'category'],
		[codes('status', STATUS_CODES), 'unknown_status', 'status'],
		[`source IS NOT NULL AND ${codes('source', SOURCE_CODES)}`, 'unknown_source', 'source'],
		['severity_text IS NOT NULL AND coalesce(severity NOT BETWEEN 1 AND 3, true)', 'invalid_number', 'severity'],
		['repeat_text IS NOT NULL AND repeat IS NULL', 'invalid_value', 'repeat'],
		['lat_text IS NOT NULL AND lat IS NULL', 'invalid_number', 'lat'],
		['lon_text IS NOT NULL AND lon IS NULL', 'invalid_number', 'lon'],
		...(extent ? outsideWard(extent) : []),
		['line IN (SELECT line FROM repeated)', 'duplicate_id', 'case_id']
	];
	return `CASE ${rules.map(([test, reason, field]) => `WHEN ${test} THEN '${reason}:${field}'`).join(' ')} END`;
}

function outsideWard([west, south, east, north]: Extent): [string, RejectionReason, string][] {
	// Coordinates are "already coarsened" (SPEC §2.1): allow a rounding step of the 4th decimal.
	const margin = 0.0001;
	return [
		[`lat NOT BETWEEN ${south - margin} AND ${north + margin}`, 'outside_ward', 'lat'],
		[`lon NOT BETWEEN ${west - margin} AND ${east + margin}`, 'outside_ward', 'lon']
	];
}

async function readRejections(engine: Engine): Promise<Rejection[]> {
	const rows = await engine.query(`SELECT line, reason FROM rejected_cases ORDER BY line`);
	return rows.map((row) => {
		const [reason, field] = String(row.reason).split(':');
		return { line: Number(row.line), reason: reason as RejectionReason, field };
	});
}
