export interface GroupRates {
	/** y_i / P_i per 1,000 residents; null without a usable population. */
	raw: number | null;
	/** Empirical-Bayes smoothed rate per 1,000 residents; null without a usable population. */
	eb: number | null;
}

export interface EbRatesResult {
	groups: GroupRates[];
	/** Prior mean b = Σy/ΣP, per 1,000; null when no group has a usable population. */
	priorMean: number | null;
	/** Prior variance a (method of moments, floored at 0), per resident². */
	priorVariance: number | null;
}

export const PER_RESIDENTS = 1000;

function hasPopulation(population: number | null | undefined): population is number {
	return typeof population === 'number' && Number.isFinite(population) && population > 0;
}

/**
 * Marshall's (1991) global empirical-Bayes rates, method of moments, as R `spdep::EBest` and GeoDa:
 * r_i = y_i/P_i, b = Σy/ΣP, s² = Σ P_i (r_i − b)² / ΣP, a = max(0, s² − b/(ΣP/n)),
 * EB_i = b + a (r_i − b) / (a + b/P_i). Groups with an unknown or zero population take no part in the
 * estimate (n counts only the others) and get null. With a = 0 every rate shrinks fully to b, which is
 * also the limit when b = 0 too (where the formula itself is 0/0).
 */
export function ebRates(cases: readonly number[], populations: readonly (number | null | undefined)[]): EbRatesResult {
	if (cases.length !== populations.length) {
		throw new RangeError(`${cases.length} case counts but ${populations.length} populations`);
	}
	const used = cases.flatMap((y, i) => {
		const population = populations[i];
		return hasPopulation(population) && Number.isFinite(y) ? [{ i, y, population }] : [];
	});
	const none: GroupRates = { raw: null, eb: null };
	if (used.length === 0) {
		return { groups: cases.map(() => ({ ...none })), priorMean: null, priorVariance: null };
	}
	const totalCases = used.reduce((sum, group) => sum + group.y, 0);
	const totalPopulation = used.reduce((sum, group) => sum + group.population, 0);
	const b = totalCases / totalPopulation;
	const weightedSquares = used.reduce((sum, { y, population }) => sum + population * (y / population - b) ** 2, 0);
	const s2 = weightedSquares / totalPopulation;
	const a = Math.max(0, s2 - b / (totalPopulation / used.length));

	const groups: GroupRates[] = cases.map(() => ({ ...none }));
	for (const { i, y, population } of used) {
		const raw = y / population;
		const eb = a === 0 ? b : b + (a * (raw - b)) / (a + b / population);
		groups[i] = { raw: raw * PER_RESIDENTS, eb: eb * PER_RESIDENTS };
	}
	return { groups, priorMean: b * PER_RESIDENTS, priorVariance: a };
}
