import { tableFromIPC } from 'apache-arrow';
import type { Engine } from '../db/engine';
import { epochDay, parseIsoDate, toIso } from '../queries/dates';
import type { Period } from '../queries/periods';
import type { FilterScope } from '../queries/predicates';
import type { View } from '../queries/view';
import { CATEGORY_CODES, type CategoryCode } from '../schema/categories';
import { SOURCE_CODES, type SourceCode } from '../schema/sources';
import { OPEN_STATUSES, STATUS_CODES, type StatusCode } from '../schema/statuses';
import type { Handling } from '../queries/results';

/**
 * What a count asks of the cases, with `casePredicate`'s meaning (../queries/predicates): an empty list chooses
 * every value, a source list keeps only cases with one of those sources, a null period the data's whole span.
 */
export interface IndexFilter {
	period: Period | null;
	categories: readonly CategoryCode[];
	statuses: readonly StatusCode[];
	sources: readonly SourceCode[];
	groups: readonly string[];
}

/** The filter a query of `scope` applies to `view`, as `casePredicate(view, scope)` does in SQL. */
export function indexFilter(view: View, scope: FilterScope): IndexFilter {
	return {
		period: scope.period ?? null,
		categories: scope.categories ? view.categories : [],
		statuses: scope.statuses ? view.statuses : [],
		sources: (scope.sources ?? scope.statuses) ? view.sources : [],
		groups: scope.groups ? view.groups : []
	};
}

/** Per case, what the handling measures read beyond its day and codes (`casesQuery`'s `delay` and `repeat`). */
export interface CaseHandling {
	/** Days from report to resolution; `NO_DELAY` when the case has no resolution date. */
	delays: Int32Array;
	/** 1 for a repeat case. */
	repeats: Int8Array;
}

/** A case without a resolution date, in `CaseHandling.delays`. */
export const NO_DELAY = -0x80000000;

/** Counts per month (`YYYY-MM`, the data's months in order) and category: `counts[month * categories + c]`. */
export interface MonthlyByCategory {
	months: string[];
	counts: Int32Array;
}

/** Counts per group (the index's `groupCodes` order) and month: `counts[group * months.length + month]`. */
export interface GroupMonthly {
	months: string[];
	counts: Int32Array;
}

const CATEGORIES = CATEGORY_CODES.length;
const STATUSES = STATUS_CODES.length;
/** The sources, then one slot for a case without a source. */
const SOURCE_SLOTS = SOURCE_CODES.length + 1;
const COMBINATIONS = CATEGORIES * STATUSES * SOURCE_SLOTS;
const DAY_MS = 86_400_000;

/** What a scan of the cases counts: one cell per group, category, day, month × category or group × month. */
const enum Tally {
	Group,
	Category,
	Day,
	MonthCategory,
	GroupMonth
}

/**
 * The case counts that interaction touches, held in typed arrays so a view is counted without asking DuckDB
 * (Falcon: Moritz, Howe & Heer, "Falcon: Balancing Interactive Latency and Resolution Sensitivity for Scalable
 * Linked Visualizations", CHI 2019 — prefix sums over the brushed dimension make any range two lookups; Mosaic's
 * data-cube indexes do the same in SQL).
 *
 * - `prefix`: cumulative counts over the days of the data per group × category, day-major
 *   (`prefix[(d · groups + g) · categories + c]` = cases of group g and category c before day d), so a period is
 *   the difference of two rows; `groupPrefix` is the same over all categories and `categoryPrefix` over all groups.
 *   Views without a status or source filter — the default, and every category click, period preset, brushed
 *   period and group click on it — are counted from them, whatever the period's length: O(groups × categories
 *   chosen or left out, the fewer) per period, O(months × categories) for the ward's trend.
 * - `statusPrefix`: cumulative counts over the months per group × category × status. A status filter's
 *   per-group counts take the period's whole months from it, and the days before and after them from the cases.
 *   By days it would take 6 times the memory of `prefix`, and with sources too 42 times (over 2 GB at 1,500
 *   groups and six years); by months, a fifth of `prefix`.
 * - the cases themselves, sorted by day, as (group, category × status × source): what the prefix sums cannot give
 *   — a source filter; a status filter's categories, days and trend — is counted over the cases of the period.
 * Counts fit 16 bits when no group has 65,536 cases of one category, and then the prefix sums are 16-bit: half
 * the memory.
 */
