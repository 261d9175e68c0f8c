/**
 * Small-count suppression for copies handed out beyond the leadership (issue 5, "for distribution").
 *
 * Primary: a count from 1 to 4 is shown as "<5" (the threshold rule of statistical disclosure control; Hundepool
 * et al., *Statistical Disclosure Control*, Wiley 2012, §5.2). Secondary ("complementary suppression", ibid. §5.4):
 * a hidden count must not be recoverable from the published total and the other cells. The reader knows a "<5" cell
 * lies in 1–4, a withheld cell ("x") is at least 5 and — since the next-smallest cells are withheld first — at most
 * the smallest published non-zero cell. While some "<5" cell is pinned to a single value by those bounds and the
 * total (one hidden cell; or 4 + 4 = 8; or four 1s under a "<5" total), the smallest published non-zero cell is
 * withheld too; when none is left, the total is withheld.
 *
 * Zero stays 0: it counts cases, not people, so "no case in this group" discloses nobody, and hiding it would hide
 * the good news the committee reads for. The bounds above already treat every hidden cell as at least 1.
 */

export const SMALL = '<5';
export const WITHHELD = 'x';
export type Shown = number | typeof SMALL | typeof WITHHELD;

export interface SuppressedCell {
	key: string;
	count: number;
	shown: Shown;
	suppression: 'primary' | 'secondary' | null;
}

export interface SuppressedTable {
	rows: SuppressedCell[];
	total: Shown;
}

export const isSmall = (count: number) => count >= 1 && count <= 4;

/** One count on its own: "<5" for 1–4, else the count. */
export function suppressCount(count: number): number | typeof SMALL {
	return isSmall(count) ? SMALL : count;
}

/** The change, or null when either side is hidden (the other side and the change would give it back). */
export function suppressChange(current: number, previous: number): number | null {
	return isSmall(current) || isSmall(previous) ? null : current - previous;
}

export interface ComparedCount {
	/** The earlier count, "<5" when it is hidden. */
	earlier: number | typeof SMALL;
	/** The count minus the earlier one; null when it would give a hidden count back. */
	change: number | null;
	/** The change as a share of the earlier count; null when the change is hidden or the earlier count is 0. */
	share: number | null;
}

/** A count's change against an earlier one, and as a share of it (none against 0). */
export function countChange(current: number, earlier: number): { change: number; share: number | null } {
	const change = current - earlier;
	return { change, share: earlier === 0 ? null : change / earlier };
}

/** A count against an earlier one (previous period, same period last year), suppressed for distribution. */
export function compareCounts(current: number, earlier: number, suppressed: boolean): ComparedCount {
	if (!suppressed) return { earlier, ...countChange(current, earlier) };
	const change = suppressChange(current, earlier);
	return {
		earlier: suppressCount(earlier),
		change,
		share: change === null ? null : countChange(current, earlier).share
	};
}

export function suppressTable(rows: readonly { key: string; count: number }[], total: number): SuppressedTable {
	const cells: SuppressedCell[] = rows.map(({ key, count }) => {
		const small = isSmall(count);
		return { key, count, shown: small ? SMALL : count, suppression: small ? 'primary' : null };
	});
	let totalShown: Shown = suppressCount(total);
	while (cells.some((cell) => cell.suppression === 'primary') && recoverable(cells, total, totalShown)) {
		const next = cells
			.filter((cell) => cell.suppression === null && cell.count > 0)
			.sort((a, b) => a.count - b.count)[0];
		if (next) {
			next.shown = WITHHELD;
			next.suppression = 'secondary';
		} else if (totalShown !== WITHHELD) {
			totalShown = WITHHELD;
		} else break;
	}
	return { rows: cells, total: totalShown };
}

/** Whether some "<5" cell is pinned to one value by what a reader can see (interval reasoning on the hidden sum). */
function recoverable(cells: SuppressedCell[], total: number, totalShown: Shown): boolean {
	const published = cells.filter((cell) => cell.suppression === null);
	const hidden = cells.filter((cell) => cell.suppression !== null);
	const publishedSum = published.reduce((sum, cell) => sum + cell.count, 0);
	const smallestPublished = Math.min(...published.filter((cell) => cell.count > 0).map((cell) => cell.count));
	const bounds = hidden.map((cell) =>
		cell.suppression === 'primary' ? [1, 4] : [5, Number.isFinite(smallestPublished) ? smallestPublished : Infinity]
	);
	const [sumLow, sumHigh] =
		totalShown === WITHHELD ? [-Infinity, Infinity]
		: totalShown === SMALL ? [1 - publishedSum, 4 - publishedSum]
		: [total - publishedSum, total - publishedSum];
	const lowSum = bounds.reduce((sum, [low]) => sum + low, 0);
	const highSum = bounds.reduce((sum, [, high]) => sum + high, 0);
	return hidden.some((cell, i) => {
		if (cell.suppression !== 'primary') return false;
		const [low, high] = bounds[i];
		const least = Math.max(low, sumLow - (highSum - high));
		const most = Math.min(high, sumHigh - (lowSum - low));
		return least >= most;
	});
}
