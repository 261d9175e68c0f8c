/**
 * Small-count suppression for copies handed out beyond the leadership (the briefing's `dist=1`). Every figure such
 * a copy shows or exports goes through `discloseBriefing`, so the page, its sentences, the map and the files hide
 * the same cells.
 *
 * Primary: a count from 1 to 4 is shown as "<5" (the threshold rule for frequency tables; Hundepool et al.,
 * *Statistical Disclosure Control*, Wiley 2012, ch. 5). Secondary ("complementary suppression", ibid. ch. 4, with
 * linked tables): no hidden count may be worked out from the shown totals and the other cells. The copy's tables
 * are linked: the groups, the categories and the resolved/unresolved split each add up to the same total (the
 * KPI), and the cases open over 30 days and the escalated ones are among the unresolved. So they are audited as one
 * star of tables around that total, with what a reader who knows this rule can tell about each cell:
 *
 *   shown n → n;  "<5" → 1–4;  "x" (withheld) → at least 5, and at most the smallest count shown in its table
 *   (cells are withheld smallest first);  a withheld total → at least 5.
 *
 * The feasible range of each hidden cell is then exact by interval reasoning (each table is one sum over the shared
 * total). While some hidden cell is pinned to one value, the smallest shown non-zero cell of its table is withheld;
 * when its table has none left, the total is; when that is hidden already, a cell of another table. A table that
 * cannot be protected that way (four 1s under a total of 4) is withheld whole, zeros included.
 *
 * The previous period per group is a second star around the previous total: a group's change is shown only when
 * both of its counts are. Shares resolved per group are not shown at all (they would open a third). The trend by
 * month is left out of the copy (its months × categories would link every period's totals).
 *
 * Zero stays 0: it counts cases, not people, so "no case in this group" discloses nobody.
 */

export const SMALL = '<5';
export const WITHHELD = 'x';
export type Mark = typeof SMALL | typeof WITHHELD;
export type Shown = number | Mark;

export const isSmall = (count: number) => count >= 1 && count <= 4;
export const isHidden = (shown: Shown): shown is Mark => typeof shown !== 'number';

/** One count on its own: "<5" for 1–4, else the count. */
export function suppressCount(count: number): number | typeof SMALL {
	return isSmall(count) ? SMALL : count;
}

/** The difference of two shown counts, or null when either is hidden. */
export function shownChange(current: Shown, earlier: Shown): number | null {
	return isHidden(current) || isHidden(earlier) ? null : current - earlier;
}

/** A count's change against an earlier one, and as a share of it (none against 0). */
export function countChange(current: number, earlier: number): { change: number; share: number | null } {
	const change = current - earlier;
	return { change, share: earlier === 0 ? null : change / earlier };
}

/** Two shown counts compared: null when either is hidden. */
export function compareShown(current: Shown, earlier: Shown): { change: number; share: number | null } | null {
	return isHidden(current) || isHidden(earlier) ? null : countChange(current, earlier);
}

/** Counts that must not exceed one cell of a table together (disjoint subsets of it), each shown on its own. */
export interface Floor {
	table: number;
	cell: number;
	parts: number[];
}

export interface Star {
	total: number;
	/** Each table's cells add up to the total. */
	tables: number[][];
	floors?: Floor[];
}

export interface ProtectedStar {
	total: Shown;
	tables: Shown[][];
	/** Tables withheld whole: every cell "x", zeros included, so a reader can tell nothing of them. */
	whole: boolean[];
	floors: Shown[][];
}

