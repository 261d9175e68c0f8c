import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { comparedView, parseView, viewToParams, type DataContext, type View } from '../../src/lib/core/queries/view';
import { groupFiguresQuery, keyFiguresQuery } from '../../src/lib/core/queries/dashboard';
import { readGroupFigures, readKeyFigures, type GroupFigures } from '../../src/lib/core/queries/results';
import { compareChoice, comparedGroups, comparePeriod, followCompare } from '../../src/lib/core/queries/compare';
import { colourCompared, colourGroups } from '../../src/lib/ui/map/mapColours';
import { formatter, messages } from '../../src/lib/i18n/format';
import { demoCases, engineWithDemo } from './support/demo';

const context: DataContext = {
	firstDate: '2018-01-01',
	lastDate: '2020-12-30',
	groupCodes: ['TDP01', 'TDP02']
};

const parse = (query: string) => parseView(new URLSearchParams(query), context);
const QUARTER = 'from=2020-07-01&to=2020-09-30';

describe('compare=FROM..TO in the URL', () => {
	test('a valid range is read and written back as it was', () => {
		const { view, corrections } = parse(`${QUARTER}&compare=2019-07-01..2019-09-30`);
		expect(corrections).toEqual([]);
		expect(view.compare).toEqual({ from: '2019-07-01', to: '2019-09-30' });
		expect(viewToParams(view).get('compare')).toBe('2019-07-01..2019-09-30');
		expect(parseView(viewToParams(view), context).view).toEqual(view);
	});

	test('no compare parameter, or an empty one, is no comparison', () => {
		expect(parse(QUARTER).view.compare).toBeUndefined();
		expect(parse(`${QUARTER}&compare=`).view.compare).toBeUndefined();
		expect(viewToParams(parse(QUARTER).view).has('compare')).toBe(false);
	});

	test('a reversed range is swapped and reported', () => {
		const { view, corrections } = parse(`${QUARTER}&compare=2019-09-30..2019-07-01`);
		expect(view.compare).toEqual({ from: '2019-07-01', to: '2019-09-30' });
		expect(corrections).toEqual([{ param: 'compare', value: '2019-09-30…2019-07-01', problem: 'reversed_period' }]);
	});

	test.each([
		['one date', '2019-07-01'],
		['three dates', '2019-07-01..2019-08-01..2019-09-30'],
		['a single dot', '2019-07-01.2019-09-30'],
		['an impossible day', '2019-02-30..2019-09-30'],
		['words', 'last-year'],
		['a missing end', '2019-07-01..']
	])('a malformed value (%s) drops the comparison and says so, once', (_, value) => {
		const { view, corrections } = parse(`${QUARTER}&compare=${encodeURIComponent(value)}`);
		expect(view.compare).toBeUndefined();
		expect(view.from).toBe('2020-07-01');
		expect(corrections).toEqual([{ param: 'compare', value, problem: 'compare_format' }]);
	});

	test('dates outside 1900–2100 become the data\'s first and last dates, each reported with its end', () => {
		const { view, corrections } = parse(`${QUARTER}&compare=1000-01-01..9999-12-31`);
		expect(view.compare).toEqual({ from: context.firstDate, to: context.lastDate });
		expect(corrections).toEqual([
			{ param: 'compare', end: 'from', value: '1000-01-01', problem: 'date_out_of_range' },
			{ param: 'compare', end: 'to', value: '9999-12-31', problem: 'date_out_of_range' }
		]);
		const text = messages('en');
		expect(text.correction(corrections[0])).toContain("the data's first date");
		expect(text.correction(corrections[1])).toContain("the data's last date");
	});

	test('the bounds 1900-01-01 and 2100-12-31 themselves are kept', () => {
		const { view, corrections } = parse(`${QUARTER}&compare=1900-01-01..2100-12-31`);
		expect(corrections).toEqual([]);
		expect(view.compare).toEqual({ from: '1900-01-01', to: '2100-12-31' });
	});

	test('dd/mm/yyyy dates are read day-first and reported, as for from and to', () => {
		const { view, corrections } = parse(`${QUARTER}&compare=01/07/2019..30/09/2019`);
		expect(view.compare).toEqual({ from: '2019-07-01', to: '2019-09-30' });
		expect(corrections.map((c) => [c.end, c.problem])).toEqual([
			['from', 'date_format'],
			['to', 'date_format']
		]);
	});

	test('every correction has a message in both languages', () => {
		const { corrections } = parse(`${QUARTER}&compare=nonsense`);
		for (const lang of ['vi', 'en'] as const) expect(messages(lang).correction(corrections[0])).toContain('compare=nonsense');
	});
});

