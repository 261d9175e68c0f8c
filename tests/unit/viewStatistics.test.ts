import { describe, expect, test } from 'vitest';
import { parseView, viewToParams, type DataContext } from '../../src/lib/core/queries/view';

const context: DataContext = { firstDate: '2018-01-01', lastDate: '2020-12-30', groupCodes: ['TDP01'] };
const parse = (query: string) => parseView(new URLSearchParams(query), context);

describe('the statistics choices in the URL: step (SPEC §8) and gi', () => {
	test('mode=emerging&step=quarter and gi=normal are read and written back as given', () => {
		const { view, corrections } = parse('mode=emerging&step=quarter&gi=normal');
		expect(corrections).toEqual([]);
		expect([view.step, view.gi]).toEqual(['quarter', 'normal']);
		const params = viewToParams(view);
		expect([params.get('step'), params.get('gi')]).toEqual(['quarter', 'normal']);
		expect(parse(params.toString()).view).toEqual(view);
	});

	test('absent, they are left to the defaults and stay out of the URL', () => {
		const { view } = parse('mode=emerging');
		expect(view.step).toBeUndefined();
		expect(view.gi).toBeUndefined();
		const params = viewToParams(view);
		expect(params.has('step')).toBe(false);
		expect(params.has('gi')).toBe(false);
	});

	test('an unknown step or inference falls back to the default and says so', () => {
		const { view, corrections } = parse('step=year&gi=bootstrap');
		expect(view.step).toBeUndefined();
		expect(view.gi).toBeUndefined();
		expect(corrections).toEqual([
			{ param: 'gi', value: 'bootstrap', problem: 'unknown_code' },
			{ param: 'step', value: 'year', problem: 'unknown_code' }
		]);
	});
});
