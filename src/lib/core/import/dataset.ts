import { literal } from '@uwdata/mosaic-sql';
import type { Engine } from '../db/engine';
import { CREATE_TABLES } from '../db/schema';
import { wardExtent } from '../geo/layout';
import { localToday } from '../periods/dates';
import type { GroupWithGeometry } from '../schema/model';
import { importCases, type CasesInput } from './cases';
import type { CaseRules } from './checkCases';
import { readGroupsFile } from './groupsFile';
import { readCasesFile } from './pipeline';
import { ImportError, type ImportReport } from './report';

/** A ward's data ready to load: its groups read and checked, its cases mapped. */
export interface DatasetInput {
	groups: GroupWithGeometry[];
	groupsReport: ImportReport;
	cases: CasesInput;
	/** The groups file says it holds made-up data (`GroupsFile.synthetic`). */
	synthetic?: boolean;
}

export interface LoadedDataset {
	groups: GroupWithGeometry[];
	reports: ImportReport[];
}

/**
 * Plain files as the demo and the command line have them: the groups (GeoJSON, or a table of codes with or
 * without centre points) and the cases, as bytes or text.
 */
export interface DatasetFiles {
	groups: { name: string; text: string } | { name: string; bytes: Uint8Array };
	/** `sheet`: the workbook's sheet with the cases, when not the one found by its header. */
	cases: { name: string; bytes: Uint8Array | string; sheet?: string };
}

/** The rules a ward's cases are checked against (`checkCases`): its groups and extent, and today. */
export function wardRules(groups: readonly GroupWithGeometry[], today = localToday()): CaseRules {
	const groupWards = Object.fromEntries(
		groups.flatMap((group) => (group.ward_code ? [[group.group_code, { code: group.ward_code, name: group.ward_name ?? group.ward_code }]] : []))
	);
	return { groupCodes: groups.map((group) => group.group_code), extent: wardExtent(groups), today, groupWards };
}

/** Reads both files with the proposed column mapping (no questions asked: see the Data page for those). */
export async function readDataset(files: DatasetFiles, options: { today?: string } = {}): Promise<DatasetInput> {
	const groupsBytes = 'bytes' in files.groups ? files.groups.bytes : new TextEncoder().encode(files.groups.text);
	const { groups, report, synthetic } = await readGroupsFile({ name: files.groups.name, bytes: groupsBytes });
	const { name, bytes, sheet } = files.cases;
	const cases = await readCasesFile(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, {
		rules: wardRules(groups, options.today),
		sheet
	});
	return { groups, groupsReport: report, cases, synthetic };
}

/** `readDataset` then `replaceDataset`: the whole import of plain files, all or nothing. */
export async function loadDataset(engine: Engine, files: DatasetFiles, options: { today?: string } = {}): Promise<LoadedDataset> {
	return replaceDataset(engine, await readDataset(files, options));
}

/**
 * Replaces the ward's data, all or nothing: if any step fails the transaction is rolled back and the previous
 * data stays exactly as it was. `beforeCommit` runs last inside the transaction (the save of the new data: if
 * it fails, the database rolls back with it).
 */
export async function replaceDataset(
	engine: Engine,
	input: DatasetInput,
	beforeCommit: (loaded: LoadedDataset) => Promise<void> = async () => {}
): Promise<LoadedDataset> {
	const emptied = `${CREATE_TABLES} DELETE FROM cases; DELETE FROM groups; ${insertGroups(input.groups)}`;
	return inTransaction(engine, emptied, async () => {
		const casesReport = await importCases(engine, input.cases, { empty: true });
		const loaded = { groups: input.groups, reports: [input.groupsReport, casesReport] };
		await beforeCommit(loaded);
		return loaded;
	});
}

/**
 * The app's rule for a replacement (run before it commits): a file with no valid row is refused, as it would
 * leave a ward without a case, which no page can show. A header-only export given with the groups emptied the
 * ward and saved it (`fuzzedImport.test.ts`).
 */
export function refuseEmptyWard({ reports }: LoadedDataset): void {
	const cases = reports.at(-1);
	if (cases && cases.accepted === 0) throw new ImportError('no_valid_rows', cases.file);
}

/**
 * Adds a newer export to the ward's data, checked against the ward's rules (`wardRules`): new cases are added,
 * a repeated id replaces the older row. `beforeCommit` as for `replaceDataset`.
 */
export async function appendCases(
	engine: Engine,
	cases: CasesInput,
	beforeCommit: (report: ImportReport) => Promise<void> = async () => {}
): Promise<ImportReport> {
	return inTransaction(engine, '', async () => {
		const report = await importCases(engine, cases);
		await beforeCommit(report);
		return report;
	});
}

/**
 * `first` (statements) and then `work` in one transaction, rolled back if anything fails. The statements go with
 * the BEGIN: each call to the database costs a round trip to its worker.
 */
async function inTransaction<T>(engine: Engine, first: string, work: () => Promise<T>): Promise<T> {
	try {
		await engine.exec(`BEGIN TRANSACTION; ${first}`);
		const result = await work();
		await engine.exec('COMMIT');
		return result;
	} catch (error) {
		// Nothing to roll back if the BEGIN itself failed.
		await engine.exec('ROLLBACK').catch(() => {});
		throw error;
	}
}

/** The statement that inserts the groups. */
function insertGroups(groups: GroupWithGeometry[]): string {
	const values = groups.map((group) =>
		[
			literal(group.group_code),
			literal(group.name),
			literal(group.population),
			literal(group.households),
			literal(group.geometry ? JSON.stringify(group.geometry) : null),
			literal(group.ward_code ?? null),
			literal(group.ward_name ?? null)
		].join(', ')
	);
	return values.length ? `INSERT INTO groups (group_code, name, population, households, geometry, ward_code, ward_name) VALUES (${values.join('), (')});` : '';
}
