import type { GroupFigures } from './results';
import type { Period } from '../periods/dates';
import { previousPeriod, samePeriodLastYear } from '../periods/periods';

/** The periods the "compare with" menu offers; `custom` is any other range, typed by the user. */
export const COMPARE_CHOICES = ['last_year', 'previous', 'custom'] as const;
export type CompareChoice = (typeof COMPARE_CHOICES)[number];

/** The compared period a menu choice gives for the current period; null for `custom` (typed by the user). */
export function comparePeriod(choice: CompareChoice, period: Period): Period | null {
	if (choice === 'last_year') return samePeriodLastYear(period);
	if (choice === 'previous') return previousPeriod(period);
	return null;
}

/** Which menu choice a compared period is for the current period (`custom` when neither named one). */
export function compareChoice(period: Period, compare: Period): CompareChoice {
	const same = (other: Period | null) => other !== null && other.from === compare.from && other.to === compare.to;
	return COMPARE_CHOICES.find((choice) => same(comparePeriod(choice, period))) ?? 'custom';
}

/**
 * The compared period once the current one moves from `before` to `after`: a named choice (same period last year,
 * previous period) follows the new period, as the menu still says it; a typed range stays as it was.
 */
export function followCompare(before: Period, after: Period, compare: Period | undefined): Period | undefined {
	if (!compare) return undefined;
	const choice = compareChoice(before, compare);
	return comparePeriod(choice, after) ?? compare;
}

export interface ComparedGroup {
	/** The compared period's count. */
	count: number;
	/** The current period's count minus the compared one. */
	change: number;
}

/** Each group's count in the compared period and the change from it to the current one, by group code. */
export function comparedGroups(current: readonly GroupFigures[], compared: readonly GroupFigures[]): Map<string, ComparedGroup> {
	const then = new Map(compared.map((group) => [group.group_code, group.total]));
	return new Map(
		current.map((group) => {
			const count = then.get(group.group_code) ?? 0;
			return [group.group_code, { count, change: group.total - count }];
		})
	);
}