export class CaseIndex {
	/** Days since 1970-01-01 of the first case; the data spans `days` days from it. */
	readonly firstDay: number;
	readonly days: number;
	/** The data's months, `YYYY-MM`, from the first case's to the last's. */
	readonly months: string[];
	private readonly monthStarts: Int32Array;
	private readonly monthOfDay: Int32Array;
	private readonly groupNumbers: Map<string, number>;

	private constructor(
		readonly groupCodes: readonly string[],
		firstDay: number,
		days: number,
		calendar: Calendar,
		private readonly prefix: Uint16Array | Uint32Array,
		private readonly groupPrefix: Uint16Array | Uint32Array,
		private readonly categoryPrefix: Uint32Array,
		private readonly statusPrefix: Uint16Array | Uint32Array,
		private readonly dayStarts: Int32Array,
		private readonly caseGroups: Uint16Array | Uint32Array,
		private readonly caseCombinations: Uint16Array,
		/** In the cases' day order; null when the index was built without them. */
		private readonly caseHandling: CaseHandling | null
	) {
		this.firstDay = firstDay;
		this.days = days;
		this.groupNumbers = new Map(groupCodes.map((code, g) => [code, g]));
		({ months: this.months, monthStarts: this.monthStarts, monthOfDay: this.monthOfDay } = calendar);
	}

	/**
	 * Reads `cases` in one query: each case as its group's number (`groups` in code order), its day and its
	 * category × status × source. Not grouped: on a generated million cases in 1,500 groups over six years, grouping
	 * by group, day, category, status and source left 97.6 % of the rows and doubled the query's time; the build
	 * counts the cases itself. A case whose group is not in `groups` (the import lets none in) is not counted.
	 */
	static async build(engine: Engine): Promise<CaseIndex> {
		const { groupCodes, cases } = await CaseIndex.read(engine);
		return CaseIndex.fromArrow(groupCodes, cases);
	}

	/** What `build` reads of the database: the groups' codes in order and the cases as Arrow IPC bytes. */
	static async read(engine: Engine): Promise<{ groupCodes: string[]; cases: Uint8Array }> {
		const rows = await engine.query('SELECT group_code FROM groups ORDER BY group_code');
		return { groupCodes: rows.map((row) => String(row.group_code)), cases: await engine.exportArrow(casesQuery()) };
	}

	/** The index of `casesQuery`'s rows as Arrow IPC bytes (what a worker builds from). */
	static fromArrow(codes: readonly string[], bytes: Uint8Array): CaseIndex {
		const table = tableFromIPC(bytes);
		const column = <T>(name: string) => table.getChild(name)!.toArray() as T;
		const [groups, days] = [column<Int32Array>('g'), column<Int32Array>('day')];
		const handling = { delays: column<Int32Array>('delay'), repeats: column<Int8Array>('repeat') };
		return CaseIndex.fromCases(codes, groups, days, column<Int16Array>('combination'), handling);
	}

