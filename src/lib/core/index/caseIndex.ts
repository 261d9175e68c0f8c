import { tableFromIPC } from 'apache-arrow';
import type { Engine } from '../db/engine';
import { epochDay, parseIsoDate, toIso } from '../queries/dates';
import type { Period } from '../queries/periods';
import type { FilterScope } from '../queries/predicates';
import type { View } from '../queries/view';
import { CATEGORY_CODES, type CategoryCode } from '../schema/categories';
import { SOURCE_CODES, type SourceCode } from '../schema/sources';
import { STATUS_CODES, type StatusCode } from '../schema/statuses';

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

/**
 * The case counts that interaction touches, held in typed arrays so a view is counted without asking DuckDB
 * (Falcon: Moritz, Howe & Heer, "Falcon: Balancing Interactive Latency and Resolution Sensitivity for Scalable
 * Linked Visualizations", CHI 2019 — prefix sums over the brushed dimension make any range two lookups; Mosaic's
 * data-cube indexes do the same in SQL).
 *
 * Two parts, from one grouped query over `cases` (group × day × category × status × source → count):
 * - `prefix`: cumulative counts over days per group × category, laid out day-major
 *   (`prefix[(d · groups + g) · categories + c]` = cases of g and c before day d of the span), so a period is the
 *   difference of two rows read in order. Views without a status or source filter — the default, and every
 *   category click, period preset, brushed period and group click on it — are answered from it in
 *   O(groups × categories), whatever the period's length. `totals` is the same over all categories, so
 *   "every category" costs O(groups).
 * - the facts, sorted by day with where each day starts: views with a status or source filter are counted over
 *   the facts of their period, O(facts in the period). A dense prefix per status and source as well would cost
 *   6 × 7 times the memory of `prefix` (over 1 GB at 1,500 groups and six years).
 * Counts fit 16 bits when no group has 65,536 cases of one category, and then `prefix` is 16-bit: half the memory.
 */
export class CaseIndex {
	/** Days since 1970-01-01 of the first case; the span is `days` long. */
	readonly firstDay: number;
	readonly days: number;
	/** The data's months, `YYYY-MM`, from the first case's to the last's. */
	readonly months: string[];
	private readonly monthStarts: Int32Array;
	private readonly monthOfDay: Int32Array;

	private constructor(
		readonly groupCodes: readonly string[],
		firstDay: number,
		days: number,
		private readonly prefix: Uint16Array | Uint32Array,
		private readonly totals: Uint16Array | Uint32Array,
		private readonly dayStarts: Int32Array,
		private readonly factGroups: Int32Array,
		private readonly factCombinations: Uint16Array,
		private readonly factCounts: Int32Array
	) {
		this.firstDay = firstDay;
		this.days = days;
		const months: string[] = [];
		const starts: number[] = [];
		for (let d = 0; d < days; d++) {
			const iso = toIso(new Date((firstDay + d) * 86_400_000));
			if (d === 0 || iso.endsWith('-01')) {
				months.push(iso.slice(0, 7));
				starts.push(d);
			}
		}
		starts.push(days);
		this.months = months;
		this.monthStarts = Int32Array.from(starts);
		this.monthOfDay = new Int32Array(days);
		for (let month = 0; month < months.length; month++) this.monthOfDay.fill(month, starts[month], starts[month + 1]);
	}

	/** Reads the counts from `cases` (and the group codes from `groups` and `cases`) in one grouped query. */
	static async build(engine: Engine): Promise<CaseIndex> {
		const codes = (
			await engine.query(
				'SELECT group_code FROM groups UNION SELECT DISTINCT group_code FROM cases ORDER BY group_code'
			)
		).map((row) => String(row.group_code));
		const bytes = await engine.exportArrow(`
			WITH numbered AS (
				SELECT group_code, (row_number() OVER (ORDER BY group_code) - 1)::INTEGER AS g
				FROM (SELECT group_code FROM groups UNION SELECT DISTINCT group_code FROM cases)
			)
			SELECT g, (reported_on - DATE '1970-01-01')::INTEGER AS day,
				((enum_code(category)::INTEGER * ${STATUSES} + enum_code(status)::INTEGER) * ${SOURCE_SLOTS}
					+ coalesce(enum_code(source)::INTEGER, ${SOURCE_SLOTS - 1}))::SMALLINT AS combination,
				count(*)::INTEGER AS n
			FROM cases JOIN numbered USING (group_code)
			GROUP BY ALL`);
		const table = tableFromIPC(bytes);
		const column = <T>(name: string) => table.getChild(name)!.toArray() as T;
		return CaseIndex.fromFacts(
			codes,
			column<Int32Array>('g'),
			column<Int32Array>('day'),
			column<Int16Array>('combination'),
			column<Int32Array>('n')
		);
	}

