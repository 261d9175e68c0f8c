import { describe, expect, it } from 'vitest';
import { queenContiguity } from '$lib/core/analysis';
import {
	cellsFromCentres,
	DuplicateCentresError,
	paddedBounds,
	pointInRing,
	signedRingArea,
	type LonLat
} from '$lib/core/geo/cells';

/** 3 × 3 centres 0.002° apart near Hà Nội, numbered row by row from the south-west. */
function gridCentres(lon0 = 105.84, lat0 = 21.02, step = 0.002): LonLat[] {
	return Array.from({ length: 9 }, (_, k): LonLat => [lon0 + (k % 3) * step, lat0 + Math.floor(k / 3) * step]);
}

const ring = (polygon: GeoJSON.Polygon) => polygon.coordinates[0] as LonLat[];
const area = (polygon: GeoJSON.Polygon) => (polygon.coordinates.length ? signedRingArea(ring(polygon)) : 0);

const EXPECTED_GRID_NEIGHBOURS = [
	[1, 3, 4],
	[0, 2, 3, 4, 5],
	[1, 4, 5],
	[0, 1, 4, 6, 7],
	[0, 1, 2, 3, 5, 6, 7, 8],
	[1, 2, 4, 7, 8],
	[3, 4, 7],
	[3, 4, 5, 6, 8],
	[4, 5, 7]
];

function expectWellFormed(cells: GeoJSON.Polygon[]) {
	for (const cell of cells) {
		expect(cell.type).toBe('Polygon');
		expect(cell.coordinates).toHaveLength(1);
		const points = ring(cell);
		expect(points.length).toBeGreaterThanOrEqual(4);
		expect(points[0]).toEqual(points[points.length - 1]);
		expect(signedRingArea(points)).toBeGreaterThan(0);
		for (const [lon, lat] of points) {
			expect(Number(lon.toFixed(6))).toBe(lon);
			expect(Number(lat.toFixed(6))).toBe(lat);
		}
	}
}

/** Vertices shared by two cells and equal up to 1e-7° are bit-identical. */
function expectSharedVerticesIdentical(cells: GeoJSON.Polygon[]) {
	const all = cells.flatMap((cell) => (cell.coordinates.length ? ring(cell) : []));
	for (const a of all) {
		for (const b of all) {
			const close = Math.abs(a[0] - b[0]) < 1e-7 && Math.abs(a[1] - b[1]) < 1e-7;
			if (close) expect(a).toEqual(b);
		}
	}
}

describe('cellsFromCentres without an outline', () => {
	const centres = gridCentres();
	const cells = cellsFromCentres(centres);

	it('gives closed, counter-clockwise rings rounded to 6 decimals, one per centre', () => {
		expect(cells).toHaveLength(9);
		expectWellFormed(cells);
		expectSharedVerticesIdentical(cells);
	});

	it('puts each centre inside its own cell and no other', () => {
		centres.forEach((centre, i) => {
			cells.forEach((cell, j) => expect(pointInRing(centre, ring(cell))).toBe(i === j));
		});
	});

	it('pads the centres’ box by half the mean nearest-neighbour distance, the same on the ground both ways', () => {
		const [west, south, east, north] = paddedBounds(centres);
		// Nearest neighbour is the east–west one (0.002° of longitude is shorter than 0.002° of latitude).
		expect(west).toBeCloseTo(105.84 - 0.001, 6);
		expect(east).toBeCloseTo(105.844 + 0.001, 6);
		const latPad = 0.001 * Math.cos((21.022 * Math.PI) / 180);
		expect(south).toBeCloseTo(21.02 - latPad, 5);
		expect(north).toBeCloseTo(21.024 + latPad, 5);
	});

	it('tiles the clip box: the areas add up to its area within 1e-9', () => {
		const [west, south, east, north] = paddedBounds(centres);
		const boxArea = (east - west) * (north - south);
		const total = cells.reduce((sum, cell) => sum + area(cell), 0);
		expect(Math.abs(total - boxArea) / boxArea).toBeLessThan(1e-9);
	});

	it('links the cells by queen contiguity: corners 3 neighbours, edges 5, centre 8', () => {
		const { neighbours, islands } = queenContiguity(cells.map((cell) => cell.coordinates));
		expect(neighbours).toEqual(EXPECTED_GRID_NEIGHBOURS);
		expect(islands).toEqual([]);
	});

	it('is not skewed by latitude: a square-on-the-ground centre layout gives square-on-the-ground cells', () => {
		const lat0 = 60; // cos 60° = ½: 0.004° of longitude is as long as 0.002° of latitude
		const square: LonLat[] = Array.from({ length: 9 }, (_, k) => [10 + (k % 3) * 0.004, lat0 + Math.floor(k / 3) * 0.002]);
		const centre = ring(cellsFromCentres(square)[4]);
		const lons = centre.map(([lon]) => lon);
		const lats = centre.map(([, lat]) => lat);
		const widthKm = (Math.max(...lons) - Math.min(...lons)) * Math.cos(((lat0 + 0.002) * Math.PI) / 180);
		const heightKm = Math.max(...lats) - Math.min(...lats);
		expect(widthKm / heightKm).toBeCloseTo(1, 3);
	});

	it('handles an irregular scatter: shared vertices identical, areas add up, every cell has a neighbour', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const scatter = Array.from({ length: 40 }, (): LonLat => [105.85 + random() * 0.02, 20.99 + random() * 0.02]);
		const scattered = cellsFromCentres(scatter);
		expectWellFormed(scattered);
		expectSharedVerticesIdentical(scattered);
		const [west, south, east, north] = paddedBounds(scatter);
		const boxArea = (east - west) * (north - south);
		const total = scattered.reduce((sum, cell) => sum + area(cell), 0);
		expect(Math.abs(total - boxArea) / boxArea).toBeLessThan(1e-9);
		scatter.forEach((centre, i) => expect(pointInRing(centre, ring(scattered[i]))).toBe(true));
		expect(queenContiguity(scattered.map((cell) => cell.coordinates)).islands).toEqual([]);
	});

	it('gives a lone centre a 100 m box and two centres two halves', () => {
		const [one] = cellsFromCentres([[105.86, 20.99]]);
		expect(ring(one)).toHaveLength(5);
		const two = cellsFromCentres([
			[105.86, 20.99],
			[105.862, 20.99]
		]);
		expect(area(two[0])).toBeCloseTo(area(two[1]), 12);
		expect(queenContiguity(two.map((cell) => cell.coordinates)).neighbours).toEqual([[1], [0]]);
	});

	it('returns nothing for no centres', () => {
		expect(cellsFromCentres([])).toEqual([]);
	});

	it('refuses duplicate centres, naming them', () => {
		const points: LonLat[] = [
			[105.86, 20.99],
			[105.861, 20.99],
			[105.86, 20.99],
			[105.8610000001, 20.99]
		];
		expect(() => cellsFromCentres(points)).toThrow(DuplicateCentresError);
		try {
			cellsFromCentres(points);
		} catch (error) {
			expect((error as DuplicateCentresError).duplicates).toEqual([
				[0, 2],
				[1, 3]
			]);
			expect((error as Error).message).toContain('#0, #2');
		}
	});
});

