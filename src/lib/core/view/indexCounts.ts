import type { GroupAlertCounts } from '../analysis/earlyWarning';
import type { GroupWithGeometry } from '../schema/model';
import { CaseIndex, indexFilter, type IndexFilter } from '../index/caseIndex';
import { bucketsOf, type Bucket } from '../periods/buckets';
import { addDays, epochDay, type Period } from '../periods/dates';
import { previousPeriod, samePeriodLastYear } from '../periods/periods';
import { ALL_BUT_PERIOD, type FilterScope } from '../queries/predicates';
import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '../queries/results';
import type { Seasonality } from '../queries/seasonality';
import { trendStep, type TrendCount } from '../queries/trend';
import type { View } from '../queries/view';
import { CATEGORY_CODES } from '../schema/categories';
import { wardsOf } from '../schema/wards';

/** A group code no group has: a filter choosing it keeps no case (an empty list would keep every one). */
const NO_GROUP = '\u0000';

/**
 * The view's counts from the case index (`CaseIndex`), in the shapes `SqlCounts` gives: the same answers, without
 * asking DuckDB. Each method answers with what its SQL twin's query counts (the query's filter scope is named at
 * each call), or undefined when the index cannot (a period that is not two real dates: the SQL then says why).
 */
export class IndexCounts {
	readonly #index: CaseIndex;
	readonly #groups: Map<string, GroupWithGeometry>;
	/** Each ward's groups (`wardsOf`). */
	readonly #wardGroups: Map<string, readonly string[]>;

	constructor(index: CaseIndex, groups: readonly GroupWithGeometry[]) {
		this.#index = index;
		this.#groups = new Map(groups.map((group) => [group.group_code, group]));
		this.#wardGroups = new Map(wardsOf(groups).map((ward) => [ward.code, ward.groupCodes]));
	}

	keyFigures(view: View): KeyFigures | undefined {
		const total = (period: Period) => this.#index.total(this.#filter(view, { period, categories: true, statuses: true, groups: true }));
		const [current, previous, lastYear] = [total(view), total(previousPeriod(view)), total(samePeriodLastYear(view))];
		if (current === undefined || previous === undefined || lastYear === undefined) return undefined;
		const resolved = resolvedOnly(this.#filter(view, { period: view, categories: true, statuses: true, groups: true }));
		return { total: current, previousTotal: previous, lastYearTotal: lastYear, resolved: resolved ? this.#index.total(resolved)! : 0 };
	}

	/** `groupFiguresQuery`: every group of the view's wards, the group filter not applied. */
	groupFigures(view: View): GroupFigures[] | undefined {
		const scope = { categories: true, statuses: true };
		const current = this.#filter(view, { ...scope, period: view });
		const counts = this.#index.groupCounts(current);
		const previous = this.#index.groupCounts(this.#filter(view, { ...scope, period: previousPeriod(view) }));
		if (!counts || !previous) return undefined;
		const resolvedFilter = resolvedOnly(current);
		const resolved = resolvedFilter ? this.#index.groupCounts(resolvedFilter)! : null;
		const wards = view.wards?.length ? new Set(view.wards) : null;
		// The index's groups are the groups table's in `ORDER BY group_code`, the order of the SQL's rows.
		return this.#index.groupCodes.flatMap((code, g) => {
			const group = this.#groups.get(code);
			if (!group || (wards && !(group.ward_code != null && wards.has(group.ward_code)))) return [];
			const { name, population } = group;
			return [{ group_code: code, name, population, total: counts[g], previousTotal: previous[g], resolved: resolved ? resolved[g] : 0 }];
		});
	}

