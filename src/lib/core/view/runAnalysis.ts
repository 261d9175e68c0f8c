import {
	analyseHotspots,
	spatialWeights,
	type AnalysedGroup,
	type AnalysisMeasure,
	type GroupHotspot,
	type HotspotAnalysis
} from '../analysis/hotspots';
import type { SpatialWeights } from '../analysis/weights';
import type { Engine } from '../db/engine';
import { monthsOf } from '../periods/buckets';
import { dataExtentQuery, groupsQuery } from '../queries/dashboard';
import { readGroups, type GroupFigures } from '../queries/results';
import type { EmergingStep, GiInference, Level, View } from '../queries/view';
import { wardFiguresOf, wardLookup, wardSeriesOf, type WardOf } from './rollUp';
import { SqlCounts } from './sqlCounts';

/** The columns of a hotspot row, in the order the command line prints them. */
export const HOTSPOT_COLUMNS = [
	'group_code',
	'count',
	'population',
	'rate',
	'eb_rate',
	'gi_z',
	'gi_p',
	'gi_bin',
	'gi_bin_fdr',
	'lisa_i',
	'lisa_p',
	'lisa_class',
	'trend_tau',
	'trend_p',
	'emerging'
] as const satisfies readonly (keyof GroupHotspot)[];

/**
 * The part of a view the statistics depend on: the period, the category, status and source filters, and a
 * district's wards chosen (the statistics then run on their groups, or on them at the ward level).
 */
export type AnalysisFilter = Pick<View, 'from' | 'to' | 'categories' | 'statuses' | 'sources' | 'wards'>;

export interface AnalysisRequest {
	/**
	 * The ward's groups in their import order (the order of the rows and of the seeded permutations); at the ward
	 * level a district's wards (`wardAreas`: code the ward's, geometry its groups' dissolved).
	 */
	groups: readonly AnalysedGroup[];
	/** `ward`: the areas are wards, counted by rolling their groups up (`wardFiguresOf`); absent: groups. */
	level?: Level;
	filter: AnalysisFilter;
	measure?: AnalysisMeasure;
	inference?: GiInference;
	/** The emerging analysis's step; chosen from the counts when absent. */
	step?: EmergingStep;
	/** Weights already built for these groups; built here when absent. */
	weights?: SpatialWeights;
}

/** What the statistics read of the cases, per group: however they were counted (index or SQL). */
export interface AnalysisCounts {
	/** Every group's figures in the period (`groupFiguresQuery`'s rows). */
	figures: readonly GroupFigures[];
	/** Each group's cases per month of `months`, the period not applied; groups without a case may be absent. */
	monthly: ReadonlyMap<string, readonly number[]>;
	/** The data's months, `YYYY-MM`, from its first case's to its last's. */
	months: readonly string[];
}

/** The analysis's filters as a view (the group filter and the map's choices do not bear on them). */
export function analysisView(filter: AnalysisFilter): View {
	return { ...filter, groups: [], mode: 'count', fdr: false, lang: 'vi' };
}

/**
 * The hotspot statistics of one filtered period from SQL: counts of the period per group, the monthly matrix from
 * the data's first month to its last (filters applied, period not), at the ward level the groups file's wards, then
 * `analyseCounts`. Takes anything that
 * answers SQL: the command line and a server engine run it.
 */
export async function runAnalysis(engine: Pick<Engine, 'query'>, request: AnalysisRequest): Promise<HotspotAnalysis> {
	const view = analysisView(request.filter);
	const counts = new SqlCounts((_key, sql) => engine.query(sql));
	const [[extent], figures, groupRows] = await Promise.all([
		engine.query(dataExtentQuery()),
		counts.groupFigures(view),
		request.level === 'ward' ? engine.query(groupsQuery()) : []
	]);
	const wardOf = wardLookup(readGroups(groupRows));
	const months = extent?.last_date ? monthsOf({ from: String(extent.first_date), to: String(extent.last_date) }) : [];
	const monthly = await counts.groupMonthly(view, months);
	return analyseCounts(request, { figures, monthly, months }, wardOf);
}

/**
 * The statistics of the request's areas from its groups' counts: at the ward level the groups are rolled up to
 * their wards first (`wardOf` names a group's ward; `wardLookup` of the groups file).
 */
export function analyseCounts(request: AnalysisRequest, counts: AnalysisCounts, wardOf: WardOf): HotspotAnalysis {
	const wards = request.level === 'ward';
	const figures = wards ? wardFiguresOf(counts.figures, wardOf) : counts.figures;
	const monthly = wards ? wardSeriesOf(counts.monthly, wardOf) : counts.monthly;
	const totals = new Map(figures.map((area) => [area.group_code, area.total]));
	const codes = request.groups.map((area) => area.group_code);
	const none = new Array<number>(counts.months.length).fill(0);
	const started = performance.now();
	const analysis = analyseHotspots(
		{
			groups: request.groups,
			counts: codes.map((code) => totals.get(code) ?? 0),
			monthly: codes.map((code) => monthly.get(code) ?? none),
			months: [...counts.months],
			measure: request.measure,
			inference: request.inference,
			step: request.step
		},
		request.weights ?? spatialWeights(request.groups)
	);
	// The benchmark reads this: the statistics alone, without the counting that feeds them.
	performance.measure('analysis:compute', { start: started });
	return analysis;
}
