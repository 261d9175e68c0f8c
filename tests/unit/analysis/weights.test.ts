import { describe, expect, it } from 'vitest';
import { kNearest, queenContiguity, type PolygonCoordinates } from '$lib/core/analysis';

function rectangle(west: number, south: number, east: number, north: number): PolygonCoordinates {
	return [
		[
			[west, south],
			[east, south],
			[east, north],
			[west, north],
			[west, south]
		]
	];
}

/** A 3 × 3 grid of 0.002° cells near Hà Nội, numbered row by row from the south-west. */
function grid(): PolygonCoordinates[] {
	const [lon0, lat0, step] = [105.84, 21.02, 0.002];
	return Array.from({ length: 9 }, (_, k) => {
		const [row, col] = [Math.floor(k / 3), k % 3];
		return rectangle(lon0 + col * step, lat0 + row * step, lon0 + (col + 1) * step, lat0 + (row + 1) * step);
	});
}

describe('queen contiguity', () => {
	it('links a 3 × 3 grid: corners 3 neighbours, edges 5, centre 8', () => {
		const { neighbours, islands } = queenContiguity(grid());
		expect(neighbours).toEqual([
			[1, 3, 4],
			[0, 2, 3, 4, 5],
			[1, 4, 5],
			[0, 1, 4, 6, 7],
			[0, 1, 2, 3, 5, 6, 7, 8],
			[1, 2, 4, 7, 8],
			[3, 4, 7],
			[3, 4, 5, 6, 8],
			[4, 5, 7]
		]);
		expect(islands).toEqual([]);
	});

	it('still links a shared edge and a shared corner written with 1e-9 noise', () => {
		const noise = 1e-9;
		const left = rectangle(0, 0, 1, 1);
		const right = rectangle(1 + noise, 0 - noise, 2, 1 + noise);
		const corner = rectangle(2 - noise, 1 + noise, 3, 2);
		expect(queenContiguity([left, right, corner]).neighbours).toEqual([[1], [0, 2], [1]]);
	});

	it('does not link across a gap wider than the tolerance, and reports the islands', () => {
		const { neighbours, islands } = queenContiguity([rectangle(0, 0, 1, 1), rectangle(1.00001, 0, 2, 1)]);
		expect(neighbours).toEqual([[], []]);
		expect(islands).toEqual([0, 1]);
	});

	it('links a vertex lying on the middle of an edge (T-junction, no shared vertex)', () => {
		const big = rectangle(0, 0, 2, 2);
		const small = rectangle(2, 0.5, 3, 1.5);
		expect(queenContiguity([big, small]).neighbours).toEqual([[1], [0]]);
	});

	it('reports an island among contiguous groups, and a group without geometry as one', () => {
		const cells = grid();
		const far = rectangle(106, 21.1, 106.001, 21.101);
		const { islands, neighbours } = queenContiguity([...cells, far, null, [], [[]]]);
		expect(islands).toEqual([9, 10, 11, 12]);
		expect(neighbours[0]).toEqual([1, 3, 4]);
	});

	it('accepts MultiPolygons, each part touching a different group', () => {
		const twoParts = [rectangle(0, 0, 1, 1), rectangle(5, 0, 6, 1)];
		const touchesFirst = rectangle(1, 0, 2, 1);
		const touchesSecond = rectangle(6, 1, 7, 2);
		const elsewhere = rectangle(10, 10, 11, 11);
		const { neighbours } = queenContiguity([twoParts, touchesFirst, touchesSecond, elsewhere]);
		expect(neighbours).toEqual([[1, 2], [0], [0], []]);
	});

	it('links a group lying in the hole of another', () => {
		const ring: PolygonCoordinates = [rectangle(0, 0, 4, 4)[0], rectangle(1, 1, 3, 3)[0]];
		const inside = rectangle(1, 1, 3, 3);
		expect(queenContiguity([ring, inside]).neighbours).toEqual([[1], [0]]);
	});
});

describe('k nearest neighbours', () => {
	it('finds the k nearest, breaks ties by index, and is asymmetric', () => {
		// on the equator, distances are plain longitude differences
		const points = [
			[0, 0],
			[1, 0],
			[2, 0],
			[3, 0],
			[10, 0]
		];
		const { neighbours, islands } = kNearest(points, 2);
		// group 2 is 1 from both 1 and 3 and 2 from 0 and 4; group 3: 1 from 2, 2 from 1, 7 from 4
		expect(neighbours).toEqual([
			[1, 2],
			[0, 2],
			[1, 3],
			[1, 2],
			[2, 3]
		]);
		expect(neighbours[4]).toContain(3);
		expect(neighbours[3]).not.toContain(4);
		expect(islands).toEqual([]);
		// equal distances 1 to groups 1 and 3: the lower index wins
		expect(kNearest(points, 1).neighbours[2]).toEqual([1]);
	});

	it('measures in a local equirectangular projection', () => {
		// at latitude ~60.4°, cos = 0.4939: 1.5° of longitude is 0.741 "latitude degrees", nearer than 0.8° north
		const points = [
			[0, 60],
			[1.5, 60],
			[0, 60.8]
		];
		expect(kNearest(points, 1).neighbours[0]).toEqual([1]);
	});

	it('defaults to k = 4, takes all when fewer, and treats a missing point as an island', () => {
		const points = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], null];
		const { neighbours, islands } = kNearest(points);
		expect(neighbours[0]).toEqual([1, 2, 3, 4]);
		expect(neighbours.flat()).not.toContain(6);
		expect(islands).toEqual([6]);
		expect(kNearest([[0, 0], [1, 1]], 4).neighbours).toEqual([[1], [0]]);
	});
});