	/** `trendQuery`: every step of the data's span, by category; steps and categories without a case left out. */
	trend(view: View): TrendCount[] | undefined {
		if (!this.#index.days) return [];
		const span = this.#span();
		const rows: TrendCount[] = [];
		for (const bucket of bucketsOf(span, trendStep(view))) {
			const counts = this.#index.categoryCounts(this.#filter(view, { period: bucket, categories: true, statuses: true, groups: true }));
			if (!counts) return undefined;
			CATEGORY_CODES.forEach((category, c) => counts[c] && rows.push({ bucket: bucket.start, category, total: counts[c] }));
		}
		return rows;
	}

	/** `sparklineQuery`: each group's cases per month of `months`, within the period; groups without one absent. */
	sparklines(view: View, months: readonly Bucket[]): Map<string, number[]> | undefined {
		const period = { from: months[0]?.from ?? view.from, to: view.to };
		return this.#groupSeries(this.#filter(view, { period, categories: true, statuses: true }), months.map((month) => month.start.slice(0, 7)));
	}

	handling(view: View, asOf: string): Handling | undefined {
		return this.#index.handling(this.#filter(view, { period: view, categories: true, statuses: true, groups: true }), asOf);
	}

	/** `categoryBreakdownQuery`: most cases first, then the categories' order; categories without a case left out. */
	categories(view: View): CategoryCount[] | undefined {
		const counts = this.#index.categoryCounts(this.#filter(view, { period: view, statuses: true, groups: true }));
		if (!counts) return undefined;
		return CATEGORY_CODES.map((category, c) => ({ category, total: counts[c] }))
			.filter((row) => row.total > 0)
			.sort((a, b) => b.total - a.total);
	}

	/** `seasonalityQuery`: the whole span's cases by calendar month and ISO weekday. */
	seasonality(view: View): Seasonality | undefined {
		const daily = this.#index.dailyCounts(this.#filter(view, { ...ALL_BUT_PERIOD, period: null }));
		if (!daily) return undefined;
		const months = new Array<number>(12).fill(0);
		const weekdays = new Array<number>(7).fill(0);
		const first = epochDay(daily.from);
		daily.counts.forEach((count, d) => {
			if (!count) return;
			months[Number(addDays(daily.from, d).slice(5, 7)) - 1] += count;
			// 1970-01-01, epoch day 0, was a Thursday: ISO weekday 4, index 3
			weekdays[(((first + d + 3) % 7) + 7) % 7] += count;
		});
		return { months, weekdays };
	}

	/** `alertCountsQuery`: each group's cases in the month and in its baseline; groups with neither absent. */
	alertCounts(view: View, month: Period, baseline: Period): GroupAlertCounts[] | undefined {
		const scope = { categories: true, statuses: true };
		const counts = this.#index.groupCounts(this.#filter(view, { ...scope, period: month }));
		const baselineCounts = this.#index.groupCounts(this.#filter(view, { ...scope, period: baseline }));
		if (!counts || !baselineCounts) return undefined;
		return this.#index.groupCodes
			.map((code, g) => ({ group_code: code, count: counts[g], baselineTotal: baselineCounts[g] }))
			.filter((group) => group.count || group.baselineTotal);
	}

	/** `groupMonthlyQuery`: each group's cases per month of `months` (`YYYY-MM`), the period not applied. */
	groupMonthly(view: View, months: readonly string[]): Map<string, number[]> | undefined {
		return this.#groupSeries(this.#filter(view, { categories: true, statuses: true }), months);
	}

	/** Each group's counts over `months` (`YYYY-MM`) under `filter`; groups with none absent. */
	#groupSeries(filter: IndexFilter, months: readonly string[]): Map<string, number[]> | undefined {
		const monthly = this.#index.groupMonthly(filter);
		if (!monthly) return undefined;
		const width = monthly.months.length;
		const at = months.map((month) => monthly.months.indexOf(month));
		const series = new Map<string, number[]>();
		this.#index.groupCodes.forEach((code, g) => {
			const counts = at.map((m) => (m < 0 ? 0 : monthly.counts[g * width + m]));
			if (counts.some((count) => count > 0)) series.set(code, counts);
		});
		return series;
	}

	/** `casePredicate(view, scope)` as an index filter: the wards chosen bound the groups, as `inWards` does. */
	#filter(view: View, scope: FilterScope): IndexFilter {
		const filter = indexFilter(view, scope);
		if (scope.wards === false || !view.wards?.length) return filter;
		const inWards = new Set(view.wards.flatMap((ward) => this.#wardGroups.get(ward) ?? []));
		const groups = filter.groups.length ? filter.groups.filter((code) => inWards.has(code)) : [...inWards];
		return { ...filter, groups: groups.length ? groups : [NO_GROUP] };
	}

	/** The data's first and last days. */
	#span(): Period {
		const from = addDays('1970-01-01', this.#index.firstDay);
		return { from, to: addDays(from, this.#index.days - 1) };
	}
}

/** The filter's resolved cases, as the queries' `resolved` counts them; null when its statuses leave resolved out. */
function resolvedOnly(filter: IndexFilter): IndexFilter | null {
	if (filter.statuses.length && !filter.statuses.includes('resolved')) return null;
	return { ...filter, statuses: ['resolved'] };
}
