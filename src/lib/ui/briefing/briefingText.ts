import type { HotspotAnalysis } from '$lib/core/analysis';
import { shownAlert, type EarlyWarning } from '$lib/core/analysis/earlyWarning';
import { dateLine, periodName } from '$lib/core/periods/periodName';
import { briefingSentences, earlyWarningSentence, type SentencePart } from '$lib/core/briefing/sentences';
import type { Disclosure } from '$lib/core/briefing/suppression';
import { ranked } from '$lib/core/queries/ranking';
import { localToday } from '$lib/core/periods/dates';
import { dataCovers, periodConvention, previousPeriod, samePeriodLastYear, type Convention } from '$lib/core/periods/periods';
import type { CategoryCount, GroupFigures } from '$lib/core/queries/results';
import type { Level, View } from '$lib/core/queries/view';
import { isDistrict, type Ward } from '$lib/core/schema/wards';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

export interface BriefingTextInput {
	view: View;
	/** Every count as the copy shows it. */
	disclosure: Disclosure;
	/** The areas the briefing ranks and maps: the groups, or at `level=ward` the wards (`group_code` the ward's code). */
	level: Level;
	groups: GroupFigures[];
	categories: CategoryCount[];
	hotspots: HotspotAnalysis | null;
	alerts: EarlyWarning | null;
	/** Whether this is a distribution copy (small counts of the alerts as "<5"). */
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
	/** Which categories, statuses and sources the figures count; null when they count every case. */
	filters: string | null;
	sentences: string[];
	/** The early-warning sentence in pieces (each flagged group apart), or null when no month could be tested. */
	alerts: SentencePart[] | null;
}

/** The briefing's written parts, from the figures by the deterministic templates of `core/briefing`. */
export function briefingText(input: BriefingTextInput): BriefingText {
	const { view, disclosure, text, format } = input;
	const convention = periodConvention(view, input.convention);
	const period = periodName(view, view.lang, convention);
	const previousDates = previousPeriod(view);
	const previous = periodName(previousDates, view.lang, periodConvention(previousDates, input.convention));
	const lastYearKnown = dataCovers(samePeriodLastYear(view), input.firstDate);
	const names = new Map(input.groups.map((group) => [group.group_code, group.name]));
	const shownGroup = (group: GroupFigures) => disclosure.groups.get(group.group_code) ?? { count: group.total, change: null };
	const shownCategory = (row: CategoryCount) => disclosure.categories.get(row.category) ?? row.total;
	const topGroups = ranked(input.groups, (group) => group.group_code, (group) => shownGroup(group).count);
	const [topCategory] = ranked(input.categories, (row) => row.category, shownCategory);
	const sentences = briefingSentences(
		{
			period: period.phrase,
			previousPeriod: previous.phrase,
			total: disclosure.total,
			previousTotal: disclosure.previousTotal,
			sameLastYear: lastYearKnown ? disclosure.lastYearTotal : null,
			resolved: disclosure.resolved,
			unresolved: disclosure.unresolved,
			topGroups: topGroups.slice(0, 3).map((group) => ({ name: group.name, ...shownGroup(group) })),
			topCategory: topCategory ? { label: text.category[topCategory.category], count: shownCategory(topCategory) } : null,
			open90: disclosure.handling.open90,
			escalated: disclosure.handling.escalated,
			hotspotNames: input.hotspots
				? input.hotspots.groups.filter((group) => group.gi_bin >= 2).map((group) => names.get(group.group_code) ?? group.group_code)
				: null,
			...(input.level === 'ward' && { wards: input.groups.length })
		},
		view.lang,
		format.integer
	);
	return {
		dateLine: dateLine(input.place, localToday(input.today), view.lang),
		// A reporting period's name does not say its dates, so its summary line does ("Báo cáo tháng 7/2020 (từ …)").
		summary: convention === 'reporting' ? period.full : period.title,
		filters: filterLine(view, text),
		sentences,
		alerts: earlyWarningText(input)
	};
}

function earlyWarningText({ alerts, distribution, groups, level, view, format }: BriefingTextInput): SentencePart[] | null {
	const plan = alerts?.plan;
	if (!alerts || plan?.kind !== 'ready') return null;
	const names = new Map(groups.map((group) => [group.group_code, group.name]));
	const flagged = alerts.alerts.map((alert) => ({
		code: alert.group_code,
		name: names.get(alert.group_code) ?? alert.group_code,
		...shownAlert(alert, plan.baselineMonths, distribution)
	}));
	return earlyWarningSentence({ month: format.month(plan.month), groups: flagged, level }, view.lang, format);
}

/**
 * A district's briefing names its area: the wards chosen, or the whole district with its wards ("Địa bàn: toàn bộ
 * 3 phường (Phường 1, Phường 2, Phường 3)."); null for a single ward, which the agency line already names.
 */
export function areaLine(view: View, wards: readonly Ward[], text: Messages, format: Formatter): string | null {
	if (!isDistrict(wards)) return null;
	const chosen = view.wards?.length ? wards.filter((ward) => view.wards!.includes(ward.code)) : wards;
	const names = chosen.map((ward) => ward.name).join(', ');
	return text.briefing.area(chosen.length === wards.length ? text.briefing.wholeDistrict(format.integer(wards.length), names) : names);
}

/** "Bộ lọc: Tình trạng: Mới tiếp nhận, Đang hòa giải; Nguồn phát hiện: Tuần tra (…)", or null without a filter. */
export function filterLine(view: View, text: Messages): string | null {
	const parts: string[] = [];
	if (view.categories.length)
		parts.push(`${text.categories}: ${view.categories.map((code) => text.category[code]).join(', ')}`);
	if (view.statuses.length) parts.push(`${text.statuses}: ${view.statuses.map((code) => text.status[code]).join(', ')}`);
	if (view.sources.length)
		parts.push(
			`${text.sources}: ${view.sources.map((code) => text.source[code]).join(', ')} (${text.withoutUnrecordedSource})`
		);
	return parts.length ? text.briefing.filters(parts.join('; ')) : null;
}