	/** The index of facts in any order: fact k is `counts[k]` cases of group `groups[k]` on epoch day `days[k]`. */
	static fromFacts(
		groupCodes: readonly string[],
		groups: Int32Array,
		days: Int32Array,
		combinations: Int16Array | Uint16Array,
		counts: Int32Array
	): CaseIndex {
		const facts = groups.length;
		const groupCount = groupCodes.length;
		let firstDay = Infinity;
		let lastDay = -Infinity;
		for (let k = 0; k < facts; k++) {
			if (days[k] < firstDay) firstDay = days[k];
			if (days[k] > lastDay) lastDay = days[k];
		}
		const span = facts ? lastDay - firstDay + 1 : 0;
		if (!facts) firstDay = 0;

		// counting sort of the facts by day
		const dayStarts = new Int32Array(span + 1);
		for (let k = 0; k < facts; k++) dayStarts[days[k] - firstDay + 1]++;
		for (let d = 0; d < span; d++) dayStarts[d + 1] += dayStarts[d];
		const next = dayStarts.slice(0, span);
		const factGroups = new Int32Array(facts);
		const factCombinations = new Uint16Array(facts);
		const factCounts = new Int32Array(facts);
		const categoryTotals = new Float64Array(groupCount * CATEGORIES);
		for (let k = 0; k < facts; k++) {
			const at = next[days[k] - firstDay]++;
			factGroups[at] = groups[k];
			factCombinations[at] = combinations[k];
			factCounts[at] = counts[k];
			categoryTotals[groups[k] * CATEGORIES + categoryOf(combinations[k])] += counts[k];
		}

		let widest = 0;
		const groupTotals = new Float64Array(groupCount);
		categoryTotals.forEach((total, cell) => {
			widest = Math.max(widest, total);
			groupTotals[Math.floor(cell / CATEGORIES)] += total;
		});
		const rowCells = groupCount * CATEGORIES;
		const prefix = counter(widest, (span + 1) * rowCells);
		const totals = counter(
			groupTotals.reduce((largest, total) => Math.max(largest, total), 0),
			(span + 1) * groupCount
		);
		for (let d = 0; d < span; d++) {
			const row = (d + 1) * rowCells;
			prefix.copyWithin(row, row - rowCells, row);
			totals.copyWithin((d + 1) * groupCount, d * groupCount, (d + 1) * groupCount);
			for (let at = dayStarts[d]; at < dayStarts[d + 1]; at++) {
				prefix[row + factGroups[at] * CATEGORIES + categoryOf(factCombinations[at])] += factCounts[at];
				totals[(d + 1) * groupCount + factGroups[at]] += factCounts[at];
			}
		}
		return new CaseIndex(groupCodes, firstDay, span, prefix, totals, dayStarts, factGroups, factCombinations, factCounts);
	}

	/** Bytes held by the typed arrays. */
	get bytes(): number {
		return [this.prefix, this.totals, this.dayStarts, this.factGroups, this.factCombinations, this.factCounts].reduce(
			(sum, array) => sum + array.byteLength,
			0
		);
	}