/** Primary and secondary suppression of a star of tables around one total (see the module's comment). */
export function protectStar(star: Star): ProtectedStar {
	const state: ProtectedStar = {
		total: suppressCount(star.total),
		tables: star.tables.map((cells) => cells.map(suppressCount)),
		whole: star.tables.map(() => false),
		floors: (star.floors ?? []).map((floor) => floor.parts.map(suppressCount))
	};
	for (;;) {
		const pin = pinned(star, state);
		if (pin === null) return state;
		const own = pin === 'total' ? null : smallestShown(star.tables[pin], state.tables[pin]);
		const other = smallestAnywhere(star, state);
		if (pin !== 'total' && own !== null) state.tables[pin][own] = WITHHELD;
		else if (!isHidden(state.total)) state.total = WITHHELD;
		else if (other) state.tables[other.table][other.cell] = WITHHELD;
		else {
			const last = pin === 'total' ? widest(star, state) : state.whole[pin] ? null : pin;
			if (last === null) return state;
			state.whole[last] = true;
			state.tables[last] = state.tables[last].map(() => WITHHELD);
		}
	}
}

/** The table not yet withheld whole that bounds the total most tightly from below. */
function widest(star: Star, state: ProtectedStar): number | null {
	let best: number | null = null;
	let bestLow = -1;
	state.tables.forEach((shown, t) => {
		const low = readerBounds(shown, state.whole[t]).reduce((sum, [least]) => sum + least, 0);
		if (!state.whole[t] && star.tables[t].length > 0 && low > bestLow) [best, bestLow] = [t, low];
	});
	return best;
}

function smallestShown(counts: readonly number[], shown: readonly Shown[]): number | null {
	let best: number | null = null;
	shown.forEach((value, i) => {
		if (!isHidden(value) && value > 0 && (best === null || counts[i] < counts[best])) best = i;
	});
	return best;
}

function smallestAnywhere(star: Star, state: ProtectedStar): { table: number; cell: number } | null {
	let best: { table: number; cell: number } | null = null;
	state.tables.forEach((shown, table) => {
		const cell = smallestShown(star.tables[table], shown);
		if (cell !== null && (best === null || star.tables[table][cell] < star.tables[best.table][best.cell])) best = { table, cell };
	});
	return best;
}

type Range = [number, number];

/** What a reader who knows the rule can tell about each cell of a table from its marks. */
function readerBounds(shown: readonly Shown[], whole = false): Range[] {
	if (whole) return shown.map(() => [0, Infinity]);
	const published = shown.filter((value): value is number => !isHidden(value) && value > 0);
	const ceiling = published.length > 0 ? Math.min(...published) : Infinity;
	return shown.map((value) => (value === SMALL ? [1, 4] : value === WITHHELD ? [5, ceiling] : [value, value]));
}

const totalBounds = (total: Shown): Range => (total === SMALL ? [1, 4] : total === WITHHELD ? [5, Infinity] : [total, total]);

/** The sum of `values` but the i-th (Infinity-safe). */
function sumWithout(values: readonly number[], i: number): number {
	let sum = 0;
	values.forEach((value, j) => {
		if (j !== i) sum += value;
	});
	return Number.isNaN(sum) ? Infinity : sum;
}

/**
 * The table of the first hidden cell a reader can pin to one value ('total' for the total), or null.
 * Exact for a star: given the total, the tables are independent, and each is one sum over boxes of integers.
 */
function pinned(star: Star, state: ProtectedStar): number | 'total' | null {
	const bounds = state.tables.map((shown, t) => readerBounds(shown, state.whole[t]));
	const floors = star.floors ?? [];
	floors.forEach((floor, f) => {
		const least = state.floors[f].reduce<number>((sum, shown) => sum + totalBounds(shown)[0], 0);
		const cell = bounds[floor.table][floor.cell];
		cell[0] = Math.max(cell[0], least);
	});
	let [low, high] = totalBounds(state.total);
	for (const table of bounds) {
		low = Math.max(low, table.reduce((sum, [least]) => sum + least, 0));
		high = Math.min(high, table.reduce((sum, [, most]) => sum + most, 0));
	}
	if (isHidden(state.total) && low >= high) return 'total';
	const ranges = bounds.map((table) => {
		const lows = table.map(([least]) => least);
		const highs = table.map(([, most]) => most);
		return table.map(([least, most], i): Range => [
			Math.max(least, low - sumWithout(highs, i)),
			Math.min(most, high - sumWithout(lows, i))
		]);
	});
	for (const [t, table] of ranges.entries()) {
		if (table.some(([least, most], i) => isHidden(state.tables[t][i]) && least >= most)) return t;
	}
	for (const [f, floor] of floors.entries()) {
		const parts = state.floors[f].map(totalBounds);
		const lows = parts.map(([least]) => least);
		const most = ranges[floor.table][floor.cell][1];
		if (parts.some(([least, partMost], k) => isHidden(state.floors[f][k]) && least >= Math.min(partMost, most - sumWithout(lows, k)))) {
			return floor.table;
		}
	}
	return null;
}

