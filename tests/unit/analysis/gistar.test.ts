import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOfZ, fdrBins, giStar } from '$lib/core/analysis';

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

/*
 * Sparse, skewed counts (issue 13): 21 groups, group 0 and its two neighbours 1 and 2 hold 0 cases, seventeen
 * groups 2 each, one group 60. Σx = 94, X̄ = 94/21, S² = 3668/21 − X̄² = 154.63, S = 12.435; for W = 3 the
 * denominator is S √(3 · 18/20) = 20.433, so group 0's z = (0 − 3 X̄)/20.433 = −0.657: the lowest z a
 * neighbourhood of three can have here, and not even a 90 % cold spot under the normal curve.
 * Permutation: group 0's neighbours are drawn 2 at a time from the 20 others (two 0s, seventeen 2s, one 60); only
 * the pair of zeros is as low as observed, so #≤ ~ Binomial(999, 1/190) (mean 5.3, sd 2.3), #≥ = 999, and
 * p = (#≤ + 1)/1000 is about 0.006. Group 20 (60, neighbours 2 and 2): z = (64 − 3 X̄)/20.433 = 2.475, hot at
 * 95 % under the normal curve, but x_i is held fixed and its neighbours' sum 4 is the largest any draw can make:
 * #≥ ~ Binomial(999, C(17,2)/C(20,2) = 0.716), so p ≈ 0.72 — one busy group alone is not a hot cluster.
 */
const sparse = [0, 0, 0, ...new Array<number>(17).fill(2), 60];
const sparseNeighbours = [[1, 2], [0, 3], [0, 4], ...Array.from({ length: 17 }, (_, k) => [k + 2, k + 4]), [18, 19]];
sparseNeighbours[19] = [18, 20];

/** 7 × 7 queen grid, a 3 × 3 block of 10s in the top-left corner, the rest 0, 1, 2 in turn. */
const grid = Array.from({ length: 49 }, (_, i) => (Math.floor(i / 7) < 3 && i % 7 < 3 ? 10 : i % 3));
const gridQueen = Array.from({ length: 49 }, (_, i) => {
	const [row, column] = [Math.floor(i / 7), i % 7];
	const list: number[] = [];
	for (let dr = -1; dr <= 1; dr++)
		for (let dc = -1; dc <= 1; dc++) {
			const [r, c] = [row + dr, column + dc];
			if ((dr || dc) && r >= 0 && r < 7 && c >= 0 && c < 7) list.push(r * 7 + c);
		}
	return list;
});

describe('Gi* with conditional permutation inference', () => {
	it('finds the cold spot that the normal curve cannot show on sparse, skewed counts', () => {
		const normal = giStar(sparse, sparseNeighbours, { inference: 'normal' });
		const permutation = giStar(sparse, sparseNeighbours, { inference: 'permutation' });
		expect(normal.groups[0].z).toBeCloseTo(-0.6572, 4);
		expect(normal.groups[0].bin).toBe(0);
		const cold = permutation.groups[0];
		expect(cold.z).toBe(normal.groups[0].z);
		// #≤ within 4 sd of its mean 5.3: p between 0.001 and 0.0145.
		expect(cold.p).toBeGreaterThanOrEqual(0.001);
		expect(cold.p).toBeLessThanOrEqual(0.0145);
		expect(cold.bin).toBeLessThanOrEqual(-2);
	});

	it('does not call one busy group among ordinary neighbours a hot spot, as the normal curve does', () => {
		const normal = giStar(sparse, sparseNeighbours, { inference: 'normal' });
		const permutation = giStar(sparse, sparseNeighbours, { inference: 'permutation' });
		expect(normal.groups[20].z).toBeCloseTo(2.475, 3);
		expect(normal.groups[20].bin).toBe(2);
		// #≥ within 5 sd (14.3 each) of its mean 715.6.
		expect(permutation.groups[20].p).toBeGreaterThan(0.64);
		expect(permutation.groups[20].p).toBeLessThan(0.79);
		expect(permutation.groups[20].bin).toBe(0);
	});

	it('leaves every z-score exactly as the normal inference computes it', () => {
		for (const [values, neighbours] of [[sparse, sparseNeighbours], [grid, gridQueen]] as const) {
			const zs = (inference: 'normal' | 'permutation') =>
				giStar(values, neighbours, { inference }).groups.map((group) => group.z);
			expect(zs('permutation')).toEqual(zs('normal'));
		}
	});

	it('reproduces p for a seed; another seed changes some p, never z', () => {
		const first = giStar(grid, gridQueen, { inference: 'permutation', seed: 7 });
		const again = giStar(grid, gridQueen, { inference: 'permutation', seed: 7 });
		const other = giStar(grid, gridQueen, { inference: 'permutation', seed: 8 });
		expect(again).toEqual(first);
		expect(other.groups.map((group) => group.z)).toEqual(first.groups.map((group) => group.z));
		expect(other.groups.map((group) => group.p)).not.toEqual(first.groups.map((group) => group.p));
		expect(first.inference).toBe('permutation');
	});

	it('keeps the FDR switch working on pseudo p-values', () => {
		const { groups } = giStar(grid, gridQueen, { inference: 'permutation' });
		// The block's centre (group 8) sees all eight other 10s: no draw from the other 48 values can exceed
		// them, and equalling them needs all eight 10s (1 in C(48, 8)), so p = 1/1000, the smallest possible.
		expect(groups[8].p).toBe(0.001);
		const fdr = fdrBins(groups);
		// The smallest p passes BH at 0.05 on its own (0.001 ≤ 1 · 0.05/49); FDR never strengthens a bin.
		expect(fdr[8]).toBeGreaterThanOrEqual(2);
		groups.forEach((group, i) => {
			expect(Math.abs(fdr[i])).toBeLessThanOrEqual(Math.abs(group.bin));
			if (fdr[i] !== 0) expect(Math.sign(fdr[i])).toBe(Math.sign(group.bin));
		});
		expect(fdr.filter((bin) => bin !== 0).length).toBeLessThan(groups.filter((group) => group.bin !== 0).length);
	});

	it('gives a group without neighbours p = 1: no draw can differ from its empty neighbourhood', () => {
		const { groups } = giStar([0, 9, 1, 2], [[], [2], [1, 3], [2]], { inference: 'permutation' });
		expect(groups[0].z).not.toBeNull();
		expect(groups[0].p).toBe(1);
		expect(groups[0].bin).toBe(0);
		// and when no group has any neighbour, so the permutations draw nothing at all
		const alone = giStar([0, 9, 1, 2], [[], [], [], []], { inference: 'permutation' }).groups;
		expect(alone.map((group) => group.p)).toEqual([1, 1, 1, 1]);
	});

	it('bins pseudo p at 0.01, 0.05 and 0.10 inclusive, signed by z', () => {
		const { groups } = giStar(grid, gridQueen, { inference: 'permutation' });
		for (const { z, p, bin } of groups) {
			const level = p! <= 0.01 ? 3 : p! <= 0.05 ? 2 : p! <= 0.1 ? 1 : 0;
			expect(Math.abs(bin)).toBe(level);
			if (level) expect(Math.sign(bin)).toBe(Math.sign(z!));
		}
	});
});
