import { schemeRdBu, schemeYlOrRd } from 'd3-scale-chromatic';
import { ticks } from 'd3-array';
import type { GroupFigures } from '$lib/core/queries/results';
import { isHidden, SMALL, type Disclosure } from '$lib/core/briefing/suppression';
import type { MapMode, View } from '$lib/core/queries/view';
import type {
	ConfidenceBin,
	EmergingCategory,
	HotspotAnalysis,
	MannKendallResult,
	MoranCluster
} from '$lib/core/analysis';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

export const NO_DATA_COLOUR = '#d9d9d9';
/** A count withheld ("x") in a distribution copy, or a rate or change that would give a hidden count back. */
export const WITHHELD_COLOUR = '#8c8c8c';

/**
 * Whether a fill is dark enough that a group's number on it reads better in white: WCAG 2's relative luminance
 * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance) below 0.18, where white and black text contrast alike.
 */
export function isDark(colour: string): boolean {
	const hex = /^#([0-9a-f]{6})$/i.exec(colour)?.[1];
	if (!hex) return false;
	const channel = (offset: number) => {
		const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
		return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4) < 0.18;
}

export interface LegendEntry {
	colour: string;
	label: string;
}

export interface MapColouring {
	/** Colour per group code. */
	colours: Map<string, string>;
	/** What a group shows on hover, already formatted; null when it has none. */
	labels: Map<string, string | null>;
	legend: LegendEntry[];
	legendTitle: string;
	/** Plain-words caveats under the legend (a constant field, a short series). */
	notes: string[];
	/** In the statistical modes, each group's class as a stable key (`3`, `HH`, `consecutive_hot`…). */
	classes: Map<string, string> | null;
}

/** The map's colours for the view: amounts for count, rate and change; statistics for the other modes. */
export function colourMap(
	view: View,
	groups: GroupFigures[],
	hotspots: HotspotAnalysis | null,
	text: Messages,
	format: Formatter,
	/** A distribution copy's counts and changes: the map shows what its tables show, and no more. */
	disclosed: Disclosure['groups'] | null = null
): MapColouring {
	if (hotspots && (view.mode === 'gistar' || view.mode === 'lisa' || view.mode === 'emerging')) {
		const colouring =
			view.mode === 'gistar'
				? colourGiStar(hotspots, view.fdr, text, format, disclosed !== null)
				: view.mode === 'lisa'
					? colourLisa(hotspots, text)
					: colourEmerging(hotspots, text, format);
		return { ...colouring, notes: [text.modeExplanation[view.mode], ...colouring.notes] };
	}
	const mode = view.mode === 'rate' || view.mode === 'change' ? view.mode : 'count';
	const title = mode === 'rate' ? text.legendRate : mode === 'change' ? text.legendChange : text.legendCases;
	const coloured = disclosed ? colourDisclosed(mode, groups, disclosed, text, format) : colourGroups(mode, groups, format);
	if (mode === 'rate' && hotspots && !disclosed) {
		for (const group of hotspots.groups) {
			const raw = coloured.labels.get(group.group_code);
			if (raw && group.eb_rate !== null) coloured.labels.set(group.group_code, text.ebRate(raw, format.decimal(group.eb_rate)));
		}
	}
	return { ...coloured, legendTitle: title, notes: mode === 'rate' ? [text.ebNote] : [], classes: null };
}

/**
 * Two periods side by side (`compare=`): both maps on one colour scale, its breaks from both periods' values, so a
 * colour means the same number on either map. The statistical modes show counts: their classes are each period's
 * own test, and two tests side by side do not say how much a group changed.
 */
export function colourCompared(
	view: View,
	current: GroupFigures[],
	compared: GroupFigures[],
	text: Messages,
	format: Formatter
): { current: MapColouring; compared: MapColouring } {
	const mode = view.mode === 'rate' || view.mode === 'change' ? view.mode : 'count';
	const title = mode === 'rate' ? text.legendRate : mode === 'change' ? text.legendChange : text.legendCases;
	const notes = mode === view.mode ? [] : [text.compare.countsOnly];
	const both = [...current, ...compared];
	const colouring = (groups: GroupFigures[]): MapColouring => ({
		...colourGroups(mode, groups, format, both),
		legendTitle: title,
		notes,
		classes: null
	});
	return { current: colouring(current), compared: colouring(compared) };
}

