import { binOfP, binOfZ, type ConfidenceBin } from './significance';
import { twoSidedP } from './normal';
import { checkPermutations, conditionalPermutationTest, DEFAULT_PERMUTATIONS, DEFAULT_SEED } from './permutation';
import { mulberry32 } from './random';
import { assertFinite, isConstant, mean, populationSd } from './stats';
import { cleanNeighbours, type Neighbours } from './weights';
import type { GiInference } from '../queries/view';

export interface GiStarGroup {
	/** Gi* z-score; null when undefined (constant field, or a group whose neighbourhood is every group). */
	z: number | null;
	p: number | null;
	bin: ConfidenceBin;
}

export interface GiStarResult {
	groups: GiStarGroup[];
	/** Every value is the same: there is no z anywhere. */
	constant: boolean;
	inference: GiInference;
}

export interface GiStarOptions {
	/** How p is found (the z-scores are the same either way); `normal` by default, as SPEC §4 and ArcGIS. */
	inference?: GiInference;
	permutations?: number;
	seed?: number;
}

const NO_SCORE: GiStarGroup = { z: null, p: null, bin: 0 };

/**
 * Getis-Ord Gi* with binary weights, the group itself included (w_ii = 1):
 * z_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))),
 * X̄ = Σx/n, S = √(Σx²/n − X̄²). Sources: ArcGIS Pro, "How Hot Spot Analysis (Getis-Ord Gi*) works";
 * Getis & Ord (1992), Ord & Getis (1995). `neighbours` exclude the group itself; it is added here.
 *
 * p: `normal` is the two-sided standard normal p of z (ArcGIS), binned by |z| ≥ 2.576, 1.960, 1.645.
 * `permutation` is the folded pseudo p of conditional permutation — x_i fixed, its neighbours drawn from the
 * other values (GeoDa's local G*; PySAL `esda.G_Local(star=True)` `p_sim`) — binned at p ≤ 0.01, 0.05, 0.10
 * with the sign of z. Gi* rises with the neighbours' sum, so the permuted sums are compared with the observed
 * one. Small skewed counts are where the two differ: a few large values inflate S, so the normal z of even an
 * empty neighbourhood may not reach −1.645, while few random draws are as low as the observed neighbours.
 */
export function giStar(values: readonly number[], neighbours: Neighbours, options: GiStarOptions = {}): GiStarResult {
	const n = values.length;
	const inference = options.inference ?? 'normal';
	const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
	checkPermutations(permutations);
	assertFinite(values, 'values');
	const lists = cleanNeighbours(neighbours, n);
	if (isConstant(values)) {
		return { groups: values.map(() => ({ ...NO_SCORE })), constant: true, inference };
	}
	const average = mean(values);
	const sd = populationSd(values, average);
	const permutationP =
		inference === 'permutation'
			? conditionalPermutationTest(values, lists, permutations, mulberry32(options.seed ?? DEFAULT_SEED))
			: undefined;
	const groups = lists.map((list, i) => {
		const weightSum = list.length + 1;
		let localSum = values[i];
		for (const j of list) localSum += values[j];
		// Binary weights: n Σw² − (Σw)² = W (n − W), zero when the neighbourhood is every group (then 0/0).
		const spread = weightSum * (n - weightSum);
		if (spread === 0) return { ...NO_SCORE };
		const z = (localSum - average * weightSum) / (sd * Math.sqrt(spread / (n - 1)));
		if (!permutationP) return { z, p: twoSidedP(z), bin: binOfZ(z) };
		const neighbourSum = list.reduce((sum, j) => sum + values[j], 0);
		const p = permutationP(i, list.length, neighbourSum, 1);
		return { z, p, bin: binOfP(p, z) };
	});
	return { groups, constant: false, inference };
}
