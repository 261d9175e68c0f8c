import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '../queries/results';
import type { View } from '../queries/view';
import type { BriefingCounts } from './suppression';

/**
 * The briefing's counts as the suppression rule links them. The groups' counts take the category filter but not
 * the group filter, the categories' the group filter but not the category filter (`queries/dashboard.ts`): so the
 * chosen groups, and the chosen categories, are the cells that add up to the total.
 */
export function briefingCounts(
	view: View,
	figures: KeyFigures,
	handling: Handling,
	groups: GroupFigures[],
	categories: CategoryCount[]
): BriefingCounts {
	const chosen = (chosenCodes: readonly string[], code: string) => chosenCodes.length === 0 || chosenCodes.includes(code);
	return {
		total: figures.total,
		previousTotal: figures.previousTotal,
		lastYearTotal: figures.lastYearTotal,
		resolved: figures.resolved,
		groups: groups.map((group) => ({
			key: group.group_code,
			count: group.total,
			previous: group.previousTotal,
			linked: chosen(view.groups, group.group_code)
		})),
		categories: categories.map((row) => ({ key: row.category, count: row.total, linked: chosen(view.categories, row.category) })),
		handling: { open30: handling.open30, open60: handling.open60, open90: handling.open90, escalated: handling.escalated }
	};
}
