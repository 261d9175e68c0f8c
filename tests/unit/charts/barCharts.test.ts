import { expect, test } from 'vitest';
import { categoryBars, seasonalityBars } from '$lib/ui/dashboard/barCharts';

test('the category bars: in ranking order (count, then code), the largest filling its track, none when no case', () => {
	const bars = categoryBars([
		{ category: 'family', total: 2 },
		{ category: 'land', total: 8 },
		{ category: 'civil', total: 2 },
		{ category: 'other', total: 0 }
	]);
	expect(bars.map(({ category, share }) => [category, share])).toEqual([
		['land', 1],
		['civil', 0.25],
		['family', 0.25],
		['other', 0]
	]);
	expect(categoryBars([{ category: 'land', total: 0 }])[0].share).toBe(0);
});

test('the seasonality bars: a month’s average a year over the years the data covers it, a month never covered left blank', () => {
	const months = [6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 12];
	const weekdays = [1, 2, 3, 4, 0, 0, 5];
	// 20/11/2019 to 03/02/2021: November, December, January and February twice, the other months once.
	const tables = seasonalityBars({ months, weekdays }, '2019-11-20', '2021-02-03');
	expect(tables.months.map(({ perYear }) => perYear)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.5, 6]);
	expect(tables.months.map(({ share }) => share)).toEqual(months.map((total) => total / 12));
	expect(tables.weekdays.map(({ share }) => share)).toEqual(weekdays.map((total) => total / 5));
	expect(tables.years).toEqual({ fewest: 1, most: 2 });
	const halfYear = seasonalityBars({ months, weekdays }, '2020-01-01', '2020-06-30');
	expect(halfYear.months.map(({ perYear }) => perYear).slice(5, 8)).toEqual([0, null, null]);
	expect(halfYear.years).toEqual({ fewest: 1, most: 1 });
});
