import { proposeMapping, type CaseField } from '../schema/dictionary';
import { canonicalCases, EMPTY_VALUE_MAPS, type CaseMapping, type ValueMaps } from './canonical';
import { REQUIRED_CASE_FIELDS, type CasesInput } from './cases';
import { casesArrow } from './casesArrow';
import { checkCases, type CaseRules } from './checkCases';
import { DEFAULT_SAMPLE_SIZE, sampleIndices, scanPersonalData, type PersonalDataFinding } from './personalData';
import { rowCells, type Cell } from './rawTable';
import { readTable, type OnProgress, type RawTable } from './readTable';
import { ImportError, skippedLines } from './report';
import { parseDate } from './values';

/**
 * A cases file read and looked at, before anything is imported: the table, the column mapping proposed from its
 * headers (the user confirms or corrects it), and the columns that look like personal data (which stop the
 * import unless the user drops them).
 */
export interface PreparedCases {
	table: RawTable;
	mapping: CaseMapping;
	personalData: PersonalDataFinding[];
}

export async function prepareCases(
	file: { name: string; bytes: Uint8Array },
	sheet?: string,
	onProgress?: OnProgress,
	headerLine?: number
): Promise<PreparedCases> {
	const table = await readTable(file, { sheet, onProgress, headerLine });
	if (table.headers.length === 0) throw new ImportError('empty_file', file.name);
	const { mapping } = proposeMapping(table.headers);
	const idColumn = mapping.case_id;
	// Only the rows the scan samples are made into cells: a big file's cells stay in its bytes.
	const sample = sampleIndices(table.rowCount, DEFAULT_SAMPLE_SIZE).map((row) => rowCells(table, row));
	const personalData = scanPersonalData(table.headers, sample, {
		// Case ids may be long digit strings that look like citizen ids; the id column is not personal data.
		ignoreColumns: idColumn === null ? [] : [idColumn]
	});
	return { table, mapping, personalData };
}

/** The table without the columns the user chose to drop (their values never reach the database). */
export function dropColumns(prepared: PreparedCases, columns: readonly number[]): PreparedCases {
	const keep = prepared.table.headers.map((_, index) => index).filter((index) => !columns.includes(index));
	const table: RawTable = {
		...prepared.table,
		headers: keep.map((index) => prepared.table.headers[index]),
		columns: keep.map((index) => prepared.table.columns[index])
	};
	const { mapping } = proposeMapping(table.headers);
	return {
		table,
		mapping,
		personalData: prepared.personalData.filter((finding) => !columns.includes(finding.column))
	};
}

/** Required fields the mapping leaves without a column. */
export function missingFields(mapping: CaseMapping): CaseField[] {
	return REQUIRED_CASE_FIELDS.filter((field) => mapping[field] === null);
}

/**
 * The missing required fields that no column is left to give, so that no choice on the mapping step can complete
 * the mapping (a file without any date column). A column is left when no required field takes it and it has a
 * value among its first ones (`samples`, per column); for the date, one of those values must read as a date — a
 * column of notes cannot give one. Empty while the user can still fix the mapping by hand.
 */
export function unfillableFields(mapping: CaseMapping, samples: readonly (readonly Cell[])[]): CaseField[] {
	const missing = missingFields(mapping);
	const taken = new Set<number | null>(REQUIRED_CASE_FIELDS.map((field) => mapping[field]));
	const left = samples.flatMap((cells, column) => (taken.has(column) || cells.length === 0 ? [] : [cells]));
	const dated = left.filter((cells) => cells.some((cell) => cell !== null && typeof cell !== 'boolean' && parseDate(cell) !== null));
	const dates = missing.filter((field) => field === 'reported_on');
	if (missing.length > left.length) return missing;
	return dates.length > dated.length ? dates : [];
}

/** How the rows of a cases file are read and checked: the ward's rules, and the year a two-digit date falls in. */
export interface CaseOptions {
	rules: CaseRules;
	referenceYear?: number;
}

/**
 * The confirmed mapping applied: the rows read, checked against the ward's rules (`checkCases`), the accepted
 * ones as Arrow for the database and the others as rejections beside the reader's problem rows. Refuses a
 * mapping without a required field, and a table still holding personal data.
 */
export function casesInput(
	prepared: PreparedCases,
	mapping: CaseMapping,
	maps: ValueMaps = EMPTY_VALUE_MAPS,
	options: CaseOptions,
	onProgress?: OnProgress
): CasesInput {
	const { table } = prepared;
	const missing = missingFields(mapping);
	if (missing.length) throw new ImportError('missing_column', `${table.file}: ${missing.join(', ')}`);
	const personal = prepared.personalData[0];
	if (personal) throw new ImportError('personal_data', `${table.file}: ${personal.header} (${personal.kind}, ${personal.matches})`);
	const cases = canonicalCases(table, mapping, maps, options.referenceYear, onProgress);
	const { accepted, rejections } = checkCases(cases, options.rules);
	const problems = table.problems.map(({ line, reason }) => ({ line, reason, field: '' }));
	return {
		file: table.file,
		read: table.rowCount + problems.length,
		rows: casesArrow(cases, accepted),
		rejections: [...problems, ...rejections].sort((a, b) => a.line - b.line),
		excelSerialDates: cases.excelSerialDates,
		skipped: skippedLines(table)
	};
}

/**
 * A cases file taken as it is, with the proposed mapping (the bundled demo, the command line, tests): the same
 * path as the Data page, without the questions. Refuses personal data like the page does.
 */
export async function readCasesFile(name: string, bytes: Uint8Array, options: CaseOptions & { sheet?: string }): Promise<CasesInput> {
	const prepared = await prepareCases({ name, bytes }, options.sheet);
	return casesInput(prepared, prepared.mapping, EMPTY_VALUE_MAPS, options);
}
