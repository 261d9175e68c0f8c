/** Planar geometry for the demo ward, done in a local equirectangular projection measured in kilometres. */

/** [x, y]: lon/lat in degrees, or projected kilometres east/north of the projection origin. */
export type Point = [number, number];

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/**
 * An equirectangular projection about a local origin: at ward scale (2 km) its area error is far below
 * a tenth of a percent, so areas and Voronoi cells computed in it are as good as on the ellipsoid.
 */
export interface LocalProjection {
	project(lonLat: Point): Point;
	unproject(xy: Point): Point;
}

export function localProjection(originLon: number, originLat: number): LocalProjection {
	const kmPerDegreeLon = KM_PER_DEGREE * Math.cos((originLat * Math.PI) / 180);
	return {
		project: ([lon, lat]) => [(lon - originLon) * kmPerDegreeLon, (lat - originLat) * KM_PER_DEGREE],
		unproject: ([x, y]) => [originLon + x / kmPerDegreeLon, originLat + y / KM_PER_DEGREE]
	};
}

/** Signed shoelace area of an open ring (no repeated closing vertex); positive when counter-clockwise. */
export function signedArea(ring: readonly Point[]): number {
	let twice = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		twice += x0 * y1 - x1 * y0;
	}
	return twice / 2;
}

export function centroid(ring: readonly Point[]): Point {
	let twiceArea = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		const cross = x0 * y1 - x1 * y0;
		twiceArea += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/** Even–odd ray casting; points exactly on the boundary may go either way. */
export function pointInRing([px, py]: Point, ring: readonly Point[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * Sutherland–Hodgman: the part of `subject` inside the convex, counter-clockwise `clip` polygon. Exact for
 * any subject as long as the result is one piece, which holds here because the ward outline is only
 * gently concave next to Voronoi cells of a few hundred metres.
 */
export function clipByConvex(subject: readonly Point[], clip: readonly Point[]): Point[] {
	let output: Point[] = subject.slice();
	for (let i = 0; i < clip.length && output.length > 0; i++) {
		const edgeStart = clip[i];
		const edgeEnd = clip[(i + 1) % clip.length];
		const input = output;
		output = [];
		for (let k = 0; k < input.length; k++) {
			const current = input[k];
			const previous = input[(k + input.length - 1) % input.length];
			const currentInside = leftOf(edgeStart, edgeEnd, current) >= 0;
			const previousInside = leftOf(edgeStart, edgeEnd, previous) >= 0;
			if (currentInside) {
				if (!previousInside) output.push(lineIntersection(previous, current, edgeStart, edgeEnd));
				output.push(current);
			} else if (previousInside) {
				output.push(lineIntersection(previous, current, edgeStart, edgeEnd));
			}
		}
	}
	return output;
}

function leftOf([ax, ay]: Point, [bx, by]: Point, [px, py]: Point): number {
	return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function lineIntersection([ax, ay]: Point, [bx, by]: Point, [cx, cy]: Point, [dx, dy]: Point): Point {
	const denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
	const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator;
	return [ax + t * (bx - ax), ay + t * (by - ay)];
}

/** Unsigned area of an open ring. */
export function area(ring: readonly Point[]): number {
	return Math.abs(signedArea(ring));
}