/** Diverging ColorBrewer RdBu, hot red and cold blue, not-significant neutral grey. */
const GI_COLOURS: Record<`${ConfidenceBin}`, string> = {
	'3': '#b2182b',
	'2': '#ef8a62',
	'1': '#fddbc7',
	'0': '#eeeeee',
	'-1': '#d1e5f0',
	'-2': '#67a9cf',
	'-3': '#2166ac'
};
const GI_ORDER = ['3', '2', '1', '0', '-1', '-2', '-3'] as const;

/** `withoutScores`: a distribution copy names each group's class, not its z-score (worked from every count). */
function colourGiStar(hotspots: HotspotAnalysis, fdr: boolean, text: Messages, format: Formatter, withoutScores: boolean): MapColouring {
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	const classes = new Map<string, string>();
	for (const group of hotspots.groups) {
		const bin = `${fdr ? group.gi_bin_fdr : group.gi_bin}` as `${ConfidenceBin}`;
		colours.set(group.group_code, GI_COLOURS[bin]);
		classes.set(group.group_code, bin);
		const z = group.gi_z === null ? '—' : format.decimal(group.gi_z);
		labels.set(group.group_code, withoutScores ? text.statistics.giBin[bin] : `${text.statistics.zScore(z)} · ${text.statistics.giBin[bin]}`);
	}
	return {
		colours,
		labels,
		legend: GI_ORDER.map((bin) => ({ colour: GI_COLOURS[bin], label: text.statistics.giBin[bin] })),
		legendTitle: fdr ? text.statistics.legendGiFdr : text.statistics.legendGi,
		notes: hotspots.constant ? [text.statistics.constantField] : [text.statistics.inferenceNote[hotspots.inference]],
		classes
	};
}

const LISA_COLOURS: Record<MoranCluster, string> = {
	HH: '#d7191c',
	HL: '#f4a582',
	LH: '#92c5de',
	LL: '#2c7bb6',
	ns: '#eeeeee'
};

function colourLisa(hotspots: HotspotAnalysis, text: Messages): MapColouring {
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	const classes = new Map<string, string>();
	for (const group of hotspots.groups) {
		colours.set(group.group_code, LISA_COLOURS[group.lisa_class]);
		labels.set(group.group_code, text.statistics.lisa[group.lisa_class]);
		classes.set(group.group_code, group.lisa_class);
	}
	const order: MoranCluster[] = ['HH', 'HL', 'LH', 'LL', 'ns'];
	return {
		colours,
		labels,
		legend: order.map((cluster) => ({ colour: LISA_COLOURS[cluster], label: text.statistics.lisa[cluster] })),
		legendTitle: text.statistics.legendLisa,
		notes: hotspots.constant ? [text.statistics.constantField] : [],
		classes
	};
}

/** Reds for hot patterns, blues for cold, darker for the stronger and longer-lasting ones. */
const EMERGING_COLOURS: Record<EmergingCategory, string> = {
	persistent_hot: '#a50f15',
	intensifying_hot: '#de2d26',
	consecutive_hot: '#fb6a4a',
	new_hot: '#fc9272',
	oscillating_hot: '#fd8d3c',
	sporadic_hot: '#fdd0a2',
	diminishing_hot: '#fcbba1',
	historical_hot: '#d9a6a6',
	persistent_cold: '#08306b',
	intensifying_cold: '#2171b5',
	consecutive_cold: '#4292c6',
	new_cold: '#6baed6',
	oscillating_cold: '#9ecae1',
	sporadic_cold: '#c6dbef',
	diminishing_cold: '#deebf7',
	historical_cold: '#a6b8d9',
	none: '#eeeeee'
};

/** A significant Mann–Kendall trend of the group's z-scores, in words; null when there is none. */
function trendWords(trend: MannKendallResult | null, text: Messages): string | null {
	if (!trend || trend.p >= 0.05 || trend.z === 0) return null;
	return trend.z > 0 ? text.statistics.trendUp : text.statistics.trendDown;
}

