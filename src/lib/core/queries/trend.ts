import { count, Query } from '@uwdata/mosaic-sql';
import type { Row } from '../db/engine';
import type { CategoryCode } from '../schema/categories';
import { bucketsOf, bucketSql, DEFAULT_TREND_STEP, type Bucket, type TrendStep } from '../periods/buckets';
import type { Period } from '../periods/dates';
import { previousPeriod } from '../periods/periods';
import { casePredicate } from './predicates';
import type { View } from './view';

/** The trend's step of a view (`trend=`; month when absent). */
export const trendStep = (view: Pick<View, 'trend'>): TrendStep => view.trend ?? DEFAULT_TREND_STEP;

export interface TrendCount {
	/** The step's first day, `YYYY-MM-DD` (`bucketStart`). */
	bucket: string;
	category: CategoryCode;
	total: number;
}

/**
 * Cases per step and category over the whole data, with every filter but the period: the chart shows every step
 * and highlights the period, and the previous period's steps come from the same rows.
 */
export function trendQuery(view: View): string {
	return Query.from('cases')
		.select({ bucket: bucketSql(trendStep(view)), category: 'category', total: count() })
		.where(casePredicate(view, { categories: true, statuses: true, groups: true }))
		.groupby('bucket', 'category')
		.orderby('bucket', 'category')
		.toString();
}

export function readTrendCounts(rows: Row[]): TrendCount[] {
	return rows.map((row) => ({ bucket: String(row.bucket), category: row.category as CategoryCode, total: Number(row.total) }));
}

export interface TrendBucket extends Bucket {
	total: number;
	categories: Partial<Record<CategoryCode, number>>;
}

/**
 * Every step from the data's first date to its last, with its cases (zero where none fell). The first and last
 * steps are partial when the data starts or ends inside them (an export made on a Thursday ends inside a week):
 * their counts cover fewer days and must not read as a drop.
 */
export function trendBuckets(counts: readonly TrendCount[], step: TrendStep, span: Period): TrendBucket[] {
	const buckets = bucketsOf(span, step).map((bucket): TrendBucket => ({ ...bucket, total: 0, categories: {} }));
	const byStart = new Map(buckets.map((bucket) => [bucket.start, bucket]));
	for (const row of counts) {
		const bucket = byStart.get(row.bucket);
		if (!bucket) continue;
		bucket.total += row.total;
		bucket.categories[row.category] = (bucket.categories[row.category] ?? 0) + row.total;
	}
	return buckets;
}

/** A step of the previous period drawn beside the step of this period at the same position. */
export interface PreviousStep {
	at: TrendBucket;
	previous: TrendBucket;
}

/**
 * The previous period of equal length (`previousPeriod`, the one the key figures compare with), step by step
 * beside this one: its first step beside this period's first, and so on (this quarter's weeks against the last
 * quarter's). A step both periods overlap belongs to this one; steps before the data are left out, since the data
 * cannot say they were quiet.
 */
export function previousSteps(buckets: readonly TrendBucket[], period: Period, step: TrendStep): { previous: Period; steps: PreviousStep[] } {
	const previous = previousPeriod(period);
	const byStart = new Map(buckets.map((bucket) => [bucket.start, bucket]));
	const current = bucketsOf(period, step);
	const earlier = bucketsOf(previous, step).filter((bucket) => bucket.start < current[0].start);
	const steps: PreviousStep[] = [];
	earlier.forEach((bucket, index) => {
		const at = byStart.get(current[index]?.start);
		const shown = byStart.get(bucket.start);
		if (at && shown) steps.push({ at, previous: shown });
	});
	return { previous, steps };
}