	/** The index of cases in any order: case k is of group `groups[k]`, on epoch day `days[k]`. */
	static fromCases(
		groupCodes: readonly string[],
		groups: Int32Array,
		days: Int32Array,
		combinations: Int16Array,
		handling: CaseHandling | null = null
	): CaseIndex {
		const cases = groups.length;
		const groupCount = groupCodes.length;
		let firstDay = Infinity;
		let lastDay = -Infinity;
		for (let k = 0; k < cases; k++) {
			if (days[k] < firstDay) firstDay = days[k];
			if (days[k] > lastDay) lastDay = days[k];
		}
		if (!cases) firstDay = lastDay = 0;
		const span = cases ? lastDay - firstDay + 1 : 0;

		// a counting sort by day, and the totals that decide how wide the counters must be
		const dayStarts = new Int32Array(span + 1);
		for (let k = 0; k < cases; k++) dayStarts[days[k] - firstDay + 1]++;
		for (let d = 0; d < span; d++) dayStarts[d + 1] += dayStarts[d];
		const next = dayStarts.slice(0, span);
		const caseGroups = groupCount < 0x10000 ? new Uint16Array(cases) : new Uint32Array(cases);
		const caseCombinations = new Uint16Array(cases);
		const caseHandling = handling && { delays: new Int32Array(cases), repeats: new Int8Array(cases) };
		const cellTotals = new Int32Array(groupCount * CATEGORIES);
		const groupTotals = new Int32Array(groupCount);
		for (let k = 0; k < cases; k++) {
			const at = next[days[k] - firstDay]++;
			caseGroups[at] = groups[k];
			caseCombinations[at] = combinations[k];
			if (caseHandling) {
				caseHandling.delays[at] = handling!.delays[k];
				caseHandling.repeats[at] = handling!.repeats[k];
			}
			cellTotals[groups[k] * CATEGORIES + categoryOf(combinations[k])]++;
			groupTotals[groups[k]]++;
		}

		const calendar = calendarOf(firstDay, span);
		const rowCells = groupCount * CATEGORIES;
		const prefix = counter(largest(cellTotals), (span + 1) * rowCells);
		const groupPrefix = counter(largest(groupTotals), (span + 1) * groupCount);
		const categoryPrefix = new Uint32Array((span + 1) * CATEGORIES);
		for (let d = 0; d < span; d++) {
			prefix.copyWithin((d + 1) * rowCells, d * rowCells, (d + 1) * rowCells);
			groupPrefix.copyWithin((d + 1) * groupCount, d * groupCount, (d + 1) * groupCount);
			categoryPrefix.copyWithin((d + 1) * CATEGORIES, d * CATEGORIES, (d + 1) * CATEGORIES);
			for (let at = dayStarts[d]; at < dayStarts[d + 1]; at++) {
				const category = categoryOf(caseCombinations[at]);
				prefix[(d + 1) * rowCells + caseGroups[at] * CATEGORIES + category]++;
				groupPrefix[(d + 1) * groupCount + caseGroups[at]]++;
				categoryPrefix[(d + 1) * CATEGORIES + category]++;
			}
		}
		const monthCells = groupCount * CATEGORIES * STATUSES;
		const statusPrefix = counter(largest(cellTotals), (calendar.months.length + 1) * monthCells);
		for (let d = 0; d < span; d++) {
			const row = (calendar.monthOfDay[d] + 1) * monthCells;
			for (let at = dayStarts[d]; at < dayStarts[d + 1]; at++)
				statusPrefix[row + caseGroups[at] * CATEGORIES * STATUSES + categoryStatusOf(caseCombinations[at])]++;
		}
		for (let m = 1; m <= calendar.months.length; m++)
			for (let cell = m * monthCells; cell < (m + 1) * monthCells; cell++)
				statusPrefix[cell] += statusPrefix[cell - monthCells];
		return new CaseIndex(
			groupCodes,
			firstDay,
			span,
			calendar,
			prefix,
			groupPrefix,
			categoryPrefix,
			statusPrefix,
			dayStarts,
			caseGroups,
			caseCombinations,
			caseHandling
		);
	}

	/** The index's arrays and facts, to move it between threads (its arrays are transferable) and back. */
	get parts(): IndexParts {
		return {
			groupCodes: this.groupCodes,
			firstDay: this.firstDay,
			days: this.days,
			calendar: { months: this.months, monthStarts: this.monthStarts, monthOfDay: this.monthOfDay },
			prefix: this.prefix,
			groupPrefix: this.groupPrefix,
			categoryPrefix: this.categoryPrefix,
			statusPrefix: this.statusPrefix,
			dayStarts: this.dayStarts,
			caseGroups: this.caseGroups,
			caseCombinations: this.caseCombinations,
			caseHandling: this.caseHandling
		};
	}

