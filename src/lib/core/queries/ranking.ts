import { SMALL, WITHHELD, type Shown } from '../briefing/suppression';

/**
 * The one ranking order of groups and categories, on every screen and in every export: the count as shown,
 * largest first, then the code in natural order ("TDP2" before "TDP10"), so ties always fall the same way.
 *
 * In a distribution copy the order uses the shown value, never the hidden one: withheld ("x", at least 5) before
 * "<5" before 0, and within one mark by code — an order by the hidden counts would tell them apart (two "<5" cells
 * adding up to 7 are 4 and 3; in order, which is which).
 */
export function compareRanked(a: { code: string; count: Shown }, b: { code: string; count: Shown }): number {
	return rankValue(b.count) - rankValue(a.count) || compareCodes(a.code, b.code);
}

/** Where a shown count stands: a withheld count is at least 5 and at most the smallest count shown beside it. */
const rankValue = (count: Shown) => (count === WITHHELD ? 4.5 : count === SMALL ? 2.5 : count);

/** Natural order of codes: runs of digits compare as numbers, the rest character by character ("01" after "1"). */
export function compareCodes(a: string, b: string): number {
	const left = a.match(/\d+|\D+/g) ?? [];
	const right = b.match(/\d+|\D+/g) ?? [];
	let zeros = 0;
	for (let i = 0; i < Math.min(left.length, right.length); i++) {
		const [x, y] = [left[i], right[i]];
		const numeric = /^\d/.test(x) && /^\d/.test(y);
		const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
		if (order !== 0) return order;
		if (numeric && zeros === 0) zeros = x.length - y.length;
	}
	return left.length - right.length || zeros;
}

/** Items in ranking order, by the count each shows. */
export function ranked<T>(items: readonly T[], code: (item: T) => string, count: (item: T) => Shown): T[] {
	return items
		.map((item) => ({ item, code: code(item), count: count(item) }))
		.sort(compareRanked)
		.map(({ item }) => item);
}