/** The counts a briefing shows, before suppression. */
export interface BriefingCounts {
	total: number;
	previousTotal: number;
	lastYearTotal: number;
	resolved: number;
	/** Every group; `linked` when it counts towards the total (all of them, or the chosen ones). */
	groups: { key: string; count: number; previous: number; linked: boolean }[];
	/** Every category; `linked` as for groups. */
	categories: { key: string; count: number; linked: boolean }[];
	/** Open longer than 30/60/90 days (each within the one before), escalated: all among the unresolved. */
	handling: { open30: number; open60: number; open90: number; escalated: number };
}

export interface Disclosure {
	total: Shown;
	previousTotal: Shown;
	lastYearTotal: Shown;
	resolved: Shown;
	unresolved: Shown;
	groups: Map<string, { count: Shown; change: number | null }>;
	categories: Map<string, Shown>;
	handling: { open30: Shown; open60: Shown; open90: Shown; escalated: Shown };
	/** A distribution copy: suppressed, and without the trend by month. */
	distribution: boolean;
}

/** Every figure of the briefing as it may be shown: all of them as they are, or protected for distribution. */
export function discloseBriefing(counts: BriefingCounts, distribution: boolean): Disclosure {
	if (!distribution) {
		return {
			total: counts.total,
			previousTotal: counts.previousTotal,
			lastYearTotal: counts.lastYearTotal,
			resolved: counts.resolved,
			unresolved: counts.total - counts.resolved,
			groups: new Map(counts.groups.map((group) => [group.key, { count: group.count, change: group.count - group.previous }])),
			categories: new Map(counts.categories.map((category) => [category.key, category.count])),
			handling: { ...counts.handling },
			distribution: false
		};
	}
	const linkedGroups = counts.groups.filter((group) => group.linked);
	const linkedCategories = counts.categories.filter((category) => category.linked);
	const { open30, open60, open90, escalated } = counts.handling;
	const current = protectStar({
		total: counts.total,
		tables: [
			linkedGroups.map((group) => group.count),
			linkedCategories.map((category) => category.count),
			[counts.resolved, counts.total - counts.resolved]
		],
		floors: [{ table: 2, cell: 1, parts: [open30, escalated] }]
	});
	const previous = protectStar({ total: counts.previousTotal, tables: [linkedGroups.map((group) => group.previous)] });
	const [groupCells, categoryCells, [resolved, unresolved]] = current.tables;
	const shownNow = new Map(linkedGroups.map((group, i) => [group.key, groupCells[i]]));
	const shownBefore = new Map(linkedGroups.map((group, i) => [group.key, previous.tables[0][i]]));
	const shownCategories = new Map(linkedCategories.map((category, i) => [category.key, categoryCells[i]]));
	return {
		total: current.total,
		previousTotal: previous.total,
		lastYearTotal: suppressCount(counts.lastYearTotal),
		resolved,
		unresolved,
		groups: new Map(
			counts.groups.map((group) => {
				const now = shownNow.get(group.key) ?? suppressCount(group.count);
				const before = shownBefore.get(group.key) ?? suppressCount(group.previous);
				return [group.key, { count: now, change: shownChange(now, before) }];
			})
		),
		categories: new Map(
			counts.categories.map((category) => [category.key, shownCategories.get(category.key) ?? suppressCount(category.count)])
		),
		handling: {
			open30: current.floors[0][0],
			open60: suppressCount(open60),
			open90: suppressCount(open90),
			escalated: current.floors[0][1]
		},
		distribution: true
	};
}