	static fromParts(p: IndexParts): CaseIndex {
		return new CaseIndex(
			p.groupCodes,
			p.firstDay,
			p.days,
			p.calendar,
			p.prefix,
			p.groupPrefix,
			p.categoryPrefix,
			p.statusPrefix,
			p.dayStarts,
			p.caseGroups,
			p.caseCombinations,
			p.caseHandling
		);
	}

	/** The buffers of `parts`, for `postMessage`'s transfer list. */
	static buffers(p: IndexParts): ArrayBuffer[] {
		const arrays: ArrayBufferView[] = [p.calendar.monthStarts, p.calendar.monthOfDay, p.prefix, p.groupPrefix, p.categoryPrefix, p.statusPrefix, p.dayStarts, p.caseGroups, p.caseCombinations];
		if (p.caseHandling) arrays.push(p.caseHandling.delays, p.caseHandling.repeats);
		return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
	}

	/** Bytes held by the typed arrays. */
	get bytes(): number {
		const { prefix, groupPrefix, categoryPrefix, statusPrefix, dayStarts, caseGroups, caseCombinations } = this;
		const arrays: ArrayBufferView[] = [prefix, groupPrefix, categoryPrefix, statusPrefix, dayStarts, caseGroups, caseCombinations];
		if (this.caseHandling) arrays.push(this.caseHandling.delays, this.caseHandling.repeats);
		return arrays.reduce((sum, array) => sum + array.byteLength, this.monthOfDay.byteLength);
	}

