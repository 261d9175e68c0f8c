import { ebRates } from './ebRates';
import { emergingHotspots, type EmergingCategory } from './emerging';
import { fdrBins } from './fdr';
import { giStar } from './gistar';
import { localMoran, type MoranCluster } from './localMoran';
import type { ConfidenceBin } from './significance';
import { kNearest, queenContiguity, type AreaGeometry, type SpatialWeights } from './weights';

/** A residential group as the analysis needs it. */
export interface AnalysedGroup {
	group_code: string;
	population: number | null;
	geometry: GeoJSON.Geometry | null;
}

/** What Gi* and Local Moran are computed on (SPEC §4): counts by default, rates when the map shows rates. */
export type AnalysisMeasure = 'count' | 'rate';

export interface HotspotInput {
	groups: readonly AnalysedGroup[];
	/** Cases per group in the period, in the order of `groups`. */
	counts: readonly number[];
	/** Cases per group per month over the data's span, `monthly[group][month]`, for emerging hot spots. */
	monthly: readonly (readonly number[])[];
	measure?: AnalysisMeasure;
	/** Emerging hot spots: a month is hot at this confidence (ArcGIS's default 90 %). */
	confidence?: number;
	seed?: number;
}

/** One row per group: the columns of the `analyze` command line and of every statistical map mode. */
export interface GroupHotspot {
	group_code: string;
	count: number;
	population: number | null;
	rate: number | null;
	eb_rate: number | null;
	gi_z: number | null;
	gi_p: number | null;
	gi_bin: ConfidenceBin;
	gi_bin_fdr: ConfidenceBin;
	lisa_i: number | null;
	lisa_p: number | null;
	lisa_class: MoranCluster;
	trend_tau: number | null;
	trend_p: number | null;
	emerging: EmergingCategory;
}

export interface HotspotAnalysis {
	groups: GroupHotspot[];
	weights: SpatialWeights;
	/** Every group has the same value: Gi* and Local Moran have no z (the map says so instead of drawing NaN). */
	constant: boolean;
	/** Months in the emerging-hot-spot series; below 10 the trend test is unreliable. */
	months: number;
	/** Each group's Gi* z-score month by month, `monthlyZ[group][month]` (null where undefined). */
	monthlyZ: (number | null)[][];
}

/**
 * Spatial weights of SPEC §4: queen contiguity when the groups have polygons, otherwise the k = 4 nearest
 * centre points. Binary; the group itself is not in its list (Gi* adds it, Local Moran leaves it out).
 */
export function spatialWeights(groups: readonly AnalysedGroup[], k = 4): SpatialWeights {
	const areas = groups.map((group) => areaOf(group.geometry));
	if (areas.some((area) => area !== null)) return queenContiguity(areas);
	return kNearest(groups.map((group) => (group.geometry?.type === 'Point' ? group.geometry.coordinates : null)), k);
}

function areaOf(geometry: GeoJSON.Geometry | null): AreaGeometry | null {
	if (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') return geometry.coordinates;
	return null;
}

/**
 * Every hotspot statistic for one period, in one place, so the dashboard and the command line print the same
 * numbers: rates and EB rates, Gi* with its plain and FDR bins, Local Moran with its clusters, and the
 * emerging-hot-spot category with the Mann–Kendall trend of the group's monthly Gi* z-scores.
 */
export function analyseHotspots(input: HotspotInput, weights = spatialWeights(input.groups)): HotspotAnalysis {
	const { groups, counts, monthly } = input;
	const rates = ebRates(
		counts,
		groups.map((group) => group.population)
	);
	const values =
		input.measure === 'rate' ? rates.groups.map((rate) => rate.raw ?? 0) : counts.map((count) => count);
	const gi = giStar(values, weights.neighbours);
	const fdr = fdrBins(gi.groups);
	const lisa = localMoran(values, weights.neighbours, { seed: input.seed });
	const emerging = emergingHotspots(monthly, weights.neighbours, { confidence: input.confidence });
	return {
		groups: groups.map((group, i) => ({
			group_code: group.group_code,
			count: counts[i],
			population: group.population,
			rate: rates.groups[i].raw,
			eb_rate: rates.groups[i].eb,
			gi_z: gi.groups[i].z,
			gi_p: gi.groups[i].p,
			gi_bin: gi.groups[i].bin,
			gi_bin_fdr: fdr[i],
			lisa_i: lisa.groups[i].I,
			lisa_p: lisa.groups[i].p,
			lisa_class: lisa.groups[i].cluster,
			trend_tau: emerging.groups[i].trend?.tau ?? null,
			trend_p: emerging.groups[i].trend?.p ?? null,
			emerging: emerging.groups[i].category
		})),
		weights,
		constant: gi.constant,
		months: monthly[0]?.length ?? 0,
		monthlyZ: groups.map((_, i) => emerging.steps.map((step) => step.groups[i].z))
	};
}
