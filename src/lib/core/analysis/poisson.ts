/**
 * The Poisson upper tail P(X ≥ x | λ) = 1 − Σ_{k<x} e^{−λ} λ^k / k! (Johnson, Kemp & Kotz, *Univariate Discrete
 * Distributions*, 3rd ed., Wiley 2005, ch. 4), summed from the pmf so that a tiny tail keeps its digits.
 */

const EPSILON = 2 ** -53;
const MAX_TERMS = 1_000_000;

/** ln n! — summed below 30, above it Stirling's series (Abramowitz & Stegun 6.1.41; error below 1/(1680 n⁷)). */
export function logFactorial(n: number): number {
	if (n < 30) {
		let sum = 0;
		for (let k = 2; k <= n; k++) sum += Math.log(k);
		return sum;
	}
	const inverse = 1 / n;
	const inverseSquared = inverse * inverse;
	return (
		n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) +
		inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260))
	);
}

/** P(X = k) for X ~ Poisson(λ), in log space so that a large λ or k neither overflows nor underflows early. */
export function poissonPmf(k: number, lambda: number): number {
	if (lambda === 0) return k === 0 ? 1 : 0;
	return Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));
}

/**
 * P(X ≥ x) for X ~ Poisson(λ) and a whole x. Above the mean the tail is summed upward from P(X = x), terms falling
 * by λ/(k+1) < 1, so a p of 1e-12 is as exact as one of 0.5; at or below the mean it is 1 minus the lower sum, taken
 * downward from P(X = x − 1), and is then at least about ½, so the subtraction costs no digits. λ = 0: the tail is 0
 * for any x ≥ 1.
 */
export function poissonUpperTail(x: number, lambda: number): number {
	if (!Number.isInteger(x) || !(lambda >= 0)) throw new RangeError(`poissonUpperTail(${x}, ${lambda})`);
	if (x <= 0) return 1;
	if (lambda === 0) return 0;
	if (x > lambda) {
		let term = poissonPmf(x, lambda);
		let sum = term;
		for (let k = x; k < x + MAX_TERMS && term > EPSILON * sum; k++) {
			term *= lambda / (k + 1);
			sum += term;
		}
		return Math.min(1, sum);
	}
	let term = poissonPmf(x - 1, lambda);
	let lower = term;
	for (let k = x - 1; k > 0 && term > EPSILON * lower; k--) {
		term *= k / lambda;
		lower += term;
	}
	return Math.max(0, 1 - lower);
}
