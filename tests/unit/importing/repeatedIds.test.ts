import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { repeatedIds } from '$lib/core/import/checkCases';

/* Repeated ids, found by their bytes: the shortcut for ids in increasing order must find what the table finds. */

function asciiCells(ids: string[]) {
	const offsets = new Int32Array(ids.length + 1);
	ids.forEach((id, index) => (offsets[index + 1] = offsets[index] + id.length));
	const data = Uint8Array.from(ids.join(''), (char) => char.charCodeAt(0));
	return { data, offsets };
}

/** Independent expectation: 1 for each id seen on an earlier row. */
function expected(ids: string[]): number[] {
	const seen = new Set<string>();
	return ids.map((id) => (seen.has(id) ? 1 : (seen.add(id), 0)));
}

const ids = fc.array(fc.constantFrom('A', 'B', 'A-1', 'A-10', 'A-2', 'HS-0000001', 'HS-0000002', 'HS-00000010', '~', 'AB'), { maxLength: 40 });

describe('repeated ids', () => {
	test('are found in any order: shuffled, sorted, sorted without repeats', () => {
		fc.assert(
			fc.property(ids, fc.constantFrom('as drawn', 'sorted', 'sorted, distinct'), (drawn, order) => {
				const list = order === 'as drawn' ? drawn : order === 'sorted' ? [...drawn].sort() : [...new Set(drawn)].sort();
				expect(Array.from(repeatedIds(asciiCells(list)))).toEqual(expected(list));
			}),
			{ numRuns: 500 }
		);
	});

	test('an id and a longer one it begins are told apart in either order', () => {
		expect(Array.from(repeatedIds(asciiCells(['A-1', 'A-10', 'A-1'])))).toEqual([0, 0, 1]);
		expect(Array.from(repeatedIds(asciiCells(['A-10', 'A-1', 'A-10'])))).toEqual([0, 0, 1]);
		expect(Array.from(repeatedIds(asciiCells(['A-1', 'A-10', 'A-2'])))).toEqual([0, 0, 0]);
	});
});

describe('repeated ids among the rows that hold one', () => {
	/** Independent expectation: 1 for each held id seen on an earlier held row; rows not held are never repeats. */
	function expectedHeld(ids: string[], held: boolean[]): number[] {
		const seen = new Set<string>();
		return ids.map((id, row) => (!held[row] ? 0 : seen.has(id) ? 1 : (seen.add(id), 0)));
	}

	test('only the rows held count, in any order: shuffled, sorted, sorted without repeats', () => {
		fc.assert(
			fc.property(
				ids.chain((drawn) => fc.tuple(fc.constant(drawn), fc.array(fc.boolean(), { minLength: drawn.length, maxLength: drawn.length }))),
				fc.constantFrom('as drawn', 'sorted'),
				([drawn, held], order) => {
					const list = order === 'as drawn' ? drawn : [...drawn].sort();
					const holders = Uint8Array.from(held, (h) => (h ? 1 : 0));
					expect(Array.from(repeatedIds(asciiCells(list), holders))).toEqual(expectedHeld(list, held));
				}
			),
			{ numRuns: 500 }
		);
	});

	test('a row not held between two equal ids in increasing order does not hide the repeat', () => {
		const holders = Uint8Array.of(1, 0, 1);
		expect(Array.from(repeatedIds(asciiCells(['A', 'B', 'A']), holders))).toEqual([0, 0, 1]);
		expect(Array.from(repeatedIds(asciiCells(['A', 'A', 'B']), Uint8Array.of(0, 1, 1)))).toEqual([0, 0, 0]);
	});
});
