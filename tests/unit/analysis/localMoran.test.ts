import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMoran } from '$lib/core/analysis';

/*
 * Five groups on a line, each touching the next: x = 1 2 4 7 6.
 * X̄ = 4, z = −3 −2 0 3 2, m2 = (9+4+0+9+4)/5 = 26/5.
 * Row-standardised lags: −2, (−3+0)/2 = −1.5, (−2+3)/2 = 0.5, (0+2)/2 = 1, 3.
 * I = z·lag/m2: 6·5/26 = 15/13, 3·5/26 = 15/26, 0, 15/26, 15/13 (exact fractions, by hand and with Python Fraction).
 */
const line = [[1], [0, 2], [1, 3], [2, 4], [3]];
const values = [1, 2, 4, 7, 6];

describe("local Moran's I", () => {
	it('matches the hand-computed line', () => {
		const { groups, constant } = localMoran(values, line);
		expect(constant).toBe(false);
		const expectedI = [15 / 13, 15 / 26, 0, 15 / 26, 15 / 13];
		const expectedLag = [-2, -1.5, 0.5, 1, 3];
		groups.forEach((group, i) => {
			expect(group.I).toBeCloseTo(expectedI[i], 12);
			expect(group.lag).toBeCloseTo(expectedLag[i], 12);
		});
		expect(groups.map((group) => group.deviation)).toEqual([-3, -2, 0, 3, 2]);
	});

	it('gives a group at the mean p = 1: every permutation ties', () => {
		expect(localMoran(values, line).groups[2].p).toBe(1);
	});

	it('draws only from the other groups: one neighbour among four others gives p ≈ 1/4', () => {
		// group 0 (x = 1, z < 0) has the single neighbour x = 2, the lowest of the others {2, 4, 7, 6}:
		// a permuted I is ≥ the observed one only when 2 is drawn, with probability 1/4
		// (drawing from all five values, x_0 included, would give 2/5).
		const p = localMoran(values, line, { permutations: 99_999 }).groups[0].p!;
		expect(Math.abs(p - 0.25)).toBeLessThan(0.005);
	});

	it('draws without replacement: two neighbours among four others gives p ≈ 1/6', () => {
		// group 1 (x = 2, z < 0) has neighbours {1, 4}, sum 5; pairs from {1, 4, 7, 6}: only {1, 4} sums ≤ 5,
		// so P = 1/6 = 0.1667 (with replacement it would be 3/16 = 0.1875). sd of p̂ with 99,999 draws ≈ 0.0012.
		const p = localMoran(values, line, { permutations: 99_999 }).groups[1].p!;
		expect(Math.abs(p - 1 / 6)).toBeLessThan(0.006);
	});

	it('reproduces p for a seed; another seed changes p but not I', () => {
		const first = localMoran(values, line, { seed: 7 });
		const again = localMoran(values, line, { seed: 7 });
		const other = localMoran(values, line, { seed: 8 });
		expect(again).toEqual(first);
		expect(other.groups.map((group) => group.I)).toEqual(first.groups.map((group) => group.I));
		expect(other.groups.map((group) => group.p)).not.toEqual(first.groups.map((group) => group.p));
		for (const group of first.groups) {
			expect(group.p! * 1000).toBeCloseTo(Math.round(group.p! * 1000), 9);
			expect(group.p).toBeGreaterThanOrEqual(0.001);
			expect(group.p).toBeLessThanOrEqual(1);
		}
	});

	it('labels quadrants: HL and LH outliers on x = 4 0 5 1 6', () => {
		// X̄ = 3.2, z = 0.8 −3.2 1.8 −2.2 2.8, lags −3.2 1.3 −2.7 2.3 −2.2 → HL LH HL LH HL
		const { groups } = localMoran([4, 0, 5, 1, 6], line, { alpha: 1.01 });
		expect(groups.map((group) => group.cluster)).toEqual(['HL', 'LH', 'HL', 'LH', 'HL']);
	});

	it('finds a significant High-High core and a Low-Low core', () => {
		// 5 × 5 rook grid, the top-left 3 × 3 block = 10, the rest 0. The block centre (group 6) has four
		// neighbours, all 10; drawing four 10s from the other 24 values (8 tens) has probability
		// C(8,4)/C(24,4) = 70/10626 ≈ 0.0066, so p ≈ 0.007 < 0.05. Negating the field makes it Low-Low.
		const side = 5;
		const rook = Array.from({ length: side * side }, (_, k) => {
			const [row, col] = [Math.floor(k / side), k % side];
			return [
				[row - 1, col],
				[row + 1, col],
				[row, col - 1],
				[row, col + 1]
			]
				.filter(([r, c]) => r >= 0 && r < side && c >= 0 && c < side)
				.map(([r, c]) => r * side + c);
		});
		const field = rook.map((_, k) => (Math.floor(k / side) < 3 && k % side < 3 ? 10 : 0));
		const high = localMoran(field, rook).groups[6];
		expect(high.cluster).toBe('HH');
		expect(high.p).toBeLessThan(0.02);
		expect(localMoran(field.map((x) => -x), rook).groups[6].cluster).toBe('LL');
		// the far corner, low among lows, is common and not significant
		expect(localMoran(field, rook).groups[24].cluster).toBe('ns');
	});

	it('gives an island I = 0, p = null, class ns', () => {
		const { groups } = localMoran([1, 5, 9], [[1], [0], []]);
		expect(groups[2]).toMatchObject({ I: 0, p: null, cluster: 'ns', lag: null });
	});

	it('reports a constant field with null statistics', () => {
		const result = localMoran([3, 3, 3, 3, 3], line);
		expect(result.constant).toBe(true);
		for (const group of result.groups) expect(group).toEqual({ I: null, p: null, cluster: 'ns', deviation: null, lag: null });
	});

	it('gives each group the same I whatever the order of the groups', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
				fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
				(field, order) => {
					const position = new Map(order.map((original, k) => [original, k]));
					const permuted = localMoran(
						order.map((original) => field[original]),
						order.map((original) => line[original].map((j) => position.get(j)!)),
						{ permutations: 9 }
					).groups;
					const original = localMoran(field, line, { permutations: 9 }).groups;
					order.forEach((originalIndex, k) => {
						const before = original[originalIndex].I;
						if (before === null) expect(permuted[k].I).toBeNull();
						else expect(permuted[k].I).toBeCloseTo(before, 10);
					});
				}
			)
		);
	});
});
