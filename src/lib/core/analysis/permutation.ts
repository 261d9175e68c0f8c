import { sampleInPlace, type Random } from './random';

export const DEFAULT_PERMUTATIONS = 999;
export const DEFAULT_SEED = 12345;

/**
 * Conditional permutation (Anselin 1995), as GeoDa and PySAL `esda` (`crand`) do it for Local Moran and Gi*: x_i
 * held fixed, |N_i| values drawn without replacement from the other n − 1 and summed. Both statistics rise or fall
 * with the sum of the neighbours' values, so the permuted sums are compared with the observed one directly —
 * `direction` is +1 when the statistic rises with the sum, −1 when it falls — so integer counts compare exactly
 * and equal sums stay ties. Folded pseudo p = (min(#≥, #≤) + 1) / (permutations + 1).
 *
 * The draws are one table shared by every group, as GeoDa (its permutation table) and esda (`permuted_ids`) do:
 * row r is an ordered sample of distinct positions among n − 1, as many as the largest neighbourhood has, and
 * group i with k neighbours sums the values at the row's first k positions, counted over the groups other than i.
 * Any prefix of an ordered sample is a uniform sample, so each group's p has exactly the distribution it has with
 * draws of its own; what the groups share is the Monte Carlo error of their p-values. Draws of its own cost |N_i|
 * random numbers per permutation for every group, more than the whole test with the table (README, Statistics).
 * The same values, neighbour lists and seed give the same p.
 */
export function conditionalPermutationTest(
	values: readonly number[],
	neighbourLists: readonly (readonly number[])[],
	permutations: number,
	random: Random
): (group: number, neighbourCount: number, observedSum: number, direction: number) => number {
	const numbers = Float64Array.from(values);
	const others = Math.max(values.length - 1, 0);
	const width = Math.min(
		neighbourLists.reduce((widest, list) => Math.max(widest, list.length), 0),
		others
	);
	const table = new Int32Array(permutations * width);
	const pool = Int32Array.from({ length: others }, (_, position) => position);
	for (let row = 0; row < permutations; row++) {
		sampleInPlace(random, pool, others, width);
		table.set(pool.subarray(0, width), row * width);
	}
	return (group, neighbourCount, observedSum, direction) => {
		let atLeast = 0;
		let atMost = 0;
		for (let row = 0; row < permutations; row++) {
			const start = row * width;
			let sum = 0;
			// position p among the others is group p, or p + 1 from the group itself on (without a branch)
			for (let k = start; k < start + neighbourCount; k++) sum += numbers[table[k] + ((group - table[k] - 1) >>> 31)];
			const difference = direction * (sum - observedSum);
			if (difference >= 0) atLeast++;
			if (difference <= 0) atMost++;
		}
		return (Math.min(atLeast, atMost) + 1) / (permutations + 1);
	};
}

export function checkPermutations(permutations: number): void {
	if (!Number.isInteger(permutations) || permutations < 1) {
		throw new RangeError(`permutations must be a positive integer, got ${permutations}`);
	}
}
