import { describe, expect, test } from 'vitest';
import { previousSteps, trendBuckets, type TrendBucket, type TrendCount } from '$lib/core/queries/trend';
import { formatter } from '$lib/i18n/format';
import { vi } from '$lib/i18n/vi';
import { CATEGORY_CODES } from '$lib/core/schema/categories';
import { brushedPeriod, stackByCategory, trendChartSpec } from '$lib/ui/charts/trendChart';
import { monthTicks } from '$lib/ui/charts/monthTicks';
import { CATEGORY_COLOURS } from '$lib/ui/charts/categoryColours';

/* Hand-counted: the data runs from 10/01/2020 to 20/06/2020, so January and June are partial months. */
const SPAN = { from: '2020-01-10', to: '2020-06-20' };
const COUNTS: TrendCount[] = [
	{ bucket: '2020-01-01', category: 'family', total: 1 },
	{ bucket: '2020-02-01', category: 'land', total: 2 },
	{ bucket: '2020-02-01', category: 'neighbour', total: 3 },
	{ bucket: '2020-04-01', category: 'land', total: 4 },
	{ bucket: '2020-05-01', category: 'family', total: 1 },
	{ bucket: '2020-05-01', category: 'land', total: 1 },
	{ bucket: '2020-06-01', category: 'other', total: 5 }
];
const format = formatter('vi');
const dataOf = (mark: unknown) => (mark as { data: unknown[] }).data;
const iso = (date: Date) => date.toISOString().slice(0, 10);

function spec(period: { from: string; to: string }, width = 640) {
	const buckets = trendBuckets(COUNTS, 'month', SPAN);
	const previous = previousSteps(buckets, period, 'month');
	const label = (bucket: TrendBucket) => bucket.start.slice(0, 7);
	return trendChartSpec({ buckets, previous, period, span: SPAN, step: 'month', width, label, text: vi, format });
}

describe('the trend chart’s model builds the Plot the dashboard mounts', () => {
	test('the x axis spans whole months from the data’s first month to the end of its last, labelled as the month ticks say', () => {
		const { x, y, width, height } = spec({ from: '2020-05-01', to: '2020-06-30' }, 640);
		expect((x!.domain as Date[]).map(iso)).toEqual(['2020-01-01', '2020-07-01']);
		expect((x!.ticks as Date[]).map(iso)).toEqual(monthTicks(SPAN.from, SPAN.to, 580).map(iso));
		expect((x!.tickFormat as (date: Date) => string)(new Date('2020-03-01T00:00:00Z'))).toBe('03/2020');
		expect((y!.tickFormat as (value: number) => string)(1234)).toBe('1.234');
		expect([width, height]).toEqual([640, 220]);
	});

	test('categories are coloured in the legend’s order, each step’s cases stacked in that order, partial months lighter', () => {
		const { color, marks } = spec({ from: '2020-05-01', to: '2020-06-30' });
		const legend = (color!.domain as string[]).map((name, index) => [name, (color!.range as string[])[index]]);
		expect(legend).toEqual(CATEGORY_CODES.map((code) => [vi.category[code], CATEGORY_COLOURS[code]]));
		expect(legend[0]).toEqual(['Đất đai, ranh giới, lối đi chung', '#E69F00']);
		const segments = dataOf(marks![1]) as ReturnType<typeof stackByCategory>;
		const rows = segments.map((s) => [s.bucket.start, s.category, s.y1, s.y2, s.bucket.partial]);
		expect(rows).toEqual([
			['2020-01-01', 'family', 0, 1, true],
			['2020-02-01', 'land', 0, 2, false],
			['2020-02-01', 'neighbour', 2, 5, false],
			['2020-04-01', 'land', 0, 4, false],
			['2020-05-01', 'land', 0, 1, false],
			['2020-05-01', 'family', 1, 2, false],
			['2020-06-01', 'other', 0, 5, true]
		]);
		expect(marks).toHaveLength(7);
	});

	test('the chosen period is shaded and the previous period’s steps drawn beside it, month against month', () => {
		const period = { from: '2020-05-01', to: '2020-06-30' };
		const { marks } = spec(period);
		expect(dataOf(marks![0])).toEqual([period]);
		const points = dataOf(marks![5]) as { x1: Date; x2: Date; y: number }[];
		// May and June against March (no case) and April (4).
		expect(points.map((p) => [iso(p.x1), iso(p.x2), p.y])).toEqual([
			['2020-05-01', '2020-06-01', 0],
			['2020-06-01', '2020-07-01', 4]
		]);
		expect(dataOf(marks![2])).toBe(points);
	});
});

test('a brush across the trend chooses the whole steps it touches', () => {
	const from = new Date('2020-02-12T08:00:00Z');
	const to = new Date('2020-04-03T00:00:00Z');
	expect(brushedPeriod(from, to, 'month')).toEqual({ from: '2020-02-01', to: '2020-04-30' });
	expect(brushedPeriod(from, to, 'week')).toEqual({ from: '2020-02-10', to: '2020-04-05' });
	expect(brushedPeriod(from, to, 'quarter')).toEqual({ from: '2020-01-01', to: '2020-06-30' });
});
