import { StaleQuery, type QueryCoordinator } from '$lib/core/db/coordinator';
import type { HotspotAnalysis } from '$lib/core/analysis';
import type { EarlyWarning } from '$lib/core/analysis/earlyWarning';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import type { CaseIndex } from '$lib/core/index/caseIndex';
import type { Bucket } from '$lib/core/periods/buckets';
import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '$lib/core/queries/results';
import type { Seasonality } from '$lib/core/queries/seasonality';
import type { TrendCount } from '$lib/core/queries/trend';
import type { DataContext, View } from '$lib/core/queries/view';
import { ViewAnswerer, type Purpose, type ViewAnswers } from '$lib/core/view/answerView';
import { IndexCounts } from '$lib/core/view/indexCounts';
import { SqlCounts } from '$lib/core/view/sqlCounts';

/**
 * The dashboard's (or the briefing's) answers for the view shown. `update` asks `ViewAnswerer` for every panel of
 * a view and shows them all at once, never a mix of two views; an answer a newer view has overtaken is dropped.
 */
export class DashboardResults {
	keyFigures = $state.raw<KeyFigures | null>(null);
	groupFigures = $state.raw<GroupFigures[]>([]);
	/** At `level=ward`: each ward's figures, in the shape of a group's (`group_code` holds the ward's code). */
	wardFigures = $state.raw<GroupFigures[]>([]);
	trend = $state.raw<TrendCount[]>([]);
	/** Each area's cases per month of the period (its last 12 months), for the ranking's sparklines. */
	sparklines = $state.raw<{ months: Bucket[]; counts: Map<string, number[]> } | null>(null);
	handling = $state.raw<Handling | null>(null);
	categories = $state.raw<CategoryCount[]>([]);
	seasonality = $state.raw<Seasonality | null>(null);
	hotspots = $state.raw<HotspotAnalysis | null>(null);
	alerts = $state.raw<EarlyWarning | null>(null);
	/** With `compare=`: the compared period's key figures and areas (the same counts, its dates). */
	compareFigures = $state.raw<KeyFigures | null>(null);
	compareGroups = $state.raw<GroupFigures[] | null>(null);
	/** The view whose answers are all shown; lags the URL while they are counted. */
	shownView = $state.raw<View | null>(null);
	/** How the shown view was counted: `index` (the case index alone) or `sql` (DuckDB for at least one panel). */
	answeredBy = $state<ViewAnswers['answeredBy'] | null>(null);
	error = $state<string | null>(null);
	readonly #answerer: ViewAnswerer;
	readonly #sql: SqlCounts;
	#indexCounts: { index: CaseIndex; counts: IndexCounts } | null = null;
	readonly #groups: readonly GroupWithGeometry[];
	#latest = 0;

	constructor(
		coordinator: QueryCoordinator,
		groups: readonly GroupWithGeometry[],
		span: Pick<DataContext, 'firstDate' | 'lastDate'>,
		purpose: Purpose = 'dashboard'
	) {
		this.#groups = groups;
		this.#answerer = new ViewAnswerer(groups, span, purpose);
		this.#sql = new SqlCounts((key, sql) => coordinator.request(key, sql));
	}

	/** Shows `view`, counted from `index` when one is given (it must be of the data the coordinator queries). */
	async update(view: View, index: CaseIndex | null = null): Promise<void> {
		const ticket = ++this.#latest;
		try {
			const answers = await this.#answerer.answer(view, { index: this.#countsOf(index), sql: this.#sql });
			if (ticket !== this.#latest) return;
			performance.mark('dashboard:results');
			this.hotspots = answers.hotspots;
			this.compareFigures = answers.compareFigures;
			this.compareGroups = answers.compareGroups;
			this.keyFigures = answers.keyFigures;
			this.groupFigures = answers.groupFigures;
			this.wardFigures = answers.wardFigures;
			this.trend = answers.trend;
			this.sparklines = answers.sparklines;
			this.handling = answers.handling;
			this.categories = answers.categories;
			this.alerts = answers.alerts;
			this.seasonality = answers.seasonality;
			this.answeredBy = answers.answeredBy;
			this.shownView = view;
			this.error = null;
		} catch (error) {
			if (error instanceof StaleQuery || ticket !== this.#latest) return;
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	#countsOf(index: CaseIndex | null): IndexCounts | null {
		if (!index) return null;
		if (this.#indexCounts?.index !== index) this.#indexCounts = { index, counts: new IndexCounts(index, this.#groups) };
		return this.#indexCounts.counts;
	}
}
