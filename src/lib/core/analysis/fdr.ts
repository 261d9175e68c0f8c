import { signed, type ConfidenceBin, type ScoredGroup } from './significance';

/** Strictest level first, so the first level passed is the bin. */
const LEVELS: readonly [number, 3 | 2 | 1][] = [
	[0.01, 3],
	[0.05, 2],
	[0.1, 1]
];

/**
 * Benjamini–Hochberg cut-off: the largest p_(k) with p_(k) ≤ k·α/m over the m p-values sorted
 * ascending, or −∞ when none qualifies (Benjamini & Hochberg 1995).
 */
export function fdrCutoff(sortedP: readonly number[], alpha: number): number {
	const m = sortedP.length;
	for (let k = m; k >= 1; k--) {
		if (sortedP[k - 1] <= (k * alpha) / m) return sortedP[k - 1];
	}
	return Number.NEGATIVE_INFINITY;
}

/**
 * ArcGIS's False Discovery Rate bins (SPEC §4): for α = 0.10, 0.05, 0.01 a group passes when p ≤ the
 * BH cut-off; its bin is the strictest level passed, signed by z. z and p are not adjusted.
 * A null p is untested: never significant, and not counted in m.
 */
export function fdrBins(groups: readonly ScoredGroup[]): ConfidenceBin[] {
	const sortedP = groups
		.flatMap((group) => (group.p === null ? [] : [group.p]))
		.sort((a, b) => a - b);
	const cutoffs = LEVELS.map(([alpha, level]) => [fdrCutoff(sortedP, alpha), level] as const);
	return groups.map(({ z, p }) => {
		if (p === null || z === null) return 0;
		return signed(cutoffs.find(([cutoff]) => p <= cutoff)?.[1] ?? 0, z);
	});
}
