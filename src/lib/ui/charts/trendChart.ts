import * as Plot from '@observablehq/plot';
import { bucketEnd, bucketStart, type TrendStep } from '$lib/core/periods/buckets';
import { addDays, toIso, utcDate, type Period } from '$lib/core/periods/dates';
import type { PreviousStep, TrendBucket } from '$lib/core/queries/trend';
import { CATEGORY_CODES, type CategoryCode } from '$lib/core/schema/categories';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';
import { CATEGORY_COLOURS } from './categoryColours';
import { monthTicks } from './monthTicks';

export const TREND_CHART_HEIGHT = 220;

export interface TrendChartInput {
	buckets: TrendBucket[];
	previous: { steps: PreviousStep[] };
	/** The period chosen, shaded behind the bars. */
	period: Period;
	/** The data's first and last dates: the x axis spans them, whatever the filters leave. */
	span: Period;
	step: TrendStep;
	width: number;
	/** A step as the page names it (`bucketLabel`). */
	label: (bucket: TrendBucket) => string;
	text: Messages;
	format: Formatter;
}

/** A step drawn on the time axis from its first day to the start of the day after its last. */
const stepEnd = (bucket: { end: string }) => utcDate(addDays(bucket.end, 1));
/** The middle of a step, where the previous period's point is drawn. */
const middle = (bucket: TrendBucket) => new Date((utcDate(bucket.start).getTime() + stepEnd(bucket).getTime()) / 2);

/** The trend's Plot: each step's cases stacked by category, the chosen period shaded, the previous period dashed. */
export function trendChartSpec({ buckets, previous, period, span, step, width, label, text, format }: TrendChartInput): Plot.PlotOptions {
	const segments = stackByCategory(buckets, CATEGORY_CODES).map((segment) => ({
		...segment,
		label: text.category[segment.category]
	}));
	type Segment = (typeof segments)[number];
	const points = previous.steps.map(({ at, previous }) => ({
		x: middle(at),
		x1: utcDate(at.start),
		x2: stepEnd(at),
		y: previous.total,
		previous
	}));
	type Point = (typeof points)[number];
	return {
		width,
		height: TREND_CHART_HEIGHT,
		marginLeft: 40,
		ariaLabel: text.trendChart(format.month(span.from.slice(0, 7)), format.month(span.to.slice(0, 7))),
		x: {
			type: 'utc',
			label: null,
			domain: [utcDate(buckets[0].start), stepEnd(buckets[buckets.length - 1])],
			ticks: monthTicks(span.from, span.to, width - 60),
			tickFormat: (date: Date) => format.month(toIso(date).slice(0, 7))
		},
		y: { label: text.casesAxis, grid: true, tickFormat: (value: number) => format.integer(value) },
		color: {
			legend: true,
			domain: CATEGORY_CODES.map((code) => text.category[code]),
			range: CATEGORY_CODES.map((code) => CATEGORY_COLOURS[code])
		},
		marks: [
			Plot.rectX([period], {
				x1: (p: Period) => utcDate(p.from),
				x2: (p: Period) => utcDate(addDays(p.to, 1)),
				fill: '#f2d9a8',
				fillOpacity: 0.6
			}),
			Plot.rect(segments, {
				x1: (d: Segment) => utcDate(d.bucket.start),
				x2: (d: Segment) => stepEnd(d.bucket),
				y1: 'y1',
				y2: 'y2',
				fill: 'label',
				// A step the data covers only in part is drawn lighter and named under the chart: not a drop.
				fillOpacity: (d: Segment) => (d.bucket.partial ? 0.35 : 1),
				title: (d: Segment) =>
					`${label(d.bucket)}${d.bucket.partial ? ` (${text.trend.columns.partial})` : ''} · ${d.label}: ${format.integer(d.y2 - d.y1)}`,
				inset: step === 'week' ? 0.15 : 0.5
			}),
			// The previous period: a dashed level across each step of this one, joined, on a white halo over the bars.
			Plot.line(points, { x: 'x', y: 'y', stroke: 'white', strokeWidth: 4, strokeOpacity: 0.8 }),
			Plot.ruleY(points, { y: 'y', x1: 'x1', x2: 'x2', stroke: 'white', strokeWidth: 5, strokeOpacity: 0.8 }),
			Plot.line(points, { x: 'x', y: 'y', stroke: '#222', strokeWidth: 1.5, strokeDasharray: '5 3' }),
			Plot.ruleY(points, {
				y: 'y',
				x1: 'x1',
				x2: 'x2',
				stroke: '#222',
				strokeWidth: 2.5,
				strokeDasharray: '5 3',
				strokeOpacity: (d: Point) => (d.previous.partial ? 0.45 : 1),
				title: (d: Point) => text.trend.previousPoint(label(d.previous), format.integer(d.y))
			}),
			Plot.ruleY([0])
		]
	};
}

export interface StackedSegment {
	bucket: TrendBucket;
	category: CategoryCode;
	y1: number;
	y2: number;
}

/** Each step's categories stacked in the legend's order, bottom up; categories without a case take no segment. */
export function stackByCategory(buckets: readonly TrendBucket[], order: readonly CategoryCode[]): StackedSegment[] {
	const segments: StackedSegment[] = [];
	for (const bucket of buckets) {
		let y = 0;
		for (const category of order) {
			const count = bucket.categories[category] ?? 0;
			if (count === 0) continue;
			segments.push({ bucket, category, y1: y, y2: y + count });
			y += count;
		}
	}
	return segments;
}

/** The period a brush from one date to another chooses: the whole steps it touches. */
export function brushedPeriod(from: Date, to: Date, step: TrendStep): Period {
	return { from: bucketStart(toIso(from), step), to: bucketEnd(bucketStart(toIso(to), step), step) };
}
