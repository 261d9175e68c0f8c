import { Delaunay } from 'd3-delaunay';

/** [lon, lat] in degrees. */
export type LonLat = [number, number];

/** [x, y] in kilometres east and north of the projection origin. */
type Planar = [number, number];

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Decimals kept in every output coordinate: 1e-6° is about 11 cm. */
const DECIMALS = 6;

/**
 * Vertices of different cells closer than this (degrees, about 0.1 mm) are one vertex. The same Voronoi vertex
 * or outline crossing, computed once per cell, can differ in the last bits; welding before rounding makes sure
 * they never land on two sides of a rounding step.
 */
const WELD_TOLERANCE = 1e-9;

/** Padding of the centres' box when there is a single centre and so no neighbour distance: 100 m. */
const SINGLE_CENTRE_PADDING_KM = 0.1;

/** Centres that coincide (after rounding to 6 decimals), as lists of their indices. */
export class DuplicateCentresError extends Error {
	constructor(readonly duplicates: number[][]) {
		super(
			`duplicate centres: ${duplicates
				.map((indices) => `${indices.map((index) => `#${index}`).join(', ')}`)
				.join('; ')} — two groups cannot share one centre`
		);
		this.name = 'DuplicateCentresError';
	}
}

export function roundCoordinate(value: number): number {
	const factor = 10 ** DECIMALS;
	return Math.round(value * factor) / factor || 0;
}

/** Groups of indices whose points are equal once rounded to 6 decimals; each group ascending, in first-seen order. */
export function findDuplicateCentres(points: readonly (readonly [number, number])[]): number[][] {
	const byKey = new Map<string, number[]>();
	points.forEach(([lon, lat], index) => {
		const key = `${roundCoordinate(lon)},${roundCoordinate(lat)}`;
		const list = byKey.get(key);
		if (list) list.push(index);
		else byKey.set(key, [index]);
	});
	return [...byKey.values()].filter((list) => list.length > 1);
}

/**
 * An equirectangular projection about a local origin, in km. At ward scale (a few km) its distortion is far
 * below a tenth of a percent, and unlike raw degrees it does not stretch east–west distances by 1/cos(latitude),
 * which would skew every Voronoi cell.
 */
function localProjection(originLon: number, originLat: number) {
	const kmPerDegreeLon = KM_PER_DEGREE * Math.cos((originLat * Math.PI) / 180);
	return {
		project: ([lon, lat]: readonly [number, number]): Planar => [
			(lon - originLon) * kmPerDegreeLon,
			(lat - originLat) * KM_PER_DEGREE
		],
		unproject: ([x, y]: Planar): LonLat => [originLon + x / kmPerDegreeLon, originLat + y / KM_PER_DEGREE]
	};
}

/** Shoelace area of an open or closed ring (the same either way), positive when counter-clockwise (x east, y north). */
export function signedRingArea(ring: readonly (readonly [number, number])[]): number {
	if (ring.length === 0) return 0;
	// Relative to the first vertex: products of raw longitudes (~105) would swamp cell areas (~1e-6 deg²).
	const [ox, oy] = ring[0];
	let twice = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		twice += (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
	}
	return twice / 2;
}

/** Even–odd ray casting; a point exactly on the boundary may go either way. */
export function pointInRing([px, py]: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** The ring without its closing vertex and without consecutive repeats. */
function openRing<T extends readonly [number, number]>(ring: readonly T[]): T[] {
	const out: T[] = [];
	for (const point of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
	}
	while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
	return out;
}

function counterClockwise<T extends readonly [number, number]>(ring: T[]): T[] {
	return signedRingArea(ring) < 0 ? ring.slice().reverse() : ring;
}

/**
 * The centres' bounding box padded on every side by half the mean nearest-neighbour distance (measured in the
 * local projection, so the padding is the same on the ground east–west and north–south), corners rounded to
 * 6 decimals. A lone centre gets 100 m. This is the clip area of `cellsFromCentres` when there is no outline:
 * border cells then reach about as far beyond their centre as they reach towards their neighbours.
 */
export function paddedBounds(points: readonly LonLat[]): [number, number, number, number] {
	if (points.length === 0) throw new RangeError('no centres');
	const { project, unproject } = projectionFor(points);
	const planar = points.map(project);
	const pad = points.length < 2 ? SINGLE_CENTRE_PADDING_KM : meanNearestNeighbour(planar) / 2;
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of planar) {
		west = Math.min(west, x);
		east = Math.max(east, x);
		south = Math.min(south, y);
		north = Math.max(north, y);
	}
	const [w, s] = unproject([west - pad, south - pad]);
	const [e, n] = unproject([east + pad, north + pad]);
	return [roundCoordinate(w), roundCoordinate(s), roundCoordinate(e), roundCoordinate(n)];
}

