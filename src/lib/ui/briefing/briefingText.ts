import type { HotspotAnalysis } from '$lib/core/analysis';
import { dateLine, periodName } from '$lib/core/briefing/periodName';
import { briefingSentences } from '$lib/core/briefing/sentences';
import { localToday } from '$lib/core/queries/dates';
import { dataCovers, periodConvention, previousPeriod, samePeriodLastYear, type Convention } from '$lib/core/queries/periods';
import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '$lib/core/queries/results';
import type { View } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

export interface BriefingTextInput {
	view: View;
	figures: KeyFigures;
	handling: Handling;
	groups: GroupFigures[];
	categories: CategoryCount[];
	hotspots: HotspotAnalysis | null;
	distribution: boolean;
	/** The data's first date: before it, the same period last year has no data. */
	firstDate: string;
	/** The ward's default convention, for a period that is neither whole calendar nor whole reporting months. */
	convention: Convention;
	place: string;
	today: Date;
	text: Messages;
	format: Formatter;
}

export interface BriefingText {
	dateLine: string;
	/** The period as the report's summary line names it. */
	summary: string;
	sentences: string[];
}

/** The briefing's written parts, from the figures by the deterministic templates of `core/briefing`. */
export function briefingText(input: BriefingTextInput): BriefingText {
	const { view, figures, text, format } = input;
	const convention = periodConvention(view, input.convention);
	const period = periodName(view, view.lang, convention);
	const previousDates = previousPeriod(view);
	const previous = periodName(previousDates, view.lang, periodConvention(previousDates, input.convention));
	const lastYearKnown = dataCovers(samePeriodLastYear(view), input.firstDate);
	const names = new Map(input.groups.map((group) => [group.group_code, group.name]));
	const ranked = [...input.groups].sort((a, b) => b.total - a.total);
	const [topCategory] = input.categories;
	const sentences = briefingSentences(
		{
			period: period.phrase,
			previousPeriod: previous.phrase,
			total: figures.total,
			previousTotal: figures.previousTotal,
			sameLastYear: lastYearKnown ? figures.lastYearTotal : null,
			resolved: figures.resolved,
			topGroups: ranked.slice(0, 3).map((group) => ({
				name: group.name,
				count: group.total,
				change: group.total - group.previousTotal
			})),
			topCategory: topCategory ? { label: text.category[topCategory.category], count: topCategory.total } : null,
			open90: input.handling.open90,
			escalated: input.handling.escalated,
			hotspotNames: input.hotspots
				? input.hotspots.groups.filter((group) => group.gi_bin >= 2).map((group) => names.get(group.group_code) ?? group.group_code)
				: null,
			suppressed: input.distribution
		},
		view.lang,
		format.integer
	);
	return {
		dateLine: dateLine(input.place, localToday(input.today), view.lang),
		// A reporting period's name does not say its dates, so its summary line does ("Báo cáo tháng 7/2020 (từ …)").
		summary: convention === 'reporting' ? period.full : period.title,
		sentences
	};
}
