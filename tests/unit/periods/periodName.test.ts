import { describe, expect, test } from 'vitest';
import { dateLine, periodName } from '$lib/core/periods/periodName';
import { reportingHalfYear, reportingMonth, reportingQuarter, reportingYear } from '$lib/core/periods/reportingPeriods';

describe('calendar periods are named as the committee says them', () => {
	test.each([
		['2020-07-01', '2020-07-31', 'Tháng 7/2020', 'July 2020'],
		['2020-07-01', '2020-09-30', 'Quý III/2020', 'Q3 2020'],
		['2021-01-01', '2021-03-31', 'Quý I/2021', 'Q1 2021'],
		['2020-10-01', '2020-12-31', 'Quý IV/2020', 'Q4 2020'],
		['2020-01-01', '2020-06-30', '6 tháng đầu năm 2020', 'First half of 2020'],
		['2020-07-01', '2020-12-31', '6 tháng cuối năm 2020', 'Second half of 2020'],
		['2020-01-01', '2020-09-30', '9 tháng đầu năm 2020', 'First nine months of 2020'],
		['2020-01-01', '2020-12-31', 'Năm 2020', 'Year 2020']
	])('%s … %s → %s / %s', (from, to, vi, en) => {
		expect(periodName({ from, to }, 'vi', 'calendar').title).toBe(vi);
		expect(periodName({ from, to }, 'en', 'calendar').title).toBe(en);
	});

	test('with its range and its in-sentence form', () => {
		expect(periodName({ from: '2020-07-01', to: '2020-09-30' }, 'vi', 'calendar')).toEqual({
			title: 'Quý III/2020',
			range: 'từ 01/07/2020 đến 30/09/2020',
			phrase: 'quý III/2020',
			full: 'Quý III/2020 (từ 1/7/2020 đến 30/9/2020)',
			shown: 'Quý III/2020 (từ 01/07/2020 đến 30/09/2020)'
		});
	});

	test('anything else is its date range', () => {
		expect(periodName({ from: '2020-03-05', to: '2020-04-20' }, 'vi', 'calendar')).toEqual({
			title: 'Từ 05/03/2020 đến 20/04/2020',
			range: 'từ 05/03/2020 đến 20/04/2020',
			phrase: 'giai đoạn từ 05/03/2020 đến 20/04/2020',
			full: 'Từ 05/03/2020 đến 20/04/2020',
			shown: 'Từ 05/03/2020 đến 20/04/2020'
		});
		expect(periodName({ from: '2020-02-01', to: '2020-05-31' }, 'en', 'calendar').title).toBe(
			'From 01/02/2020 to 31/05/2020'
		);
		expect(periodName({ from: '2020-02-01', to: '2020-04-30' }, 'vi', 'calendar').title).toBe(
			'Từ 01/02/2020 đến 30/04/2020'
		);
	});
});

describe('reporting periods are named as reports', () => {
	test('month, quarter, half-year and year', () => {
		expect(periodName(reportingMonth(2020, 7), 'vi', 'reporting').full).toBe(
			'Báo cáo tháng 7/2020 (từ 15/6/2020 đến 14/7/2020)'
		);
		expect(periodName(reportingMonth(2021, 1), 'vi', 'reporting').title).toBe('Báo cáo tháng 1/2021');
		expect(periodName(reportingQuarter(2021, 1), 'vi', 'reporting')).toEqual({
			title: 'Báo cáo quý I/2021',
			range: 'từ 15/12/2020 đến 14/03/2021',
			phrase: 'kỳ báo cáo quý I/2021',
			full: 'Báo cáo quý I/2021 (từ 15/12/2020 đến 14/3/2021)',
			shown: 'Báo cáo quý I/2021 (từ 15/12/2020 đến 14/03/2021)'
		});
		expect(periodName(reportingHalfYear(2020), 'vi', 'reporting').title).toBe('Báo cáo 6 tháng đầu năm 2020');
		expect(periodName(reportingYear(2020), 'vi', 'reporting').title).toBe('Báo cáo năm 2020');
		expect(periodName(reportingMonth(2020, 7), 'en', 'reporting').full).toBe(
			'Report for July 2020 (from 15/6/2020 to 14/7/2020)'
		);
		expect(periodName(reportingYear(2020), 'en', 'reporting').phrase).toBe('the reporting period for 2020');
	});

	test('a calendar month is not a reporting month, and the other way round', () => {
		expect(periodName({ from: '2020-07-01', to: '2020-07-31' }, 'vi', 'reporting').title).toBe(
			'Từ 01/07/2020 đến 31/07/2020'
		);
		expect(periodName(reportingMonth(2020, 7), 'vi', 'calendar').title).toBe('Từ 15/06/2020 đến 14/07/2020');
	});
});

describe('the place-and-date line (Decree 30/2020/NĐ-CP)', () => {
	test.each([
		['2020-08-05', 'Vĩnh Tuy, ngày 05 tháng 8 năm 2020', 'Vĩnh Tuy, 5 August 2020'],
		['2021-01-09', 'Vĩnh Tuy, ngày 09 tháng 01 năm 2021', 'Vĩnh Tuy, 9 January 2021'],
		['2021-02-28', 'Vĩnh Tuy, ngày 28 tháng 02 năm 2021', 'Vĩnh Tuy, 28 February 2021'],
		['2020-03-10', 'Vĩnh Tuy, ngày 10 tháng 3 năm 2020', 'Vĩnh Tuy, 10 March 2020'],
		['2020-12-31', 'Vĩnh Tuy, ngày 31 tháng 12 năm 2020', 'Vĩnh Tuy, 31 December 2020']
	])('%s', (iso, vi, en) => {
		expect(dateLine('Vĩnh Tuy', iso)).toBe(vi);
		expect(dateLine('Vĩnh Tuy', iso, 'en')).toBe(en);
	});
});
