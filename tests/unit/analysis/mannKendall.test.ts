import { describe, expect, it } from 'vitest';
import { mannKendall } from '$lib/core/analysis';

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
});
