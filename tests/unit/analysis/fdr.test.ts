import { describe, expect, it } from 'vitest';
import { fdrBins, fdrCutoff } from '$lib/core/analysis';

/*
 * Ten p-values, sorted: 0.0009 0.008 0.016 0.019 0.035 0.04 0.06 0.2 0.5 0.9 (m = 10).
 * α = 0.10, k·α/m = 0.01k: p_(7) = 0.06 ≤ 0.07, p_(8) = 0.2 > 0.08, nothing later passes → cut-off 0.06.
 * α = 0.05, 0.005k: p_(3) = 0.016 > 0.015 fails, but p_(4) = 0.019 ≤ 0.02 and p_(5) = 0.035 > 0.025, p_(6..10)
 *   fail → largest k = 4, cut-off 0.019 (step-up: rank 3 passes through rank 4).
 * α = 0.01, 0.001k: p_(1) = 0.0009 ≤ 0.001, p_(2) = 0.008 > 0.002, none later → cut-off 0.0009.
 * Bins: 0.0009 → 3; 0.008, 0.016, 0.019 → 2; 0.035, 0.04, 0.06 → 1; 0.2, 0.5, 0.9 → 0. Signs from z.
 */
const pValues = [0.0009, 0.008, 0.016, 0.019, 0.035, 0.04, 0.06, 0.2, 0.5, 0.9];
const expectedBins = [3, 2, 2, 2, 1, 1, 1, 0, 0, 0];

describe('false discovery rate bins', () => {
	it('finds the Benjamini–Hochberg cut-off at each level', () => {
		expect(fdrCutoff(pValues, 0.1)).toBe(0.06);
		expect(fdrCutoff(pValues, 0.05)).toBe(0.019);
		expect(fdrCutoff(pValues, 0.01)).toBe(0.0009);
		expect(fdrCutoff([0.5, 0.9], 0.1)).toBe(Number.NEGATIVE_INFINITY);
	});

	it('bins each group at the strictest level passed, signed by z, in any input order', () => {
		const order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];
		const groups = order.map((k) => ({ p: pValues[k], z: k % 2 === 0 ? 3 : -3 }));
		const bins = fdrBins(groups);
		order.forEach((k, position) => {
			const sign = k % 2 === 0 ? 1 : -1;
			expect(bins[position]).toBe(expectedBins[k] === 0 ? 0 : sign * expectedBins[k]);
		});
	});

	it('leaves z and p untouched and is stricter than the unadjusted bins', () => {
		const groups = pValues.map((p) => ({ p, z: 2 }));
		const copy = structuredClone(groups);
		const bins = fdrBins(groups);
		expect(groups).toEqual(copy);
		// p = 0.008 is significant at 99 % unadjusted but only at 95 % after FDR
		expect(bins[1]).toBe(2);
	});

	it('treats a null p as untested: bin 0, and not counted in m', () => {
		const groups = [...pValues.map((p) => ({ p, z: 1 })), { p: null, z: null }, { p: null, z: null }];
		const bins = fdrBins(groups);
		expect(bins).toEqual([...expectedBins, 0, 0]);
	});

	it('passes nothing when nothing is small enough', () => {
		expect(fdrBins([{ p: 0.3, z: 1 }, { p: 0.6, z: -1 }])).toEqual([0, 0]);
		expect(fdrBins([])).toEqual([]);
	});
});
