import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { range, reachable } from '../../support/feasible';
import {
	discloseBriefing,
	protectStar,
	SMALL,
	suppressCount,
	WITHHELD,
	type BriefingCounts,
	type ProtectedStar,
	type Shown,
	type Star
} from '../../../src/lib/core/briefing/suppression';

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
const one = (counts: number[]) => {
	const result = protectStar({ total: sum(counts), tables: [counts] });
	return [...result.tables[0], result.total];
};

describe('primary suppression', () => {
	test('no small cell: nothing is hidden', () => {
		expect(one([12, 0, 7, 5])).toEqual([12, 0, 7, 5, 24]);
	});

	test('a count of 1 to 4 is "<5"; zero stays 0', () => {
		expect([0, 1, 4, 5].map(suppressCount)).toEqual([0, SMALL, SMALL, 5]);
	});
});

describe('secondary suppression in one table', () => {
	test('only one small cell: the next-smallest non-zero cell is withheld too', () => {
		expect(one([20, 3, 0, 9, 14])).toEqual([20, SMALL, 0, WITHHELD, 14, 46]);
	});

	test('a tie with the withheld cell would pin it down, so the tied cell goes as well', () => {
		// Hidden 4 + 5 = 9 with a published 5: the withheld cell is at most 5, so the small one would be 4.
		expect(one([4, 5, 5, 30])).toEqual([SMALL, WITHHELD, WITHHELD, 30, 44]);
	});

	test('two small cells whose sum pins them (4 + 4) take a third cell with them', () => {
		expect(one([4, 4, 10, 12])).toEqual([SMALL, SMALL, WITHHELD, 12, 30]);
	});

	test('two small cells that do not pin each other need nothing more', () => {
		expect(one([2, 3, 10, 12])).toEqual([SMALL, SMALL, 10, 12, 27]);
	});

	test('all cells small under a published total: the total is withheld when they would be pinned', () => {
		expect(one([4, 4])).toEqual([SMALL, SMALL, WITHHELD]);
		expect(one([3, 4, 2])).toEqual([SMALL, SMALL, SMALL, 9]);
	});

	test('four 1s under a total of 4 cannot be protected cell by cell: the table is withheld whole', () => {
		expect(one([1, 1, 0, 1, 1])).toEqual([WITHHELD, WITHHELD, WITHHELD, WITHHELD, WITHHELD, SMALL]);
	});

	test('one small cell among zeros: the total is small too and gives nothing away', () => {
		expect(one([0, 3, 0])).toEqual([0, SMALL, 0, SMALL]);
	});
});

describe('linked tables share their total', () => {
	test('one small category (91 shown of 95): the next-smallest goes too, and neither can be read off the total', () => {
		const categories = [30, 25, 20, 16, 4];
		const groups = [12, 11, 10, 9, 9, 8, 8, 7, 6, 6, 5, 4];
		const star = protectStar({ total: 95, tables: [groups, categories] });
		expect(star.total).toBe(95);
		expect(star.tables[1]).toEqual([30, 25, 20, WITHHELD, SMALL]);
		expect(feasibleSets(star, { total: 95, tables: [groups, categories] }).every((values) => values.size > 1)).toBe(true);
	});

	test('a total withheld in one table is withheld in all, and the others cannot give it back', () => {
		// Groups 5 + 1: the "<5" would be 6 − x with x ≥ 5, so the total goes; the categories, all shown, would sum to it.
		const star = protectStar({ total: 6, tables: [[5, 1], [6]] });
		expect(star.total).toBe(WITHHELD);
		expect(star.tables).toEqual([[WITHHELD, SMALL], [WITHHELD]]);
	});

	test('the unresolved cases are at least the open and escalated ones shown beside them', () => {
		// Resolved 5, unresolved 2 (open over 30 days 1, escalated 1): "<5" unresolved at least 1 + 1 is pinned to 2.
		const star: Star = { total: 7, tables: [[7], [5, 2]], floors: [{ table: 1, cell: 1, parts: [1, 1] }] };
		const result = protectStar(star);
		expect(feasibleSets(result, star).every((values) => values.size > 1)).toBe(true);
		expect(result.total).toBe(WITHHELD);
	});
});

