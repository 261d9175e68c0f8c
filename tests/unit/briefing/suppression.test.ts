import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	SMALL,
	suppressChange,
	suppressCount,
	suppressTable,
	WITHHELD,
	type SuppressedTable
} from '../../../src/lib/core/briefing/suppression';

const table = (counts: number[]) => counts.map((count, i) => ({ key: `g${i + 1}`, count }));
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
const shown = (result: SuppressedTable) => [...result.rows.map((row) => row.shown), result.total];

describe('primary suppression', () => {
	test('no small cell: nothing is hidden', () => {
		const counts = [12, 0, 7, 5];
		expect(shown(suppressTable(table(counts), sum(counts)))).toEqual([12, 0, 7, 5, 24]);
	});

	test('a count of 1 to 4 is "<5"; zero stays 0', () => {
		expect(suppressCount(0)).toBe(0);
		expect(suppressCount(1)).toBe(SMALL);
		expect(suppressCount(4)).toBe(SMALL);
		expect(suppressCount(5)).toBe(5);
	});
});

describe('secondary suppression keeps hidden counts from being recovered from the total', () => {
	test('only one small cell: the next-smallest non-zero cell is withheld too', () => {
		const result = suppressTable(table([20, 3, 0, 9, 14]), 46);
		expect(shown(result)).toEqual([20, SMALL, 0, WITHHELD, 14, 46]);
		expect(result.rows.map((row) => row.suppression)).toEqual([null, 'primary', null, 'secondary', null]);
	});

	test('a tie with the withheld cell would pin it down, so the tied cell goes as well', () => {
		// Hidden 4 + 5 = 9 with a published 5: the withheld cell is at most 5, so the small one would be 4.
		expect(shown(suppressTable(table([4, 5, 5, 30]), 44))).toEqual([SMALL, WITHHELD, WITHHELD, 30, 44]);
	});

	test('two small cells whose sum pins them (4 + 4) take a third cell with them', () => {
		expect(shown(suppressTable(table([4, 4, 10, 12]), 30))).toEqual([SMALL, SMALL, WITHHELD, 12, 30]);
	});

	test('two small cells that do not pin each other need nothing more', () => {
		expect(shown(suppressTable(table([2, 3, 10, 12]), 27))).toEqual([SMALL, SMALL, 10, 12, 27]);
	});

	test('all cells small under a published total: the total is withheld when they would be pinned', () => {
		expect(shown(suppressTable(table([4, 4]), 8))).toEqual([SMALL, SMALL, WITHHELD]);
		expect(shown(suppressTable(table([3, 4, 2]), 9))).toEqual([SMALL, SMALL, SMALL, 9]);
	});

	test('all cells small under a small total', () => {
		expect(shown(suppressTable(table([1, 2]), 3))).toEqual([SMALL, SMALL, SMALL]);
		// Four cells of at least 1 under a total below 5 are all 1.
		expect(shown(suppressTable(table([1, 1, 1, 1]), 4))).toEqual([SMALL, SMALL, SMALL, SMALL, WITHHELD]);
	});

	test('one small cell among zeros: the total is small too and gives nothing away', () => {
		expect(shown(suppressTable(table([0, 3, 0]), 3))).toEqual([0, SMALL, 0, SMALL]);
	});

	/** Every value each "<5" cell can take, given what is printed and the documented rule. */
	function candidates(counts: number[], result: SuppressedTable): Set<number>[] {
		const published = result.rows.filter((row) => row.suppression === null).map((row) => row.count);
		const hidden = result.rows.filter((row) => row.suppression !== null);
		const smallestPublished = Math.min(...published.filter((count) => count > 0));
		const total = sum(counts);
		const ranges = hidden.map((row) =>
			row.suppression === 'primary' ? [1, 4] : [5, Number.isFinite(smallestPublished) ? smallestPublished : total]
		);
		const [low, high] = result.total === SMALL ? [1, 4] : [total, total];
		const seen = hidden.map(() => new Set<number>());
		const values: number[] = [];
		const walk = (i: number, acc: number) => {
			if (i === hidden.length) {
				const s = acc + sum(published);
				if (s >= low && s <= high) values.forEach((value, j) => seen[j].add(value));
				return;
			}
			for (let value = ranges[i][0]; value <= ranges[i][1] && acc + value <= high; value++) {
				values[i] = value;
				walk(i + 1, acc + value);
			}
		};
		walk(0, 0);
		return seen.filter((_, j) => hidden[j].suppression === 'primary');
	}

	test('no "<5" cell can be pinned to one value by anyone who knows the rule (random tables)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }), (counts) => {
				const result = suppressTable(table(counts), sum(counts));
				expect(result.rows.map((row) => row.count)).toEqual(counts);
				for (const row of result.rows) expect(row.shown === SMALL).toBe(row.count >= 1 && row.count <= 4);
				if (result.total === WITHHELD) return;
				for (const values of candidates(counts, result)) expect(values.size).toBeGreaterThan(1);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('changes are hidden when either side is', () => {
	test.each([
		[10, 7, 3],
		[7, 10, -3],
		[0, 6, -6],
		[3, 10, null],
		[10, 3, null],
		[0, 2, null],
		[0, 0, 0]
	])('%i against %i → %s', (current, previous, change) => {
		expect(suppressChange(current, previous)).toBe(change);
	});
});