describe('cellsFromCentres with an outline', () => {
	// An L: a 0.006° square without its north-east quarter, given clockwise and closed.
	const [w, s, step] = [105.84, 21.02, 0.003];
	const outline: LonLat[] = [
		[w, s],
		[w, s + 2 * step],
		[w + step, s + 2 * step],
		[w + step, s + step],
		[w + 2 * step, s + step],
		[w + 2 * step, s],
		[w, s]
	];
	const lArea = 3 * step * step;
	// Centres of the three squares of the L, plus one in the inner corner region.
	const centres: LonLat[] = [
		[w + 0.0015, s + 0.0015],
		[w + 0.0045, s + 0.0015],
		[w + 0.0015, s + 0.0045],
		[w + 0.0029, s + 0.0029]
	];
	const cells = cellsFromCentres(centres, outline);

	it('keeps every cell inside the concave outline', () => {
		expectWellFormed(cells);
		expectSharedVerticesIdentical(cells);
		for (const cell of cells) {
			for (const [lon, lat] of ring(cell)) {
				const inLeg = lon >= w && lon <= w + 2 * step && lat >= s && lat <= s + step;
				const inArm = lon >= w && lon <= w + step && lat >= s && lat <= s + 2 * step;
				expect(inLeg || inArm).toBe(true);
			}
		}
		// The notch's far corner belongs to no cell.
		const notch: LonLat = [w + 1.5 * step, s + 1.5 * step];
		for (const cell of cells) expect(pointInRing(notch, ring(cell))).toBe(false);
	});

	it('covers the outline exactly: areas add up to the L within 1e-9, each centre in its cell', () => {
		const total = cells.reduce((sum, cell) => sum + area(cell), 0);
		expect(Math.abs(total - lArea) / lArea).toBeLessThan(1e-9);
		centres.forEach((centre, i) => expect(pointInRing(centre, ring(cells[i]))).toBe(true));
	});

	it('clips a 3 × 3 grid to an outline that is its exact square and still finds 8/5/3 neighbours', () => {
		const square: LonLat[] = [
			[105.839, 21.019],
			[105.845, 21.019],
			[105.845, 21.025],
			[105.839, 21.025]
		];
		const clipped = cellsFromCentres(gridCentres(), square);
		expectWellFormed(clipped);
		const total = clipped.reduce((sum, cell) => sum + area(cell), 0);
		expect(Math.abs(total - 0.006 * 0.006) / (0.006 * 0.006)).toBeLessThan(1e-9);
		expect(queenContiguity(clipped.map((cell) => cell.coordinates)).neighbours).toEqual(EXPECTED_GRID_NEIGHBOURS);
	});

	it('gives a centre outside the outline an empty polygon', () => {
		const far = cellsFromCentres([...centres, [w + 0.02, s + 0.02]], outline);
		expect(far[4]).toEqual({ type: 'Polygon', coordinates: [] });
	});

	it('refuses an outline that is not a polygon', () => {
		expect(() => cellsFromCentres(centres, [[w, s], [w + 1, s]])).toThrow(RangeError);
	});
});
