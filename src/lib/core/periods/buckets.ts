import { column, literal, sql, type ExprNode } from '@uwdata/mosaic-sql';
import { addDays, monthEnd, monthStart, type Period } from './dates';

/**
 * The one place where dates are cut into weeks, months or quarters: the trend's query, its chart, the ranking's
 * sparklines, the exports and the emerging analysis's quarters all use it. A step is named by its first day.
 *
 * Weeks are ISO 8601 weeks, Monday to Sunday, as Vietnam counts them; quarters are calendar quarters.
 */
export const TREND_STEPS = ['week', 'month', 'quarter'] as const;
export type TrendStep = (typeof TREND_STEPS)[number];
export const DEFAULT_TREND_STEP: TrendStep = 'month';

/** One step of time, and the part of it a range covers. */
export interface Bucket {
	/** First and last day of the whole step. */
	start: string;
	end: string;
	/** The part inside the range it was cut from. */
	from: string;
	to: string;
	/** The range covers only part of the step: its count is not comparable with a whole one. */
	partial: boolean;
}

/** The first day of the step that holds `iso`. */
export function bucketStart(iso: string, step: TrendStep): string {
	switch (step) {
		case 'week':
			return addDays(iso, -isoWeekday(iso) + 1);
		case 'month':
			return monthStart(iso);
		case 'quarter':
			return monthStart(iso, -((Number(iso.slice(5, 7)) - 1) % 3));
	}
}

/** The last day of the step that starts on `start`. */
export function bucketEnd(start: string, step: TrendStep): string {
	switch (step) {
		case 'week':
			return addDays(start, 6);
		case 'month':
			return monthEnd(start);
		case 'quarter':
			return monthEnd(start, 2);
	}
}

/**
 * The same cut in SQL: the first day of the step of `field`, as `YYYY-MM-DD` text. DuckDB's `date_trunc('week', …)`
 * starts weeks on Monday (ISO 8601), as `bucketStart` does; a unit test holds the two together.
 */
export function bucketSql(step: TrendStep, field = 'reported_on'): ExprNode {
	return sql`strftime(date_trunc(${literal(step)}, ${column(field)}), '%Y-%m-%d')`;
}

/** Every step that overlaps `range`, oldest first, each marked partial when the range covers only part of it. */
export function bucketsOf(range: Period, step: TrendStep): Bucket[] {
	const buckets: Bucket[] = [];
	for (let start = bucketStart(range.from, step); start <= range.to; start = addDays(bucketEnd(start, step), 1)) {
		const end = bucketEnd(start, step);
		const from = start < range.from ? range.from : start;
		const to = end > range.to ? range.to : end;
		buckets.push({ start, end, from, to, partial: from !== start || to !== end });
	}
	return buckets;
}

/** The `YYYY-MM` of every month that overlaps `range`, oldest first: the months of a monthly series. */
export function monthsOf(range: Period): string[] {
	return bucketsOf(range, 'month').map(({ start }) => bucketCode(start, 'month'));
}

/**
 * The step's name in ISO 8601 notation, for exports and machines: `2020-W27`, `2020-07`, `2020-Q3`. An ISO week
 * belongs to the year of its Thursday, so 29/12/2014 starts week 2015-W01.
 */
export function bucketCode(start: string, step: TrendStep): string {
	switch (step) {
		case 'week': {
			const { year, week } = isoWeek(start);
			return `${year}-W${String(week).padStart(2, '0')}`;
		}
		case 'month':
			return start.slice(0, 7);
		case 'quarter':
			return `${start.slice(0, 4)}-Q${quarterOf(start)}`;
	}
}

/** The ISO week of a date: the year of its week's Thursday and the week's number in that year (ISO 8601). */
export function isoWeek(iso: string): { year: number; week: number } {
	const thursday = addDays(iso, 4 - isoWeekday(iso));
	const year = Number(thursday.slice(0, 4));
	const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000);
	return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** 1 to 4. */
export function quarterOf(iso: string): number {
	return Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
}

/** Monday is 1, Sunday 7. */
function isoWeekday(iso: string): number {
	return ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
