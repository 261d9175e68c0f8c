import { count, Query } from '@uwdata/mosaic-sql';
import type { Row } from '../db/engine';
import { bucketsOf, bucketSql, type Bucket } from './buckets';
import type { Period } from './periods';
import { casePredicate } from './predicates';
import type { View } from './view';

/** The most months a ranking row's sparkline shows: the last twelve of a longer period. */
export const SPARKLINE_MONTHS = 12;

/**
 * The months of each group's sparkline: those of the period, or its last twelve. A month is partial when the
 * period or the data covers only part of it (a custom range, or data ending mid-month).
 */
export function sparklineMonths(view: Period, span: Period): Bucket[] {
	return bucketsOf(view, 'month')
		.slice(-SPARKLINE_MONTHS)
		.map((month) => ({ ...month, partial: month.partial || month.from < span.from || month.to > span.to }));
}

/**
 * Cases per group and month over the sparkline's months, in one grouped query for every row of the ranking, with
 * the ranking's filters (categories, statuses and sources; not the group filter). Counted within the period only,
 * so a period of up to twelve months adds up to the group's count in the ranking.
 */
export function sparklineQuery(view: View, months: readonly Bucket[]): string {
	const period = { from: months[0]?.from ?? view.from, to: view.to };
	return Query.from('cases')
		.select({ group_code: 'group_code', month: bucketSql('month'), total: count() })
		.where(casePredicate(view, { period, categories: true, statuses: true }))
		.groupby('group_code', 'month')
		.orderby('group_code', 'month')
		.toString();
}

/** Each group's count per month of `months` (zero where the query had no row); groups without a case are absent. */
export function readSparklines(rows: Row[], months: readonly Bucket[]): Map<string, number[]> {
	return readGroupSeries(rows, months.map((month) => month.start));
}

/**
 * Rows of `group_code`, `month` and `total` as each group's series over `months` (the rows' month values, in
 * order), zero where no row fell; groups without a row are absent.
 */
export function readGroupSeries(rows: Row[], months: readonly string[]): Map<string, number[]> {
	const index = new Map(months.map((month, i) => [month, i]));
	const series = new Map<string, number[]>();
	for (const row of rows) {
		const i = index.get(String(row.month));
		if (i === undefined) continue;
		const code = String(row.group_code);
		let counts = series.get(code);
		if (!counts) series.set(code, (counts = new Array<number>(months.length).fill(0)));
		counts[i] = Number(row.total);
	}
	return series;
}
