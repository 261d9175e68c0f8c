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

/**
 * Values closer than this, relative to the series' largest |x|, are ties. A series of Gi* z-scores holds values
 * that are equal in exact arithmetic but were summed in another order, so they differ in the last bits of a
 * double (a relative gap near 1e-16); counting them as a rise or a fall moves S by one and changes τ and p.
 * 1e-9 is far above rounding noise and far below any difference that means something in a z-score.
 */
export const TIE_TOLERANCE = 1e-9;

/**
 * The rank of each value's group of ties (sorted ascending, a new group when the next value is more than the
 * tolerance above the previous one) and the size of every group.
 */
function tieRanks(series: readonly number[]): { ranks: number[]; sizes: number[] } {
	const scale = Math.max(0, ...series.map(Math.abs));
	const tolerance = TIE_TOLERANCE * scale;
	const order = series.map((_, i) => i).sort((a, b) => series[a] - series[b]);
	const ranks = new Array<number>(series.length);
	const sizes: number[] = [];
	order.forEach((index, position) => {
		const previous = order[position - 1];
		if (position === 0 || series[index] - series[previous] > tolerance) sizes.push(0);
		ranks[index] = sizes.length - 1;
		sizes[sizes.length - 1]++;
	});
	return { ranks, sizes };
}

/**
 * Mann–Kendall trend test (Mann 1945; Kendall 1975): S = Σ_{i<j} sign(x_j − x_i),
 * Var(S) = [T(T−1)(2T+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18 over groups of tied values,
 * Z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0; two-sided normal p.
 * Values within `TIE_TOLERANCE` of each other count as tied, in S and in Var alike. Null below 3 steps.
 */
export function mannKendall(series: readonly number[]): MannKendallResult | null {
	assertFinite(series, 'series');
	const T = series.length;
	if (T < MIN_LENGTH) return null;
	const { ranks, sizes } = tieRanks(series);
	let s = 0;
	for (let i = 0; i < T - 1; i++) {
		for (let j = i + 1; j < T; j++) s += Math.sign(ranks[j] - ranks[i]);
	}
	let tieCorrection = 0;
	for (const t of sizes) tieCorrection += t * (t - 1) * (2 * t + 5);
	const variance = (T * (T - 1) * (2 * T + 5) - tieCorrection) / 18;
	const continuity = s > 0 ? s - 1 : s < 0 ? s + 1 : 0;
	const z = variance > 0 ? continuity / Math.sqrt(variance) : 0;
	const p = variance > 0 ? twoSidedP(z) : 1;
	return { n: T, s, variance, z, p, tau: s / ((T * (T - 1)) / 2), unreliable: T < RELIABLE_LENGTH };
}
