import { describe, expect, test } from 'vitest';
import { PRESETS, reportingPresetPeriod } from '$lib/core/periods/periods';
import {
	previousReportingPeriod,
	reportingHalfYear,
	reportingMonth,
	reportingMonthOf,
	reportingNineMonths,
	reportingQuarter,
	reportingYear,
	wholeReportingMonths
} from '$lib/core/periods/reportingPeriods';

describe('reporting periods close on the 14th (Decree 09/2019/NĐ-CP, Art. 12)', () => {
	test.each([
		[2020, 7, '2020-06-15', '2020-07-14'],
		[2021, 1, '2020-12-15', '2021-01-14'],
		[2020, 12, '2020-11-15', '2020-12-14'],
		[2020, 3, '2020-02-15', '2020-03-14']
	])('month %i/%i → %s … %s', (year, month, from, to) => {
		expect(reportingMonth(year, month)).toEqual({ from, to });
	});

	test.each([
		[2021, 1, '2020-12-15', '2021-03-14'],
		[2020, 2, '2020-03-15', '2020-06-14'],
		[2020, 3, '2020-06-15', '2020-09-14'],
		[2020, 4, '2020-09-15', '2020-12-14']
	])('quarter %i Q%i → %s … %s', (year, quarter, from, to) => {
		expect(reportingQuarter(year, quarter)).toEqual({ from, to });
	});

	test('six months, nine months and the year start on 15 December of the year before', () => {
		expect(reportingHalfYear(2020)).toEqual({ from: '2019-12-15', to: '2020-06-14' });
		expect(reportingNineMonths(2020)).toEqual({ from: '2019-12-15', to: '2020-09-14' });
		expect(reportingYear(2020)).toEqual({ from: '2019-12-15', to: '2020-12-14' });
	});

	test('from the 15th on, a day belongs to the next reporting month', () => {
		expect(reportingMonthOf('2020-07-14')).toEqual({ year: 2020, month: 7 });
		expect(reportingMonthOf('2020-07-15')).toEqual({ year: 2020, month: 8 });
		expect(reportingMonthOf('2020-12-15')).toEqual({ year: 2021, month: 1 });
	});
});

describe('presets in the reporting convention count back from the data', () => {
	test.each([
		['this_month', '2020-07-15', '2020-08-14'],
		['last_month', '2020-06-15', '2020-07-14'],
		['this_quarter', '2020-06-15', '2020-09-14'],
		['last_quarter', '2020-03-15', '2020-06-14'],
		['first_6_months', '2019-12-15', '2020-06-14'],
		['first_9_months', '2019-12-15', '2020-09-14'],
		['this_year', '2019-12-15', '2020-12-14'],
		['last_year', '2018-12-15', '2019-12-14'],
		['last_12_months', '2019-08-15', '2020-08-14']
	] as const)('%s on 2020-08-14 → %s … %s', (preset, from, to) => {
		expect(reportingPresetPeriod(preset, '2020-08-14')).toEqual({ from, to });
	});

	test('a latest date after the 14th is in the next reporting month, quarter and year', () => {
		expect(reportingPresetPeriod('this_month', '2020-12-20')).toEqual({ from: '2020-12-15', to: '2021-01-14' });
		expect(reportingPresetPeriod('this_quarter', '2020-12-20')).toEqual({ from: '2020-12-15', to: '2021-03-14' });
		expect(reportingPresetPeriod('last_quarter', '2020-12-20')).toEqual({ from: '2020-09-15', to: '2020-12-14' });
		expect(reportingPresetPeriod('this_year', '2020-12-20')).toEqual({ from: '2020-12-15', to: '2021-12-14' });
		expect(reportingPresetPeriod('last_month', '2021-01-03')).toEqual({ from: '2020-11-15', to: '2020-12-14' });
	});

	test('every preset closes on a 14th; this and the rolling ones contain the latest date, last ones end before it', () => {
		for (const lastDate of ['2020-01-01', '2020-01-14', '2020-01-15', '2020-07-20', '2020-12-14', '2020-12-31', '2021-03-15']) {
			for (const preset of PRESETS) {
				const { from, to } = reportingPresetPeriod(preset, lastDate);
				expect(from.endsWith('-15') && to.endsWith('-14')).toBe(true);
				if (preset.startsWith('first_')) {
					// Cumulative from the start of the latest date's reporting year: over, or the year so far.
					expect(from <= lastDate).toBe(true);
				} else if (!preset.startsWith('last_') || preset.endsWith('months')) {
					expect(from <= lastDate && lastDate <= to).toBe(true);
				} else {
					expect(to < lastDate).toBe(true);
				}
			}
		}
	});
});

describe('the previous reporting period has the same number of reporting months', () => {
	test('month, quarter and year across a year end', () => {
		expect(previousReportingPeriod(reportingMonth(2021, 1))).toEqual(reportingMonth(2020, 12));
		expect(previousReportingPeriod(reportingQuarter(2021, 1))).toEqual(reportingQuarter(2020, 4));
		expect(previousReportingPeriod(reportingYear(2021))).toEqual(reportingYear(2020));
		expect(wholeReportingMonths(reportingHalfYear(2020))).toBe(6);
	});

	test('a period that is not made of reporting months has none', () => {
		expect(previousReportingPeriod({ from: '2020-07-01', to: '2020-07-31' })).toBeNull();
		expect(previousReportingPeriod({ from: '2020-07-15', to: '2020-07-14' })).toBeNull();
	});
});
