import type { CategoryCode } from '../../src/lib/core/schema/categories';
import type { Point } from './geometry';

/** The seed of the committed demo; the group codes below were resolved on its layout. */
export const DEMO_SEED = 20201231;

/** The demo covers 36 whole months; month index 0 is January 2018. */
export const DEMO_FIRST_YEAR = 2018;
export const DEMO_MONTH_COUNT = 36;

/** A cluster of adjacent residential groups whose case rate follows its own curve over the months. */
export interface PlantedCluster {
	/** Group codes in the committed demo (seed `DEMO_SEED`); the generator checks they still match. */
	readonly codes: readonly string[];
	/** The cluster grows from the group under this lon/lat point, through its nearest neighbours. */
	readonly anchor: Point;
	readonly size: number;
	readonly explanation: string;
	/** Factor on the ward's per-capita rate in a month (index 0 = January 2018). */
	multiplier(monthIndex: number): number;
}

export const PERSISTENT_CLUSTER: PlantedCluster = {
	codes: ['TDP13', 'TDP14', 'TDP15', 'TDP24', 'TDP25'],
	anchor: [105.8645, 20.999],
	size: 5,
	explanation:
		'Old, dense housing along Tam Trinh: about 3× the ward per-capita rate in every one of the 36 months.',
	multiplier: () => 3
};

/** September 2020 is month index 32. */
const EMERGING_FROM = 32;

export const EMERGING_CLUSTER: PlantedCluster = {
	codes: ['TDP22', 'TDP32', 'TDP33'],
	anchor: [105.8765, 20.9985],
	size: 3,
	explanation:
		'A quiet riverside corner at half the ward rate until August 2020; works on the Vĩnh Tuy bridge approach then bring 7–8.5× the ward rate from September to December 2020.',
	multiplier: (monthIndex) => (monthIndex < EMERGING_FROM ? 0.5 : 7 + 0.5 * (monthIndex - EMERGING_FROM))
};

export const DIMINISHING_CLUSTER: PlantedCluster = {
	codes: ['TDP37', 'TDP39', 'TDP47'],
	anchor: [105.87, 20.994],
	size: 3,
	explanation:
		'Lĩnh Nam area after a mediation drive: 3× the ward rate in 2018, falling steadily through 2019, at the ward rate in 2020.',
	multiplier: (monthIndex) => {
		if (monthIndex < 12) return 3;
		if (monthIndex >= 24) return 1;
		return 3 - (2 * (monthIndex - 11)) / 13;
	}
};

export const PLANTED_CLUSTERS = {
	persistent: PERSISTENT_CLUSTER,
	emerging: EMERGING_CLUSTER,
	diminishing: DIMINISHING_CLUSTER
} as const;

export type PlantedClusterName = keyof typeof PLANTED_CLUSTERS;

/** Calendar months 1–12. */
type MonthFactors = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

/**
 * The ward-wide seasonal swing. Factors are relative within each row and are rescaled by the generator to
 * average 1 over the year, so they move cases between months without changing the yearly volume.
 */
export const SEASONAL_SWING = {
	explanation:
		'Ward-wide: neighbour (power, water) disputes peak in the hot months May–Aug, spontaneous clashes around Tết (Jan–Feb); monthly totals in May–Aug are about twice those of Mar–Apr and Oct–Nov.',
	/** Months whose ward totals are high, and the months they are compared with. */
	peakMonths: [5, 6, 7, 8],
	troughMonths: [3, 4, 10, 11],
	neighbourPeakMonths: [5, 6, 7, 8],
	spontaneousPeakMonths: [1, 2],
	/** Heat, power cuts and water shortages raise tension in every category. */
	wardFactors: [1, 1, 0.85, 0.85, 1.15, 1.2, 1.2, 1.15, 1, 0.85, 0.85, 1] as MonthFactors,
	categoryFactors: {
		neighbour: [0.6, 0.6, 0.6, 0.9, 2, 2.1, 2.1, 2, 1, 0.6, 0.6, 0.6],
		spontaneous: [2.4, 2.4, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 1.3],
		family: [1.4, 1.4, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1],
		environment: [0.8, 0.8, 0.8, 0.9, 1.4, 1.4, 1.4, 1.4, 1, 0.8, 0.8, 0.8]
	} as Partial<Record<CategoryCode, MonthFactors>>
};
