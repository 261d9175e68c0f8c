import { polygonArea } from 'd3-polygon';
import type { GroupWithGeometry } from '../schema/model';
import { wardsOf, type Ward } from '../schema/wards';
import { pointInRing } from './cells';
import { outlineEdges } from './outline';

type Position = [number, number];

/**
 * The area the polygons cover, as one MultiPolygon: the edges that belong to one polygon only (`outlineEdges`)
 * chained into closed rings; a ring inside another is its hole. Null when there is no polygon. Relies, as the
 * outline does, on neighbouring polygons sharing their vertices exactly.
 */
export function dissolve(geometries: (GeoJSON.Geometry | null)[]): GeoJSON.MultiPolygon | null {
	const edges = outlineEdges(geometries);
	if (edges.length === 0) return null;
	const key = (point: Position) => String(point);
	const leaving = new Map<string, number[]>();
	edges.forEach(([a, b], index) => {
		for (const end of [a, b]) leaving.set(key(end), [...(leaving.get(key(end)) ?? []), index]);
	});
	const used = new Uint8Array(edges.length);
	const rings: Position[][] = [];
	for (let first = 0; first < edges.length; first++) {
		if (used[first]) continue;
		used[first] = 1;
		const ring: Position[] = [edges[first][0]];
		let at = edges[first][1];
		while (key(at) !== key(ring[0])) {
			ring.push(at);
			const next = leaving.get(key(at))?.find((index) => !used[index]);
			// An outline that does not close (polygons that overlap rather than tile) ends the ring where it stops.
			if (next === undefined) break;
			used[next] = 1;
			at = key(edges[next][0]) === key(at) ? edges[next][1] : edges[next][0];
		}
		if (ring.length >= 3) rings.push([...ring, ring[0]]);
	}
	rings.sort((a, b) => Math.abs(polygonArea(b)) - Math.abs(polygonArea(a)));
	const polygons: Position[][][] = [];
	for (const ring of rings) {
		const outer = polygons.find((polygon) => pointInRing(ring[0], polygon[0]) && ring.slice(1).some((point) => pointInRing(point, polygon[0])));
		if (outer) outer.push(ring);
		else polygons.push([ring]);
	}
	return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The wards as areas the map and the statistics treat like groups: code and name the ward's, population the sum
 * of its groups' (null when any is unknown), geometry the groups' polygons dissolved (null when a group has none:
 * the map then lays the wards out as tiles, and the weights fall back as for groups).
 */
export function wardAreas(wards: readonly Ward[], groups: readonly GroupWithGeometry[]): GroupWithGeometry[] {
	const byCode = new Map(groups.map((group) => [group.group_code, group]));
	return wards.map((ward) => {
		const members = ward.groupCodes.map((code) => byCode.get(code)!);
		const populations = members.map((group) => group.population);
		const households = members.map((group) => group.households);
		const sum = (values: (number | null)[]) => (values.every((value) => value !== null) ? values.reduce((a, b) => a! + b!, 0) : null);
		const polygons = members.every((group) => group.geometry?.type === 'Polygon' || group.geometry?.type === 'MultiPolygon');
		return {
			group_code: ward.code,
			name: ward.name,
			population: sum(populations),
			households: sum(households),
			ward_code: ward.code,
			ward_name: ward.name,
			geometry: polygons ? dissolve(members.map((group) => group.geometry)) : null
		};
	});
}

/**
 * The areas a view's statistics run on: the groups, or at the ward level the wards (`wardAreas`), of the chosen
 * wards (all when none is chosen), in the groups' order. The dashboard, the briefing and `npm run analyze` share it.
 */
export function analysisAreas(
	groups: readonly GroupWithGeometry[],
	level: 'group' | 'ward' = 'group',
	chosen: readonly string[] = []
): GroupWithGeometry[] {
	const all = level === 'ward' ? wardAreas(wardsOf(groups), groups) : [...groups];
	return chosen.length ? all.filter((area) => chosen.includes(area.ward_code ?? '')) : all;
}
