import { Delaunay } from 'd3-delaunay';
import {
	area,
	centroid,
	clipByConvex,
	localProjection,
	pointInRing,
	signedArea,
	type Point
} from './geometry';
import { WARD_EXTENT, WARD_OUTLINE } from './outline';
import { PLANTED_CLUSTERS, type PlantedCluster, type PlantedClusterName } from './patterns';
import { integerBetween, mulberry32, streamSeed, type Rng } from './random';

export const GROUP_COUNT = 48;
export const TOTAL_POPULATION = 47_000;
const POPULATION_RANGE: [number, number] = [520, 1580];
const PEOPLE_PER_HOUSEHOLD: [number, number] = [3.4, 3.8];
const LLOYD_STEPS = 3;
/** Vertices of different cells closer than this (km) are the same vertex reached by different arithmetic. */
const SNAP_TOLERANCE_KM = 1e-6;
const COORDINATE_DECIMALS = 6;

export interface DemoGroup {
	code: string;
	name: string;
	population: number;
	households: number;
	/** Open ring of lon/lat vertices, counter-clockwise, rounded to 6 decimals. */
	ring: Point[];
}

export interface DemoWard {
	groups: DemoGroup[];
	/** Group codes of each planted cluster, resolved on this layout. */
	clusters: Record<PlantedClusterName, string[]>;
}

const projection = localProjection(
	(WARD_EXTENT[0] + WARD_EXTENT[2]) / 2,
	(WARD_EXTENT[1] + WARD_EXTENT[3]) / 2
);

/** Streams of the seed, one per independent part of the demo. */
export const STREAM = { sites: 1, population: 2, cases: 3 } as const;

export function buildWard(seed: number): DemoWard {
	const outline = WARD_OUTLINE.map((vertex) => projection.project(vertex));
	let sites = randomPointsInside(outline, GROUP_COUNT, mulberry32(streamSeed(seed, STREAM.sites)));
	let cells = voronoiCellsWithin(outline, sites);
	for (let step = 0; step < LLOYD_STEPS; step++) {
		sites = cells.map((cell) => centroid(cell));
		cells = voronoiCellsWithin(outline, sites);
	}
	const rings = sharedRoundedRings(cells, outline);
	const order = readingOrder(cells);
	const populationRng = mulberry32(streamSeed(seed, STREAM.population));
	const populations = populationsByArea(order.map((index) => area(cells[index])), populationRng);
	const groups = order.map((index, position): DemoGroup => {
		const population = populations[position];
		const peoplePerHousehold =
			PEOPLE_PER_HOUSEHOLD[0] + (PEOPLE_PER_HOUSEHOLD[1] - PEOPLE_PER_HOUSEHOLD[0]) * populationRng();
		return {
			code: groupCode(position + 1),
			name: `Tổ dân phố ${position + 1}`,
			population,
			households: Math.round(population / peoplePerHousehold),
			ring: rings[index]
		};
	});
	const neighbours = queenNeighbours(groups);
	const clusters = {} as Record<PlantedClusterName, string[]>;
	for (const name of Object.keys(PLANTED_CLUSTERS) as PlantedClusterName[]) {
		clusters[name] = growCluster(PLANTED_CLUSTERS[name], groups, neighbours);
	}
	return { groups, clusters };
}

export function groupCode(number: number): string {
	return `TDP${String(number).padStart(2, '0')}`;
}

function randomPointsInside(ring: readonly Point[], count: number, rng: Rng): Point[] {
	const [minX, minY, maxX, maxY] = bounds(ring);
	const points: Point[] = [];
	while (points.length < count) {
		const candidate: Point = [minX + (maxX - minX) * rng(), minY + (maxY - minY) * rng()];
		if (pointInRing(candidate, ring)) points.push(candidate);
	}
	return points;
}

function bounds(ring: readonly Point[]): [number, number, number, number] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of ring) {
		minX = Math.min(minX, x);
		minY = Math.min(minY, y);
		maxX = Math.max(maxX, x);
		maxY = Math.max(maxY, y);
	}
	return [minX, minY, maxX, maxY];
}

/** Voronoi cells of the sites, each clipped to the outline: open counter-clockwise rings, in km. */
function voronoiCellsWithin(outline: readonly Point[], sites: readonly Point[]): Point[][] {
	const [minX, minY, maxX, maxY] = bounds(outline);
	const voronoi = Delaunay.from(sites).voronoi([minX - 1, minY - 1, maxX + 1, maxY + 1]);
	return sites.map((_, index) => {
		const closed = voronoi.cellPolygon(index);
		if (!closed) throw new Error(`site ${index} has no Voronoi cell`);
		const cell = closed.slice(0, -1).map(([x, y]): Point => [x, y]);
		if (signedArea(cell) < 0) cell.reverse();
		const clipped = clipByConvex(outline, cell);
		if (clipped.length < 3) throw new Error(`site ${index} fell outside the outline`);
		return clipped;
	});
}

/**
 * Neighbouring cells compute the vertices they share with separate arithmetic, so the same point can differ
 * in its last bits. Snapping every vertex to the first one seen within a millimetre, then rounding, makes
 * shared vertices byte-identical, which queen contiguity and outline extraction rely on.
 */
