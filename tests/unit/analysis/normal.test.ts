import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedP } from '$lib/core/analysis';

// Reference values: mpmath at 30 significant digits (mpmath.ncdf, mpmath.erfc(|z|/sqrt(2))).
function expectRelative(actual: number, expected: number, tolerance = 1e-12) {
	expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('normal distribution', () => {
	it('Φ at familiar points', () => {
		expectRelative(normalCdf(1.96), 0.9750021048517795);
		expectRelative(normalCdf(0.3), 0.617911422188952633);
		expectRelative(normalCdf(-0.3), 0.382088577811047367);
		expectRelative(normalCdf(-8), 6.22096057427178412e-16);
		expect(normalCdf(0)).toBe(0.5);
	});

	it('two-sided p at the critical values and in the tails', () => {
		expectRelative(twoSidedP(2.576), 0.00999506463147003479);
		expectRelative(twoSidedP(1.96), 0.0499957902964408724);
		expectRelative(twoSidedP(1.645), 0.0999698110782427269);
		expectRelative(twoSidedP(3), 0.0026997960632601866);
		expectRelative(twoSidedP(-3), 0.0026997960632601866);
		expectRelative(twoSidedP(5), 5.733031437583878e-7);
		expectRelative(twoSidedP(0.5), 0.617075077451973793);
		expectRelative(twoSidedP(8), 1.24419211485435682e-15);
		expect(twoSidedP(0)).toBe(1);
	});

	it('erfc on both branches and far in the tail', () => {
		expectRelative(erfc(0.5), 0.479500122186953462);
		expectRelative(erfc(-1), 1.84270079294971487);
		expectRelative(erfc(10), 2.08848758376254476e-45);
		expectRelative(erfc(26), 5.66319240885614285e-296);
		expect(erfc(0)).toBe(1);
		expect(erfc(40)).toBe(0);
		expect(Number.isNaN(erfc(Number.NaN))).toBe(true);
	});

	it('is continuous where the series hands over to the continued fraction', () => {
		// erfc(1.5) = 0.033894853524689273 (mpmath)
		expectRelative(erfc(1.5 - 1e-12), 0.033894853524689273, 1e-11);
		expectRelative(erfc(1.5), 0.033894853524689273);
	});
});
