import { describe, expect, test } from 'vitest';
import { logFactorial, poissonPmf, poissonUpperTail } from '../../../src/lib/core/analysis/poisson';

function expectRelative(actual: number, expected: number, tolerance = 1e-12) {
	expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('Poisson upper tail P(X ≥ x | λ)', () => {
	test('by hand: P(X ≥ 3 | 0.5) = 1 − e^−0.5 (1 + 0.5 + 0.125)', () => {
		expectRelative(poissonUpperTail(3, 0.5), 1 - Math.exp(-0.5) * (1 + 0.5 + 0.125));
	});

	test('by hand: P(X ≥ 1 | λ) = 1 − e^−λ, and P(X ≥ 0) = 1', () => {
		for (const lambda of [0.2, 1, 4.5]) expectRelative(poissonUpperTail(1, lambda), 1 - Math.exp(-lambda));
		expect(poissonUpperTail(0, 3)).toBe(1);
	});

	// Reference values: mpmath 1.3 at 30 digits, the regularized lower gamma P(x, λ) = P(X ≥ x | λ).
	test.each([
		[10, 1, 1.1142547833872067735e-7],
		[7, 0.75, 0.000013789049188991760607],
		[4, 1 / 6, 0.000028147525053898633796],
		[30, 2, 5.855318609378577008e-25],
		[1, 0.001, 0.00099950016662500835274],
		[100, 100, 0.51329879827914866486],
		[150, 100, 1.8842104660386700135e-6],
		[60, 100, 0.99999365849657263123],
		[1000, 900, 0.00054990226571178292301],
		[2500, 2000, 2.9491918869834727015e-27]
	])('P(X ≥ %s | %s) against mpmath', (x, lambda, expected) => {
		expectRelative(poissonUpperTail(x, lambda), expected, 1e-10);
	});

	test('λ = 0: no case is expected, so any case at all has probability 0', () => {
		expect(poissonUpperTail(1, 0)).toBe(0);
		expect(poissonUpperTail(3, 0)).toBe(0);
		expect(poissonUpperTail(0, 0)).toBe(1);
	});

	test('the tail falls as x rises and rises with λ', () => {
		for (let x = 1; x < 40; x++) expect(poissonUpperTail(x + 1, 7.3)).toBeLessThan(poissonUpperTail(x, 7.3));
		expect(poissonUpperTail(5, 1.1)).toBeGreaterThan(poissonUpperTail(5, 1));
	});

	test('the pmf sums to 1 and ln n! matches the product on both sides of the switch to Stirling', () => {
		let sum = 0;
		for (let k = 0; k < 200; k++) sum += poissonPmf(k, 37.5);
		expectRelative(sum, 1, 1e-12);
		let product = 1;
		for (let n = 1; n <= 40; n++) {
			product *= n;
			expect(Math.abs(logFactorial(n) - Math.log(product))).toBeLessThan(1e-12 * Math.max(1, Math.log(product)));
		}
	});

	test('a whole x and a λ that is a number are required', () => {
		expect(() => poissonUpperTail(2.5, 1)).toThrow(RangeError);
		expect(() => poissonUpperTail(2, Number.NaN)).toThrow(RangeError);
		expect(() => poissonUpperTail(2, -1)).toThrow(RangeError);
	});
});