	/**
	 * Cases per group, in `groupCodes` order, zero for groups outside the filter's groups; undefined when the
	 * period is not two real ISO dates (the caller then asks SQL, which says what is wrong).
	 */
	groupCounts(filter: IndexFilter): Int32Array | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(this.groupCodes.length);
		if (range) this.addGroupCounts(filter, range[0], range[1], counts);
		const chosen = this.chosenGroups(filter.groups);
		if (chosen) counts.forEach((_, g) => chosen[g] || (counts[g] = 0));
		return counts;
	}

	/** Cases of the filter's groups (every group when none is chosen). */
	total(filter: IndexFilter): number | undefined {
		return this.groupCounts(filter)?.reduce((sum, count) => sum + count, 0);
	}

	/** Cases per category, in `CATEGORY_CODES` order. */
	categoryCounts(filter: IndexFilter): Int32Array | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(CATEGORIES);
		if (range) this.scanFacts(filter, range, (_, __, combination, count) => (counts[categoryOf(combination)] += count));
		return counts;
	}

	/** Cases per day of the period (of the data's span when the period is null), from its first day. */
	dailyCounts(filter: IndexFilter): { from: string; counts: Int32Array } | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const period = filter.period ?? { from: this.dayIso(0), to: this.dayIso(this.days - 1) };
		const offset = epochDay(period.from) - this.firstDay;
		const counts = new Int32Array(Math.max(0, epochDay(period.to) - epochDay(period.from) + 1));
		if (range) this.scanFacts(filter, range, (day, _, __, count) => (counts[day - offset] += count));
		return { from: period.from, counts };
	}

	/** Cases per month of the data and category (the trend), within the period if there is one. */
	monthlyByCategory(filter: IndexFilter): MonthlyByCategory | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const counts = new Int32Array(this.months.length * CATEGORIES);
		const monthOf = this.monthOfDay;
		if (range)
			this.scanFacts(filter, range, (day, _, combination, count) => (counts[monthOf[day] * CATEGORIES + categoryOf(combination)] += count));
		return { months: this.months, counts };
	}

	/** Cases per group and month of the data (what the statistics need), within the period if there is one. */
	groupMonthly(filter: IndexFilter): GroupMonthly | undefined {
		const range = this.range(filter.period);
		if (range === undefined) return undefined;
		const months = this.months.length;
		const counts = new Int32Array(this.groupCodes.length * months);
		const monthCounts = new Int32Array(this.groupCodes.length);
		if (range)
			this.eachMonth(range, (month, from, to) => {
				monthCounts.fill(0);
				this.addGroupCounts(filter, from, to, monthCounts);
				monthCounts.forEach((count, g) => (counts[g * months + month] = count));
			});
		const chosen = this.chosenGroups(filter.groups);
		if (chosen) counts.forEach((_, cell) => chosen[Math.floor(cell / months)] || (counts[cell] = 0));
		return { months: this.months, counts };
	}

	/** Adds to `counts` each group's cases from day `from` to day `to` of the span (the group filter aside). */
	private addGroupCounts(filter: IndexFilter, from: number, to: number, counts: Int32Array): void {
		if (filter.statuses.length || filter.sources.length) {
			this.scanFacts({ ...filter, groups: [] }, [from, to], (_, group, __, count) => (counts[group] += count));
			return;
		}
		const groups = this.groupCodes.length;
		const chosen = new Set(filter.categories.map((code) => CATEGORY_CODES.indexOf(code)));
		if (chosen.size === 0 || chosen.size === CATEGORIES) {
			const [high, low] = [(to + 1) * groups, from * groups];
			for (let g = 0; g < groups; g++) counts[g] += this.totals[high + g] - this.totals[low + g];
			return;
		}
		// the fewer of the chosen and the left-out categories: all minus the left-out when most are chosen
		const fewer = chosen.size <= CATEGORIES / 2;
		const categories = CATEGORY_CODES.map((_, c) => c).filter((c) => chosen.has(c) === fewer);
		const [high, low] = [(to + 1) * groups, from * groups];
		for (let g = 0; g < groups; g++) {
			let sum = 0;
			for (const c of categories) sum += this.prefix[(high + g) * CATEGORIES + c] - this.prefix[(low + g) * CATEGORIES + c];
			counts[g] += fewer ? sum : this.totals[high + g] - this.totals[low + g] - sum;
		}
	}

	/** Calls `add` for each fact of days `from` to `to` of the span that the filter keeps. */
	private scanFacts(
		filter: IndexFilter,
		[from, to]: [number, number],
		add: (day: number, group: number, combination: number, count: number) => void
	): void {
		const kept = combinationMask(filter);
		const chosen = this.chosenGroups(filter.groups);
		for (let day = from; day <= to; day++)
			for (let at = this.dayStarts[day]; at < this.dayStarts[day + 1]; at++) {
				const group = this.factGroups[at];
				if (kept[this.factCombinations[at]] && (!chosen || chosen[group]))
					add(day, group, this.factCombinations[at], this.factCounts[at]);
			}
	}

	/** Each month of the span that meets days `from` to `to`, cut to them. */
	private eachMonth([from, to]: [number, number], visit: (month: number, from: number, to: number) => void): void {
		for (let month = 0; month < this.months.length; month++) {
			const start = Math.max(from, this.monthStarts[month]);
			const end = Math.min(to, this.monthStarts[month + 1] - 1);
			if (start <= end) visit(month, start, end);
		}
	}

	/** Which groups the filter keeps (null: all); codes the index does not know keep nothing. */
	private chosenGroups(codes: readonly string[]): Uint8Array | null {
		if (!codes.length) return null;
		const wanted = new Set(codes);
		return Uint8Array.from(this.groupCodes, (code) => (wanted.has(code) ? 1 : 0));
	}

	/** The period as days of the span, both included: null when it holds none of them, undefined when invalid. */
	private range(period: Period | null): [number, number] | null | undefined {
		if (!this.days) return period && !validPeriod(period) ? undefined : null;
		if (!period) return [0, this.days - 1];
		if (!validPeriod(period)) return undefined;
		const from = Math.max(0, epochDay(period.from) - this.firstDay);
		const to = Math.min(this.days - 1, epochDay(period.to) - this.firstDay);
		return from <= to ? [from, to] : null;
	}

	private dayIso(day: number): string {
		return toIso(new Date((this.firstDay + day) * 86_400_000));
	}
}

function validPeriod(period: Period): boolean {
	return parseIsoDate(period.from) === period.from && parseIsoDate(period.to) === period.to;
}

function categoryOf(combination: number): number {
	return Math.floor(combination / (STATUSES * SOURCE_SLOTS));
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

/** A counter array wide enough for counts up to `largest`. */
function counter(largest: number, length: number): Uint16Array | Uint32Array {
	return largest < 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}