function colourEmerging(hotspots: HotspotAnalysis, text: Messages, format: Formatter): MapColouring {
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	const classes = new Map<string, string>();
	const { step, automatic, starts, medianPerStep, sparse, timeSteps } = hotspots.emerging;
	const unit = text.statistics.stepUnit[step];
	// The category alone hides what a reader needs at ward volumes: how often the group was hot, and its trend.
	hotspots.groups.forEach((group, i) => {
		const detail = hotspots.emerging.groups[i];
		const steps = text.statistics.hotSteps(detail.hotSteps, detail.coldSteps, starts.length, unit);
		const words = [text.statistics.emerging[group.emerging], steps, trendWords(detail.trend, text)];
		colours.set(group.group_code, EMERGING_COLOURS[group.emerging]);
		labels.set(group.group_code, words.filter(Boolean).join(' · '));
		classes.set(group.group_code, group.emerging);
	});
	// Only the categories that occur, in the order of the palette, and "no pattern" last.
	const present = new Set(hotspots.groups.map((group) => group.emerging));
	const order = (Object.keys(EMERGING_COLOURS) as EmergingCategory[]).filter(
		(category) => category !== 'none' && present.has(category)
	);
	const median = format.decimal(medianPerStep);
	const notes = [text.statistics.emergingNote];
	if (automatic) notes.push(text.statistics.stepAutoNote(unit, median));
	if (timeSteps > 0) notes.push(text.statistics.spaceTimeNote(unit));
	if (sparse) notes.push(text.statistics.sparseSteps(unit, median));
	if (starts.length < 10) notes.push(text.statistics.shortSeries(starts.length, unit));
	return {
		colours,
		labels,
		legend: [...order, 'none' as const].map((category) => ({
			colour: EMERGING_COLOURS[category],
			label: text.statistics.emerging[category]
		})),
		legendTitle: text.statistics.legendEmerging[step],
		notes,
		classes
	};
}

/** The value a group is coloured by in a mode; null when it cannot have one (no population for a rate). */
export function groupValue(mode: MapMode, group: GroupFigures): number | null {
	if (mode === 'rate') return group.population ? (group.total / group.population) * 1000 : null;
	if (mode === 'change') return group.total - group.previousTotal;
	return group.total;
}

/**
 * Classed colours (ColorBrewer YlOrRd for amounts, RdBu for change: both read in greyscale and for the common
 * colour-blindnesses) with breaks at round numbers, so a legend says "5–9" rather than "4,7–9,3".
 */
export function colourGroups(
	mode: 'count' | 'rate' | 'change',
	groups: GroupFigures[],
	format: Formatter,
	/** Whose values set the classes' breaks: by default these groups; two periods side by side share theirs. */
	scaleFrom: GroupFigures[] = groups
): Pick<MapColouring, 'colours' | 'labels' | 'legend'> {
	const values = groups.map((group) => groupValue(mode, group));
	const present = scaleFrom.map((group) => groupValue(mode, group)).filter((value): value is number => value !== null);
	const classes =
		mode === 'change'
			? changeClasses(Math.max(0, ...present.map(Math.abs)), format)
			: mode === 'rate'
				? rateClasses(Math.max(0, ...present), format)
				: countClasses(Math.max(0, ...present), format, false);
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	groups.forEach((group, index) => {
		const value = values[index];
		colours.set(group.group_code, value === null ? NO_DATA_COLOUR : classes.colourOf(value));
		labels.set(
			group.group_code,
			value === null
				? null
				: mode === 'rate'
					? format.decimal(value)
					: mode === 'change'
						? format.signed(value)
						: format.integer(value)
		);
	});
	return { colours, labels, legend: classes.legend };
}

/**
 * A distribution copy's map: coloured only by what its tables show. A hidden count keeps its mark (one class for
 * "<5", one colour for "x"); a rate or change that would give a hidden count back is not drawn; the classes' breaks
 * come from the shown values only, so no break tells a hidden one.
 */