function sharedRoundedRings(cells: readonly Point[][], outline: readonly Point[]): Point[][] {
	const canonical: Point[] = outline.slice();
	const snap = (vertex: Point): Point => {
		for (const known of canonical) {
			if (Math.abs(known[0] - vertex[0]) < SNAP_TOLERANCE_KM && Math.abs(known[1] - vertex[1]) < SNAP_TOLERANCE_KM) {
				return known;
			}
		}
		canonical.push(vertex);
		return vertex;
	};
	const rounded = new Map<Point, Point>();
	const toLonLat = (vertex: Point): Point => {
		let lonLat = rounded.get(vertex);
		if (!lonLat) {
			const [lon, lat] = projection.unproject(vertex);
			lonLat = [roundTo(lon, COORDINATE_DECIMALS), roundTo(lat, COORDINATE_DECIMALS)];
			rounded.set(vertex, lonLat);
		}
		return lonLat;
	};
	return cells.map((cell, index) => {
		const ring: Point[] = [];
		for (const vertex of cell) {
			const lonLat = toLonLat(snap(vertex));
			const last = ring[ring.length - 1];
			if (!last || last[0] !== lonLat[0] || last[1] !== lonLat[1]) ring.push(lonLat);
		}
		while (ring.length > 1 && samePoint(ring[0], ring[ring.length - 1])) ring.pop();
		if (ring.length < 3 || signedArea(ring) <= 0) throw new Error(`cell ${index} degenerated when rounded`);
		return ring;
	});
}

function roundTo(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale;
}

function samePoint(a: Point, b: Point): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/** Cell indices in reading order: rows of roughly one cell's height, north to south, each west to east. */
function readingOrder(cells: readonly Point[][]): number[] {
	const centres = cells.map((cell) => centroid(cell));
	const [, minY, , maxY] = bounds(centres);
	const totalArea = cells.reduce((sum, cell) => sum + area(cell), 0);
	const rowCount = Math.max(1, Math.round((maxY - minY) / Math.sqrt(totalArea / cells.length)));
	const rowHeight = (maxY - minY) / rowCount;
	const rowOf = (index: number) => Math.min(rowCount - 1, Math.floor((maxY - centres[index][1]) / rowHeight));
	return cells
		.map((_, index) => index)
		.sort((a, b) => rowOf(a) - rowOf(b) || centres[a][0] - centres[b][0]);
}

/**
 * Residents: groups are drawn to similar sizes, so a small cell is densely built and a large one sparsely.
 * A group's share follows 0.7 + 0.3 × (area / mean area), varied by ±20 %, within the allowed range.
 */
function populationsByArea(areas: readonly number[], rng: Rng): number[] {
	const [low, high] = POPULATION_RANGE;
	const meanArea = areas.reduce((sum, cellArea) => sum + cellArea, 0) / areas.length;
	const weights = areas.map((cellArea) => (0.7 + (0.3 * cellArea) / meanArea) * (0.8 + 0.4 * rng()));
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	let populations = weights.map((weight) => (weight / weightSum) * TOTAL_POPULATION);
	for (let pass = 0; pass < 8; pass++) {
		const clamped = populations.map((value) => Math.min(high, Math.max(low, value)));
		const sum = clamped.reduce((total, value) => total + value, 0);
		populations = clamped.map((value) => (value * TOTAL_POPULATION) / sum);
	}
	return populations.map((value) => Math.min(high, Math.max(low, 10 * Math.round(value / 10))) + integerBetween(rng, 0, 9));
}

/** Queen contiguity: groups that share at least one vertex. */
export function queenNeighbours(groups: readonly DemoGroup[]): Map<string, Set<string>> {
	const groupsAtVertex = new Map<string, string[]>();
	for (const group of groups) {
		for (const [lon, lat] of group.ring) {
			const key = `${lon},${lat}`;
			const list = groupsAtVertex.get(key) ?? [];
			list.push(group.code);
			groupsAtVertex.set(key, list);
		}
	}
	const neighbours = new Map<string, Set<string>>(groups.map((group) => [group.code, new Set<string>()]));
	for (const codes of groupsAtVertex.values()) {
		for (const a of codes) for (const b of codes) if (a !== b) neighbours.get(a)!.add(b);
	}
	return neighbours;
}

/**
 * Starts at the group under the anchor and adds, one at a time, the neighbour touching most of the cluster so
 * far (ties: nearest to the anchor), so the cluster is compact and connected.
 */
function growCluster(
	cluster: PlantedCluster,
	groups: readonly DemoGroup[],
	neighbours: Map<string, Set<string>>
): string[] {
	const centres = new Map(groups.map((group) => [group.code, centroid(group.ring)]));
	const distance = (code: string) => {
		const [x, y] = projection.project(centres.get(code)!);
		const [ax, ay] = projection.project(cluster.anchor);
		return Math.hypot(x - ax, y - ay);
	};
	const start =
		groups.find((group) => pointInRing(cluster.anchor, group.ring))?.code ??
		groups.map((group) => group.code).sort((a, b) => distance(a) - distance(b))[0];
	const members = [start];
	while (members.length < cluster.size) {
		const candidates = new Set<string>();
		for (const member of members) for (const next of neighbours.get(member)!) candidates.add(next);
		for (const member of members) candidates.delete(member);
		const touching = (code: string) => members.filter((member) => neighbours.get(code)!.has(member)).length;
		const best = [...candidates].sort((a, b) => touching(b) - touching(a) || distance(a) - distance(b))[0];
		if (!best) throw new Error('cluster cannot grow: no free neighbour');
		members.push(best);
	}
	return members.sort();
}
