import { groupLayout, type GroupLayout } from '../geo/layout';
import { proposeGroupMapping, proposeMapping } from '../schema/dictionary';
import type { GroupWithGeometry } from '../schema/model';
import { parseGroupsGeojson } from './groups';
import { readGroupsTable } from './groupsTable';
import { readTable, sniffFormat, type RawTable } from './readTable';
import type { ImportReport } from './report';

/** A groups file read and checked: the groups as the database keeps them, and how the map will show them. */
export interface GroupsFile {
	groups: GroupWithGeometry[];
	report: ImportReport;
	layout: GroupLayout;
	/** The file says it holds made-up data (a GeoJSON's `"synthetic": true`); a table cannot say so. */
	synthetic: boolean;
}

/**
 * The residential groups from a GeoJSON (polygons or points) or a table (CSV, xlsx, … with optional `lat`/`lon`
 * centre columns). The geometry kept is what the file gave — a polygon, a centre point, or none — and the map
 * derives cells or tiles from it (`drawnGroups`).
 */
export async function readGroupsFile(file: { name: string; bytes: Uint8Array }): Promise<GroupsFile> {
	if (sniffFormat(file.name, file.bytes) === 'geojson') {
		const { groups, report, synthetic } = parseGroupsGeojson(new TextDecoder().decode(file.bytes), file.name);
		return { groups, report, layout: groupLayout(groups), synthetic };
	}
	return groupsFromTable(await readTable(file));
}

/** The residential groups from a table already read (see `readGroupsFile`). */
export function groupsFromTable(table: RawTable): GroupsFile {
	const { groups, report, layout } = readGroupsTable(table);
	return { groups, report, layout, synthetic: false };
}

/**
 * A table of groups rather than of cases: it names a group code and no column of a case. A cases file that lacks
 * a required column still has others (its id, a date, a status …), so it stays a cases file and the mapping step
 * says what is missing.
 */
export function isGroupsTable(headers: readonly string[]): boolean {
	const cases = proposeMapping(headers).mapping;
	const caseColumns = [cases.case_id, cases.reported_on, cases.category, cases.status, cases.resolved_on];
	return proposeGroupMapping(headers).mapping.group_code !== null && caseColumns.every((column) => column === null);
}
