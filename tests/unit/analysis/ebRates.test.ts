import { describe, expect, it } from 'vitest';
import { ebRates } from '$lib/core/analysis';

describe('empirical-Bayes rates (Marshall 1991)', () => {
	it('matches a hand-computed example with a positive prior variance', () => {
		/*
		 * y = 2 5 10 12, P = 1000 2000 4000 500, r = 0.002 0.0025 0.0025 0.024.
		 * b = 29/7500 = 0.0038667; s² = Σ P(r − b)² / 7500 = 2.8982e-5; b/(ΣP/n) = b/1875 = 2.0622e-6;
		 * a = 2.692e-5 > 0. Group 4: a/(a + b/P) = 2.692e-5/(2.692e-5 + 7.7333e-6) = 0.77683,
		 * EB = b + 0.77683 (0.024 − b) = 0.019507 → 19.507 per 1,000.
		 * Exact fractions (Python Fraction): EB·1000 = 15478/6927, 33649/12984, 31967/12549, 152096/7797.
		 */
		const result = ebRates([2, 5, 10, 12], [1000, 2000, 4000, 500]);
		expect(result.groups.map((group) => group.raw)).toEqual([2, 2.5, 2.5, 24]);
		const expected = [15478 / 6927, 33649 / 12984, 31967 / 12549, 152096 / 7797];
		result.groups.forEach((group, i) => expect(group.eb).toBeCloseTo(expected[i], 10));
		expect(result.groups[3].eb).toBeCloseTo(19.507, 3);
		expect(result.priorMean).toBeCloseTo((29 / 7500) * 1000, 12);
		expect(result.priorVariance).toBeCloseTo(2.692e-5, 15);
	});

	it('floors a negative prior variance at 0, shrinking every rate to b', () => {
		/*
		 * y = 9 21 30, P = 1000 2000 3000, r = 0.009 0.0105 0.01, b = 60/6000 = 0.01.
		 * s² = (1000 · 1e-6 + 2000 · 2.5e-7 + 0)/6000 = 2.5e-7; b/(ΣP/n) = 0.01/2000 = 5e-6;
		 * a = 2.5e-7 − 5e-6 < 0 → 0 → EB = b = 10 per 1,000 everywhere.
		 */
		const result = ebRates([9, 21, 30], [1000, 2000, 3000]);
		expect(result.groups.map((group) => group.raw)).toEqual([9, 10.5, 10]);
		for (const group of result.groups) expect(group.eb).toBeCloseTo(10, 12);
		expect(result.priorVariance).toBe(0);
	});

	it('leaves groups without a population out of the estimate, with null rates', () => {
		const result = ebRates([9, 4, 21, 7, 30], [1000, null, 2000, 0, 3000]);
		expect(result.groups[1]).toEqual({ raw: null, eb: null });
		expect(result.groups[3]).toEqual({ raw: null, eb: null });
		expect(result.priorMean).toBeCloseTo(10, 12);
		expect(result.groups[4].eb).toBeCloseTo(10, 12);
	});

	it('gives 0, not NaN, when there are no cases at all', () => {
		const result = ebRates([0, 0], [100, 300]);
		expect(result.groups).toEqual([
			{ raw: 0, eb: 0 },
			{ raw: 0, eb: 0 }
		]);
	});

	it('returns nulls when no population is known', () => {
		expect(ebRates([3, 4], [null, undefined])).toEqual({
			groups: [
				{ raw: null, eb: null },
				{ raw: null, eb: null }
			],
			priorMean: null,
			priorVariance: null
		});
	});
});
