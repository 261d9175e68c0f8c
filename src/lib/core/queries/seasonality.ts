import { count, Query, sql } from '@uwdata/mosaic-sql';
import type { Row } from '../db/engine';
import { bucketsOf } from '../periods/buckets';
import { ALL_BUT_PERIOD, casePredicate } from './predicates';
import type { View } from './view';

/** Cases by calendar month and by day of the week, over the data's whole span. */
export interface Seasonality {
	/** Index 0 is January. */
	months: number[];
	/** ISO weekdays: index 0 is Monday, 6 is Sunday. */
	weekdays: number[];
}

/**
 * Cases per calendar month (1–12) and ISO weekday (1 = Monday … 7 = Sunday) over the whole data, with every filter
 * but the period: a season shows only across years, whatever period is being looked at.
 */
export function seasonalityQuery(view: View): string {
	return Query.from('cases')
		.select({ month: sql`month(reported_on)`, weekday: sql`isodow(reported_on)`, total: count() })
		.where(casePredicate(view, ALL_BUT_PERIOD))
		.groupby('month', 'weekday')
		.orderby('month', 'weekday')
		.toString();
}

/** Both margins of the month × weekday counts, zero where no case fell. */
export function readSeasonality(rows: Row[]): Seasonality {
	const months = new Array<number>(12).fill(0);
	const weekdays = new Array<number>(7).fill(0);
	for (const row of rows) {
		months[Number(row.month) - 1] += Number(row.total);
		weekdays[Number(row.weekday) - 1] += Number(row.total);
	}
	return { months, weekdays };
}

/**
 * How many times each calendar month (index 0 is January) occurs from the data's first date to its last, a month
 * the data enters or leaves part-way counted whole: the divisor of a month's average per year.
 */
export function monthYears(firstDate: string, lastDate: string): number[] {
	const years = new Array<number>(12).fill(0);
	for (const { start } of bucketsOf({ from: firstDate, to: lastDate }, 'month')) years[Number(start.slice(5, 7)) - 1] += 1;
	return years;
}
