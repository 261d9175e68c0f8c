import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOfZ, giStar } from '$lib/core/analysis';

/*
 * 3 × 3 grid, groups numbered row by row:
 *   0 1 2        3 1 0
 *   3 4 5   x =  4 6 2
 *   6 7 8        8 7 5
 * n = 9, Σx = 36, X̄ = 4, Σx² = 204, S² = 204/9 − 16 = 20/3.
 * With self included and W = Σw_ij, the denominator is S √(W(9 − W)/8):
 *   W = 3 or 6 → √(20/3 · 18/8) = √15;  W = 4 or 5 → √(20/3 · 20/8) = √(50/3);  W = 9 → 0 (no z).
 * Rook, e.g. group 7: {7, 4, 6, 8} sums 7+6+8+5 = 26, z = (26 − 16)/√(50/3) = √6 = 2.449489742783178;
 *   group 2: {2, 1, 5} sums 3, z = (3 − 12)/√15 = −2.3237900077244502; group 4: {4,1,3,5,7} = 20, z = 0.
 * Queen, e.g. group 6: {6, 3, 4, 7} sums 25, z = 9/√(50/3) = 2.2045407685048604;
 *   group 1: {1, 0, 2, 3, 4, 5} sums 16, z = (16 − 24)/√15 = −2.065591117977289; group 4 sees all nine: null.
 * Every z was worked this way by hand and checked with plain formulas in mpmath (30 digits), p = erfc(|z|/√2).
 */
const values = [3, 1, 0, 4, 6, 2, 8, 7, 5];
const rook = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];
const queen = [
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
const rookZ = [
	-4 / Math.sqrt(15), -6 / Math.sqrt(50 / 3), -9 / Math.sqrt(15),
	5 / Math.sqrt(50 / 3), 0, -3 / Math.sqrt(50 / 3),
	7 / Math.sqrt(15), 10 / Math.sqrt(50 / 3), 2 / Math.sqrt(15)
];
const rookZDecimal = [
	-1.0327955589886445, -1.4696938456699069, -2.3237900077244501, 1.224744871391589, 0, -0.73484692283495343,
	1.8073922282301279, 2.4494897427831781, 0.51639777949432225
];
const rookP = [
	0.30169958247834792, 0.14164469029513677, 0.020136751550346345, 0.22067136191984679, 1, 0.4624327264504763,
	0.070701144865983023, 0.01430587843542964, 0.60557661633534635
];
const queenZ = [
	-0.48989794855663562, -2.065591117977289, -1.7146428199482247, 1.2909944487358056, null, -0.77459666924148338,
	2.2045407685048603, 2.065591117977289, 0.97979589711327124
];

describe('Getis-Ord Gi*', () => {
	it('matches the hand-computed rook grid', () => {
		const result = giStar(values, rook);
		expect(result.constant).toBe(false);
		result.groups.forEach((group, i) => {
			expect(group.z).toBeCloseTo(rookZ[i], 12);
			expect(group.z).toBeCloseTo(rookZDecimal[i], 12);
			expect(group.p).toBeCloseTo(rookP[i], 12);
		});
		expect(result.groups.map((group) => group.bin)).toEqual([0, 0, -2, 0, 0, 0, 1, 2, 0]);
	});

	it('matches the hand-computed queen grid; the all-seeing centre has no z', () => {
		const result = giStar(values, queen);
		result.groups.forEach((group, i) => {
			const expected = queenZ[i];
			if (expected === null) expect(group).toEqual({ z: null, p: null, bin: 0 });
			else expect(group.z).toBeCloseTo(expected, 12);
		});
		expect(result.groups.map((group) => group.bin)).toEqual([0, -2, -1, 0, 0, 0, 2, 2, 0]);
	});

	it('adds the group itself even when the lists already hold it, and ignores duplicates', () => {
		const withSelf = rook.map((list, i) => [i, ...list, ...list]);
		expect(giStar(values, withSelf).groups.map((group) => group.z)).toEqual(
			giStar(values, rook).groups.map((group) => group.z)
		);
	});

	it('bins at the critical values 1.645, 1.960, 2.576 inclusive, signed by z, never −0', () => {
		expect([1.6449, 1.645, 1.9599, 1.96, 2.5759, 2.576, 7].map(binOfZ)).toEqual([0, 1, 1, 2, 2, 3, 3]);
		expect([-1.645, -1.96, -2.576].map(binOfZ)).toEqual([-1, -2, -3]);
		expect(Object.is(binOfZ(-0.5), 0)).toBe(true);
		expect(binOfZ(null)).toBe(0);
	});

	it('gives the same z to each group whatever the order of the groups', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 9, maxLength: 9 }),
				fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 9, maxLength: 9 }),
				(field, order) => {
					// order[k] = the original group now at position k
					const position = new Map(order.map((original, k) => [original, k]));
					const permutedValues = order.map((original) => field[original]);
					const permutedNeighbours = order.map((original) => queen[original].map((j) => position.get(j)!));
					const original = giStar(field, queen).groups;
					const permuted = giStar(permutedValues, permutedNeighbours).groups;
					order.forEach((originalIndex, k) => {
						const before = original[originalIndex].z;
						const after = permuted[k].z;
						if (before === null) expect(after).toBeNull();
						else expect(after).toBeCloseTo(before, 10);
					});
				}
			)
		);
	});

	it('reports a constant field as constant with null scores, never NaN', () => {
		for (const field of [new Array(9).fill(4), new Array(9).fill(0.1), new Array(9).fill(0)]) {
			const result = giStar(field, rook);
			expect(result.constant).toBe(true);
			for (const group of result.groups) expect(group).toEqual({ z: null, p: null, bin: 0 });
		}
	});

	it('rejects non-finite values and malformed neighbour lists', () => {
		expect(() => giStar([1, Number.NaN], [[1], [0]])).toThrow(RangeError);
		expect(() => giStar([1, 2], [[1]])).toThrow(RangeError);
		expect(() => giStar([1, 2], [[2], [0]])).toThrow(RangeError);
	});

	it('reproduces a published value: PySAL esda test_getisord, G_Local star=True, Zs[0] = −1.39727626', () => {
		// Points (10,10) (20,10) (40,10) (15,20) (30,20) (30,30), distance band 15 (inclusive), y below.
		// Gi* is unchanged by scaling a row of weights, so PySAL's row-standardised weights give our binary z.
		const y = [2, 3, 3.2, 5, 8, 7];
		const band15 = [[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]];
		expect(giStar(y, band15).groups[0].z).toBeCloseTo(-1.39727626, 8);
	});
});
