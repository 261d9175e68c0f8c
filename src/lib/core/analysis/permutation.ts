import { sampleInPlace, type Random } from './random';

export const DEFAULT_PERMUTATIONS = 999;
export const DEFAULT_SEED = 12345;

/**
 * Conditional permutation (Anselin 1995), as GeoDa and PySAL `esda` (`crand`) do it for Local Moran and Gi*: x_i
 * held fixed, |N_i| values drawn without replacement from the other n − 1 and summed. Both statistics rise or fall
 * with the sum of the neighbours' values, so the permuted sums are compared with the observed one directly —
 * `direction` is +1 when the statistic rises with the sum, −1 when it falls — so integer counts compare exactly
 * and equal sums stay ties. Folded pseudo p = (min(#≥, #≤) + 1) / (permutations + 1).
 */
export function conditionalPermutationP(
	values: readonly number[],
	group: number,
	neighbourCount: number,
	observedSum: number,
	direction: number,
	permutations: number,
	random: Random
): number {
	const others = values.filter((_, j) => j !== group);
	let atLeast = 0;
	let atMost = 0;
	for (let draw = 0; draw < permutations; draw++) {
		sampleInPlace(random, others, others.length, neighbourCount);
		let sum = 0;
		for (let k = 0; k < neighbourCount; k++) sum += others[k];
		const difference = direction * (sum - observedSum);
		if (difference >= 0) atLeast++;
		if (difference <= 0) atMost++;
	}
	return (Math.min(atLeast, atMost) + 1) / (permutations + 1);
}

export function checkPermutations(permutations: number): void {
	if (!Number.isInteger(permutations) || permutations < 1) {
		throw new RangeError(`permutations must be a positive integer, got ${permutations}`);
	}
}