	/**
	 * Cases per group, in `groupCodes` order, zero for groups outside the filter's groups; undefined when the
	 * period is not two real ISO dates (the caller then asks SQL, which says what is wrong). Every method here
	 * applies every filter it is given.
	 */
	groupCounts(filter: IndexFilter): Int32Array | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(this.groupCodes.length);
		if (range) this.addGroupCounts(filter, range[0], range[1], counts);
		this.keepChosen(filter.groups, counts, 1);
		return counts;
	}

	/** Cases of the filter's groups (every group when none is chosen). */
	total(filter: IndexFilter): number | undefined {
		return this.categoryCounts(filter)?.reduce((sum, count) => sum + count, 0);
	}

	/** Cases per category, in `CATEGORY_CODES` order. */
	categoryCounts(filter: IndexFilter): Int32Array | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(CATEGORIES);
		if (!range) return counts;
		if (byScan(filter)) this.scan(filter, range, Tally.Category, counts);
		else this.addCategoryCounts(filter, range[0], range[1], counts, 0);
		return counts;
	}

	/** Cases per day of the period (of the data's span when the period is null), from its first day. */
	dailyCounts(filter: IndexFilter): { from: string; counts: Int32Array } | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const from = filter.period?.from ?? this.dayIso(0);
		const to = filter.period?.to ?? this.dayIso(this.days - 1);
		const counts = new Int32Array(Math.max(0, epochDay(to) - epochDay(from) + 1));
		if (!range) return { from, counts };
		const offset = this.firstDay - epochDay(from);
		if (byScan(filter)) this.scan(filter, range, Tally.Day, counts, offset);
		else {
			const categories = new Int32Array(CATEGORIES);
			for (let d = range[0]; d <= range[1]; d++) {
				categories.fill(0);
				this.addCategoryCounts(filter, d, d, categories, 0);
				counts[d + offset] = categories.reduce((sum, count) => sum + count, 0);
			}
		}
		return { from, counts };
	}

	/** Cases per month of the data and category (the trend), within the period if there is one. */
	monthlyByCategory(filter: IndexFilter): MonthlyByCategory | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(this.months.length * CATEGORIES);
		if (!range) return { months: this.months, counts };
		if (byScan(filter)) this.scan(filter, range, Tally.MonthCategory, counts);
		else
			this.eachMonth(range, (month, from, to) => this.addCategoryCounts(filter, from, to, counts, month * CATEGORIES));
		return { months: this.months, counts };
	}

	/** Cases per group and month of the data (what the statistics need), within the period if there is one. */
	groupMonthly(filter: IndexFilter): GroupMonthly | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const months = this.months.length;
		const groups = this.groupCodes.length;
		const counts = new Int32Array(groups * months);
		if (!range) return { months: this.months, counts };
		if (filter.sources.length) {
			this.scan(filter, range, Tally.GroupMonth, counts);
			return { months: this.months, counts };
		}
		const monthCounts = new Int32Array(groups);
		this.eachMonth(range, (month, from, to) => {
			monthCounts.fill(0);
			this.addGroupCounts(filter, from, to, monthCounts);
			for (let g = 0; g < groups; g++) counts[g * months + month] = monthCounts[g];
		});
		this.keepChosen(filter.groups, counts, months);
		return { months: this.months, counts };
	}

	/**
	 * The handling measures of the filter's cases in its period, as `handlingQuery` (../queries/dashboard) counts
	 * them as of `asOf`: one pass over the period's cases. The median of the resolution delays is DuckDB's
	 * `median` (the mean of the two middle values for an even count), taken from a histogram of the delays.
	 * Undefined when the index was built without the cases' handling, or the period is invalid.
	 */
	handling(filter: IndexFilter, asOf: string): Handling | undefined {
		const range = this.range(filter.period);
		if (range === undefined || !this.caseHandling) return undefined;
		const measures: Handling = { medianDays: null, resolvedWithoutDate: 0, open30: 0, open60: 0, open90: 0, escalated: 0, repeat: 0 };
		if (!range) return measures;
		const kept = combinationMask(filter);
		const chosen = this.chosenGroups(filter.groups);
		const { caseGroups, caseCombinations, dayStarts } = this;
		const { delays, repeats } = this.caseHandling;
		const [resolved, escalated] = [STATUS_CODES.indexOf('resolved'), STATUS_CODES.indexOf('escalated')];
		const open = Uint8Array.from(STATUS_CODES, (status) => (OPEN_STATUSES.includes(status) ? 1 : 0));
		const asOfDay = epochDay(asOf) - this.firstDay;
		const delayCounts = new Map<number, number>();
		for (let day = range[0]; day <= range[1]; day++) {
			const age = asOfDay - day;
			for (let at = dayStarts[day]; at < dayStarts[day + 1]; at++) {
				const combination = caseCombinations[at];
				if (!kept[combination] || (chosen && !chosen[caseGroups[at]])) continue;
				const status = statusOf(combination);
				if (status === resolved) {
					if (delays[at] === NO_DELAY) measures.resolvedWithoutDate++;
					else delayCounts.set(delays[at], (delayCounts.get(delays[at]) ?? 0) + 1);
				} else if (status === escalated) measures.escalated++;
				else if (open[status]) {
					if (age > 30) measures.open30++;
					if (age > 60) measures.open60++;
					if (age > 90) measures.open90++;
				}
				measures.repeat += repeats[at];
			}
		}
		measures.medianDays = medianOfCounts(delayCounts);
		return measures;
	}

	/** Adds each group's cases from day `from` to day `to` of the data (the group filter aside) to `counts`. */
	private addGroupCounts(filter: IndexFilter, from: number, to: number, counts: Int32Array): void {
		if (filter.sources.length) {
			this.scan({ ...filter, groups: [] }, [from, to], Tally.Group, counts);
			return;
		}
		if (filter.statuses.length) {
			this.addGroupCountsByMonth(filter, from, to, counts);
			return;
		}
		const groups = this.groupCodes.length;
		const [high, low] = [(to + 1) * groups, from * groups];
		const { prefix, groupPrefix } = this;
		const { categories, allBut } = categoryTerms(filter.categories);
		if (!categories.length) {
			for (let g = 0; g < groups; g++) counts[g] += groupPrefix[high + g] - groupPrefix[low + g];
			return;
		}
		const terms = categories.length;
		for (let g = 0; g < groups; g++) {
			const [highRow, lowRow] = [(high + g) * CATEGORIES, (low + g) * CATEGORIES];
			let sum = 0;
			for (let t = 0; t < terms; t++) sum += prefix[highRow + categories[t]] - prefix[lowRow + categories[t]];
			counts[g] += allBut ? groupPrefix[high + g] - groupPrefix[low + g] - sum : sum;
		}
	}

	/**
	 * `addGroupCounts` with a status filter: the whole months inside days `from` to `to` from `statusPrefix`, the
	 * days before and after them from the cases.
	 */
	private addGroupCountsByMonth(filter: IndexFilter, from: number, to: number, counts: Int32Array): void {
		const { monthOfDay, monthStarts } = this;
		const first = monthStarts[monthOfDay[from]] === from ? monthOfDay[from] : monthOfDay[from] + 1;
		const last = monthStarts[monthOfDay[to] + 1] === to + 1 ? monthOfDay[to] : monthOfDay[to] - 1;
		const everyGroup = { ...filter, groups: [] };
		if (first > last) {
			this.scan(everyGroup, [from, to], Tally.Group, counts);
			return;
		}
		if (from < monthStarts[first]) this.scan(everyGroup, [from, monthStarts[first] - 1], Tally.Group, counts);
		if (monthStarts[last + 1] <= to) this.scan(everyGroup, [monthStarts[last + 1], to], Tally.Group, counts);
		const categories = new Set(filter.categories);
		const statuses = new Set(filter.statuses);
		const terms = Int32Array.from(
			CATEGORY_CODES.flatMap((category, c) =>
				!categories.size || categories.has(category)
					? STATUS_CODES.flatMap((status, s) => (statuses.has(status) ? [c * STATUSES + s] : []))
					: []
			)
		);
		const groupCells = CATEGORIES * STATUSES;
		const rowCells = this.groupCodes.length * groupCells;
		const [high, low] = [(last + 1) * rowCells, first * rowCells];
		const { statusPrefix } = this;
		for (let g = 0; g < this.groupCodes.length; g++) {
			let sum = 0;
			for (let t = 0; t < terms.length; t++) {
				const cell = g * groupCells + terms[t];
				sum += statusPrefix[high + cell] - statusPrefix[low + cell];
			}
			counts[g] += sum;
		}
	}

	/** Adds the cases per category from day `from` to day `to` of the filter's groups to `counts`, from `at`. */
	private addCategoryCounts(filter: IndexFilter, from: number, to: number, counts: Int32Array, at: number): void {
		const chosen = new Set(filter.categories);
		const categories = CATEGORY_CODES.flatMap((code, c) => (!chosen.size || chosen.has(code) ? [c] : []));
		const { categoryPrefix } = this;
		if (!filter.groups.length) {
			for (const c of categories)
				counts[at + c] += categoryPrefix[(to + 1) * CATEGORIES + c] - categoryPrefix[from * CATEGORIES + c];
			return;
		}
		const [high, low] = [(to + 1) * this.groupCodes.length, from * this.groupCodes.length];
		for (const g of new Set(filter.groups.map((code) => this.groupNumbers.get(code) ?? -1)))
			if (g >= 0)
				for (const c of categories)
					counts[at + c] += this.prefix[(high + g) * CATEGORIES + c] - this.prefix[(low + g) * CATEGORIES + c];
	}

	/** Counts the cases of days `from` to `to` that the filter keeps into `counts`, one cell per `tally`. */
	private scan(filter: IndexFilter, [from, to]: [number, number], tally: Tally, counts: Int32Array, offset = 0): void {
		const kept = combinationMask(filter);
		const chosen = this.chosenGroups(filter.groups);
		const { caseGroups, caseCombinations, dayStarts, monthOfDay } = this;
		const months = this.months.length;
		for (let day = from; day <= to; day++)
			for (let at = dayStarts[day]; at < dayStarts[day + 1]; at++) {
				const combination = caseCombinations[at];
				if (!kept[combination] || (chosen && !chosen[caseGroups[at]])) continue;
				switch (tally) {
					case Tally.Group:
						counts[caseGroups[at]]++;
						break;
					case Tally.Category:
						counts[categoryOf(combination)]++;
						break;
					case Tally.Day:
						counts[day + offset]++;
						break;
					case Tally.MonthCategory:
						counts[monthOfDay[day] * CATEGORIES + categoryOf(combination)]++;
						break;
					case Tally.GroupMonth:
						counts[caseGroups[at] * months + monthOfDay[day]]++;
				}
			}
	}

	/** Each month of the data that meets days `from` to `to`, cut to them. */
	private eachMonth([from, to]: [number, number], visit: (month: number, from: number, to: number) => void): void {
		for (let month = this.monthOfDay[from]; month <= this.monthOfDay[to]; month++)
			visit(month, Math.max(from, this.monthStarts[month]), Math.min(to, this.monthStarts[month + 1] - 1));
	}

	/** Zeroes the rows (`width` cells each, one per group) of groups the filter leaves out. */
	private keepChosen(codes: readonly string[], counts: Int32Array, width: number): void {
		const chosen = this.chosenGroups(codes);
		if (chosen) chosen.forEach((keep, g) => keep || counts.fill(0, g * width, (g + 1) * width));
	}

	/** Which groups the filter keeps (null: all); codes the index does not know keep nothing. */
	private chosenGroups(codes: readonly string[]): Uint8Array | null {
		if (!codes.length) return null;
		const wanted = new Set(codes);
		return Uint8Array.from(this.groupCodes, (code) => (wanted.has(code) ? 1 : 0));
	}

	/** The period as days of the data, both included: null when it holds none of them, undefined when invalid. */
	private range(period: Period | null): [number, number] | null | undefined {
		if (period && !validPeriod(period)) return undefined;
		if (!this.days) return null;
		if (!period) return [0, this.days - 1];
		const from = Math.max(0, epochDay(period.from) - this.firstDay);
		const to = Math.min(this.days - 1, epochDay(period.to) - this.firstDay);
		return from <= to ? [from, to] : null;
	}

	private dayIso(day: number): string {
		return toIso(new Date((this.firstDay + day) * DAY_MS));
	}
}

