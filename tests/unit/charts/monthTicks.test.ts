import { describe, expect, test } from 'vitest';
import { monthTickStep, monthTicks } from '$lib/ui/charts/monthTicks';

describe('the trend’s month labels', () => {
	test('at 1,024 px wide (a 380 px plot) the demo’s 36 months are labelled every 6 months, not every 3', () => {
		expect(monthTickStep(36, 380)).toBe(6);
		const ticks = monthTicks('2018-01-01', '2020-12-31', 380);
		expect(ticks.map((date) => date.toISOString().slice(0, 7))).toEqual(['2018-01', '2018-07', '2019-01', '2019-07', '2020-01', '2020-07']);
	});

	test('a wide chart labels every month or quarter; a very long span still fits', () => {
		expect(monthTickStep(12, 800)).toBe(1);
		expect(monthTickStep(36, 800)).toBe(3);
		expect(monthTickStep(36, 2016)).toBe(1);
		expect(monthTickStep(600, 300)).toBe(60);
	});
});