function projectionFor(points: readonly LonLat[]) {
	let [lon, lat] = [0, 0];
	for (const point of points) {
		lon += point[0];
		lat += point[1];
	}
	return localProjection(lon / points.length, lat / points.length);
}

/** Mean over the points of the distance to the nearest other point (the nearest is always a Delaunay neighbour). */
function meanNearestNeighbour(planar: readonly Planar[]): number {
	const delaunay = Delaunay.from(planar);
	let total = 0;
	for (let i = 0; i < planar.length; i++) {
		let nearest = Infinity;
		for (const j of delaunay.neighbors(i)) {
			nearest = Math.min(nearest, Math.hypot(planar[j][0] - planar[i][0], planar[j][1] - planar[i][1]));
		}
		if (Number.isFinite(nearest)) total += nearest;
	}
	return total / planar.length;
}

/**
 * Voronoi cells of group centres, clipped to the ward outline, as GeoJSON polygons in the order of the centres.
 *
 * - The cells are computed with d3-delaunay in a local equirectangular projection (km) about the centres' mean,
 *   so they are not skewed by latitude, then brought back to degrees.
 * - Clip area: `outline` (an outer ring, closed or not, either orientation; its vertices are rounded to 6
 *   decimals first), or without one the centres' box padded by half the mean nearest-neighbour distance
 *   (`paddedBounds`).
 * - Clipping is Sutherland–Hodgman with the convex cell as the clip polygon and the outline as the subject, so a
 *   concave outline is fine. Limit: where a cell would cut the outline into two separate pieces, the result is
 *   one ring joining them along the cell's edge (zero-width seams; the area stays right). Voronoi cells of
 *   groups a few hundred metres apart in a ward outline do not do that in practice.
 * - Coordinates are rounded to 6 decimals after welding vertices that coincide up to 1e-9°, so neighbouring
 *   cells share bit-identical vertices and queen contiguity finds them. Rings are closed and counter-clockwise.
 * - A centre whose cell lies wholly outside the outline gets an empty polygon (`coordinates: []`).
 * - Duplicate centres (equal to 6 decimals) are an error, not merged: two groups cannot share a cell, and a
 *   silent merge would hide one group. `DuplicateCentresError.duplicates` names them by index.
 */
export function cellsFromCentres(points: readonly LonLat[], outline?: readonly LonLat[]): GeoJSON.Polygon[] {
	if (points.length === 0) return [];
	points.forEach(([lon, lat], index) => {
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`centre #${index} is not a finite [lon, lat]`);
	});
	const duplicates = findDuplicateCentres(points);
	if (duplicates.length > 0) throw new DuplicateCentresError(duplicates);

	const { project, unproject } = projectionFor(points);
	let clipLonLat: LonLat[];
	if (outline) {
		clipLonLat = openRing(outline.map(([lon, lat]): LonLat => [roundCoordinate(lon), roundCoordinate(lat)]));
		if (clipLonLat.length < 3 || signedRingArea(clipLonLat) === 0) throw new RangeError('the outline is not a polygon');
	} else {
		const [west, south, east, north] = paddedBounds(points);
		clipLonLat = [
			[west, south],
			[east, south],
			[east, north],
			[west, north]
		];
	}
	const clipRing = counterClockwise(clipLonLat.map(project));
	const planar = points.map(project);

	// Voronoi bounds: everything (outline and centres) with a wide margin, so no cell is cut before the outline.
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of [...clipRing, ...planar]) {
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	const margin = Math.max(maxX - minX, maxY - minY, 1);
	const voronoi = Delaunay.from(planar).voronoi([minX - margin, minY - margin, maxX + margin, maxY + margin]);

	const rings: LonLat[][] = planar.map((_, index) => {
		const cell = voronoi.cellPolygon(index);
		if (!cell) return [];
		const convex = counterClockwise(withoutTinyEdges(cell.map(([x, y]): Planar => [x, y]), margin * 1e-9));
		return convex.length < 3 ? [] : clipByConvex(clipRing, convex).map(unproject);
	});
	return weld(rings).map((ring) => {
		const rounded = openRing(ring.map(([lon, lat]): LonLat => [roundCoordinate(lon), roundCoordinate(lat)]));
		if (rounded.length < 3 || signedRingArea(rounded) === 0) return { type: 'Polygon', coordinates: [] };
		const ccw = counterClockwise(rounded);
		return { type: 'Polygon', coordinates: [[...ccw, [ccw[0][0], ccw[0][1]]]] };
	});
}

