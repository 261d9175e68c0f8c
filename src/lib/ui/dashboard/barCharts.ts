import { ranked } from '$lib/core/queries/ranking';
import type { CategoryCount } from '$lib/core/queries/results';
import { monthYears, type Seasonality } from '$lib/core/queries/seasonality';

/**
 * The dashboard's bar tables (categories, seasonality) as numbers: each bar's length is its share of the largest
 * bar of its table, so the largest fills the track and an empty table draws no bar at all.
 */
export interface Bar {
	total: number;
	/** 0 to 1. */
	share: number;
}

const largestOf = (totals: readonly number[]) => Math.max(1, ...totals);

function bars(totals: readonly number[]): Bar[] {
	const largest = largestOf(totals);
	return totals.map((total) => ({ total, share: total / largest }));
}

/** The categories in ranking order, each with its bar. */
export function categoryBars(counts: readonly CategoryCount[]): (CategoryCount & Bar)[] {
	const largest = largestOf(counts.map((row) => row.total));
	return ranked(counts, (row) => row.category, (row) => row.total).map((row) => ({ ...row, share: row.total / largest }));
}

export interface MonthBar extends Bar {
	/** Cases a year in this calendar month, over the years the data covers it; null when it never does. */
	perYear: number | null;
}

/**
 * The seasonality tables: each calendar month with its average a year, each weekday, and the fewest and most
 * years any month is covered by (the average's divisor, shown in its column's heading).
 */
export function seasonalityBars(seasonality: Seasonality, firstDate: string, lastDate: string) {
	const years = monthYears(firstDate, lastDate);
	const months: MonthBar[] = bars(seasonality.months).map((bar, index) => ({
		...bar,
		perYear: years[index] ? bar.total / years[index] : null
	}));
	const covered = years.filter((count) => count > 0);
	return {
		months,
		weekdays: bars(seasonality.weekdays),
		years: { fewest: Math.min(...covered), most: Math.max(...covered) }
	};
}
