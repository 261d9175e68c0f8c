import type { CategoryCode } from './categories';
import type { SourceCode } from './sources';
import type { StatusCode } from './statuses';

/** One case as accepted into the analysis tables (SPEC §2.1). Dates are ISO `YYYY-MM-DD`. */
export interface CaseRecord {
	case_id: string;
	reported_on: string;
	group_code: string;
	category: CategoryCode;
	status: StatusCode;
	resolved_on: string | null;
	severity: 1 | 2 | 3 | null;
	source: SourceCode | null;
	repeat: boolean | null;
	lat: number | null;
	lon: number | null;
}

/** The columns of the `cases` table, in order. */
export const CASE_COLUMNS = [
	'case_id',
	'reported_on',
	'group_code',
	'category',
	'status',
	'resolved_on',
	'severity',
	'source',
	'repeat',
	'lat',
	'lon'
] as const satisfies readonly (keyof CaseRecord)[];

/** One residential group (tổ dân phố), SPEC §2.2. */
export interface GroupRecord {
	group_code: string;
	name: string;
	population: number | null;
	households: number | null;
	/**
	 * The ward (phường) the group belongs to, when the file names one (a district's groups); absent or null for a
	 * single ward's groups, which all belong to one implicit ward. Group codes are unique across the district.
	 */
	ward_code?: string | null;
	ward_name?: string | null;
}

/** A residential group as the database and the map keep it: its record and the shape its file gave. */
export interface GroupWithGeometry extends GroupRecord {
	/** GeoJSON Polygon, MultiPolygon or Point geometry; null when the export had none. */
	geometry: GeoJSON.Geometry | null;
}

/** The ward's extent as [west, south, east, north]. */
export type Extent = [number, number, number, number];
