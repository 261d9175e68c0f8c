import type { GroupAlertCounts } from '../analysis/earlyWarning';
import type { Row } from '../db/engine';
import type { Bucket } from '../queries/buckets';
import {
	alertCountsQuery,
	categoryBreakdownQuery,
	groupFiguresQuery,
	groupMonthlyQuery,
	handlingQuery,
	keyFiguresQuery
} from '../queries/dashboard';
import type { Period } from '../queries/periods';
import {
	readAlertCounts,
	readCategoryCounts,
	readGroupFigures,
	readHandling,
	readKeyFigures,
	type CategoryCount,
	type GroupFigures,
	type Handling,
	type KeyFigures
} from '../queries/results';
import { readSeasonality, seasonalityQuery, type Seasonality } from '../queries/seasonality';
import { readGroupSeries, readSparklines, sparklineQuery } from '../queries/sparklines';
import { readTrendCounts, trendQuery, type TrendCount } from '../queries/trend';
import type { View } from '../queries/view';

/**
 * A query for the panel `key`: the dashboard's coordinator (batched per frame, a panel's overtaken answer dropped),
 * or, on the command line, an engine.
 */
export type Ask = (key: string, sql: string) => Promise<Row[]>;

/**
 * The view's counts by SQL over the raw `cases` table: the reference path (`?index=off`), what answers before the
 * case index is built, and what the command line and a server engine run.
 */
export class SqlCounts {
	constructor(private readonly ask: Ask) {}

	keyFigures(view: View, key = 'key-figures'): Promise<KeyFigures> {
		return this.ask(key, keyFiguresQuery(view)).then(readKeyFigures);
	}

	/** Every group of the view's wards (of the ward when it has none), zero when it had no case. */
	groupFigures(view: View, key = 'group-figures'): Promise<GroupFigures[]> {
		return this.ask(key, groupFiguresQuery(view)).then(readGroupFigures);
	}

	trend(view: View): Promise<TrendCount[]> {
		return this.ask('trend', trendQuery(view)).then(readTrendCounts);
	}

	/** Each group's cases per month of `months`; groups without a case in them are absent. */
	sparklines(view: View, months: readonly Bucket[]): Promise<Map<string, number[]>> {
		return this.ask('sparklines', sparklineQuery(view, months)).then((rows) => readSparklines(rows, months));
	}

	handling(view: View, asOf: string): Promise<Handling> {
		return this.ask('handling', handlingQuery(view, asOf)).then(readHandling);
	}

	categories(view: View): Promise<CategoryCount[]> {
		return this.ask('categories', categoryBreakdownQuery(view)).then(readCategoryCounts);
	}

	seasonality(view: View): Promise<Seasonality> {
		return this.ask('seasonality', seasonalityQuery(view)).then(readSeasonality);
	}

	alertCounts(view: View, month: Period, baseline: Period): Promise<GroupAlertCounts[]> {
		return this.ask('alerts', alertCountsQuery(view, month, baseline)).then(readAlertCounts);
	}

	/** Each group's cases per month of `months` (`YYYY-MM`, the data's), the period not applied. */
	groupMonthly(view: View, months: readonly string[]): Promise<Map<string, number[]>> {
		return this.ask('group-monthly', groupMonthlyQuery(view)).then((rows) => readGroupSeries(rows, months));
	}
}
