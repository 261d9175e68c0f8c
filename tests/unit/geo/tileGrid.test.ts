import { describe, expect, it } from 'vitest';
import { queenContiguity } from '$lib/core/analysis';
import { signedRingArea, type LonLat } from '$lib/core/geo/cells';
import { tileGrid } from '$lib/core/geo/tileGrid';

describe('tileGrid', () => {
	it('lays 9 tiles out 3 × 3 with 3/5/8 queen neighbours', () => {
		const tiles = tileGrid(9);
		expect(tiles).toHaveLength(9);
		const { neighbours, islands } = queenContiguity(tiles.map((tile) => tile.coordinates));
		expect(neighbours.map((list) => list.length)).toEqual([3, 5, 3, 5, 8, 5, 3, 5, 3]);
		expect(neighbours[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
		expect(islands).toEqual([]);
	});

	it('uses ceil(√count) columns in reading order from the north-west origin', () => {
		const tiles = tileGrid(10, [105.8615, 20.9927], 0.0015);
		const west = (i: number) => Math.min(...tiles[i].coordinates[0].map(([lon]) => lon));
		const north = (i: number) => Math.max(...tiles[i].coordinates[0].map(([, lat]) => lat));
		expect(west(0)).toBe(105.8615);
		expect(north(0)).toBe(20.9927);
		expect(west(4)).toBe(105.8615); // 4 columns: tile 4 starts the second row
		expect(north(4)).toBe(20.9912);
		expect(west(1)).toBeGreaterThan(west(0));
		expect(north(9)).toBe(20.9897);
	});

	it('gives closed, counter-clockwise squares on the ground, corners rounded to 6 decimals', () => {
		for (const tile of tileGrid(5)) {
			const ring = tile.coordinates[0] as LonLat[];
			expect(ring).toHaveLength(5);
			expect(ring[0]).toEqual(ring[4]);
			expect(signedRingArea(ring)).toBeGreaterThan(0);
			for (const value of ring.flat()) expect(Number(value.toFixed(6))).toBe(value);
			const width = (ring[1][0] - ring[0][0]) * Math.cos((20.9927 * Math.PI) / 180);
			const height = ring[2][1] - ring[1][1];
			expect(Math.abs(width - height)).toBeLessThan(1.5e-6); // corners rounded to 1e-6°
		}
	});

	it('links the tiles of a large grid: interior tiles have 8 neighbours', () => {
		const tiles = tileGrid(30); // 6 columns × 5 rows
		const { neighbours } = queenContiguity(tiles.map((tile) => tile.coordinates));
		for (let i = 0; i < 30; i++) {
			const [row, column] = [Math.floor(i / 6), i % 6];
			if (row > 0 && row < 4 && column > 0 && column < 5) expect(neighbours[i]).toHaveLength(8);
		}
	});

	it('gives nothing for 0 and refuses a negative or fractional count', () => {
		expect(tileGrid(0)).toEqual([]);
		expect(() => tileGrid(-1)).toThrow(RangeError);
		expect(() => tileGrid(2.5)).toThrow(RangeError);
	});
});
