import { describe, expect, test } from 'vitest';
import { matchPreset, presetPeriod, previousPeriod, PRESETS } from '$lib/core/periods/periods';
import { parseIsoDate, parseVietnameseDate } from '$lib/core/periods/dates';

describe('period presets count back from the data, not from today', () => {
	const lastDate = '2020-08-14';
	test.each([
		['this_month', '2020-08-01', '2020-08-31'],
		['last_month', '2020-07-01', '2020-07-31'],
		['this_quarter', '2020-07-01', '2020-09-30'],
		['last_quarter', '2020-04-01', '2020-06-30'],
		['first_6_months', '2020-01-01', '2020-06-30'],
		['first_9_months', '2020-01-01', '2020-09-30'],
		['this_year', '2020-01-01', '2020-12-31'],
		['last_year', '2019-01-01', '2019-12-31'],
		['last_12_months', '2019-09-01', '2020-08-31']
	] as const)('%s → %s … %s', (preset, from, to) => {
		expect(presetPeriod(preset, lastDate)).toEqual({ from, to });
	});

	test('last quarter across a year end', () => {
		expect(presetPeriod('last_quarter', '2021-02-03')).toEqual({ from: '2020-10-01', to: '2020-12-31' });
	});

	test('a period is recognised as its preset', () => {
		for (const preset of PRESETS) {
			expect(matchPreset(presetPeriod(preset, lastDate), lastDate)).toBe(preset);
		}
		expect(matchPreset({ from: '2020-02-03', to: '2020-02-20' }, lastDate)).toBeNull();
	});
});

describe('the previous period of equal length', () => {
	test('a month compares with the month before, whatever their lengths', () => {
		expect(previousPeriod({ from: '2020-03-01', to: '2020-03-31' })).toEqual({ from: '2020-02-01', to: '2020-02-29' });
	});
	test('a quarter with the quarter before, across a year end', () => {
		expect(previousPeriod({ from: '2020-01-01', to: '2020-03-31' })).toEqual({ from: '2019-10-01', to: '2019-12-31' });
	});
	test('a custom range with the same number of days just before', () => {
		expect(previousPeriod({ from: '2020-03-05', to: '2020-03-14' })).toEqual({ from: '2020-02-24', to: '2020-03-04' });
	});
});

describe('dates are never read month-first', () => {
	test.each([
		['13/01/2020', '2020-01-13'],
		['01/13/2020', null],
		['30/02/2020', null],
		['31/04/2020', null],
		['29/02/2020', '2020-02-29'],
		['5/3/2020', '2020-03-05']
	])('%s → %s', (text, iso) => {
		expect(parseVietnameseDate(text)).toBe(iso);
	});
	test('ISO dates must be real', () => {
		expect(parseIsoDate('2020-02-30')).toBeNull();
		expect(parseIsoDate('2021-02-28')).toBe('2021-02-28');
	});
});
