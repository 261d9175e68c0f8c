import { addDays, daysInclusive, monthEnd, monthStart, wholeMonths, type Period } from './dates';
import {
	previousReportingPeriod,
	reportingHalfYear,
	reportingMonthOf,
	reportingMonths,
	reportingNineMonths,
	reportingYear,
	wholeReportingMonths
} from './reportingPeriods';

export const PRESETS = [
	'this_month',
	'last_month',
	'this_quarter',
	'last_quarter',
	'first_6_months',
	'first_9_months',
	'this_year',
	'last_year',
	'last_12_months'
] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * Calendar periods start on the 1st; reporting periods (Decree 09/2019/NĐ-CP, Art. 12, ./reportingPeriods)
 * run from the 15th to the 14th. The ward chooses which one is its default.
 */
export const CONVENTIONS = ['calendar', 'reporting'] as const;
export type Convention = (typeof CONVENTIONS)[number];

export interface PresetChoice {
	convention: Convention;
	preset: Preset;
}

/**
 * A preset period, counted back from the data's latest date rather than today, so an older export still opens
 * on its own last months. Periods are whole calendar months, or whole reporting months.
 *
 * "6 tháng đầu năm" and "9 tháng đầu năm" are cumulative from the start of the latest date's year, as Vietnamese
 * reports count them. When the data ends before that half or those nine months are over, the preset still names
 * them, holding the year so far (the filter bar shows how far the data reaches): the chairperson drafting the
 * six-month report in June wants this year's figures to date, not last year's; "năm trước" gives the whole year before.
 */
export function presetPeriod(preset: Preset, lastDate: string, convention: Convention = 'calendar'): Period {
	if (convention === 'reporting') return reportingPresetPeriod(preset, lastDate);
	const month = Number(lastDate.slice(5, 7)) - 1;
	const quarterOffset = -(month % 3);
	const months = (first: number, last: number): Period => ({
		from: monthStart(lastDate, first),
		to: monthEnd(lastDate, last)
	});
	switch (preset) {
		case 'this_month':
			return months(0, 0);
		case 'last_month':
			return months(-1, -1);
		case 'this_quarter':
			return months(quarterOffset, quarterOffset + 2);
		case 'last_quarter':
			return months(quarterOffset - 3, quarterOffset - 1);
		case 'first_6_months':
			return months(-month, 5 - month);
		case 'first_9_months':
			return months(-month, 8 - month);
		case 'this_year':
			return months(-month, 11 - month);
		case 'last_year':
			return months(-month - 12, -month - 1);
		case 'last_12_months':
			return months(-11, 0);
	}
}

/**
 * `presetPeriod` in the reporting convention: "this month", "this quarter" and "this year" are the reporting
 * periods that contain the data's latest date (so 2020-08-20 is in the reporting month of September, 15/08–14/09);
 * "last …" are the ones before them; the first 6 and 9 months are those of the reporting year the latest date falls
 * in (15 December to 14 June / 14 September); the rolling 12 months end with the current reporting month.
 */
export function reportingPresetPeriod(preset: Preset, lastDate: string): Period {
	const { year, month } = reportingMonthOf(lastDate);
	const firstOfQuarter = month - ((month - 1) % 3);
	switch (preset) {
		case 'this_month':
			return reportingMonths(year, month);
		case 'last_month':
			return reportingMonths(year, month - 1);
		case 'this_quarter':
			return reportingMonths(year, firstOfQuarter, 3);
		case 'last_quarter':
			return reportingMonths(year, firstOfQuarter - 3, 3);
		case 'first_6_months':
			return reportingHalfYear(year);
		case 'first_9_months':
			return reportingNineMonths(year);
		case 'this_year':
			return reportingYear(year);
		case 'last_year':
			return reportingYear(year - 1);
		case 'last_12_months':
			return reportingMonths(year, month - 11, 12);
	}
}

/** The preset a period is in one convention, if any (so the filter bar can show it as chosen). */
export function matchPreset(period: Period, lastDate: string, convention: Convention = 'calendar'): Preset | null {
	return PRESETS.find((preset) => samePeriod(presetPeriod(preset, lastDate, convention), period)) ?? null;
}

/** The preset a period is in either convention; at most one fits, since their periods start on different days. */
export function matchAnyPreset(period: Period, lastDate: string): PresetChoice | null {
	for (const convention of CONVENTIONS) {
		const preset = matchPreset(period, lastDate, convention);
		if (preset) return { convention, preset };
	}
	return null;
}

/**
 * The convention a period is named in: whole reporting months are a reporting period, whole calendar months a
 * calendar one; any other range is named in the ward's default convention.
 */
export function periodConvention(period: Period, wardDefault: Convention): Convention {
	if (wholeReportingMonths(period) !== null) return 'reporting';
	if (wholeMonths(period.from, period.to) !== null) return 'calendar';
	return wardDefault;
}

function samePeriod(a: Period, b: Period): boolean {
	return a.from === b.from && a.to === b.to;
}

/**
 * The previous period of equal length that changes are measured against: the same number of whole months
 * before a period of whole calendar or reporting months (March compares with February), otherwise the same
 * number of days.
 */
export function previousPeriod(period: Period): Period {
	const reporting = previousReportingPeriod(period);
	if (reporting) return reporting;
	const months = wholeMonths(period.from, period.to);
	if (months !== null) return { from: monthStart(period.from, -months), to: addDays(period.from, -1) };
	const days = daysInclusive(period.from, period.to);
	return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/**
 * The same dates one year earlier. Whole calendar months stay whole months (February 2021 compares with 1–29
 * February 2020); otherwise 29 February becomes the 28th.
 */
export function samePeriodLastYear(period: Period): Period {
	if (wholeMonths(period.from, period.to) !== null)
		return { from: monthStart(period.from, -12), to: monthEnd(period.to, -12) };
	return { from: yearEarlier(period.from), to: yearEarlier(period.to) };
}

/** Whether data starting on `firstDate` covers the whole period (a comparison before it has nothing to show). */
export function dataCovers(period: Period, firstDate: string): boolean {
	return period.from >= firstDate;
}

function yearEarlier(iso: string): string {
	const monthDay = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
	return `${Number(iso.slice(0, 4)) - 1}${monthDay}`;
}
