import { StaleQuery, type QueryCoordinator } from '$lib/core/db/coordinator';
import type { Row } from '$lib/core/db/engine';
import { runAnalysis, spatialWeights, type AnalysedGroup, type HotspotAnalysis, type SpatialWeights } from '$lib/core/analysis';
import { analysisAreas } from '$lib/core/geo/wardAreas';
import type { GroupWithGeometry } from '$lib/core/import/groups';
import { runEarlyWarning, type EarlyWarning } from '$lib/core/analysis/earlyWarning';
import {
	categoryBreakdownQuery,
	groupFiguresQuery,
	handlingQuery,
	keyFiguresQuery,
	wardFiguresQuery
} from '$lib/core/queries/dashboard';
import {
	readCategoryCounts,
	readGroupFigures,
	readHandling,
	readKeyFigures,
	type CategoryCount,
	type GroupFigures,
	type Handling,
	type KeyFigures
} from '$lib/core/queries/results';
import { readSeasonality, seasonalityQuery, type Seasonality } from '$lib/core/queries/seasonality';
import { readSparklines, sparklineMonths, sparklineQuery } from '$lib/core/queries/sparklines';
import { readTrendCounts, trendQuery, type TrendCount } from '$lib/core/queries/trend';
import type { Bucket } from '$lib/core/queries/buckets';
import { comparedView, STATISTICAL_MODES, type DataContext, type View } from '$lib/core/queries/view';

/**
 * The dashboard's query results for the current view. Each panel declares its query; the coordinator batches
 * them, answers repeated ones from its cache and drops answers a newer view has overtaken. The hotspot
 * statistics are computed only for the map modes that show them.
 */
export class DashboardResults {
	keyFigures = $state.raw<KeyFigures | null>(null);
	groupFigures = $state.raw<GroupFigures[]>([]);
	/** At `level=ward`: each ward's figures, in the shape of a group's (`group_code` holds the ward's code). */
	wardFigures = $state.raw<GroupFigures[]>([]);
	trend = $state.raw<TrendCount[]>([]);
	/** Each group's cases per month of the period (its last 12 months), for the ranking's sparklines. */
	sparklines = $state.raw<{ months: Bucket[]; counts: Map<string, number[]> } | null>(null);
	handling = $state.raw<Handling | null>(null);
	categories = $state.raw<CategoryCount[]>([]);
	seasonality = $state.raw<Seasonality | null>(null);
	hotspots = $state.raw<HotspotAnalysis | null>(null);
	alerts = $state.raw<EarlyWarning | null>(null);
	/** With `compare=`: the compared period's key figures and groups (the same queries, its dates). */
	compareFigures = $state.raw<KeyFigures | null>(null);
	compareGroups = $state.raw<GroupFigures[] | null>(null);
	/** The view whose results are all shown; lags the URL while queries run. */
	shownView = $state.raw<View | null>(null);
	error = $state<string | null>(null);
	readonly #coordinator: QueryCoordinator;
	readonly #groups: readonly GroupWithGeometry[];
	readonly #span: Pick<DataContext, 'firstDate' | 'lastDate'>;
	/** The areas a view analyses and their weights, by level and wards chosen: built once each. */
	readonly #areas = new Map<string, { areas: readonly AnalysedGroup[]; weights: SpatialWeights }>();

	readonly #forBriefing: boolean;

	/**
	 * `briefing`: the hotspot statistics whatever the map mode (the briefing names the hotspots), and none of the
	 * panels the briefing does not print (seasonality, the ranking's sparklines).
	 */
	constructor(
		coordinator: QueryCoordinator,
		groups: readonly GroupWithGeometry[],
		span: Pick<DataContext, 'firstDate' | 'lastDate'>,
		purpose: 'dashboard' | 'briefing' = 'dashboard'
	) {
		this.#forBriefing = purpose === 'briefing';
		this.#coordinator = coordinator;
		this.#groups = groups;
		this.#span = span;
	}

	async update(view: View): Promise<void> {
		const ask = <T>(key: string, sql: string, read: (rows: Row[]) => T) =>
			this.#coordinator.request(key, sql).then(read);
		// The rate mode shows the empirical-Bayes rate beside the raw one, from the same analysis.
		const statistical = this.#forBriefing || view.mode === 'rate' || (STATISTICAL_MODES as readonly string[]).includes(view.mode);
		const compared = comparedView(view);
		const months = sparklineMonths(view, { from: this.#span.firstDate, to: this.#span.lastDate });
		try {
			const [keyFigures, groupFigures, trend, sparklines, handling, categories, seasonality, alerts, hotspots, compareFigures, compareGroups, wardFigures] = await Promise.all([
				ask('key-figures', keyFiguresQuery(view), readKeyFigures),
				ask('group-figures', groupFiguresQuery(view), readGroupFigures),
				ask('trend', trendQuery(view), readTrendCounts),
				this.#forBriefing ? null : ask('sparklines', sparklineQuery(view, months), (rows) => ({ months, counts: readSparklines(rows, months) })),
				ask('handling', handlingQuery(view, this.#span.lastDate), readHandling),
				ask('categories', categoryBreakdownQuery(view), readCategoryCounts),
				this.#forBriefing ? null : ask('seasonality', seasonalityQuery(view), readSeasonality),
				runEarlyWarning((sql) => this.#coordinator.request('alerts', sql), view, this.#span),
				statistical ? this.#analyse(view) : null,
				compared ? ask('compare-key-figures', keyFiguresQuery(compared), readKeyFigures) : null,
				compared ? ask('compare-group-figures', groupFiguresQuery(compared), readGroupFigures) : null,
				view.level === 'ward' ? ask('ward-figures', wardFiguresQuery(view), readGroupFigures) : []
			]);
			performance.mark('dashboard:results');
			this.hotspots = hotspots;
			this.compareFigures = compareFigures;
			this.compareGroups = compareGroups;
			this.keyFigures = keyFigures;
			this.groupFigures = groupFigures;
			this.wardFigures = wardFigures;
			this.trend = trend;
			this.sparklines = sparklines;
			this.handling = handling;
			this.categories = categories;
			this.alerts = alerts;
			this.seasonality = seasonality;
			this.shownView = view;
			this.error = null;
		} catch (error) {
			if (error instanceof StaleQuery) return;
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	/**
	 * The same code path as `npm run analyze`; its queries share the coordinator's cache. The areas analysed are
	 * the groups, or at `level=ward` the wards (ward contiguity), of the wards chosen (all when none is).
	 */
	#analyse(view: View): Promise<HotspotAnalysis> {
		const level = view.level === 'ward' ? 'ward' : 'group';
		const key = `${level}:${view.wards?.join(',') ?? ''}`;
		let analysed = this.#areas.get(key);
		if (!analysed) {
			const areas = analysisAreas(this.#groups, level, view.wards);
			this.#areas.set(key, (analysed = { areas, weights: spatialWeights(areas) }));
		}
		const { areas: groups, weights } = analysed;
		return runAnalysis(this.#coordinator, { groups, filter: view, weights, level, inference: view.gi, step: view.step });
	}
}
