import { findDuplicateCentres, pointInRing, type LonLat } from '../geo/cells';
import { groupLayout } from '../geo/layout';
import { proposeGroupMapping, type GroupField } from '../schema/dictionary';
import type { GroupWithGeometry } from '../schema/model';
import { wardReader } from '../schema/wards';
import type { Cell, RawTable } from './rawTable';
import { ImportError, skippedLines, type ImportReport, type Rejection } from './report';
import { isBlank, parseInteger, parseNumber, parseText } from './values';

export type { GroupLayout } from '../geo/layout';

export interface GroupsTableResult {
	/** As the database keeps them: each group's centre as a GeoJSON point, or no geometry (see `drawnGroups`). */
	groups: GroupWithGeometry[];
	report: ImportReport;
	/** `voronoi` when every accepted group has a centre; `tiles` otherwise. A table never gives `polygons`. */
	layout: 'voronoi' | 'tiles';
	/**
	 * Codes of accepted groups without a centre while other groups had one: the reason the layout fell back to
	 * tiles for all (empty when every group or no group has a centre).
	 */
	withoutCentre: string[];
	/** Codes of accepted groups sharing one centre, one list per shared centre: also a reason for tiles. */
	sharedCentres: string[][];
}

export interface GroupsTableOptions {
	/** The ward outline (an outer ring of [lon, lat]): centres outside it are rejected. */
	outline?: readonly LonLat[];
}

type Parsed<T> = { value: T } | { reason: Rejection['reason'] };

/**
 * Residential groups from a table (CSV, xlsx, …): `group_code` is required, `name` falls back to the code,
 * `population` and `households` are optional whole numbers ≥ 0 (read by `parseInteger`, so `1.234` is 1234),
 * `lat`/`lon` an optional centre in degrees (decimal comma accepted).
 *
 * Each row is accepted or rejected with its line and the first reason found, in this order: missing code
 * (`missing_value`), a code seen on an earlier accepted row (`duplicate_id`), `population`/`households` not a
 * count (`invalid_number`), a centre with only one of lat/lon (`missing_value`), lat/lon not a number
 * (`invalid_number`) or out of range (`invalid_value`, which also catches swapped columns in Việt Nam), a centre
 * outside the outline (`outside_ward`), a ward missing or named two ways (`wardReader`). Rows the reader could not split are rejected as the reader said.
 * `report.read === report.accepted + report.rejected`.
 *
 * Geometry: each group keeps the centre the file gave, as a point (or none); the map draws Voronoi cells of
 * them when every group has a distinct centre, a tile grid otherwise (`groupLayout`, `drawnGroups`), with
 * `withoutCentre` and `sharedCentres` saying why when some centres were given. Duplicate centres do not reject
 * a row: both groups stay (cases refer to them), and the schematic layout shows that the centres need fixing.
 *
 * Throws `ImportError('missing_column', 'group_code')` when no column maps to the code, and
 * `ImportError('no_groups', …)` when no row is accepted.
 */
export function readGroupsTable(
	table: RawTable,
	mapping: Record<GroupField, number | null> = proposeGroupMapping(table.headers).mapping,
	options: GroupsTableOptions = {}
): GroupsTableResult {
	const codeColumn = mapping.group_code;
	if (codeColumn === null || codeColumn === undefined) throw new ImportError('missing_column', 'group_code');

	const rejections: Rejection[] = table.problems.map(({ line, reason }) => ({ line, reason, field: '' }));
	const accepted: { group: GroupWithGeometry; centre: LonLat | null }[] = [];
	const seen = new Set<string>();
	const cell = (row: number, field: GroupField): Cell => {
		const index = mapping[field];
		return index === null || index === undefined ? null : (table.columns[index]?.cell(row) ?? null);
	};

	const wardCells = (row: number) => [parseText(cell(row, 'ward_code')), parseText(cell(row, 'ward_name'))] as const;
	const readWard = wardReader(Array.from({ length: table.rowCount }, (_, row) => wardCells(row)).some(([code, name]) => code ?? name));
	const readRow = (row: number) => {
		const line = table.lines[row] ?? row + 2;
		const reject = (reason: Rejection['reason'], field: GroupField) => rejections.push({ line, reason, field });
		const code = parseText(cell(row, 'group_code'));
		if (code === null) return reject('missing_value', 'group_code');
		if (seen.has(code)) return reject('duplicate_id', 'group_code');
		const population = count(cell(row, 'population'));
		if ('reason' in population) return reject(population.reason, 'population');
		const households = count(cell(row, 'households'));
		if ('reason' in households) return reject(households.reason, 'households');
		const centre = readCentre(cell(row, 'lat'), cell(row, 'lon'));
		if ('reason' in centre) return reject(centre.reason, centre.field);
		if (centre.value && options.outline && !pointInRing(centre.value, options.outline)) {
			return reject('outside_ward', 'lat');
		}
		const ward = readWard(...wardCells(row));
		if ('reason' in ward) return reject(ward.reason, ward.field);
		seen.add(code);
		const name = parseText(cell(row, 'name')) ?? code;
		accepted.push({
			group: { group_code: code, name, population: population.value, households: households.value, ...ward, geometry: null },
			centre: centre.value
		});
	};
	for (let row = 0; row < table.rowCount; row++) readRow(row);

	rejections.sort((a, b) => a.line - b.line);
	const read = table.rowCount + table.problems.length;
	if (accepted.length === 0) throw new ImportError('no_groups', table.file);

	const groups = accepted.map(({ group, centre }): GroupWithGeometry => ({
		...group,
		geometry: centre ? { type: 'Point', coordinates: centre } : null
	}));
	const withCentre = accepted.flatMap(({ centre }) => (centre ? [centre] : []));
	const withoutCentre =
		withCentre.length > 0 ? accepted.filter(({ centre }) => centre === null).map(({ group }) => group.group_code) : [];
	const sharedCentres =
		withCentre.length === accepted.length
			? findDuplicateCentres(withCentre).map((indices) => indices.map((i) => accepted[i].group.group_code))
			: [];

	return {
		groups,
		report: { file: table.file, read, accepted: groups.length, rejected: rejections.length, updated: 0, rejections, skipped: skippedLines(table) },
		layout: groupLayout(groups) === 'voronoi' ? 'voronoi' : 'tiles',
		withoutCentre,
		sharedCentres
	};
}

/** Blank → null; a whole number ≥ 0 → it; anything else → invalid_number. */
function count(value: Cell): Parsed<number | null> {
	if (isBlank(value)) return { value: null };
	const number = parseInteger(value);
	return number !== null && number >= 0 ? { value: number } : { reason: 'invalid_number' };
}

function readCentre(latCell: Cell, lonCell: Cell): { value: LonLat | null } | { reason: Rejection['reason']; field: GroupField } {
	const [latBlank, lonBlank] = [isBlank(latCell), isBlank(lonCell)];
	if (latBlank && lonBlank) return { value: null };
	if (latBlank) return { reason: 'missing_value', field: 'lat' };
	if (lonBlank) return { reason: 'missing_value', field: 'lon' };
	const lat = parseNumber(latCell);
	if (lat === null) return { reason: 'invalid_number', field: 'lat' };
	const lon = parseNumber(lonCell);
	if (lon === null) return { reason: 'invalid_number', field: 'lon' };
	if (lat < -90 || lat > 90) return { reason: 'invalid_value', field: 'lat' };
	if (lon < -180 || lon > 180) return { reason: 'invalid_value', field: 'lon' };
	return { value: [lon, lat] };
}
