import { StaleQuery, type QueryCoordinator } from '$lib/core/db/coordinator';
import { groupFiguresQuery, keyFiguresQuery, monthlyTrendQuery } from '$lib/core/queries/dashboard';
import {
	readGroupFigures,
	readKeyFigures,
	readMonthCounts,
	type GroupFigures,
	type KeyFigures,
	type MonthCount
} from '$lib/core/queries/results';
import type { View } from '$lib/core/queries/view';

/**
 * The dashboard's query results for the current view. Each panel declares its query; the coordinator batches
 * them, answers repeated ones from its cache and drops answers a newer view has overtaken.
 */
export class DashboardResults {
	keyFigures = $state.raw<KeyFigures | null>(null);
	groupFigures = $state.raw<GroupFigures[]>([]);
	trend = $state.raw<MonthCount[]>([]);
	/** The view whose results are all shown; lags the URL while queries run. */
	shownView = $state.raw<View | null>(null);
	error = $state<string | null>(null);
	#coordinator: QueryCoordinator;

	constructor(coordinator: QueryCoordinator) {
		this.#coordinator = coordinator;
	}

	async update(view: View): Promise<void> {
		const ask = <T>(key: string, sql: string, read: (rows: Awaited<ReturnType<QueryCoordinator['query']>>) => T) =>
			this.#coordinator.request(key, sql).then(read);
		try {
			const [keyFigures, groupFigures, trend] = await Promise.all([
				ask('key-figures', keyFiguresQuery(view), readKeyFigures),
				ask('group-figures', groupFiguresQuery(view), readGroupFigures),
				ask('trend', monthlyTrendQuery(view), readMonthCounts)
			]);
			performance.mark('dashboard:results');
			this.keyFigures = keyFigures;
			this.groupFigures = groupFigures;
			this.trend = trend;
			this.shownView = view;
			this.error = null;
		} catch (error) {
			if (error instanceof StaleQuery) return;
			this.error = error instanceof Error ? error.message : String(error);
		}
	}
}
