import { giStar, type GiStarGroup, type GiStarResult } from './gistar';
import { mannKendall, type MannKendallResult } from './mannKendall';
import { twoSidedP } from './normal';
import { binOfZ, type ScoredGroup } from './significance';
import { assertFinite, isConstant, mean, populationSd } from './stats';
import { cleanNeighbours, type Neighbours } from './weights';
import type { EmergingStep } from '../queries/view';
import { bucketStart } from '../periods/buckets';

export type EmergingPattern =
	| 'new'
	| 'consecutive'
	| 'intensifying'
	| 'diminishing'
	| 'persistent'
	| 'historical'
	| 'oscillating'
	| 'sporadic';
export type EmergingSide = 'hot' | 'cold';
export type EmergingCategory = `${EmergingPattern}_${EmergingSide}` | 'none';

export interface EmergingOptions {
	/** A step is hot (cold) when its Gi* p < 1 − confidence with z > 0 (z < 0). */
	confidence?: number;
	/** Significance of the Mann–Kendall trend of the z-scores. */
	trendAlpha?: number;
	/**
	 * ArcGIS's "Neighborhood Time Step": a step's Gi* also counts the same neighbourhood in this many earlier
	 * steps, against the whole cube (`spaceTimeGiStar`). 0 (the default) is each step on its own, SPEC §4.
	 */
	timeSteps?: number;
}

export interface EmergingGroup {
	category: EmergingCategory;
	/** Mann–Kendall on the group's z-scores, a null z (constant step) counted as 0; null below 3 steps. */
	trend: MannKendallResult | null;
	hotSteps: number;
	coldSteps: number;
}

export interface EmergingResult {
	groups: EmergingGroup[];
	/** The Gi* result of every step. */
	steps: GiStarResult[];
}

const DEFAULT_CONFIDENCE = 0.9;
const DEFAULT_TREND_ALPHA = 0.05;

/** One side's view of a series: which steps are significant on this side and on the other. */
interface SideView {
	here: boolean[];
	there: boolean[];
	/** +1 trend towards this side (up for hot, down for cold), −1 away, 0 none. */
	trend: number;
}

function finalRunStart(flags: readonly boolean[]): number {
	let start = flags.length;
	while (start > 0 && flags[start - 1]) start--;
	return start;
}

function count(flags: readonly boolean[]): number {
	return flags.filter(Boolean).length;
}

/** At least 90 % of steps, in integers to avoid 0.9 · T rounding. */
function mostly(flags: readonly boolean[]): boolean {
	return count(flags) * 10 >= flags.length * 9;
}

function isFinal(flags: readonly boolean[]): boolean {
	return flags.length > 0 && flags[flags.length - 1];
}

/**
 * ArcGIS Pro "How Emerging Hot Spot Analysis works", as tabulated in SPEC §4, in the spec's order.
 * Within a row hot is tried before cold; only "historical" (final step not hot) can meet another row
 * of the other side, and then the earlier row wins.
 */
const RULES: readonly [EmergingPattern, (view: SideView) => boolean][] = [
	['new', ({ here }) => isFinal(here) && count(here) === 1],
	[
		'consecutive',
		({ here }) => {
			const start = finalRunStart(here);
			return here.length - start >= 2 && here.indexOf(true) === start && !mostly(here);
		}
	],
	['intensifying', ({ here, trend }) => isFinal(here) && mostly(here) && trend > 0],
	['diminishing', ({ here, trend }) => isFinal(here) && mostly(here) && trend < 0],
	['persistent', ({ here, trend }) => isFinal(here) && mostly(here) && trend === 0],
	['historical', ({ here }) => !isFinal(here) && here.length > 0 && mostly(here)],
	['oscillating', ({ here, there }) => isFinal(here) && !mostly(here) && there.some(Boolean)],
	['sporadic', ({ here, there }) => isFinal(here) && !mostly(here) && !there.some(Boolean)]
];

function trendSign(trend: MannKendallResult | null, alpha: number): number {
	return trend !== null && trend.p < alpha ? Math.sign(trend.z) : 0;
}

