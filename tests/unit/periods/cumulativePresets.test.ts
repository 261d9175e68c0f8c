import { describe, expect, test } from 'vitest';
import { matchAnyPreset, presetPeriod, type Convention, type Preset } from '$lib/core/periods/periods';
import { periodName } from '$lib/core/periods/periodName';

/*
 * Vietnamese reports count from the start of the year: "6 tháng đầu năm", "9 tháng đầu năm", "cả năm", and the
 * year before. Every expected date below is worked out by hand from the latest date of the data, in the calendar
 * (1 January on) and in the reporting convention of Decree 09/2019/NĐ-CP (15 December of the year before on).
 */

type Case = [lastDate: string, preset: Preset, from: string, to: string];

describe('the cumulative calendar presets count from 1 January of the latest date’s year', () => {
	test.each<Case>([
		// August: the first half is over, the nine months not yet.
		['2020-08-14', 'first_6_months', '2020-01-01', '2020-06-30'],
		['2020-08-14', 'first_9_months', '2020-01-01', '2020-09-30'],
		['2020-08-14', 'this_year', '2020-01-01', '2020-12-31'],
		['2020-08-14', 'last_year', '2019-01-01', '2019-12-31'],
		// March, before 30 June: the first half is the year so far.
		['2021-03-10', 'first_6_months', '2021-01-01', '2021-06-30'],
		['2021-03-10', 'first_9_months', '2021-01-01', '2021-09-30'],
		['2021-03-10', 'last_year', '2020-01-01', '2020-12-31'],
		['2021-03-10', 'last_quarter', '2020-10-01', '2020-12-31'],
		// The last day of June and of December.
		['2020-06-30', 'first_6_months', '2020-01-01', '2020-06-30'],
		['2020-12-31', 'first_9_months', '2020-01-01', '2020-09-30'],
		['2020-12-31', 'last_year', '2019-01-01', '2019-12-31'],
		// Early January: the new year has begun.
		['2021-01-05', 'first_6_months', '2021-01-01', '2021-06-30'],
		['2021-01-05', 'last_year', '2020-01-01', '2020-12-31']
	])('latest %s: %s → %s … %s', (lastDate, preset, from, to) => {
		expect(presetPeriod(preset, lastDate, 'calendar')).toEqual({ from, to });
	});
});

describe('the cumulative reporting presets count from 15 December of the year before', () => {
	test.each<Case>([
		['2020-08-14', 'first_6_months', '2019-12-15', '2020-06-14'],
		['2020-08-14', 'first_9_months', '2019-12-15', '2020-09-14'],
		['2020-08-14', 'this_year', '2019-12-15', '2020-12-14'],
		['2020-08-14', 'last_year', '2018-12-15', '2019-12-14'],
		// 14 June closes the six-month report; the 15th already counts towards July, same reporting year.
		['2020-06-14', 'first_6_months', '2019-12-15', '2020-06-14'],
		['2020-06-15', 'first_6_months', '2019-12-15', '2020-06-14'],
		// 14 December closes the year; from the 15th the new reporting year has begun.
		['2020-12-14', 'this_year', '2019-12-15', '2020-12-14'],
		['2020-12-14', 'last_year', '2018-12-15', '2019-12-14'],
		['2020-12-15', 'first_6_months', '2020-12-15', '2021-06-14'],
		['2020-12-15', 'last_year', '2019-12-15', '2020-12-14'],
		// March: the year so far.
		['2021-03-10', 'first_6_months', '2020-12-15', '2021-06-14'],
		['2021-03-10', 'first_9_months', '2020-12-15', '2021-09-14'],
		['2021-03-10', 'last_year', '2019-12-15', '2020-12-14']
	])('latest %s: %s → %s … %s', (lastDate, preset, from, to) => {
		expect(presetPeriod(preset, lastDate, 'reporting')).toEqual({ from, to });
	});
});

describe('a chosen cumulative preset is recognised as itself', () => {
	test.each<[string, Convention]>([
		['2020-08-14', 'calendar'],
		['2021-03-10', 'calendar'],
		['2020-08-14', 'reporting'],
		['2020-12-15', 'reporting']
	])('latest %s, %s', (lastDate, convention) => {
		for (const preset of ['first_6_months', 'first_9_months', 'this_year', 'last_year'] as const) {
			expect(matchAnyPreset(presetPeriod(preset, lastDate, convention), lastDate)).toEqual({ convention, preset });
		}
	});
});

describe('the briefing names the cumulative periods as Vietnamese reports say them', () => {
	const named = (preset: Preset, convention: Convention, lang: 'vi' | 'en' = 'vi') =>
		periodName(presetPeriod(preset, '2020-08-14', convention), lang, convention);

	test('6 tháng đầu năm 2020, 9 tháng đầu năm 2020, năm 2020, năm 2019', () => {
		expect(named('first_6_months', 'calendar').full).toBe('6 tháng đầu năm 2020 (từ 1/1/2020 đến 30/6/2020)');
		expect(named('first_9_months', 'calendar').full).toBe('9 tháng đầu năm 2020 (từ 1/1/2020 đến 30/9/2020)');
		expect(named('this_year', 'calendar').full).toBe('Năm 2020 (từ 1/1/2020 đến 31/12/2020)');
		expect(named('last_year', 'calendar').title).toBe('Năm 2019');
		expect(named('first_6_months', 'calendar').phrase).toBe('6 tháng đầu năm 2020');
		expect(named('first_9_months', 'calendar', 'en').title).toBe('First nine months of 2020');
	});

	test('under the administrative convention, with its dates', () => {
		expect(named('first_6_months', 'reporting').full).toBe(
			'Báo cáo 6 tháng đầu năm 2020 (từ 15/12/2019 đến 14/6/2020)'
		);
		expect(named('first_9_months', 'reporting').full).toBe(
			'Báo cáo 9 tháng đầu năm 2020 (từ 15/12/2019 đến 14/9/2020)'
		);
		expect(named('this_year', 'reporting').full).toBe('Báo cáo năm 2020 (từ 15/12/2019 đến 14/12/2020)');
		expect(named('last_year', 'reporting').full).toBe('Báo cáo năm 2019 (từ 15/12/2018 đến 14/12/2019)');
		expect(named('first_6_months', 'reporting').phrase).toBe('kỳ báo cáo 6 tháng đầu năm 2020');
		expect(named('first_9_months', 'reporting', 'en').title).toBe('Report for the first nine months of 2020');
	});

	test('the filter bar shows a named period with its dates, and a period without a name by its dates once', () => {
		expect(named('first_9_months', 'calendar').shown).toBe('9 tháng đầu năm 2020 (từ 01/01/2020 đến 30/09/2020)');
		expect(named('last_12_months', 'calendar').shown).toBe('Từ 01/09/2019 đến 31/08/2020');
		expect(named('last_12_months', 'reporting').shown).toBe('Từ 15/08/2019 đến 14/08/2020');
	});
});
