import { polygonArea, polygonCentroid } from 'd3-polygon';

type Position = [number, number];

/** The outer rings of a Polygon or MultiPolygon geometry. */
export function outerRings(geometry: GeoJSON.Geometry | null): Position[][] {
	if (!geometry) return [];
	if (geometry.type === 'Polygon') return [geometry.coordinates[0] as Position[]];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((polygon) => polygon[0] as Position[]);
	return [];
}

/**
 * The ward outline as the edges that belong to exactly one group polygon (shared edges cancel out), so the
 * outline always matches the groups without a separate file. Exact coordinate equality is enough: groups that
 * tile the ward share their boundary vertices.
 */
export function outlineEdges(geometries: (GeoJSON.Geometry | null)[]): Position[][] {
	const edges = new Map<string, Position[]>();
	for (const geometry of geometries) {
		for (const ring of outerRings(geometry)) {
			for (let i = 0; i + 1 < ring.length; i++) {
				const [a, b] = [ring[i], ring[i + 1]];
				const key = [String(a), String(b)].sort().join('|');
				if (edges.has(key)) edges.delete(key);
				else edges.set(key, [a, b]);
			}
		}
	}
	return [...edges.values()];
}

/** Where a group's label goes: the centroid of its largest ring, or its point. */
export function labelPoint(geometry: GeoJSON.Geometry | null): Position | null {
	if (geometry?.type === 'Point') return geometry.coordinates as Position;
	const rings = outerRings(geometry);
	if (rings.length === 0) return null;
	const largest = rings.reduce((a, b) => (Math.abs(polygonArea(b)) > Math.abs(polygonArea(a)) ? b : a));
	return polygonCentroid(largest) as Position;
}

/** [west, south, east, north] of all geometries. */
export function bounds(geometries: (GeoJSON.Geometry | null)[]): [number, number, number, number] | null {
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const geometry of geometries) {
		const points = geometry?.type === 'Point' ? [geometry.coordinates as Position] : outerRings(geometry).flat();
		for (const [lon, lat] of points) {
			west = Math.min(west, lon);
			east = Math.max(east, lon);
			south = Math.min(south, lat);
			north = Math.max(north, lat);
		}
	}
	return west <= east ? [west, south, east, north] : null;
}
