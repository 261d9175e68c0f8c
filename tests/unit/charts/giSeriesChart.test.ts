import { expect, test } from 'vitest';
import { formatter } from '$lib/i18n/format';
import { en } from '$lib/i18n/en';
import { giSeriesSpec } from '$lib/ui/dashboard/giSeriesChart';

const dataOf = (mark: unknown) => (mark as { data: unknown[] }).data;

test('a group’s Gi* series: the 90 % thresholds dashed, a line through the scored steps, a dot on each hot step', () => {
	const spec = giSeriesSpec({
		zSeries: [0.4, null, 1.645, 2.8, -1.9, 1.64],
		stepStarts: ['2020-01', '2020-04', '2020-07', '2020-10', '2021-01', '2021-04'],
		stepUnit: 'quarter',
		width: 500,
		text: en,
		format: formatter('en')
	});
	const [thresholds, zero, line, dots] = spec.marks!;
	expect(dataOf(thresholds)).toEqual([1.645, -1.645]);
	expect(dataOf(zero)).toEqual([0]);
	const months = (points: unknown[]) => (points as { date: Date }[]).map(({ date }) => date.toISOString().slice(0, 7));
	// The step without a score is left out of the line rather than drawn as zero.
	expect(months(dataOf(line))).toEqual(['2020-01', '2020-07', '2020-10', '2021-01', '2021-04']);
	// 1.645 is a hot spot at 90 %; 1.64 is not, nor is a cold spot (−1.9).
	expect(months(dataOf(dots))).toEqual(['2020-07', '2020-10']);
	expect([spec.width, spec.ariaLabel]).toEqual([500, en.detail.giSeries('quarter')]);
	expect((spec.x!.tickFormat as (date: Date) => string)(new Date('2020-07-01T00:00:00Z'))).toBe('07/2020');
});
