import { spatialWeights, type AnalysedGroup, type HotspotAnalysis, type SpatialWeights } from '../analysis';
import type { EarlyWarning } from '../analysis/earlyWarning';
import { analysisAreas } from '../geo/wardAreas';
import type { GroupWithGeometry } from '../schema/model';
import { monthsOf, type Bucket } from '../periods/buckets';
import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '../queries/results';
import type { Seasonality } from '../queries/seasonality';
import { sparklineMonths } from '../queries/sparklines';
import type { TrendCount } from '../queries/trend';
import { comparedView, STATISTICAL_MODES, type DataContext, type Level, type View } from '../queries/view';
import type { IndexCounts } from './indexCounts';
import { wardAlertCountsOf, wardFiguresOf, wardLookup, wardSeriesOf, type WardOf } from './rollUp';
import { warnOf } from './earlyWarning';
import { analyseCounts } from './runAnalysis';
import type { SqlCounts } from './sqlCounts';

/** Every panel's answer for one view. At `level=ward` the area answers (figures, sparklines, alerts) are wards'. */
export interface ViewAnswers {
	keyFigures: KeyFigures;
	/** Every group of the view's wards, whatever the level (the group filter only highlights). */
	groupFigures: GroupFigures[];
	/** At `level=ward`: each ward's figures, in a group's shape (`group_code` holds the ward's code); else empty. */
	wardFigures: GroupFigures[];
	trend: TrendCount[];
	/** Each area's cases per month of the period (its last 12 months), for the ranking's sparklines. */
	sparklines: { months: Bucket[]; counts: Map<string, number[]> } | null;
	handling: Handling;
	categories: CategoryCount[];
	seasonality: Seasonality | null;
	alerts: EarlyWarning;
	hotspots: HotspotAnalysis | null;
	/** With `compare=`: the compared period's key figures and areas (groups, or wards at `level=ward`). */
	compareFigures: KeyFigures | null;
	compareGroups: GroupFigures[] | null;
	/** `index`: every count came from the case index; `sql`: at least one was asked of DuckDB. */
	answeredBy: 'index' | 'sql';
}

/** `briefing`: the statistics whatever the map mode, and none of the panels the briefing does not print. */
export type Purpose = 'dashboard' | 'briefing';

/** How a view's counts can be had: from the case index when it is built (and `index=off` is not set), else SQL. */
export interface CountSources {
	index: IndexCounts | null;
	sql: SqlCounts;
}

/**
 * Answers every panel of a view (Mosaic's coordinator, for this app's panels: each panel declares its counts, one
 * place decides how they are had). A count the index can give comes from it at once; the rest is asked of DuckDB
 * through the query coordinator, which batches a frame's queries and drops overtaken ones. Ward-level answers are
 * their groups' rolled up (`rollUp`), and the statistics run on counts however they were had.
 */
export class ViewAnswerer {
	readonly #groups: readonly GroupWithGeometry[];
	readonly #span: Pick<DataContext, 'firstDate' | 'lastDate'>;
	readonly #purpose: Purpose;
	readonly #wardOf: WardOf;
	/** The areas a view analyses and their weights, by level and wards chosen: built once each. */
	readonly #areas = new Map<string, { areas: readonly AnalysedGroup[]; weights: SpatialWeights }>();

	constructor(groups: readonly GroupWithGeometry[], span: Pick<DataContext, 'firstDate' | 'lastDate'>, purpose: Purpose = 'dashboard') {
		this.#groups = groups;
		this.#span = span;
		this.#purpose = purpose;
		this.#wardOf = wardLookup(groups);
	}

	async answer(view: View, sources: CountSources): Promise<ViewAnswers> {
		let answeredBy: ViewAnswers['answeredBy'] = 'index';
		/** The index's answer when it has one, else SQL's. */
		const count = <T>(fromIndex: (index: IndexCounts) => T | undefined, bySql: (sql: SqlCounts) => Promise<T>): Promise<T> => {
			const answer = sources.index ? fromIndex(sources.index) : undefined;
			if (answer !== undefined) return Promise.resolve(answer);
			answeredBy = 'sql';
			return bySql(sources.sql);
		};
		const briefing = this.#purpose === 'briefing';
		const wards = view.level === 'ward';
		const roll = (figures: GroupFigures[]) => (wards ? wardFiguresOf(figures, this.#wardOf) : []);
		// The rate mode shows the empirical-Bayes rate beside the raw one, from the same analysis.
		const statistical = briefing || view.mode === 'rate' || (STATISTICAL_MODES as readonly string[]).includes(view.mode);
		const compared = comparedView(view);
		const months = sparklineMonths(view, { from: this.#span.firstDate, to: this.#span.lastDate });
		const dataMonthList = monthsOf({ from: this.#span.firstDate, to: this.#span.lastDate });
		const groupFigures = count((index) => index.groupFigures(view), (sql) => sql.groupFigures(view));
		const [keyFigures, groups, trend, sparklines, handling, categories, seasonality, alerts, hotspots, compareFigures, compareGroups] =
			await Promise.all([
				count((index) => index.keyFigures(view), (sql) => sql.keyFigures(view)),
				groupFigures,
				count((index) => index.trend(view), (sql) => sql.trend(view)),
				briefing
					? null
					: count((index) => index.sparklines(view, months), (sql) => sql.sparklines(view, months)).then((counts) => ({
							months,
							counts: wards ? wardSeriesOf(counts, this.#wardOf) : counts
						})),
				count((index) => index.handling(view, this.#span.lastDate), (sql) => sql.handling(view, this.#span.lastDate)),
				count((index) => index.categories(view), (sql) => sql.categories(view)),
				briefing ? null : count((index) => index.seasonality(view), (sql) => sql.seasonality(view)),
				warnOf(view, this.#span, (month, baseline) =>
					count((index) => index.alertCounts(view, month, baseline), (sql) => sql.alertCounts(view, month, baseline)).then((groups) =>
						wards ? wardAlertCountsOf(groups, this.#wardOf) : groups
					)
				),
				statistical
					? Promise.all([groupFigures, count((index) => index.groupMonthly(view, dataMonthList), (sql) => sql.groupMonthly(view, dataMonthList))]).then(
							([figures, monthly]) => this.#analyse(view, { figures, monthly, months: dataMonthList })
						)
					: null,
				compared ? count((index) => index.keyFigures(compared), (sql) => sql.keyFigures(compared, 'compare-key-figures')) : null,
				compared
					? count((index) => index.groupFigures(compared), (sql) => sql.groupFigures(compared, 'compare-group-figures')).then((figures) =>
							wards ? roll(figures) : figures
						)
					: null
			]);
		return { keyFigures, groupFigures: groups, wardFigures: roll(groups), trend, sparklines, handling, categories, seasonality, alerts, hotspots, compareFigures, compareGroups, answeredBy };
	}

	/** The areas analysed are the groups, or at `level=ward` the wards (ward contiguity), of the wards chosen. */
	#analyse(view: View, counts: Parameters<typeof analyseCounts>[1]): HotspotAnalysis {
		const level: Level = view.level === 'ward' ? 'ward' : 'group';
		const key = `${level}:${view.wards?.join(',') ?? ''}`;
		let analysed = this.#areas.get(key);
		if (!analysed) {
			const areas = analysisAreas(this.#groups, level, view.wards);
			this.#areas.set(key, (analysed = { areas, weights: spatialWeights(areas) }));
		}
		const request = { groups: analysed.areas, filter: view, weights: analysed.weights, level, inference: view.gi, step: view.step };
		return analyseCounts(request, counts, this.#wardOf);
	}
}
