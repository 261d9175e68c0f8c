import { column, isIn, literal } from '@uwdata/mosaic-sql';
import type { Engine } from '../db/engine';
import { dateLiteral } from '../queries/predicates';
import { localToday } from '../queries/dates';
import { CATEGORY_CODES } from '../schema/categories';
import { CASE_COLUMNS } from '../schema/model';
import { STATUS_CODES } from '../schema/statuses';
import { ImportError, type ImportReport, type Rejection, type RejectionReason } from './report';

const REQUIRED = ['case_id', 'reported_on', 'group_code', 'category', 'status'] as const;
const STAGED_FILE = 'import-cases.csv';

/**
 * Validates a cases CSV (canonical headers) inside DuckDB and inserts the accepted rows into `cases`, replacing
 * rows with the same `case_id`. Runs inside the caller's transaction; `groups` must already hold the ward.
 * Every row read ends up either accepted or rejected with a reason, never silently dropped.
 */
export async function importCasesCsv(
	engine: Engine,
	text: string,
	file: string,
	today: string = localToday()
): Promise<ImportReport> {
	if (text.trim() === '') throw new ImportError('empty_file', file);
	await engine.registerText(STAGED_FILE, text);
	try {
		await stage(engine, today);
		const rejections = await findRejections(engine);
		const [{ read, existing }] = await engine.query(`
			SELECT count(*) AS read,
				count(*) FILTER (WHERE reason IS NULL AND case_id IN (SELECT case_id FROM cases)) AS existing
			FROM checked_cases`);
		await engine.exec(`
			INSERT OR REPLACE INTO cases
			SELECT ${CASE_COLUMNS.join(', ')} FROM checked_cases WHERE reason IS NULL ORDER BY line`);
		return {
			file,
			read: Number(read),
			accepted: Number(read) - rejections.length,
			rejected: rejections.length,
			updated: Number(existing),
			rejections
		};
	} finally {
		await engine.exec('DROP TABLE IF EXISTS raw_cases; DROP TABLE IF EXISTS staged_cases; DROP TABLE IF EXISTS checked_cases;');
		await engine.dropFile(STAGED_FILE);
	}
}

async function stage(engine: Engine, today: string): Promise<void> {
	// One pass of the CSV reader (its sniffing is the slow part); line numbers count the header as line 1 and
	// rely on the reader keeping insertion order.
	await engine.exec(`
		CREATE TEMP TABLE raw_cases AS
		SELECT row_number() OVER () + 1 AS line, *
		FROM read_csv('${STAGED_FILE}', header = true, all_varchar = true, auto_detect = true)`);
	const header = await engine.query(`DESCRIBE raw_cases`);
	const present = new Set(header.map((row) => String(row.column_name)));
	const missing = REQUIRED.filter((name) => !present.has(name));
	if (missing.length > 0) throw new ImportError('missing_column', missing.join(', '));
	const select = CASE_COLUMNS.map((name) =>
		present.has(name) ? `nullif(trim("${name}"), '') AS "${name}"` : `NULL::VARCHAR AS "${name}"`
	);
	await engine.exec(`
		CREATE TEMP TABLE staged_cases AS SELECT line, ${select.join(', ')} FROM raw_cases`);
	await engine.exec(`
		CREATE TEMP TABLE checked_cases AS
		WITH typed AS (
			SELECT line, case_id, group_code, lower(category) AS category, lower(status) AS status,
				${parseDate('reported_on')} AS reported_on, reported_on AS reported_text,
				${parseDate('resolved_on')} AS resolved_on, resolved_on AS resolved_text,
				try_cast(severity AS TINYINT) AS severity, severity AS severity_text,
				lower(source) AS source,
				CASE lower(repeat) WHEN 'true' THEN true WHEN '1' THEN true WHEN 'false' THEN false WHEN '0' THEN false END AS repeat,
				try_cast(lat AS DOUBLE) AS lat, try_cast(lon AS DOUBLE) AS lon,
				row_number() OVER (PARTITION BY case_id ORDER BY line) AS occurrence
			FROM staged_cases
		)
		SELECT *, ${reasonExpression(today)} AS reason FROM typed`);
}

/** `dd/mm/yyyy` or ISO; never month-first (SPEC §2.1). */
function parseDate(name: string): string {
	return `coalesce(try_strptime("${name}", '%Y-%m-%d'), try_strptime("${name}", '%d/%m/%Y'))::DATE`;
}

/** The first failing rule of a row, as `reason:field`; NULL when the row is accepted. */
function reasonExpression(today: string): string {
	// A literal, not current_date: that function needs the ICU extension, which the browser build lacks.
	const todayLiteral = String(dateLiteral(today));
	const rules: [string, RejectionReason, string][] = [
		...REQUIRED.map((name): [string, RejectionReason, string] => [
			`${name === 'reported_on' ? 'reported_text' : name} IS NULL`,
			'missing_value',
			name
		]),
		['reported_on IS NULL', 'invalid_date', 'reported_on'],
		[`reported_on > ${todayLiteral}`, 'future_date', 'reported_on'],
		['resolved_text IS NOT NULL AND resolved_on IS NULL', 'invalid_date', 'resolved_on'],
		[`resolved_on > ${todayLiteral}`, 'future_date', 'resolved_on'],
		['resolved_on < reported_on', 'resolved_before_reported', 'resolved_on'],
		['group_code NOT IN (SELECT group_code FROM groups)', 'unknown_group', 'group_code'],
		[`NOT ${isIn(column('category'), CATEGORY_CODES.map((code) => literal(code)))}`, 'unknown_category', 'category'],
		[`NOT ${isIn(column('status'), STATUS_CODES.map((code) => literal(code)))}`, 'unknown_status', 'status'],
		['severity_text IS NOT NULL AND coalesce(severity NOT BETWEEN 1 AND 3, true)', 'invalid_number', 'severity'],
		['occurrence > 1', 'duplicate_id', 'case_id']
	];
	return `CASE ${rules.map(([test, reason, field]) => `WHEN ${test} THEN '${reason}:${field}'`).join(' ')} END`;
}

async function findRejections(engine: Engine): Promise<Rejection[]> {
	const rows = await engine.query(`SELECT line, reason FROM checked_cases WHERE reason IS NOT NULL ORDER BY line`);
	return rows.map((row) => {
		const [reason, field] = String(row.reason).split(':');
		return { line: Number(row.line), reason: reason as RejectionReason, field };
	});
}
