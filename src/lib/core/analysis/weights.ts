/** [lon, lat] in degrees. */
export type Position = readonly number[];
/** GeoJSON Polygon coordinates: an outer ring and any holes. */
export type PolygonCoordinates = readonly (readonly Position[])[];
/** GeoJSON MultiPolygon coordinates. */
export type MultiPolygonCoordinates = readonly PolygonCoordinates[];
export type AreaGeometry = PolygonCoordinates | MultiPolygonCoordinates;

/** Binary spatial weights as neighbour lists: `neighbours[i]` holds the indices j with w_ij = 1, ascending. */
export type Neighbours = readonly (readonly number[])[];

export interface SpatialWeights {
	neighbours: number[][];
	/** Groups without any neighbour. */
	islands: number[];
}

export interface QueenOptions {
	/** How close, in degrees, a vertex must come to another boundary to touch it. ~1 cm at 1e-7. */
	tolerance?: number;
}

interface Edge {
	group: number;
	ax: number;
	ay: number;
	bx: number;
	by: number;
}

interface Vertex {
	group: number;
	x: number;
	y: number;
}

const DEFAULT_TOLERANCE = 1e-7;

export function islandsOf(neighbours: Neighbours): number[] {
	const islands: number[] = [];
	neighbours.forEach((list, group) => {
		if (list.length === 0) islands.push(group);
	});
	return islands;
}

/**
 * Neighbour lists for n groups with the group itself and duplicates removed;
 * throws on an index outside 0..n−1.
 */
export function cleanNeighbours(neighbours: Neighbours, n: number): number[][] {
	if (neighbours.length !== n) {
		throw new RangeError(`expected neighbour lists for ${n} groups, got ${neighbours.length}`);
	}
	return neighbours.map((list, group) => {
		const others = new Set<number>();
		for (const j of list) {
			if (!Number.isInteger(j) || j < 0 || j >= n) {
				throw new RangeError(`group ${group} has neighbour ${j}, outside 0..${n - 1}`);
			}
			if (j !== group) others.add(j);
		}
		return [...others].sort((a, b) => a - b);
	});
}

/** Polygon or MultiPolygon coordinates, told apart by how deep the first number lies. */
function polygonsOf(geometry: AreaGeometry | null | undefined): PolygonCoordinates[] {
	const probe: unknown = geometry?.[0]?.[0]?.[0];
	if (typeof probe === 'number') return [geometry as PolygonCoordinates];
	if (Array.isArray(probe)) return [...(geometry as MultiPolygonCoordinates)];
	return [];
}

function boundaryOf(geometry: AreaGeometry | null | undefined, group: number) {
	const vertices: Vertex[] = [];
	const edges: Edge[] = [];
	for (const polygon of polygonsOf(geometry)) {
		for (const ring of polygon) {
			for (let k = 0; k < ring.length; k++) {
				const [x, y] = ring[k];
				vertices.push({ group, x, y });
				if (k + 1 < ring.length) edges.push({ group, ax: x, ay: y, bx: ring[k + 1][0], by: ring[k + 1][1] });
			}
		}
	}
	return { vertices, edges };
}

function squaredDistanceToSegment(x: number, y: number, edge: Edge): number {
	const dx = edge.bx - edge.ax;
	const dy = edge.by - edge.ay;
	const lengthSquared = dx * dx + dy * dy;
	const along = lengthSquared === 0 ? 0 : ((x - edge.ax) * dx + (y - edge.ay) * dy) / lengthSquared;
	const t = Math.min(1, Math.max(0, along));
	const px = edge.ax + t * dx - x;
	const py = edge.ay + t * dy - y;
	return px * px + py * py;
}

/** A uniform grid over the edges, each edge filed in every cell its tolerance-widened box touches. */
class EdgeGrid {
	private readonly cells = new Map<number, Edge[]>();
	private readonly west: number;
	private readonly south: number;
	private readonly rows: number;

	constructor(
		edges: readonly Edge[],
		private readonly cellSize: number,
		tolerance: number
	) {
		let [west, south, north] = [Infinity, Infinity, -Infinity];
		for (const edge of edges) {
			west = Math.min(west, edge.ax, edge.bx);
			south = Math.min(south, edge.ay, edge.by);
			north = Math.max(north, edge.ay, edge.by);
		}
		this.west = west - tolerance;
		this.south = south - tolerance;
		this.rows = edges.length === 0 ? 0 : this.row(north + tolerance) + 1;
		for (const edge of edges) {
			const lastColumn = this.column(Math.max(edge.ax, edge.bx) + tolerance);
			const firstRow = this.row(Math.min(edge.ay, edge.by) - tolerance);
			const lastRow = this.row(Math.max(edge.ay, edge.by) + tolerance);
			for (let column = this.column(Math.min(edge.ax, edge.bx) - tolerance); column <= lastColumn; column++) {
				for (let row = firstRow; row <= lastRow; row++) {
					const key = column * this.rows + row;
					const cell = this.cells.get(key);
					if (cell) cell.push(edge);
					else this.cells.set(key, [edge]);
				}
			}
		}
	}

