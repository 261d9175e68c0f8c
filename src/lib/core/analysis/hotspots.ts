import { ebRates } from './ebRates';
import {
	chooseStep,
	emergingHotspots,
	medianPerStep,
	MIN_CASES_PER_STEP,
	stepStarts,
	stepValues,
	timeStepsOf,
	type EmergingCategory,
	type EmergingGroup
} from './emerging';
import { fdrBins } from './fdr';
import { giStar } from './gistar';
import { localMoran, type MoranCluster } from './localMoran';
import type { ConfidenceBin } from './significance';
import type { EmergingStep, GiInference } from '../queries/view';
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
	/** The months of `monthly` (`YYYY-MM`), consecutive. */
	months: readonly string[];
	measure?: AnalysisMeasure;
	/** How the period's Gi* p-values are found; permutation unless asked (see `DEFAULT_GI_INFERENCE`). */
	inference?: GiInference;
	/** The emerging analysis's step; chosen from the counts when absent (`chooseStep`). */
	step?: EmergingStep;
	/** Emerging hot spots: a step is hot at this confidence (ArcGIS's default 90 %). */
	confidence?: number;
	seed?: number;
}

/**
 * The map's Gi* p-values by default. At ward volumes (a handful of cases per group) counts are small and skewed:
 * a few busy groups inflate S, and the normal p then cannot show a cold spot at all, while conditional
 * permutation (GeoDa's default) makes no assumption about the distribution. The normal p, SPEC §4's and
 * ArcGIS's, stays one switch away for comparison; the z-scores are the same under both.
 */
export const DEFAULT_GI_INFERENCE: GiInference = 'permutation';

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
	/** How the Gi* p-values and bins were found. */
	inference: GiInference;
	emerging: EmergingSummary;
}

export interface EmergingSummary {
	step: EmergingStep;
	/** The step was chosen from the counts, not asked for. */
	automatic: boolean;
	/** The step the counts choose, whichever was asked for. */
	automaticStep: EmergingStep;
	/** The first month (`YYYY-MM`) of every step; fewer than 10 steps make the trend test unreliable. */
	starts: string[];
	/** The median group's mean cases per step. */
	medianPerStep: number;
	/** Earlier steps in each step's Gi* neighbourhood (ArcGIS's space-time Gi*); 0 at step=month, SPEC §4. */
	timeSteps: number;
	/** Below `MIN_CASES_PER_STEP` for the median group: too few cases for most patterns to stand out. */
	sparse: boolean;
	/** Per group: category, hot and cold steps, the trend. */
	groups: EmergingGroup[];
	/** Each group's Gi* z-score step by step, `z[group][step]` (null where undefined). */
	z: (number | null)[][];
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
 * emerging-hot-spot category with the Mann–Kendall trend of the group's Gi* z-scores step by step.
 */
export function analyseHotspots(input: HotspotInput, weights = spatialWeights(input.groups)): HotspotAnalysis {
	const { groups, counts, monthly } = input;
	const rates = ebRates(
		counts,
		groups.map((group) => group.population)
	);
	const values =
		input.measure === 'rate' ? rates.groups.map((rate) => rate.raw ?? 0) : counts.map((count) => count);
	const inference = input.inference ?? DEFAULT_GI_INFERENCE;
	const gi = giStar(values, weights.neighbours, { inference, seed: input.seed });
	const fdr = fdrBins(gi.groups);
	const lisa = localMoran(values, weights.neighbours, { seed: input.seed });
	const automaticStep = chooseStep(monthly, input.months);
	const step = input.step ?? automaticStep;
	const starts = stepStarts(input.months, step);
	const perStep = medianPerStep(monthly, starts.length);
	const timeSteps = timeStepsOf(step);
	const emerging = emergingHotspots(stepValues(monthly, input.months, step), weights.neighbours, {
		confidence: input.confidence,
		timeSteps
	});
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
		inference,
		emerging: {
			step,
			automatic: input.step === undefined,
			automaticStep,
			starts,
			medianPerStep: perStep,
			timeSteps,
			sparse: perStep < MIN_CASES_PER_STEP,
			groups: emerging.groups,
			z: groups.map((_, i) => emerging.steps.map((result) => result.groups[i].z))
		}
	};
}