describe('the "compare with" choices', () => {
	const period = { from: '2020-07-01', to: '2020-09-30' };
	test('same period last year and the previous period, and which one a URL names', () => {
		expect(comparePeriod('last_year', period)).toEqual({ from: '2019-07-01', to: '2019-09-30' });
		expect(comparePeriod('previous', period)).toEqual({ from: '2020-04-01', to: '2020-06-30' });
		expect(compareChoice(period, { from: '2019-07-01', to: '2019-09-30' })).toBe('last_year');
		expect(compareChoice(period, { from: '2020-04-01', to: '2020-06-30' })).toBe('previous');
		expect(compareChoice(period, { from: '2018-07-01', to: '2018-09-30' })).toBe('custom');
	});
});

describe('a new period with a comparison on', () => {
	const q3 = { from: '2020-07-01', to: '2020-09-30' };
	const q2 = { from: '2020-04-01', to: '2020-06-30' };
	test('same period last year and the previous period follow the new period', () => {
		expect(followCompare(q3, q2, { from: '2019-07-01', to: '2019-09-30' })).toEqual({ from: '2019-04-01', to: '2019-06-30' });
		expect(followCompare(q3, q2, q2)).toEqual({ from: '2020-01-01', to: '2020-03-31' });
	});
	test('a typed range stays, and no comparison stays none', () => {
		const typed = { from: '2018-01-01', to: '2018-03-31' };
		expect(followCompare(q3, q2, typed)).toEqual(typed);
		expect(followCompare(q3, q2, undefined)).toBeUndefined();
	});
});

describe('two periods side by side on the demo ward, against counts of the CSV rows', () => {
	let engine: Engine;
	const cases = demoCases();
	beforeAll(async () => {
		engine = await engineWithDemo();
	});
	const base: View = { ...parse(`${QUARTER}&compare=2019-07-01..2019-09-30&cat=neighbour,land`).view };

	test('the compared period keeps every filter and only changes the dates', () => {
		expect(comparedView(base)).toEqual({ ...base, compare: undefined, from: '2019-07-01', to: '2019-09-30' });
		expect(comparedView({ ...base, compare: undefined })).toBeNull();
	});

	test('this quarter against the same quarter last year: totals, group counts and changes', async () => {
		const count = (from: string, to: string, group?: string) =>
			cases.filter(
				(c) =>
					c.reported_on >= from &&
					c.reported_on <= to &&
					['neighbour', 'land'].includes(c.category) &&
					(group === undefined || c.group_code === group)
			).length;
		const compared = comparedView(base)!;
		const [current] = await engine.query(keyFiguresQuery(base));
		const [then] = await engine.query(keyFiguresQuery(compared));
		expect(readKeyFigures([current]).total).toBe(count('2020-07-01', '2020-09-30'));
		expect(readKeyFigures([then]).total).toBe(count('2019-07-01', '2019-09-30'));

		const now = readGroupFigures(await engine.query(groupFiguresQuery(base)));
		const before = readGroupFigures(await engine.query(groupFiguresQuery(compared)));
		const rows = comparedGroups(now, before);
		expect(rows.size).toBe(48);
		for (const group of now) {
			const expected = count('2019-07-01', '2019-09-30', group.group_code);
			expect(rows.get(group.group_code)).toEqual({
				count: expected,
				change: count('2020-07-01', '2020-09-30', group.group_code) - expected
			});
		}
	});
});

describe('one colour scale for both maps', () => {
	const groups = (totals: number[]): GroupFigures[] =>
		totals.map((total, i) => ({ group_code: `G${i}`, name: `Tổ ${i}`, population: 1000, total, previousTotal: 0, resolved: 0 }));
	const format = formatter('vi');
	const text = messages('vi');
	const view = parse(`${QUARTER}&compare=2019-07-01..2019-09-30`).view;

	test('a quiet period is coloured on the busy period\'s scale: the same count, the same colour', () => {
		const quiet = groups([1, 2, 3, 2]);
		const busy = groups([3, 10, 20, 40]);
		const pair = colourCompared(view, quiet, busy, text, format);
		expect(pair.current.legend).toEqual(pair.compared.legend);
		// Both G2 (quiet) and G0 (busy) have 3 cases.
		expect(pair.current.colours.get('G2')).toBe(pair.compared.colours.get('G0'));
		// On its own scale the quiet period's 3 would be its darkest class; on the shared one it is not.
		expect(colourGroups('count', quiet, format).colours.get('G2')).not.toBe(pair.current.colours.get('G2'));
		expect(pair.current.colours.get('G2')).not.toBe(pair.compared.colours.get('G3'));
	});

	test('in a statistical mode both maps show counts and the legend says so', () => {
		const pair = colourCompared({ ...view, mode: 'gistar' }, groups([1, 2]), groups([3, 4]), text, format);
		expect(pair.current.legendTitle).toBe(text.legendCases);
		expect(pair.compared.notes).toEqual([text.compare.countsOnly]);
		expect(pair.current.classes).toBeNull();
	});
});
