import type { GroupWithGeometry } from '../schema/model';
import { cellsFromCentres, findDuplicateCentres, type LonLat } from './cells';
import { bounds, labelPoint } from './outline';
import { tileGrid } from './tileGrid';

/**
 * How the map shows the groups: `polygons` as drawn (a GeoJSON of boundaries), `voronoi` as cells of their
 * centre points (approximate), `tiles` on a schematic grid (no geography at all).
 */
export type GroupLayout = 'polygons' | 'voronoi' | 'tiles';

const isArea = (geometry: GeoJSON.Geometry | null) => geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';

/**
 * The layout the groups' stored geometry allows: every group a polygon → `polygons`; every group a point, or a
 * polygon whose label point stands in, all distinct → `voronoi`; anything else (a group without geometry, two
 * groups on one point) → `tiles`, so the map always has a shape for every group.
 */
export function groupLayout(groups: readonly GroupWithGeometry[]): GroupLayout {
	if (groups.length > 0 && groups.every((group) => isArea(group.geometry))) return 'polygons';
	const centres = centresOf(groups);
	return centres && findDuplicateCentres(centres).length === 0 ? 'voronoi' : 'tiles';
}

/**
 * The groups with the shapes the map draws. The database keeps what the file gave (a centre point, or nothing),
 * so the spatial weights follow SPEC §4 (k nearest centres, not the neighbours of derived cells); the cells and
 * tiles exist only on the map. Voronoi cells are clipped to the centres' box padded by half the mean
 * nearest-neighbour distance (`cellsFromCentres` without an outline).
 */
export function drawnGroups(groups: readonly GroupWithGeometry[]): { groups: GroupWithGeometry[]; layout: GroupLayout } {
	const layout = groupLayout(groups);
	if (layout === 'polygons') return { groups: [...groups], layout };
	const shapes = layout === 'voronoi' ? cellsFromCentres(centresOf(groups)!) : tileGrid(groups.length);
	return { groups: groups.map((group, i) => ({ ...group, geometry: shapes[i] })), layout };
}

/**
 * [west, south, east, north] of the ward as far as the groups tell it, for checking case coordinates: the
 * drawn polygons or cells; null for a schematic grid, whose positions mean nothing on the ground.
 */
export function wardExtent(groups: readonly GroupWithGeometry[]): [number, number, number, number] | null {
	const drawn = drawnGroups(groups);
	return drawn.layout === 'tiles' ? null : bounds(drawn.groups.map((group) => group.geometry));
}

function centresOf(groups: readonly GroupWithGeometry[]): LonLat[] | null {
	const centres = groups.map((group) => labelPoint(group.geometry));
	return centres.length > 0 && centres.every((centre) => centre !== null) ? (centres as LonLat[]) : null;
}
