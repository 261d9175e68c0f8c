/** A group's score and two-sided p-value; both null when there is no score. */
export interface ScoredGroup {
	z: number | null;
	p: number | null;
}

/** Signed confidence bin: ±3, ±2, ±1 for 99 %, 95 %, 90 %; 0 not significant. */
export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** Critical |z| for 90 % two-sided confidence, the weakest level a hot or cold spot is named at. */
export const CRITICAL_Z_90 = 1.645;

/** Critical |z| for 99 %, 95 % and 90 % two-sided confidence, as ArcGIS bins Gi* (SPEC §4). */
const CRITICAL_Z: readonly [number, 3 | 2 | 1][] = [
	[2.576, 3],
	[1.96, 2],
	[CRITICAL_Z_90, 1]
];

export function binOfZ(z: number | null): ConfidenceBin {
	if (z === null) return 0;
	const level = CRITICAL_Z.find(([critical]) => Math.abs(z) >= critical)?.[1] ?? 0;
	return signed(level, z);
}

/** Signed bin of a p-value at 0.01, 0.05, 0.10 (permutation inference, as GeoDa's significance levels). */
export function binOfP(p: number | null, z: number | null): ConfidenceBin {
	if (p === null || z === null) return 0;
	return signed(p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.1 ? 1 : 0, z);
}

/** The level with the sign of z; never −0. */
export function signed(level: 0 | 1 | 2 | 3, z: number): ConfidenceBin {
	return (level !== 0 && z < 0 ? -level : level) as ConfidenceBin;
}
