import { describe, expect, it } from 'vitest';
import { giStar, mannKendall } from '$lib/core/analysis';

describe('Mann–Kendall', () => {
	it('handles ties: 1 2 2 3 5 4 4 6 7 7 8', () => {
		/*
		 * T = 11, 55 pairs i < j: 3 tie (2,2), (4,4), (7,7); 2 fall (5 → 4, 5 → 4); the other 50 rise.
		 * S = 50 − 2 = 48 (also checked with a plain double loop in Python).
		 * Three tie groups of 2: Var = [11·10·27 − 3 · 2·1·9]/18 = (2970 − 54)/18 = 162.
		 * Z = (48 − 1)/√162 = 3.6926687461964148, p = erfc(Z/√2) = 2.2191299687909049e-4, τ = 48/55.
		 */
		const result = mannKendall([1, 2, 2, 3, 5, 4, 4, 6, 7, 7, 8])!;
		expect(result.s).toBe(48);
		expect(result.variance).toBe(162);
		expect(result.z).toBeCloseTo(3.6926687461964148, 12);
		expect(result.p).toBeCloseTo(2.2191299687909049e-4, 15);
		expect(result.tau).toBeCloseTo(48 / 55, 14);
		expect(result.unreliable).toBe(false);
	});

	it('applies the continuity correction downwards: 5 3 4 1 2', () => {
		// pairs: 5→(3,4,1,2) −4; 3→(4 +, 1 −, 2 −) −1; 4→(1,2) −2; 1→2 +1; S = −6.
		// Var = 5·4·15/18 = 50/3, Z = (−6 + 1)/√(50/3) = −1.224744871391589, p = 0.22067136191984679
		const result = mannKendall([5, 3, 4, 1, 2])!;
		expect(result.s).toBe(-6);
		expect(result.z).toBeCloseTo(-1.224744871391589, 12);
		expect(result.p).toBeCloseTo(0.22067136191984679, 12);
		expect(result.tau).toBeCloseTo(-0.6, 14);
		expect(result.unreliable).toBe(true);
	});

	it('needs three steps', () => {
		expect(mannKendall([1, 2])).toBeNull();
		expect(mannKendall([])).toBeNull();
		expect(mannKendall([1, 2, 3])).not.toBeNull();
	});

	it('gives z 0 and p 1 when every value ties (Var = 0)', () => {
		expect(mannKendall([4, 4, 4, 4])).toMatchObject({ s: 0, variance: 0, z: 0, p: 1, tau: 0 });
	});

	it('flags fewer than 10 steps as unreliable', () => {
		expect(mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9])!.unreliable).toBe(true);
		expect(mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!.unreliable).toBe(false);
	});

	it('ties Gi* z-scores that are equal in exact arithmetic but summed in another order', () => {
		/*
		 * A path of six groups and an island, values 0.1 0.2 0.3 0.3 0.2 0.1 | 1. Groups 1 and 4 both sum
		 * {0.1, 0.2, 0.3} with W = 3, so their z is the same number, but group 1 adds 0.2 + 0.1 + 0.3
		 * (= 0.6000000000000001) and group 4 adds 0.2 + 0.3 + 0.1 (= 0.6): the two doubles differ in the last bits.
		 */
		const { groups } = giStar([0.1, 0.2, 0.3, 0.3, 0.2, 0.1, 1], [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4], []]);
		const [zA, zB] = [groups[1].z!, groups[4].z!];
		expect(zA).not.toBe(zB);
		expect(Math.abs(zA - zB)).toBeLessThan(1e-12);
		expect(zA).toBeGreaterThan(-2);
		expect(zA).toBeLessThan(1);
		/*
		 * Series v 1 v −2 v 2 with v = zA = zB exactly (−2 < v < 1). Pairs i < j by first element:
		 * v: +1 (1), 0, −1 (−2), 0, +1 (2) → +1;  1: −1, −1, −1, +1 → −2;  v: −1, 0, +1 → 0;  −2: +1, +1 → +2;
		 * v: +1 → +1.  S = 2. One tie group of 3: Var = [6·5·17 − 3·2·11]/18 = 444/18 = 74/3.
		 * Z = (2 − 1)/√(74/3) = 0.20134681656420729, p = erfc(Z/√2) = 0.84042739773594700 (mpmath, 30 digits),
		 * τ = 2/15. Taking the bits as they are would give S = 0 (zB < zA twice) and Var = 82/3.
		 */
		const result = mannKendall([zA, 1, zB, -2, zB, 2])!;
		expect(result.s).toBe(2);
		expect(result.variance).toBeCloseTo(74 / 3, 12);
		expect(result.z).toBeCloseTo(0.20134681656420729, 14);
		expect(result.p).toBeCloseTo(0.840427397735947, 14);
		expect(result.tau).toBeCloseTo(2 / 15, 14);
	});

	it('keeps values further apart than the tolerance distinct', () => {
		// 1, 1 + 1e-6, 1 + 2e-6: a rise at every pair (S = 3, no ties, Var = 3·2·11/18 = 11/3).
		const result = mannKendall([1, 1 + 1e-6, 1 + 2e-6])!;
		expect(result.s).toBe(3);
		expect(result.variance).toBeCloseTo(11 / 3, 12);
	});
});