/**
 * The independent check: every value each hidden cell can take given everything shown, found by enumeration (not
 * by the rule's intervals). A reader knows "<5" is 1–4, "x" at least 5 and at most the smallest non-zero count
 * shown in its table, a withheld total at least 5, a table withheld whole nothing; the tables add up to the total;
 * the floor's parts together are at most their cell. Values are tried up to a cap above the real total: a cell
 * that could only move above it is reported pinned, which errs on the side of failing.
 */
function feasibleSets(shown: ProtectedStar, star: Star): Set<number>[] {
	const cap = star.total + 8;
	const values = (mark: Shown, ceiling: number, whole: boolean): number[] => {
		if (whole) return range(0, cap);
		if (mark === SMALL) return range(1, 4);
		if (mark === WITHHELD) return range(5, Math.min(ceiling, cap));
		return [mark];
	};
	const tableValues = shown.tables.map((cells, t) => {
		const published = cells.filter((cell): cell is number => typeof cell === 'number' && cell > 0);
		const ceiling = published.length > 0 ? Math.min(...published) : Infinity;
		return cells.map((cell) => values(cell, ceiling, shown.whole[t]));
	});
	const totals = shown.total === SMALL ? range(1, 4) : shown.total === WITHHELD ? range(5, cap) : [shown.total];
	const floors = star.floors ?? [];
	const partValues = shown.floors.map((parts) => parts.map((part) => values(part, Infinity, false)));

	const found = {
		total: new Set<number>(),
		cells: tableValues.map((cells) => cells.map(() => new Set<number>())),
		parts: partValues.map((parts) => parts.map(() => new Set<number>()))
	};
	for (const partChoice of product(partValues.flat())) {
		const choice = partValues.map((parts, f) => partValues.slice(0, f).flat().length).map((start, f) =>
			partChoice.slice(start, start + partValues[f].length)
		);
		const restricted = tableValues.map((cells, t) =>
			cells.map((options, i) => {
				const least = floors.reduce((most, floor, f) => (floor.table === t && floor.cell === i ? Math.max(most, sum(choice[f])) : most), 0);
				return options.filter((value) => value >= least);
			})
		);
		// For each table and cell: the sums the table's other cells can reach.
		const others = restricted.map((cells) => cells.map((_, i) => reachable(cells.filter((__, j) => j !== i))));
		const whole = restricted.map((cells) => reachable(cells));
		for (const total of totals) {
			if (!whole.every((sums) => sums.has(total))) continue;
			found.total.add(total);
			choice.forEach((parts, f) => parts.forEach((value, k) => found.parts[f][k].add(value)));
			restricted.forEach((cells, t) =>
				cells.forEach((options, i) => {
					for (const value of options) if (others[t][i].has(total - value)) found.cells[t][i].add(value);
				})
			);
		}
	}
	const hidden: Set<number>[] = [];
	if (typeof shown.total !== 'number') hidden.push(found.total);
	shown.tables.forEach((cells, t) => cells.forEach((cell, i) => typeof cell !== 'number' && hidden.push(found.cells[t][i])));
	shown.floors.forEach((parts, f) => parts.forEach((part, k) => typeof part !== 'number' && hidden.push(found.parts[f][k])));
	// The real counts are always among the possibilities: the marks tell no lie.
	expect(found.total.has(star.total)).toBe(true);
	star.tables.forEach((cells, t) => cells.forEach((count, i) => expect(found.cells[t][i].has(count)).toBe(true)));
	return hidden;
}


function* product(lists: number[][]): Generator<number[]> {
	if (lists.length === 0) {
		yield [];
		return;
	}
	const [first, ...rest] = lists;
	for (const value of first) for (const tail of product(rest)) yield [value, ...tail];
}

