import { binOfZ, type ConfidenceBin } from './significance';
import { twoSidedP } from './normal';
import { assertFinite, isConstant, mean, populationSd } from './stats';
import { cleanNeighbours, type Neighbours } from './weights';

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
}

const NO_SCORE: GiStarGroup = { z: null, p: null, bin: 0 };

/**
 * Getis-Ord Gi* with binary weights, the group itself included (w_ii = 1):
 * z_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))),
 * X̄ = Σx/n, S = √(Σx²/n − X̄²). Sources: ArcGIS Pro, "How Hot Spot Analysis (Getis-Ord Gi*) works";
 * Getis & Ord (1992), Ord & Getis (1995). `neighbours` exclude the group itself; it is added here.
 */
export function giStar(values: readonly number[], neighbours: Neighbours): GiStarResult {
	const n = values.length;
	assertFinite(values, 'values');
	const lists = cleanNeighbours(neighbours, n);
	if (isConstant(values)) {
		return { groups: values.map(() => ({ ...NO_SCORE })), constant: true };
	}
	const average = mean(values);
	const sd = populationSd(values, average);
	const groups = lists.map((list, i) => {
		const weightSum = list.length + 1;
		let localSum = values[i];
		for (const j of list) localSum += values[j];
		// Binary weights: n Σw² − (Σw)² = W (n − W), zero when the neighbourhood is every group (then 0/0).
		const spread = weightSum * (n - weightSum);
		if (spread === 0) return { ...NO_SCORE };
		const z = (localSum - average * weightSum) / (sd * Math.sqrt(spread / (n - 1)));
		return { z, p: twoSidedP(z), bin: binOfZ(z) };
	});
	return { groups, constant: false };
}