/** The one query the index is built from (`CaseIndex.build`). */
export function casesQuery(): string {
	return `
		WITH numbered AS (SELECT group_code, (row_number() OVER (ORDER BY group_code) - 1)::INTEGER AS g FROM groups)
		SELECT g, (reported_on - DATE '1970-01-01')::INTEGER AS day,
			((enum_code(category)::INTEGER * ${STATUSES} + enum_code(status)::INTEGER) * ${SOURCE_SLOTS}
				+ coalesce(enum_code(source)::INTEGER, ${SOURCE_SLOTS - 1}))::SMALLINT AS combination,
			coalesce((resolved_on - reported_on)::INTEGER, ${NO_DELAY})::INTEGER AS delay,
			coalesce("repeat", false)::TINYINT AS "repeat"
		FROM cases JOIN numbered USING (group_code)`;
}

/** Status and source filters are counted over the cases; the prefix sums hold categories only. */
function byScan(filter: IndexFilter): boolean {
	return filter.statuses.length > 0 || filter.sources.length > 0;
}

/**
 * The categories to sum for a category filter: none for every category (the totals then), the chosen ones, or,
 * when more are chosen than left out, the left-out ones to take from the totals (`allBut`).
 */
function categoryTerms(codes: readonly CategoryCode[]): { categories: Int32Array; allBut: boolean } {
	const chosen = new Set(codes);
	if (!chosen.size || chosen.size === CATEGORIES) return { categories: new Int32Array(0), allBut: false };
	const allBut = chosen.size > CATEGORIES / 2;
	const categories = CATEGORY_CODES.flatMap((code, c) => (chosen.has(code) !== allBut ? [c] : []));
	return { categories: Int32Array.from(categories), allBut };
}