/** Classifies one group's series of Gi* results, oldest step first. */
export function classifyEmerging(series: readonly ScoredGroup[], options: EmergingOptions = {}): EmergingGroup {
	const alpha = Number((1 - (options.confidence ?? DEFAULT_CONFIDENCE)).toFixed(12));
	const sides = series.map(({ z, p }) => (z !== null && p !== null && p < alpha ? Math.sign(z) : 0));
	const hot = sides.map((side) => side > 0);
	const cold = sides.map((side) => side < 0);
	const trend = mannKendall(series.map((step) => step.z ?? 0));
	const upward = trendSign(trend, options.trendAlpha ?? DEFAULT_TREND_ALPHA);
	const views: Record<EmergingSide, SideView> = {
		hot: { here: hot, there: cold, trend: upward },
		cold: { here: cold, there: hot, trend: -upward }
	};
	const category = categorise(views);
	return { category, trend, hotSteps: count(hot), coldSteps: count(cold) };
}

function categorise(views: Record<EmergingSide, SideView>): EmergingCategory {
	for (const [pattern, rule] of RULES) {
		for (const side of ['hot', 'cold'] as const) {
			if (rule(views[side])) return `${pattern}_${side}`;
		}
	}
	return 'none';
}

/** `series[group][step]`. */
export function emergingCategories(
	series: readonly (readonly ScoredGroup[])[],
	options: EmergingOptions = {}
): EmergingGroup[] {
	return series.map((groupSeries) => classifyEmerging(groupSeries, options));
}

/**
 * Space-time Gi* of every bin of the cube `values[group][step]`, as ArcGIS Pro's Emerging Hot Spot Analysis
 * ("How Emerging Hot Spot Analysis works" and the tool's usage notes): a bin's neighbourhood is the group and its
 * spatial neighbours in its own step and in the `timeSteps` steps before it ("Neighborhood Time Step", default 1),
 * and the mean and standard deviation are those of every bin of the cube ("Define Global Window", default
 * "Entire cube"). The formula is `giStar`'s with n the number of bins. The first steps have no earlier step to
 * draw on: their neighbourhood holds only the steps that exist, as the tool's neighbours are bins that exist.
 * p is the normal one, as in ArcGIS.
 */
export function spaceTimeGiStar(
	values: readonly (readonly number[])[],
	neighbours: Neighbours,
	timeSteps: number
): GiStarResult[] {
	if (!Number.isInteger(timeSteps) || timeSteps < 0) {
		throw new RangeError(`timeSteps ${timeSteps} is not a whole number ≥ 0`);
	}
	const stepCount = values[0]?.length ?? 0;
	const cube = values.flat();
	assertFinite(cube, 'values');
	const lists = cleanNeighbours(neighbours, values.length);
	const constant = isConstant(cube);
	const n = cube.length;
	const average = mean(cube);
	const sd = populationSd(cube, average);
	return Array.from({ length: stepCount }, (_, step) => {
		const first = Math.max(0, step - timeSteps);
		const groups = lists.map((list, i): GiStarGroup => {
			if (constant) return { z: null, p: null, bin: 0 };
			let localSum = 0;
			for (const j of [i, ...list]) {
				for (let t = first; t <= step; t++) localSum += values[j][t];
			}
			const weightSum = (list.length + 1) * (step - first + 1);
			const spread = weightSum * (n - weightSum);
			if (spread === 0) return { z: null, p: null, bin: 0 };
			const z = (localSum - average * weightSum) / (sd * Math.sqrt(spread / (n - 1)));
			return { z, p: twoSidedP(z), bin: binOfZ(z) };
		});
		return { groups, constant, inference: 'normal' };
	});
}

/**
 * Gi* of every group at every step, then the categories. `values[group][step]`. With `timeSteps` 0 each step's
 * Gi* is purely spatial (SPEC §4); otherwise it is ArcGIS's space-time Gi* (`spaceTimeGiStar`). Either way its p
 * is the normal one, as in ArcGIS's Emerging Hot Spot Analysis, whatever inference the period's Gi* map uses.
 */
