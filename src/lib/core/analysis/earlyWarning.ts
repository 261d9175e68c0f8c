/**
 * Early warning (issue 15): groups unusually high for themselves in one month. The month's count x is compared with
 * the group's own mean monthly count λ over the months before it, and flagged when x ≥ 3 and P(X ≥ x | Poisson(λ))
 * < 0.01. This is the simplest member of the family of outbreak detectors that compare a count with its own past:
 * the CDC's EARS (Hutwagner et al., "The bioterrorism preparedness and response Early Aberration Reporting System
 * (EARS)", J. Urban Health 80, 2003) and Farrington et al., "A statistical algorithm for the early detection of
 * outbreaks of infectious disease", J. R. Stat. Soc. A 159 (1996) 547–563, whose baseline also models trend and
 * season. Ours does not: a steady rise or a season reads as unusual, and at 1 % per group and month some of 50
 * groups will be flagged by chance now and then.
 *
 * A group with no case in its baseline (λ = 0) and 3 or more in the month is flagged: P(X ≥ x | λ = 0) = 0.
 */
import { isSmall, suppressCount, type Shown } from '../briefing/suppression';
import { monthEnd, monthStart } from '../queries/dates';
import type { Period } from '../queries/periods';
import { compareRanked } from '../queries/ranking';
import { poissonUpperTail } from './poisson';

export const ALERT_MIN_COUNT = 3;
export const ALERT_P = 0.01;
export const BASELINE_MONTHS = 12;
export const MIN_BASELINE_MONTHS = 3;

/** Which month is tested against which baseline, from the period and the data's span. */
export type AlertPlan =
	| { kind: 'ready'; month: string; baseline: Period; baselineMonths: number }
	/** The period holds no whole calendar month that the data reaches. */
	| { kind: 'no_month' }
	/** Fewer than `MIN_BASELINE_MONTHS` months of data before the month: no baseline, no alert. */
	| { kind: 'short_history'; month: string; baselineMonths: number };

/**
 * The month tested is the period's last whole calendar month, or the data's last month when the period runs past
 * the data (the export's last month counts as whole: a ward exports at its month's end). Its baseline is the 12
 * months before it, or as many as the data has from its first month, if at least 3.
 */
export function alertPlan(period: Period, firstDate: string, lastDate: string): AlertPlan {
	let month = period.to === monthEnd(period.to) ? monthStart(period.to) : monthStart(period.to, -1);
	if (month > monthStart(lastDate)) month = monthStart(lastDate);
	if (month < period.from) return { kind: 'no_month' };
	const earliest = monthStart(firstDate);
	let start = monthStart(month, -BASELINE_MONTHS);
	if (start < earliest) start = earliest;
	const baselineMonths = monthsFrom(start, month);
	if (baselineMonths < MIN_BASELINE_MONTHS) return { kind: 'short_history', month, baselineMonths };
	return { kind: 'ready', month, baseline: { from: start, to: monthEnd(month, -1) }, baselineMonths };
}

/** Months from the month of `from` up to, not including, the month of `to`. */
function monthsFrom(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	return Math.max(0, (ty - fy) * 12 + (tm - fm));
}

/** One group's cases in the month tested and in its whole baseline. */
export interface GroupAlertCounts {
	group_code: string;
	count: number;
	baselineTotal: number;
}

export interface Alert {
	group_code: string;
	/** x: the group's cases in the month. */
	count: number;
	baselineTotal: number;
	/** λ: the group's mean cases per month over the baseline. */
	expected: number;
	/** P(X ≥ x | Poisson(λ)). */
	p: number;
}

/** The flagged groups, most unusual first: smallest p, then the ranking's order (larger count, then code). */
export function earlyWarnings(groups: readonly GroupAlertCounts[], baselineMonths: number): Alert[] {
	return groups
		.filter((group) => group.count >= ALERT_MIN_COUNT)
		.map((group) => {
			const expected = group.baselineTotal / baselineMonths;
			return { ...group, expected, p: poissonUpperTail(group.count, expected) };
		})
		.filter((alert) => alert.p < ALERT_P)
		.sort(
			(a, b) =>
				a.p - b.p ||
				compareRanked({ code: a.group_code, count: a.count }, { code: b.group_code, count: b.count })
		);
}

export interface EarlyWarning {
	plan: AlertPlan;
	alerts: Alert[];
}

/** The mean per month as a copy shows it: the value, or, in a distribution copy over a baseline of 1–4 cases, a bound. */
export type ShownExpected = { value: number } | { below: number };

/**
 * An alert as a copy shows it. In a distribution copy the count follows the suppression rule ("<5" for 1–4), and a
 * baseline of 1–4 cases would give its count back through λ × months, so the mean is then told only as under
 * 5 / months, rounded up to one decimal so the bound stays true.
 */
export function shownAlert(alert: Alert, baselineMonths: number, distribution: boolean): { count: Shown; expected: ShownExpected } {
	if (!distribution) return { count: alert.count, expected: { value: alert.expected } };
	const expected = isSmall(alert.baselineTotal)
		? { below: Math.ceil((5 / baselineMonths) * 10) / 10 }
		: { value: alert.expected };
	return { count: suppressCount(alert.count), expected };
}

/** `data-expected`: λ rounded to one decimal with a point ("1.2"), or the bound ("<0.5"). */
export function expectedAttribute(expected: ShownExpected): string {
	return 'value' in expected ? expected.value.toFixed(1) : `<${expected.below.toFixed(1)}`;
}