/** A random star as a briefing has it: groups and categories adding up to one total, resolved and unresolved. */
const randomStar = fc
	.record({
		groups: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }),
		cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 3 }),
		resolvedShare: fc.double({ min: 0, max: 1, noNaN: true }),
		openShare: fc.double({ min: 0, max: 1, noNaN: true }),
		escalatedShare: fc.double({ min: 0, max: 1, noNaN: true })
	})
	.map(({ groups, cuts, resolvedShare, openShare, escalatedShare }): Star => {
		const total = sum(groups);
		const points = [0, ...cuts.map((cut) => Math.round(cut * total)).sort((a, b) => a - b), total];
		const categories = points.slice(1).map((point, i) => point - points[i]);
		const resolved = Math.round(resolvedShare * total);
		const open = Math.round(openShare * (total - resolved));
		const escalated = Math.round(escalatedShare * (total - resolved - open));
		return { total, tables: [groups, categories, [resolved, total - resolved]], floors: [{ table: 2, cell: 1, parts: [open, escalated] }] };
	});

describe('no hidden cell is ever determined', () => {
	test('random linked tables: every hidden cell, the total and the handling counts keep two values or more', () => {
		fc.assert(
			fc.property(randomStar, (star) => {
				const shown = protectStar(star);
				shown.tables.forEach((cells, t) =>
					cells.forEach((cell, i) => {
						const count = star.tables[t][i];
						if (count >= 1 && count <= 4) expect(cell === SMALL || cell === WITHHELD).toBe(true);
					})
				);
				for (const values of feasibleSets(shown, star)) expect(values.size).toBeGreaterThan(1);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('the briefing as a whole', () => {
	const counts: BriefingCounts = {
		total: 95,
		previousTotal: 40,
		lastYearTotal: 3,
		resolved: 80,
		groups: [
			{ key: 'TDP1', count: 60, previous: 30, linked: true },
			{ key: 'TDP2', count: 32, previous: 7, linked: true },
			{ key: 'TDP3', count: 3, previous: 3, linked: true }
		],
		categories: [
			{ key: 'land', count: 91, linked: true },
			{ key: 'other', count: 4, linked: true }
		],
		handling: { open30: 9, open60: 6, open90: 2, escalated: 1 }
	};

	test('a leadership copy shows every count as it is', () => {
		const shown = discloseBriefing(counts, false);
		expect(shown.total).toBe(95);
		expect(shown.groups.get('TDP3')).toEqual({ count: 3, change: 0 });
		expect(shown.categories.get('other')).toBe(4);
	});

	test('a distribution copy hides a change whose either side is hidden, and the small counts everywhere', () => {
		const shown = discloseBriefing(counts, true);
		expect(shown.total).toBe(95);
		expect(shown.groups.get('TDP1')).toEqual({ count: 60, change: 30 });
		expect(shown.groups.get('TDP2')).toEqual({ count: WITHHELD, change: null });
		expect(shown.groups.get('TDP3')).toEqual({ count: SMALL, change: null });
		expect([...shown.categories.values()]).toEqual([WITHHELD, SMALL]);
		expect(shown.lastYearTotal).toBe(SMALL);
		expect(shown.handling).toEqual({ open30: 9, open60: 6, open90: SMALL, escalated: SMALL });
	});

	test('groups outside a chosen group do not count towards the total and keep their counts', () => {
		const chosen = {
			...counts,
			total: 32,
			resolved: 30,
			groups: counts.groups.map((group) => ({ ...group, linked: group.key === 'TDP2' })),
			categories: [
				{ key: 'land', count: 28, linked: true },
				{ key: 'other', count: 4, linked: true }
			],
			handling: { open30: 2, open60: 0, open90: 0, escalated: 0 }
		};
		const shown = discloseBriefing(chosen, true);
		expect(shown.groups.get('TDP1')).toEqual({ count: 60, change: 30 });
		expect(shown.groups.get('TDP3')?.count).toBe(SMALL);
		expect(shown.categories.get('other')).toBe(SMALL);
		expect(shown.categories.get('land')).toBe(WITHHELD);
	});
});
