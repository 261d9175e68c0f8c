import { checkPermutations, conditionalPermutationTest, DEFAULT_PERMUTATIONS, DEFAULT_SEED } from './permutation';
import { mulberry32 } from './random';
import { assertFinite, isConstant, mean } from './stats';
import { cleanNeighbours, type Neighbours } from './weights';

export type MoranCluster = 'HH' | 'LL' | 'HL' | 'LH' | 'ns';

export interface LocalMoranGroup {
	/** Local Moran's I_i; 0 for an island, null for a constant field. */
	I: number | null;
	/** Folded conditional-permutation pseudo p; null for an island or a constant field. */
	p: number | null;
	cluster: MoranCluster;
	/** z_i = x_i − X̄. */
	deviation: number | null;
	/** Spatial lag of the deviations: the mean of z_j over the neighbours; null for an island. */
	lag: number | null;
}

export interface LocalMoranOptions {
	permutations?: number;
	seed?: number;
	alpha?: number;
}

export interface LocalMoranResult {
	groups: LocalMoranGroup[];
	constant: boolean;
	permutations: number;
	seed: number;
}

export { DEFAULT_PERMUTATIONS, DEFAULT_SEED };
const DEFAULT_ALPHA = 0.05;

function quadrant(deviation: number, lag: number): MoranCluster {
	if (deviation > 0 && lag > 0) return 'HH';
	if (deviation < 0 && lag < 0) return 'LL';
	if (deviation > 0 && lag < 0) return 'HL';
	if (deviation < 0 && lag > 0) return 'LH';
	return 'ns';
}

/**
 * Local Moran's I with row-standardised weights, the group itself excluded (SPEC §4):
 * z_i = x_i − X̄, m2 = Σ z_i² / n, I_i = z_i Σ_j w_ij z_j / m2 — the scaling of R `spdep::localmoran`. GeoDa and
 * PySAL `esda.Moran_Local` divide by Σ z_i² / (n − 1) instead, so their I_i is ours × (n − 1)/n (GeoDa as
 * measured for issue 13; esda computes (n − 1) z_i lag_i / Σ z²); p and the clusters are the same either way.
 * Clusters are the quadrant of (z_i, lag z_i) at p < α.
 * I does not depend on the order of the groups; p does, through the order in which groups consume the
 * seeded random stream — the same data in the same order with the same seed gives the same p.
 */
export function localMoran(
	values: readonly number[],
	neighbours: Neighbours,
	options: LocalMoranOptions = {}
): LocalMoranResult {
	const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
	const seed = options.seed ?? DEFAULT_SEED;
	const alpha = options.alpha ?? DEFAULT_ALPHA;
	checkPermutations(permutations);
	assertFinite(values, 'values');
	const lists = cleanNeighbours(neighbours, values.length);
	const frame = { permutations, seed };

	if (isConstant(values)) {
		const empty: LocalMoranGroup = { I: null, p: null, cluster: 'ns', deviation: null, lag: null };
		return { groups: values.map(() => ({ ...empty })), constant: true, ...frame };
	}
	const average = mean(values);
	const deviations = values.map((value) => value - average);
	const m2 = mean(deviations.map((deviation) => deviation * deviation));
	const permutationP = conditionalPermutationTest(values, lists, permutations, mulberry32(seed));

	const groups = lists.map((list, i): LocalMoranGroup => {
		const deviation = deviations[i];
		if (list.length === 0) return { I: 0, p: null, cluster: 'ns', deviation, lag: null };
		let observedSum = 0;
		for (const j of list) observedSum += values[j];
		const lag = observedSum / list.length - average;
		const I = (deviation * lag) / m2;
		// I_i rises with the neighbours' sum when x_i is above the mean and falls with it when below.
		const direction = Math.sign(deviation);
		const p = permutationP(i, list.length, observedSum, direction);
		return { I, p, cluster: p < alpha ? quadrant(deviation, lag) : 'ns', deviation, lag };
	});
	return { groups, constant: false, ...frame };
}