/**
 * The open ring without vertices closer than `epsilon` to the previous kept one. Four or more cocircular centres
 * (any regular grid) make a Voronoi vertex come out as several copies a rounding error apart; the direction of
 * an edge between two such copies is noise, and clipping by its line would cut the cell arbitrarily.
 */
function withoutTinyEdges(ring: readonly Planar[], epsilon: number): Planar[] {
	const out: Planar[] = [];
	for (const point of openRing(ring)) {
		const last = out[out.length - 1];
		if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) > epsilon) out.push(point);
	}
	while (out.length > 1 && Math.hypot(out[0][0] - out[out.length - 1][0], out[0][1] - out[out.length - 1][1]) <= epsilon) {
		out.pop();
	}
	return out;
}

/** Sutherland–Hodgman: the part of `subject` on the left of every edge of the convex, counter-clockwise `clip`. */
function clipByConvex(subject: readonly Planar[], clip: readonly Planar[]): Planar[] {
	let output: Planar[] = subject.slice();
	for (let i = 0; i < clip.length && output.length > 0; i++) {
		const start = clip[i];
		const end = clip[(i + 1) % clip.length];
		const input = output;
		output = [];
		for (let k = 0; k < input.length; k++) {
			const current = input[k];
			const previous = input[(k + input.length - 1) % input.length];
			const currentInside = side(start, end, current) >= 0;
			const previousInside = side(start, end, previous) >= 0;
			if (currentInside) {
				if (!previousInside) output.push(crossing(previous, current, start, end));
				output.push(current);
			} else if (previousInside) {
				output.push(crossing(previous, current, start, end));
			}
		}
	}
	return output;
}

/** Positive when p is left of the directed line a→b. */
function side([ax, ay]: Planar, [bx, by]: Planar, [px, py]: Planar): number {
	return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/** Where segment p→q crosses the line through a and b (called only when p and q are on different sides). */
function crossing(p: Planar, q: Planar, a: Planar, b: Planar): Planar {
	const sp = side(a, b, p);
	const sq = side(a, b, q);
	const t = sp / (sp - sq);
	return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** Replaces every vertex within `WELD_TOLERANCE` of an earlier one (in any ring) by that earlier vertex. */
function weld(rings: readonly LonLat[][]): LonLat[][] {
	const bucketSize = WELD_TOLERANCE * 4;
	const buckets = new Map<string, LonLat[]>();
	const snap = (point: LonLat): LonLat => {
		const bx = Math.floor(point[0] / bucketSize);
		const by = Math.floor(point[1] / bucketSize);
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const known of buckets.get(`${bx + dx},${by + dy}`) ?? []) {
					if (Math.abs(known[0] - point[0]) <= WELD_TOLERANCE && Math.abs(known[1] - point[1]) <= WELD_TOLERANCE) return known;
				}
			}
		}
		const key = `${bx},${by}`;
		const bucket = buckets.get(key);
		if (bucket) bucket.push(point);
		else buckets.set(key, [point]);
		return point;
	};
	return rings.map((ring) => ring.map(snap));
}
