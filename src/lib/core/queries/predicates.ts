import { and, cast, column, isBetween, isIn, literal, sql, type ExprNode } from '@uwdata/mosaic-sql';
import type { View } from './view';
import type { Period } from '../periods/dates';

/** Which of the view's filters a query applies; a view never filters itself (cross-filter). */
export interface FilterScope {
	period?: Period | null;
	categories?: boolean;
	statuses?: boolean;
	/** Absent: as `statuses`. No panel chooses by status or source, so a query that takes one takes both. */
	sources?: boolean;
	groups?: boolean;
	/** Absent: applied. The wards chosen bound every panel (a drill-down into a ward shows only it). */
	wards?: boolean;
}

/**
 * Every filter but the period, for panels over the data's whole span. Typed as every flag of `FilterScope`, so a
 * filter added there does not compile until it is named here too.
 */
export const ALL_BUT_PERIOD: Required<Omit<FilterScope, 'period'>> = { categories: true, statuses: true, sources: true, groups: true, wards: true };

export function dateLiteral(iso: string): ExprNode {
	return cast(literal(iso), 'DATE');
}

export function inPeriod(period: Period, field = 'reported_on'): ExprNode {
	return isBetween(column(field), [dateLiteral(period.from), dateLiteral(period.to)]);
}

/** The view's filters as one SQL predicate over `cases`; values are always literals, never spliced text. */
export function casePredicate(view: View, scope: FilterScope): ExprNode {
	const clauses: ExprNode[] = [];
	if (scope.period) clauses.push(inPeriod(scope.period));
	if (scope.categories && view.categories.length)
		clauses.push(isIn(column('category'), view.categories.map((code) => literal(code))));
	if (scope.statuses && view.statuses.length)
		clauses.push(isIn(column('status'), view.statuses.map((code) => literal(code))));
	// `source IN (…)` is never true for a case without a source: a source filter keeps only cases that have one.
	if ((scope.sources ?? scope.statuses) && view.sources.length)
		clauses.push(isIn(column('source'), view.sources.map((code) => literal(code))));
	if (scope.groups && view.groups.length)
		clauses.push(isIn(column('group_code'), view.groups.map((code) => literal(code))));
	if (scope.wards !== false && view.wards?.length) clauses.push(inWards(view.wards));
	return clauses.length ? and(...clauses) : literal(true);
}

/** Rows of the chosen wards, by their group (a case's ward is its group's); `groups` itself has the column. */
export function inWards(wards: readonly string[], table: 'cases' | 'groups' = 'cases'): ExprNode {
	const chosen = isIn(column('ward_code'), wards.map((code) => literal(code)));
	return table === 'groups' ? chosen : sql`${column('group_code')} IN (SELECT group_code FROM groups WHERE ${chosen})`;
}
