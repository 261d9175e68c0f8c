import { and, column, count, desc, eq, isIn, join, literal, max, median, min, Query, sql } from '@uwdata/mosaic-sql';
import { OPEN_STATUSES } from '../schema/statuses';
import { casePredicate, dateLiteral, inPeriod, inWards } from './predicates';
import { previousPeriod, samePeriodLastYear, type Period } from './periods';
import { bucketSql } from './buckets';
import type { View } from './view';

/** SQL of every dashboard view, built from one `View`. Each returns plain SQL text for the coordinator. */

const resolved = eq(column('status'), literal('resolved'));

/** First and last case dates and the number of cases: what the filter bar counts presets back from. */
export function dataExtentQuery(): string {
	return Query.from('cases')
		.select({ first_date: min('reported_on'), last_date: max('reported_on'), cases: count() })
		.toString();
}

export function groupsQuery(): string {
	return Query.from('groups')
		.select('group_code', 'name', 'population', 'households', 'geometry', 'ward_code', 'ward_name')
		.orderby('group_code')
		.toString();
}

/**
 * Key figures for the whole selection: this period, the previous one, the same dates a year earlier, and cases
 * resolved at the grassroots.
 */
export function keyFiguresQuery(view: View): string {
	const previous = previousPeriod(view);
	const lastYear = samePeriodLastYear(view);
	const current = inPeriod(view);
	const earliest = previous.from < lastYear.from ? previous.from : lastYear.from;
	return Query.from('cases')
		.select({
			total: count().where(current),
			previous_total: count().where(inPeriod(previous)),
			last_year_total: count().where(inPeriod(lastYear)),
			resolved: count().where(and(current, resolved))
		})
		.where(casePredicate(view, { period: { from: earliest, to: view.to }, categories: true, statuses: true, groups: true }))
		.toString();
}

/**
 * One row per residential group, every group included (zero when it had no case): count in the period, in the
 * previous period, and resolved. The group filter is not applied: the map and ranking show the whole ward and
 * highlight the chosen groups. The ward filter is: only the chosen wards' groups are rows.
 */
export function groupFiguresQuery(view: View): string {
	const previous = previousPeriod(view);
	const matching = Query.from('cases')
		.select({
			group_code: 'group_code',
			total: count().where(inPeriod(view)),
			previous_total: count().where(inPeriod(previous)),
			resolved: count().where(and(inPeriod(view), resolved))
		})
		.where(casePredicate(view, { period: { from: previous.from, to: view.to }, categories: true, statuses: true }))
		.groupby('group_code');
	const figures = Query.with({ matching })
		.from(join('groups', 'matching', { type: 'LEFT', using: ['group_code'] }))
		.select({
			group_code: 'group_code',
			name: 'name',
			population: 'population',
			ward_code: 'ward_code',
			ward_name: 'ward_name',
			total: sql`coalesce(matching.total, 0)`,
			previous_total: sql`coalesce(matching.previous_total, 0)`,
			resolved: sql`coalesce(matching.resolved, 0)`
		})
		.orderby('group_code');
	return (view.wards?.length ? figures.where(inWards(view.wards, 'groups')) : figures).toString();
}

/**
 * Cases per group and month over the whole data (the period is not applied: emerging hot spots look at the
 * data's whole span), with the category and status filters. Months without a case are absent.
 */
export function groupMonthlyQuery(view: View): string {
	return Query.from('cases')
		.select({
			group_code: 'group_code',
			month: sql`left(${bucketSql('month')}, 7)`,
			total: count()
		})
		.where(casePredicate(view, { categories: true, statuses: true }))
		.groupby('group_code', 'month')
		.orderby('group_code', 'month')
		.toString();
}

/**
 * Early warning: each group's cases in the month tested and in its baseline (`alertPlan`), with the category and
 * status filters. The group filter is not applied: every group is compared with its own past, whichever are chosen
 * (as the map and ranking show the whole ward). Groups without a case in the span are absent (never flagged).
 */
export function alertCountsQuery(view: View, month: Period, baseline: Period): string {
	return Query.from('cases')
		.select({
			group_code: 'group_code',
			total: count().where(inPeriod(month)),
			baseline_total: count().where(inPeriod(baseline))
		})
		.where(casePredicate(view, { period: { from: baseline.from, to: month.to }, categories: true, statuses: true }))
		.groupby('group_code')
		.orderby('group_code')
		.toString();
}

/**
 * How well the selection's cases are handled (SPEC §3): median days from report to resolution (resolved cases
 * with a resolution date), cases still open longer than 30/60/90 days as of `asOf` (the data's latest date),
 * escalated cases, repeat cases, and resolved cases without a date (left out of the median).
 */
export function handlingQuery(view: View, asOf: string): string {
	const open = isIn(column('status'), OPEN_STATUSES.map((status) => literal(status)));
	const age = sql`(${dateLiteral(asOf)} - reported_on)`;
	const openLonger = (days: number) => count().where(and(open, sql`${age} > ${days}`));
	return Query.from('cases')
		.select({
			median_days: median(sql`resolved_on - reported_on`).where(and(resolved, sql`resolved_on IS NOT NULL`)),
			resolved_without_date: count().where(and(resolved, sql`resolved_on IS NULL`)),
			open_30: openLonger(30),
			open_60: openLonger(60),
			open_90: openLonger(90),
			escalated: count().where(eq(column('status'), literal('escalated'))),
			repeat: count().where(sql`"repeat"`)
		})
		.where(casePredicate(view, { period: view, categories: true, statuses: true, groups: true }))
		.toString();
}

/** Cases per category in the period; the category filter is not applied (the breakdown is how one chooses). */
export function categoryBreakdownQuery(view: View): string {
	return Query.from('cases')
		.select({ category: 'category', total: count() })
		.where(casePredicate(view, { period: view, statuses: true, groups: true }))
		.groupby('category')
		.orderby(desc('total'), 'category')
		.toString();
}

/** The selection's cases, newest first: anonymised fields only (the coordinates are left out). */
function selectedCases(view: View): Query {
	return Query.from('cases')
		.select('case_id', 'reported_on', 'group_code', 'category', 'status', 'resolved_on', 'severity', 'source', 'repeat')
		.where(casePredicate(view, { period: view, categories: true, statuses: true, groups: true }))
		.orderby(desc('reported_on'), 'case_id');
}

/** One page of the selection's cases. */
export function caseListQuery(view: View, page: number, pageSize: number): string {
	return selectedCases(view)
		.limit(pageSize)
		.offset(page * pageSize)
		.toString();
}

/** Every case of the selection, for the case list export. */
export function caseExportQuery(view: View): string {
	return selectedCases(view).toString();
}