export function emergingHotspots(
	values: readonly (readonly number[])[],
	neighbours: Neighbours,
	options: EmergingOptions = {}
): EmergingResult {
	const stepCount = values[0]?.length ?? 0;
	if (values.some((row) => row.length !== stepCount)) {
		throw new RangeError('every group needs a value at every step');
	}
	const timeSteps = options.timeSteps ?? 0;
	const steps =
		timeSteps > 0
			? spaceTimeGiStar(values, neighbours, timeSteps)
			: Array.from({ length: stepCount }, (_, step) =>
					giStar(
						values.map((row) => row[step]),
						neighbours
					)
				);
	const series = values.map((_, group) => steps.map((step) => step.groups[group]));
	return { groups: emergingCategories(series, options), steps };
}

/**
 * The neighbourhood time step of the emerging analysis: none by month, where SPEC §4 defines each month's Gi* on its
 * own (so results stay checkable against other software); by quarter, ArcGIS's default of 1, since one quarter's
 * counts are still small and the previous quarter doubles what a group's neighbourhood holds.
 */
export function timeStepsOf(step: EmergingStep): number {
	return step === 'month' ? 0 : 1;
}

/**
 * Cases a group needs per step, on average, for a step's Gi* to have power: the median group must reach it at
 * the default step. At one case a month, a planted 3× cluster reads as "no pattern" month by month (issue 13);
 * ArcGIS's space-time cube likewise lets the bin size follow the data.
 */
export const MIN_CASES_PER_STEP = 2;

/** Whether a month (`YYYY-MM`) starts a step: every month does; calendar quarters start in January, April, July, October. */
function startsStep(month: string, step: EmergingStep): boolean {
	return bucketStart(`${month}-01`, step) === `${month}-01`;
}

/**
 * The first month (`YYYY-MM`) of every step over `months`, consecutive months oldest first. A quarter the data
 * enters or leaves part-way is a shorter step (see `stepValues`).
 */
export function stepStarts(months: readonly string[], step: EmergingStep): string[] {
	return months.filter((month, index) => index === 0 || startsStep(month, step));
}

/** `monthly[group][month]` summed into steps. */
export function sumSteps(monthly: readonly (readonly number[])[], months: readonly string[], step: EmergingStep): number[][] {
	if (step === 'month') return monthly.map((row) => [...row]);
	return monthly.map((row) => {
		const sums: number[] = [];
		row.forEach((count, index) => {
			if (index === 0 || startsStep(months[index], step)) sums.push(0);
			sums[sums.length - 1] += count;
		});
		return sums;
	});
}

/**
 * What the emerging analysis compares at each step: the counts of each month (SPEC §4), or by quarter each
 * group's cases per month of the quarter. Space-time Gi* weighs every quarter against the whole cube, so a quarter
 * the data enters or leaves part-way (an export made mid-quarter) must not read as a quiet one.
 */
export function stepValues(monthly: readonly (readonly number[])[], months: readonly string[], step: EmergingStep): number[][] {
	if (step === 'month') return sumSteps(monthly, months, step);
	const starts = stepStarts(months, step).map((start) => months.indexOf(start));
	const lengths = starts.map((start, i) => (starts[i + 1] ?? months.length) - start);
	return sumSteps(monthly, months, step).map((row) => row.map((sum, i) => sum / lengths[i]));
}

/** The median over groups of a group's mean count per step. */
export function medianPerStep(monthly: readonly (readonly number[])[], stepCount: number): number {
	if (stepCount === 0 || monthly.length === 0) return 0;
	const means = monthly
		.map((row) => row.reduce((sum, count) => sum + count, 0) / stepCount)
		.sort((a, b) => a - b);
	const middle = Math.floor(means.length / 2);
	return means.length % 2 ? means[middle] : (means[middle - 1] + means[middle]) / 2;
}

/** The default step: months when the median group has `MIN_CASES_PER_STEP` cases a month, otherwise quarters. */
export function chooseStep(monthly: readonly (readonly number[])[], months: readonly string[]): EmergingStep {
	return medianPerStep(monthly, months.length) >= MIN_CASES_PER_STEP ? 'month' : 'quarter';
}