function colourDisclosed(
	mode: 'count' | 'rate' | 'change',
	groups: GroupFigures[],
	disclosed: Disclosure['groups'],
	text: Messages,
	format: Formatter
): Pick<MapColouring, 'colours' | 'labels' | 'legend'> {
	const shown = groups.map((group) => disclosed.get(group.group_code) ?? { count: group.total, change: null });
	const values = groups.map((group, index): number | null => {
		const { count, change } = shown[index];
		if (mode === 'change') return change;
		if (isHidden(count)) return null;
		return mode === 'rate' ? groupValue('rate', group) : count;
	});
	const present = values.filter((value): value is number => value !== null);
	const classes =
		mode === 'change'
			? changeClasses(Math.max(0, ...present.map(Math.abs)), format)
			: mode === 'rate'
				? rateClasses(Math.max(0, ...present), format)
				: countClasses(Math.max(0, ...present), format, true);
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	let withheld = false;
	groups.forEach((group, index) => {
		const value = values[index];
		const { count } = shown[index];
		if (value !== null) {
			colours.set(group.group_code, classes.colourOf(value));
			labels.set(
				group.group_code,
				mode === 'rate' ? format.decimal(value) : mode === 'change' ? format.signed(value) : format.integer(value)
			);
		} else if (mode === 'count' && count === SMALL) {
			colours.set(group.group_code, classes.colourOf(1));
			labels.set(group.group_code, SMALL);
		} else if (mode === 'rate' && !isHidden(count)) {
			colours.set(group.group_code, NO_DATA_COLOUR);
			labels.set(group.group_code, null);
		} else {
			withheld = true;
			colours.set(group.group_code, WITHHELD_COLOUR);
			labels.set(group.group_code, mode === 'change' || !isHidden(count) ? '…' : count);
		}
	});
	const legend = withheld ? [...classes.legend, { colour: WITHHELD_COLOUR, label: text.legendWithheld }] : classes.legend;
	return { colours, labels, legend };
}

interface Classes {
	colourOf(value: number): string;
	legend: LegendEntry[];
}

/** Integer lower bounds of up to `count` classes above zero: [1, 5, 10, …]. */
function integerBreaks(max: number, count: number): number[] {
	const steps = ticks(0, Math.max(max, 1), count).filter((tick) => tick >= 1 && Number.isInteger(tick));
	return [1, ...steps.filter((tick) => tick > 1)];
}

function classesFromBreaks(lowerBounds: number[], palette: readonly string[], label: (index: number) => string): Classes {
	return {
		colourOf(value) {
			let index = 0;
			while (index + 1 < lowerBounds.length && value >= lowerBounds[index + 1]) index++;
			return palette[index];
		},
		legend: lowerBounds.map((_, index) => ({ colour: palette[index], label: label(index) }))
	};
}

function countClasses(max: number, format: Formatter, suppressSmall: boolean): Classes {
	const breaks = integerBreaks(max, 4);
	// Suppressed: one class for 1–4, the next boundaries at 5 or above.
	const bounds = suppressSmall ? [0, 1, ...new Set([5, ...breaks.filter((bound) => bound > 5)])] : [0, ...breaks];
	const palette = schemeYlOrRd[Math.max(3, bounds.length)].slice(0, bounds.length);
	return classesFromBreaks(bounds, palette, (index) =>
		suppressSmall && bounds[index] === 1 ? '<5' : rangeLabel(bounds, index, format.integer, 1)
	);
}

function rateClasses(max: number, format: Formatter): Classes {
	const steps = ticks(0, max > 0 ? max : 1, 4);
	const bounds = steps.slice(0, -1).length >= 2 ? steps.slice(0, -1) : [0, max / 2 || 0.5];
	const palette = schemeYlOrRd[Math.max(3, bounds.length)].slice(0, bounds.length);
	return classesFromBreaks(bounds, palette, (index) => rangeLabel(bounds, index, format.decimal, 0));
}

function changeClasses(maxAbs: number, format: Formatter): Classes {
	const up = integerBreaks(maxAbs, 3).slice(0, 3);
	// Falls mirror rises: the rise class [u_i, u_(i+1) − 1] has the fall class [−u_(i+1) + 1, −u_i];
	// zero is its own neutral class.
	const down = up.slice(1).reverse().map((bound) => -bound + 1);
	const bounds = [-Infinity, ...down, 0, ...up];
	const diverging = schemeRdBu[Math.max(3, bounds.length)];
	const palette = [...diverging].reverse();
	return {
		...classesFromBreaks(bounds, palette, (index) => {
			const lower = bounds[index];
			const upper = index + 1 < bounds.length ? bounds[index + 1] - 1 : Infinity;
			if (lower === 0) return '0';
			if (lower === -Infinity) return `≤ ${format.signed(upper)}`;
			if (upper === Infinity) return `≥ ${format.signed(lower)}`;
			return lower === upper ? format.signed(lower) : `${format.signed(lower)} … ${format.signed(upper)}`;
		})
	};
}

function rangeLabel(bounds: number[], index: number, show: (value: number) => string, gap: number): string {
	const lower = bounds[index];
	if (index + 1 >= bounds.length) return `≥ ${show(lower)}`;
	const upper = bounds[index + 1] - gap;
	if (gap === 1 && lower === upper) return show(lower);
	return `${show(lower)}–${show(upper)}`;
}
