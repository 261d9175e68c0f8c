import type { Engine } from '../db/engine';
import { dataExtentQuery, groupFiguresQuery, groupMonthlyQuery, wardFiguresQuery, wardMonthlyQuery } from '../queries/dashboard';
import { monthsBetween, readGroupFigures, readGroupMonthMatrix } from '../queries/results';
import type { EmergingStep, GiInference, Level, View } from '../queries/view';
import {
	analyseHotspots,
	spatialWeights,
	type AnalysedGroup,
	type AnalysisMeasure,
	type GroupHotspot,
	type HotspotAnalysis
} from './hotspots';
import type { SpatialWeights } from './weights';

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
	/** `ward`: the areas are wards, counted by rolling their groups up (`wardFiguresQuery`); absent: groups. */
	level?: Level;
	filter: AnalysisFilter;
	measure?: AnalysisMeasure;
	inference?: GiInference;
	/** The emerging analysis's step; chosen from the counts when absent. */
	step?: EmergingStep;
	/** Weights already built for these groups; built here when absent. */
	weights?: SpatialWeights;
}

/**
 * The hotspot statistics of one filtered period, from the database to the rows: counts of the period per group,
 * the monthly matrix from the data's first month to its last (filters applied, period not), then
 * `analyseHotspots`. Takes anything that answers SQL, so the command line and the dashboard share it.
 */
export async function runAnalysis(engine: Pick<Engine, 'query'>, request: AnalysisRequest): Promise<HotspotAnalysis> {
	const { groups, filter } = request;
	const view: View = { ...filter, groups: [], mode: 'count', fdr: false, lang: 'vi' };
	const wards = request.level === 'ward';
	const [figureRows, monthlyRows, [extent]] = await Promise.all([
		engine.query(wards ? wardFiguresQuery(view) : groupFiguresQuery(view)),
		engine.query(wards ? wardMonthlyQuery(view) : groupMonthlyQuery(view)),
		engine.query(dataExtentQuery())
	]);
	const totals = new Map(readGroupFigures(figureRows).map((group) => [group.group_code, group.total]));
	const codes = groups.map((group) => group.group_code);
	const [firstMonth, lastMonth] = [extent?.first_date, extent?.last_date].map((date) => String(date).slice(0, 7));
	const months = extent?.last_date ? monthsBetween(firstMonth, lastMonth) : [];
	const monthly = extent?.last_date
		? readGroupMonthMatrix(monthlyRows, codes, firstMonth, lastMonth)
		: codes.map(() => []);
	const started = performance.now();
	const analysis = analyseHotspots(
		{
			groups,
			counts: codes.map((code) => totals.get(code) ?? 0),
			monthly,
			months,
			measure: request.measure,
			inference: request.inference,
			step: request.step
		},
		request.weights ?? spatialWeights(groups)
	);
	// The benchmark reads this: the statistics alone, without the queries that feed them.
	performance.measure('analysis:compute', { start: started });
	return analysis;
}