	near(x: number, y: number): readonly Edge[] {
		const column = this.column(x);
		const row = this.row(y);
		if (column < 0 || row < 0 || row >= this.rows) return [];
		return this.cells.get(column * this.rows + row) ?? [];
	}

	private column(x: number): number {
		return Math.floor((x - this.west) / this.cellSize);
	}

	private row(y: number): number {
		return Math.floor((y - this.south) / this.cellSize);
	}
}

function meanEdgeLength(edges: readonly Edge[]): number {
	if (edges.length === 0) return 0;
	let total = 0;
	for (const edge of edges) total += Math.sqrt((edge.bx - edge.ax) ** 2 + (edge.by - edge.ay) ** 2);
	return total / edges.length;
}

function sortedLists(linked: Set<number>[]): number[][] {
	return linked.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Queen contiguity (SPEC §4): two groups are neighbours when their boundaries share a point — a vertex
 * or a stretch of edge. A vertex of one group lying within `tolerance` of the other's boundary (its
 * vertices included) counts, which covers shared vertices written with floating-point noise, vertices
 * lying on the middle of a neighbour's edge (T-junctions), and shared edge stretches (the ends of the
 * common stretch are vertices of one of the two). Edges that cross without either touching a vertex
 * (overlapping polygons, a data error) are not detected. A null or empty geometry makes an island.
 */
export function queenContiguity(
	geometries: readonly (AreaGeometry | null | undefined)[],
	options: QueenOptions = {}
): SpatialWeights {
	const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
	const boundaries = geometries.map(boundaryOf);
	const edges = boundaries.flatMap((boundary) => boundary.edges);
	const grid = new EdgeGrid(edges, Math.max(meanEdgeLength(edges), 16 * tolerance), tolerance);
	const linked = geometries.map(() => new Set<number>());
	const toleranceSquared = tolerance * tolerance;

	for (const { vertices } of boundaries) {
		for (const vertex of vertices) {
			for (const edge of grid.near(vertex.x, vertex.y)) {
				if (edge.group === vertex.group || linked[vertex.group].has(edge.group)) continue;
				if (squaredDistanceToSegment(vertex.x, vertex.y, edge) <= toleranceSquared) {
					linked[vertex.group].add(edge.group);
					linked[edge.group].add(vertex.group);
				}
			}
		}
	}
	const neighbours = sortedLists(linked);
	return { neighbours, islands: islandsOf(neighbours) };
}

function latitudeScale(points: readonly (Position | null | undefined)[]): number {
	let [south, north] = [Infinity, -Infinity];
	for (const point of points) {
		if (!point) continue;
		south = Math.min(south, point[1]);
		north = Math.max(north, point[1]);
	}
	return south > north ? 1 : Math.cos((((south + north) / 2) * Math.PI) / 180);
}

/**
 * k nearest neighbours of each centre point, with distances in a local equirectangular projection
 * (x = lon · cos(middle latitude), y = lat) — exact enough over a ward. Ties go to the lower index.
 * As in PySAL `KNN` and ArcGIS, the relation is asymmetric: j among i's k nearest does not make i
 * among j's. Fewer than k other points gives all of them; a missing point is an island and nobody's neighbour.
 */
export function kNearest(points: readonly (Position | null | undefined)[], k = 4): SpatialWeights {
	const scale = latitudeScale(points);
	const projected = points.map((point) => (point ? { x: point[0] * scale, y: point[1] } : null));
	const neighbours = projected.map((origin, group) => {
		if (!origin) return [];
		const candidates: { index: number; distance: number }[] = [];
		projected.forEach((other, index) => {
			if (other && index !== group) {
				candidates.push({ index, distance: (other.x - origin.x) ** 2 + (other.y - origin.y) ** 2 });
			}
		});
		candidates.sort((a, b) => a.distance - b.distance || a.index - b.index);
		return candidates
			.slice(0, k)
			.map((candidate) => candidate.index)
			.sort((a, b) => a - b);
	});
	return { neighbours, islands: islandsOf(neighbours) };
}
