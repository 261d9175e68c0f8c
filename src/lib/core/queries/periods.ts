import { addDays, daysInclusive, monthEnd, monthStart, wholeMonths } from './dates';

export interface Period {
	from: string;
	to: string;
}

export const PRESETS = [
	'this_month',
	'last_month',
	'this_quarter',
	'last_quarter',
	'last_6_months',
	'last_9_months',
	'this_year',
	'last_12_months'
] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * A preset period, counted back from the data's latest date rather than today, so an older export still opens
 * on its own last months. Periods are whole calendar months.
 */
export function presetPeriod(preset: Preset, lastDate: string): Period {
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
		case 'last_6_months':
			return months(-5, 0);
		case 'last_9_months':
			return months(-8, 0);
		case 'this_year':
			return months(-month, 11 - month);
		case 'last_12_months':
			return months(-11, 0);
	}
}

/** The preset a period is, if any (so the filter bar can show it as chosen). */
export function matchPreset(period: Period, lastDate: string): Preset | null {
	return PRESETS.find((preset) => samePeriod(presetPeriod(preset, lastDate), period)) ?? null;
}

function samePeriod(a: Period, b: Period): boolean {
	return a.from === b.from && a.to === b.to;
}

/**
 * The previous period of equal length that changes are measured against: the same number of whole months
 * before a period of whole calendar months (March compares with February), otherwise the same number of days.
 */
export function previousPeriod(period: Period): Period {
	const months = wholeMonths(period.from, period.to);
	if (months !== null) return { from: monthStart(period.from, -months), to: addDays(period.from, -1) };
	const days = daysInclusive(period.from, period.to);
	return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
