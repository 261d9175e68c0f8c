import { describe, expect, test } from 'vitest';
import type { Period } from '$lib/core/periods/dates';
import { isOneMonth, monthPeriod, nextMonth, playbackStart, previousMonth } from '$lib/core/periods/playback';

// A data span that starts and ends mid-month, as a real export does.
const span: Period = { from: '2018-01-15', to: '2020-08-14' };
const month = (yearMonth: string) => monthPeriod(`${yearMonth}-01`);

/** Every month a playback shows from `start`, stepping forward until the end. */
function playAll(start: Period): string[] {
	const shown: string[] = [];
	for (let period: Period | null = playbackStart(start, span); period; period = nextMonth(period, span))
		shown.push(`${period.from}…${period.to}`);
	return shown;
}

describe('month playback steps through the data one calendar month at a time', () => {
	test('a month is its first to its last day, leap years included', () => {
		expect(monthPeriod('2020-02-10')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
		expect(monthPeriod('2019-02-28')).toEqual({ from: '2019-02-01', to: '2019-02-28' });
		expect(isOneMonth({ from: '2020-02-01', to: '2020-02-29' })).toBe(true);
		expect(isOneMonth({ from: '2020-02-01', to: '2020-02-28' })).toBe(false);
		expect(isOneMonth({ from: '2020-01-01', to: '2020-02-29' })).toBe(false);
	});

	test('next and previous cross the year end', () => {
		expect(nextMonth(month('2018-12'), span)).toEqual(month('2019-01'));
		expect(previousMonth(month('2019-01'), span)).toEqual(month('2018-12'));
		expect(nextMonth(month('2019-01'), span)).toEqual({ from: '2019-02-01', to: '2019-02-28' });
	});

	test('the end: nothing after the data\'s last month, nothing before its first', () => {
		expect(nextMonth(month('2020-08'), span)).toBeNull();
		expect(previousMonth(month('2018-01'), span)).toBeNull();
		expect(nextMonth(month('2020-07'), span)).toEqual(month('2020-08'));
		expect(previousMonth(month('2018-02'), span)).toEqual(month('2018-01'));
	});

	test('a period longer than a month opens on its first month going forward and its last going back', () => {
		const year = { from: '2019-01-01', to: '2019-12-31' };
		expect(nextMonth(year, span)).toEqual(month('2019-01'));
		expect(previousMonth(year, span)).toEqual(month('2019-12'));
		expect(playbackStart(year, span)).toEqual(month('2019-01'));
		// The opening view ends after the data: back gives the data's last month, not an empty one.
		const opening = { from: '2019-09-01', to: '2020-12-31' };
		expect(previousMonth(opening, span)).toEqual(month('2020-08'));
	});

	test('months outside the data are brought back into it', () => {
		expect(playbackStart({ from: '2015-01-01', to: '2021-12-31' }, span)).toEqual(month('2018-01'));
		expect(nextMonth(month('2016-05'), span)).toEqual(month('2018-01'));
		expect(previousMonth(month('2023-05'), span)).toEqual(month('2020-08'));
		expect(nextMonth(month('2023-05'), span)).toBeNull();
	});

	test('playing from a month plays on from it; from the last month it starts again at the first', () => {
		expect(playbackStart(month('2019-06'), span)).toEqual(month('2019-06'));
		expect(playAll(month('2020-05'))).toEqual([
			'2020-05-01…2020-05-31',
			'2020-06-01…2020-06-30',
			'2020-07-01…2020-07-31',
			'2020-08-01…2020-08-31'
		]);
		expect(playbackStart(month('2020-08'), span)).toEqual(month('2018-01'));
		// From the data's first month to its last: 2018-01 … 2020-08 is 32 months, each once, in order.
		const all = playAll({ from: '2018-01-01', to: '2020-12-31' });
		expect(all).toHaveLength(32);
		expect(all[0]).toBe('2018-01-01…2018-01-31');
		expect(all.at(-1)).toBe('2020-08-01…2020-08-31');
		expect(new Set(all).size).toBe(32);
	});
});