function largest(values: Int32Array): number {
	return values.reduce((most, value) => Math.max(most, value), 0);
}

function validPeriod(period: Period): boolean {
	return parseIsoDate(period.from) === period.from && parseIsoDate(period.to) === period.to;
}

function categoryOf(combination: number): number {
	return Math.floor(combination / (STATUSES * SOURCE_SLOTS));
}

function statusOf(combination: number): number {
	return Math.floor(combination / SOURCE_SLOTS) % STATUSES;
}

/** The median of values given with their counts: the middle one, or the mean of the two middle ones. */
function medianOfCounts(counts: Map<number, number>): number | null {
	const values = [...counts.keys()].sort((a, b) => a - b);
	const n = values.reduce((sum, value) => sum + counts.get(value)!, 0);
	if (!n) return null;
	const valueAt = (rank: number) => {
		let seen = 0;
		for (const value of values) if ((seen += counts.get(value)!) > rank) return value;
		return values[values.length - 1];
	};
	return n % 2 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
}

/** Category × status, `c · statuses + s`, of a category × status × source combination. */
function categoryStatusOf(combination: number): number {
	return Math.floor(combination / SOURCE_SLOTS);
}

/** A `CaseIndex` as plain data (`parts`, `fromParts`). */
export interface IndexParts {
	groupCodes: readonly string[];
	firstDay: number;
	days: number;
	calendar: Calendar;
	prefix: Uint16Array | Uint32Array;
	groupPrefix: Uint16Array | Uint32Array;
	categoryPrefix: Uint32Array;
	statusPrefix: Uint16Array | Uint32Array;
	dayStarts: Int32Array;
	caseGroups: Uint16Array | Uint32Array;
	caseCombinations: Uint16Array;
	caseHandling: CaseHandling | null;
}

