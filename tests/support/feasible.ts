/*
 * A reader's arithmetic on a distribution copy, for the tests that try to solve one: the values a hidden cell can
 * take, and every sum a set of such cells can reach. Written apart from the app's suppression module on purpose.
 */

/** The whole numbers from `from` to `to`, both included (none when `to < from`). */
export function range(from: number, to: number): number[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Every sum of one value from each cell's possible values. */
export function reachable(cells: number[][]): Set<number> {
	let sums = new Set([0]);
	for (const options of cells) {
		const next = new Set<number>();
		for (const sum of sums) for (const value of options) next.add(sum + value);
		sums = next;
	}
	return sums;
}
