import { literal } from '@uwdata/mosaic-sql';
import type { Engine } from '../db/engine';
import { CREATE_TABLES } from '../db/schema';
import { importCasesCsv } from './cases';
import { parseGroupsGeojson, type GroupWithGeometry } from './groups';
import type { ImportReport } from './report';

export interface DatasetFiles {
	groups: { name: string; text: string };
	cases: { name: string; text: string };
}

export interface LoadedDataset {
	groups: GroupWithGeometry[];
	reports: ImportReport[];
}

/** The files read and checked in JavaScript, before anything touches the database. */
export interface ReadDataset {
	files: DatasetFiles;
	groups: GroupWithGeometry[];
	groupsReport: ImportReport;
}

export function readDataset(files: DatasetFiles): ReadDataset {
	const { groups, report } = parseGroupsGeojson(files.groups.text, files.groups.name);
	return { files, groups, groupsReport: report };
}

/**
 * Replaces the ward's data with these files, all or nothing: if any step fails the transaction is rolled back
 * and the previous data stays exactly as it was.
 */
export async function replaceDataset(
	engine: Engine,
	input: DatasetFiles | ReadDataset,
	today?: string
): Promise<LoadedDataset> {
	const { files, groups, groupsReport } = 'groupsReport' in input ? input : readDataset(input);
	await engine.exec(CREATE_TABLES);
	await engine.exec('BEGIN TRANSACTION');
	try {
		await engine.exec('DELETE FROM cases; DELETE FROM groups;');
		await insertGroups(engine, groups);
		const casesReport = await importCasesCsv(engine, files.cases.text, files.cases.name, today);
		await engine.exec('COMMIT');
		return { groups, reports: [groupsReport, casesReport] };
	} catch (error) {
		await engine.exec('ROLLBACK');
		throw error;
	}
}

async function insertGroups(engine: Engine, groups: GroupWithGeometry[]): Promise<void> {
	const values = groups.map((group) =>
		[
			literal(group.group_code),
			literal(group.name),
			literal(group.population),
			literal(group.households),
			literal(group.geometry ? JSON.stringify(group.geometry) : null)
		].join(', ')
	);
	await engine.exec(`INSERT INTO groups VALUES (${values.join('), (')})`);
}
