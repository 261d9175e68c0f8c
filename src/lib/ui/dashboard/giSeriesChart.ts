import * as Plot from '@observablehq/plot';
import { binOfZ, CRITICAL_Z_90 } from '$lib/core/analysis/significance';
import { utcDate } from '$lib/core/periods/dates';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

export interface GiSeriesInput {
	/** The group's Gi* z-score at each step of the emerging analysis; null where a step has none. */
	zSeries: (number | null)[];
	/** The first month (`YYYY-MM`) of each step. */
	stepStarts: string[];
	stepUnit: string;
	width: number;
	text: Messages;
	format: Formatter;
}

/** A group's Gi* z-score step by step, the 90 % thresholds dashed, the steps it is a hot spot dotted. */
export function giSeriesSpec({ zSeries, stepStarts, stepUnit, width, text, format }: GiSeriesInput): Plot.PlotOptions {
	const scored = zSeries
		.map((z, index) => ({ date: utcDate(`${stepStarts[index]}-01`), z }))
		.filter((point): point is { date: Date; z: number } => point.z !== null);
	return {
		height: 140,
		ariaLabel: text.detail.giSeries(stepUnit),
		width,
		x: { type: 'utc', label: null, tickFormat: (date: Date) => format.month(date.toISOString().slice(0, 7)) },
		y: { label: 'z', grid: true },
		marks: [
			Plot.ruleY([CRITICAL_Z_90, -CRITICAL_Z_90], { stroke: '#b2182b', strokeDasharray: '4 3' }),
			Plot.ruleY([0]),
			Plot.lineY(scored, { x: 'date', y: 'z', stroke: '#333' }),
			Plot.dot(
				scored.filter((point) => binOfZ(point.z) > 0),
				{ x: 'date', y: 'z', fill: '#b2182b', r: 3 }
			)
		]
	};
}
