import { monthEnd, monthStart, wholeMonths, type Period } from './dates';

/** The whole calendar month holding `iso`. */
export function monthPeriod(iso: string): Period {
	return { from: monthStart(iso), to: monthEnd(iso) };
}

/** Whether the period is exactly one whole calendar month. */
export function isOneMonth(period: Period): boolean {
	return wholeMonths(period.from, period.to) === 1;
}

/** The month of `iso`, moved into the data's months (`span`: the data's first and last dates). */
function monthWithin(iso: string, span: Period): Period {
	const first = monthStart(span.from);
	const last = monthStart(span.to);
	return monthPeriod(iso < first ? first : iso > last ? last : iso);
}

/**
 * The month shown after `period`, or null at the data's last month. A longer period opens on its first month,
 * so playing or stepping forward from "this year" begins in its January.
 */
export function nextMonth(period: Period, span: Period): Period | null {
	if (!isOneMonth(period)) return monthWithin(period.from, span);
	return period.from >= monthStart(span.to) ? null : monthWithin(monthStart(period.from, 1), span);
}

/** The month shown before `period`, or null at the data's first month; a longer period opens on its last month. */
export function previousMonth(period: Period, span: Period): Period | null {
	if (!isOneMonth(period)) return monthWithin(period.to, span);
	return period.from <= monthStart(span.from) ? null : monthWithin(monthStart(period.from, -1), span);
}

/**
 * The first month a playback shows: a one-month period is already its first month (it plays on from there), a
 * longer one opens on its first month; a playback pressed at the data's last month starts again from the data's
 * first month.
 */
export function playbackStart(period: Period, span: Period): Period {
	if (isOneMonth(period) && period.from >= monthStart(span.to)) return monthPeriod(span.from);
	return monthWithin(period.from, span);
}
