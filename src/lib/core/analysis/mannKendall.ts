import { twoSidedP } from './normal';
import { assertFinite } from './stats';

export interface MannKendallResult {
	/** Series length T. */
	n: number;
	s: number;
	variance: number;
	z: number;
	p: number;
	/** Kendall's τ_a = S / (T(T − 1)/2). */
	tau: number;
	/** Fewer than 10 steps: the normal approximation is rough (SPEC §4). */
	unreliable: boolean;
}

const MIN_LENGTH = 3;
const RELIABLE_LENGTH = 10;

function tieCorrection(series: readonly number[]): number {
	const counts = new Map<number, number>();
	for (const value of series) counts.set(value, (counts.get(value) ?? 0) + 1);
	let correction = 0;
	for (const t of counts.values()) correction += t * (t - 1) * (2 * t + 5);
	return correction;
}

/**
 * Mann–Kendall trend test (Mann 1945; Kendall 1975): S = Σ_{i<j} sign(x_j − x_i),
 * Var(S) = [T(T−1)(2T+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18 over groups of tied values,
 * Z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0; two-sided normal p.
 * Null below 3 steps.
 */
export function mannKendall(series: readonly number[]): MannKendallResult | null {
	assertFinite(series, 'series');
	const T = series.length;
	if (T < MIN_LENGTH) return null;
	let s = 0;
	for (let i = 0; i < T - 1; i++) {
		for (let j = i + 1; j < T; j++) s += Math.sign(series[j] - series[i]);
	}
	const variance = (T * (T - 1) * (2 * T + 5) - tieCorrection(series)) / 18;
	const continuity = s > 0 ? s - 1 : s < 0 ? s + 1 : 0;
	const z = variance > 0 ? continuity / Math.sqrt(variance) : 0;
	const p = variance > 0 ? twoSidedP(z) : 1;
	return { n: T, s, variance, z, p, tau: s / ((T * (T - 1)) / 2), unreliable: T < RELIABLE_LENGTH };
}
