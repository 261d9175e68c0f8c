import { describe, expect, test } from 'vitest';
import {
	matchAnyPreset,
	matchPreset,
	periodConvention,
	presetPeriod,
	previousPeriod,
	PRESETS,
	samePeriodLastYear
} from '$lib/core/periods/periods';
import { periodName } from '$lib/core/periods/periodName';

/** The reporting presets of the filter bar, and how the dashboard recognises, compares and names their periods. */

describe('reporting presets count back from the data like the calendar ones', () => {
	// 20 August is past the 14th: it already counts towards the reporting month of September (15/08–14/09).
	const lastDate = '2020-08-20';
	test.each([
		['this_month', '2020-08-15', '2020-09-14'],
		['last_month', '2020-07-15', '2020-08-14'],
		['this_quarter', '2020-06-15', '2020-09-14'],
		['last_quarter', '2020-03-15', '2020-06-14'],
		['first_6_months', '2019-12-15', '2020-06-14'],
		['first_9_months', '2019-12-15', '2020-09-14'],
		['this_year', '2019-12-15', '2020-12-14'],
		['last_year', '2018-12-15', '2019-12-14']
	] as const)('%s → %s … %s', (preset, from, to) => {
		expect(presetPeriod(preset, lastDate, 'reporting')).toEqual({ from, to });
	});

	test('every reporting preset is recognised as itself, and never as a calendar preset', () => {
		for (const preset of PRESETS) {
			const period = presetPeriod(preset, lastDate, 'reporting');
			expect(matchAnyPreset(period, lastDate), preset).toEqual({ convention: 'reporting', preset });
			expect(matchPreset(period, lastDate, 'calendar')).toBeNull();
		}
		expect(matchAnyPreset(presetPeriod('last_quarter', lastDate), lastDate)).toEqual({
			convention: 'calendar',
			preset: 'last_quarter'
		});
		expect(matchAnyPreset({ from: '2020-06-15', to: '2020-08-14' }, lastDate)).toBeNull();
	});

	test('a reporting quarter of another year is not a preset, but is still named as a reporting period', () => {
		const quarter = { from: '2019-06-15', to: '2019-09-14' };
		expect(matchAnyPreset(quarter, lastDate)).toBeNull();
		expect(periodConvention(quarter, 'calendar')).toBe('reporting');
		expect(periodName(quarter, 'vi', periodConvention(quarter, 'calendar')).full).toBe(
			'Báo cáo quý III/2019 (từ 15/6/2019 đến 14/9/2019)'
		);
	});

	test('the ward default names only a period that is neither kind', () => {
		expect(periodConvention({ from: '2020-07-01', to: '2020-09-30' }, 'reporting')).toBe('calendar');
		expect(periodConvention({ from: '2020-07-03', to: '2020-07-20' }, 'reporting')).toBe('reporting');
		expect(periodConvention({ from: '2020-07-03', to: '2020-07-20' }, 'calendar')).toBe('calendar');
	});
});

describe('comparisons of a reporting period', () => {
	test('the previous period of a reporting month is the reporting month before (from the 15th, not the 16th)', () => {
		expect(previousPeriod({ from: '2020-06-15', to: '2020-07-14' })).toEqual({ from: '2020-05-15', to: '2020-06-14' });
	});
	test('the previous period of a reporting quarter is the reporting quarter before, across a year end', () => {
		expect(previousPeriod({ from: '2020-12-15', to: '2021-03-14' })).toEqual({ from: '2020-09-15', to: '2020-12-14' });
	});
	test('the same period last year keeps the 15th–14th dates', () => {
		expect(samePeriodLastYear({ from: '2020-06-15', to: '2020-09-14' })).toEqual({ from: '2019-06-15', to: '2019-09-14' });
	});
	test('whole calendar months stay whole months a year earlier; 29 February becomes the 28th otherwise', () => {
		expect(samePeriodLastYear({ from: '2021-02-01', to: '2021-02-28' })).toEqual({ from: '2020-02-01', to: '2020-02-29' });
		expect(samePeriodLastYear({ from: '2020-02-10', to: '2020-02-29' })).toEqual({ from: '2019-02-10', to: '2019-02-28' });
	});
});
