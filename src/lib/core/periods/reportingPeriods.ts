/**
 * The periods Vietnamese administrative reports close their figures on (Decree 09/2019/NĐ-CP, Art. 12): a month
 * runs from the 15th of the previous month to the 14th; a quarter from the 15th of the month before it to the 14th
 * of its last month; six months and a year from 15 December of the previous year to 14 June / 14 December. Nine
 * months is not named in Art. 12; it follows the same closing rule (15 December to 14 September).
 */
import { toIso, type Period } from './dates';

/** The 15th of the month before (year, month) to the 14th of the month `span - 1` months after it. */
export function reportingMonths(year: number, month: number, span = 1): Period {
	return {
		from: toIso(new Date(Date.UTC(year, month - 2, 15))),
		to: toIso(new Date(Date.UTC(year, month - 1 + span - 1, 14)))
	};
}

export function reportingMonth(year: number, month: number): Period {
	return reportingMonths(year, month);
}

export function reportingQuarter(year: number, quarter: number): Period {
	return reportingMonths(year, 3 * quarter - 2, 3);
}

export function reportingHalfYear(year: number): Period {
	return reportingMonths(year, 1, 6);
}

export function reportingNineMonths(year: number): Period {
	return reportingMonths(year, 1, 9);
}

export function reportingYear(year: number): Period {
	return reportingMonths(year, 1, 12);
}

/** The reporting month a day falls in: from the 15th on, a day already counts towards the next month. */
export function reportingMonthOf(iso: string): { year: number; month: number } {
	const [year, month, day] = iso.split('-').map(Number);
	const index = year * 12 + (month - 1) + (day >= 15 ? 1 : 0);
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Whole reporting months from `from` (a 15th) to `to` (a 14th), or null. The previous period of a reporting period
 * is the same number of reporting months before it (the 30-day fallback of `previousPeriod` would start on the 16th).
 */
export function wholeReportingMonths(period: Period): number | null {
	if (!period.from.endsWith('-15') || !period.to.endsWith('-14')) return null;
	const first = reportingMonthOf(period.from);
	const last = reportingMonthOf(period.to);
	const months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
	return months > 0 ? months : null;
}

export function previousReportingPeriod(period: Period): Period | null {
	const months = wholeReportingMonths(period);
	if (months === null) return null;
	const { year, month } = reportingMonthOf(period.from);
	return reportingMonths(year, month - months, months);
}