interface Calendar {
	/** `YYYY-MM` of each month the data meets. */
	months: string[];
	/** The first day of each month (the data's first day for the first), then the data's length. */
	monthStarts: Int32Array;
	monthOfDay: Int32Array;
}

function calendarOf(firstDay: number, days: number): Calendar {
	const months: string[] = [];
	const starts: number[] = [];
	for (let d = 0; d < days; d++) {
		const iso = toIso(new Date((firstDay + d) * DAY_MS));
		if (d === 0 || iso.endsWith('-01')) {
			months.push(iso.slice(0, 7));
			starts.push(d);
		}
	}
	starts.push(days);
	const monthOfDay = new Int32Array(days);
	for (let month = 0; month < months.length; month++) monthOfDay.fill(month, starts[month], starts[month + 1]);
	return { months, monthStarts: Int32Array.from(starts), monthOfDay };
}

/** Which category × status × source combinations the filter keeps. */
function combinationMask(filter: IndexFilter): Uint8Array {
	const categories = new Set(filter.categories);
	const statuses = new Set(filter.statuses);
	const sources = new Set(filter.sources);
	const kept = new Uint8Array(COMBINATIONS);
	CATEGORY_CODES.forEach((category, c) =>
		STATUS_CODES.forEach((status, s) => {
			for (let r = 0; r < SOURCE_SLOTS; r++) {
				// a case without a source (the last slot) is kept only when no source is chosen, as `source IN (…)` does
				const source = r < SOURCE_CODES.length ? SOURCE_CODES[r] : null;
				const keep =
					(!categories.size || categories.has(category)) &&
					(!statuses.size || statuses.has(status)) &&
					(!sources.size || (source !== null && sources.has(source)));
				if (keep) kept[(c * STATUSES + s) * SOURCE_SLOTS + r] = 1;
			}
		})
	);
	return kept;
}

/** A counter array wide enough for counts up to `most`. */
function counter(most: number, length: number): Uint16Array | Uint32Array {
	return most < 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}
