import { and, column, count, eq, join, literal, max, min, Query, sql } from '@uwdata/mosaic-sql';
import { casePredicate, inPeriod } from './predicates';
import { previousPeriod } from './periods';
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
		.select('group_code', 'name', 'population', 'households', 'geometry')
		.orderby('group_code')
		.toString();
}

/** Key figures for the whole selection: this period, the previous one, and cases resolved at the grassroots. */
export function keyFiguresQuery(view: View): string {
	const previous = previousPeriod(view);
	const current = inPeriod(view);
	return Query.from('cases')
		.select({
			total: count().where(current),
			previous_total: count().where(inPeriod(previous)),
			resolved: count().where(and(current, resolved))
		})
		.where(
			casePredicate(view, { period: { from: previous.from, to: view.to }, categories: true, statuses: true, groups: true })
		)
		.toString();
}

/**
 * One row per residential group, every group included (zero when it had no case): count in the period, in the
 * previous period, and resolved. The group filter is not applied: the map and ranking show the whole ward and
 * highlight the chosen groups.
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
	return Query.with({ matching })
		.from(join('groups', 'matching', { type: 'LEFT', using: ['group_code'] }))
		.select({
			group_code: 'group_code',
			name: 'name',
			population: 'population',
			total: sql`coalesce(matching.total, 0)`,
			previous_total: sql`coalesce(matching.previous_total, 0)`,
			resolved: sql`coalesce(matching.resolved, 0)`
		})
		.orderby('group_code')
		.toString();
}

/** Cases per month and category over the whole data (the trend shows every month; the period is highlighted). */
export function monthlyTrendQuery(view: View): string {
	return Query.from('cases')
		.select({
			month: sql`strftime(date_trunc('month', reported_on), '%Y-%m')`,
			category: 'category',
			total: count()
		})
		.where(casePredicate(view, { categories: true, statuses: true, groups: true }))
		.groupby('month', 'category')
		.orderby('month', 'category')
		.toString();
}

/**
 * Cases per group and month over the whole data (the period is not applied: emerging hot spots look at the
 * data's whole span), with the category and status filters. Months without a case are absent.
 */
export function groupMonthlyQuery(view: View): string {
	return Query.from('cases')
		.select({
			group_code: 'group_code',
			month: sql`strftime(date_trunc('month', reported_on), '%Y-%m')`,
			total: count()
		})
		.where(casePredicate(view, { categories: true, statuses: true }))
		.groupby('group_code', 'month')
		.orderby('group_code', 'month')
		.toString();
}
