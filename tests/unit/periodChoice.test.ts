import { expect, test } from 'vitest';
import type { Period } from '$lib/core/periods/dates';
import { presetPeriod } from '$lib/core/periods/periods';
import type { View } from '$lib/core/queries/view';
import { formatter } from '$lib/i18n/format';
import { PeriodChoice, presetOfValue, presetValue } from '$lib/ui/dashboard/periodChoice.svelte';

const LAST_DATE = '2020-08-20';

function choiceFor(period: Period) {
	const changes: Period[] = [];
	const view = { ...period, lang: 'vi' } as View;
	const choice = new PeriodChoice(() => ({ view, lastDate: LAST_DATE, convention: 'reporting', format: formatter('vi'), onchange: (p) => changes.push(p) }));
	return { choice, changes };
}
const submit = () => ({ preventDefault() {} }) as SubmitEvent;

test('the period select: calendar presets keep their plain values, reporting ones are prefixed, both read back', () => {
	expect(presetValue({ convention: 'calendar', preset: 'last_quarter' })).toBe('last_quarter');
	expect(presetValue({ convention: 'reporting', preset: 'this_month' })).toBe('reporting:this_month');
	expect(presetOfValue('reporting:first_6_months')).toEqual({ convention: 'reporting', preset: 'first_6_months' });
	expect(presetOfValue('this_year')).toEqual({ convention: 'calendar', preset: 'this_year' });
});

test('a ward on reporting periods sees them first, and its reporting month named as the reports name it', () => {
	const { choice } = choiceFor(presetPeriod('this_month', LAST_DATE, 'reporting'));
	expect(choice.conventions).toEqual(['reporting', 'calendar']);
	expect(choice.preset).toBe('reporting:this_month');
	expect(choice.chosenName).toBe('Báo cáo tháng 9/2020 (từ 15/08/2020 đến 14/09/2020)');
});

test('choosing a preset changes the period; choosing custom opens the view’s dates for typing', () => {
	const { choice, changes } = choiceFor({ from: '2020-03-05', to: '2020-04-20' });
	expect([choice.preset, choice.chosenName]).toEqual([null, null]);
	choice.choose('last_quarter');
	expect(changes).toEqual([{ from: '2020-04-01', to: '2020-06-30' }]);
	choice.choose('custom');
	expect([choice.customOpen, choice.typedFrom, choice.typedTo]).toEqual([true, '05/03/2020', '20/04/2020']);
});

test('typed dates: an end before the start or a date that does not exist is refused, and nothing changes', () => {
	const { choice, changes } = choiceFor({ from: '2020-03-05', to: '2020-04-20' });
	choice.type('to', '01/03/2020');
	expect(choice.typedFrom).toBe('05/03/2020');
	choice.applyTyped(submit());
	choice.type('to', '31/04/2020');
	choice.applyTyped(submit());
	expect([choice.typedError, changes]).toEqual([true, []]);
	choice.type('to', '30/04/2020');
	choice.applyTyped(submit());
	expect([choice.typedError, changes]).toEqual([false, [{ from: '2020-03-05', to: '2020-04-30' }]]);
});
