import { schemeRdBu, schemeYlOrRd } from 'd3-scale-chromatic';
import { ticks } from 'd3-array';
import type { GroupFigures } from '$lib/core/queries/results';
import type { MapMode } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';

export const NO_DATA_COLOUR = '#d9d9d9';

export interface LegendEntry {
	colour: string;
	label: string;
}

export interface MapColouring {
	/** Colour per group code. */
	colours: Map<string, string>;
	/** The number a group shows on hover, already formatted; null when it has none. */
	labels: Map<string, string | null>;
	legend: LegendEntry[];
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
export function colourGroups(mode: MapMode, groups: GroupFigures[], format: Formatter): MapColouring {
	const values = groups.map((group) => groupValue(mode, group));
	const present = values.filter((value): value is number => value !== null);
	const classes =
		mode === 'change'
			? changeClasses(Math.max(0, ...present.map(Math.abs)), format)
			: mode === 'rate'
				? rateClasses(Math.max(0, ...present), format)
				: countClasses(Math.max(0, ...present), format);
	const colours = new Map<string, string>();
	const labels = new Map<string, string | null>();
	groups.forEach((group, index) => {
		const value = values[index];
		colours.set(group.group_code, value === null ? NO_DATA_COLOUR : classes.colourOf(value));
		labels.set(
			group.group_code,
			value === null ? null : mode === 'rate' ? format.decimal(value) : mode === 'change' ? format.signed(value) : format.integer(value)
		);
	});
	return { colours, labels, legend: classes.legend };
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

function countClasses(max: number, format: Formatter): Classes {
	const bounds = [0, ...integerBreaks(max, 4)];
	const palette = schemeYlOrRd[Math.max(3, bounds.length)].slice(0, bounds.length);
	return classesFromBreaks(bounds, palette, (index) => rangeLabel(bounds, index, format.integer, 1));
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
