import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareCodes, compareRanked, ranked } from '../../src/lib/core/queries/ranking';
import { SMALL, WITHHELD, type Shown } from '../../src/lib/core/briefing/suppression';

const order = (rows: [string, Shown][]) =>
	ranked(rows, ([code]) => code, ([, count]) => count).map(([code]) => code);

describe('the ranking rule', () => {
	test('largest count first; a tie falls to the group code in natural order (TDP2 before TDP10)', () => {
		expect(order([['TDP10', 7], ['TDP2', 7], ['TDP1', 3], ['TDP03', 9], ['TDP11', 7]])).toEqual([
			'TDP03',
			'TDP2',
			'TDP10',
			'TDP11',
			'TDP1'
		]);
	});

	test('natural order of codes: numbers as numbers, then text, then length', () => {
		expect(['TDP10', 'TDP9', 'TDP1a', 'TDP1', 'A2', 'TDP01'].sort(compareCodes)).toEqual([
			'A2',
			'TDP1',
			'TDP01',
			'TDP1a',
			'TDP9',
			'TDP10'
		]);
	});

	test('a distribution copy ranks by what it shows: withheld, then "<5", then 0, each by code', () => {
		expect(order([['TDP3', SMALL], ['TDP1', 0], ['TDP2', SMALL], ['TDP9', WITHHELD], ['TDP4', 5], ['TDP5', WITHHELD]])).toEqual([
			'TDP4',
			'TDP5',
			'TDP9',
			'TDP2',
			'TDP3',
			'TDP1'
		]);
	});

	test('the order does not depend on the order the rows came in', () => {
		const row = fc.tuple(fc.constantFrom('TDP1', 'TDP2', 'TDP10', 'TDP02', 'A'), fc.integer({ min: 0, max: 6 }));
		fc.assert(
			fc.property(fc.uniqueArray(row, { selector: ([code]) => code }), (rows) => {
				const forward = order(rows);
				expect(order([...rows].reverse())).toEqual(forward);
				for (let i = 1; i < forward.length; i++) {
					const [a, b] = [rows.find(([code]) => code === forward[i - 1])!, rows.find(([code]) => code === forward[i])!];
					expect(compareRanked({ code: a[0], count: a[1] }, { code: b[0], count: b[1] })).toBeLessThan(0);
				}
			})
		);
	});
});
