/**
 * The briefing's generated sentences (issue 5): template-based and deterministic, in Vietnamese and English, one
 * sentence per main fact. Percentages are rounded to whole numbers. The counts come as the copy shows them
 * (`discloseBriefing`): a hidden one is written with its mark ("<5", "x"), and no percentage or change is given
 * that would give it back.
 */
import type { Language } from '../queries/view';
import { expectedAttribute, type ShownExpected } from '../analysis/earlyWarning';
import { isHidden, SMALL, type Shown } from './suppression';

export interface BriefingFacts {
	/** `periodName(…).phrase`: "quý III/2020", "the period from 05/03/2020 to 20/04/2020". */
	period: string;
	previousPeriod: string;
	total: Shown;
	/** null when there is nothing to compare with (no data before the period). */
	previousTotal: Shown | null;
	sameLastYear?: Shown | null;
	/** Resolved by mediation at the grassroots ("hòa giải thành ở cơ sở"). */
	resolved: Shown;
	/** The total minus the resolved, as shown; by default worked out from them. */
	unresolved?: Shown;
	/** In ranking order (`compareRanked`); `change` against the previous period, null when unknown or hidden. At most 3 are named. */
	topGroups: { name: string; count: Shown; change: number | null }[];
	topCategory?: { label: string; count: Shown } | null;
	open90: Shown;
	escalated: Shown;
	/** Groups that are hotspots at 95 % confidence or more, at most 5 named; null leaves the sentence out (no analysis). */
	hotspotNames: string[] | null;
	/**
	 * A district's briefing at `level=ward`: how many wards it covers. The counts are then the wards', and the
	 * sentences say so ("3 phường tiếp nhận…"); absent, they are one ward's ("toàn phường").
	 */
	wards?: number;
}

type Integer = (value: number) => string;

export function briefingSentences(facts: BriefingFacts, lang: Language, formatInteger: Integer): string[] {
	const write = lang === 'vi' ? vi : en;
	const count = (value: Shown) => (isHidden(value) ? value : formatInteger(value));
	const percent = (part: Shown, whole: Shown) =>
		isHidden(part) || isHidden(whole) ? '…' : `${formatInteger(Math.round((part / whole) * 100))} %`;
	const sentences = [write.total(facts, count, formatInteger)];
	if (facts.total !== 0) {
		const handled = resolution(facts);
		if (handled) sentences.push(write.resolved(handled, facts, count, percent));
		// Only counts that are shown: hidden ones are ranked by their mark, so naming one as the largest could be untrue.
		const groups = facts.topGroups.filter((group) => !isHidden(group.count) && group.count > 0).slice(0, 3);
		if (groups.length > 0) {
			const named = groups.map((group) => write.group(group.name, count(group.count), group.change, formatInteger));
			sentences.push(write.groups(named.join(', '), facts.wards !== undefined));
		}
		const category = facts.topCategory;
		if (category && !isHidden(category.count) && category.count > 0) {
			const share = isHidden(facts.total) ? null : percent(category.count, facts.total);
			sentences.push(write.category(category.label, count(category.count), share));
		}
		const hotspots = facts.hotspotNames;
		if (hotspots) sentences.push(write.hotspots(hotspots.slice(0, 5), hotspots.length - 5, formatInteger));
	}
	if (facts.open90 !== 0 || facts.escalated !== 0) sentences.push(write.lasting(facts, count));
	return sentences;
}

/** A sentence in pieces, the groups apart, so that a page can mark each group it names (SPEC §8 `alerts`). */
export type SentencePart = string | { group: string; count: Shown; expected: string; text: string };
type Usual = ShownExpected;
type Decimal = (value: number) => string;

export interface EarlyWarningFacts {
	/** The month tested, as written ("09/2020"). */
	month: string;
	/** Every flagged group, most unusual first (`earlyWarnings`), with its count and usual level as the copy shows them. */
	groups: { code: string; name: string; count: Shown; expected: ShownExpected }[];
	/** `ward`: the areas tested are a district's wards (the codes and names are the wards'). */
	level?: 'group' | 'ward';
}

/**
 * The early-warning sentence: each flagged group with its count in the month and its usual level, or that none
 * was flagged. Every flagged group is named (a month flags few), so the sentence is the briefing's whole list.
 */
export function earlyWarningSentence(
	facts: EarlyWarningFacts,
	lang: Language,
	format: { integer: Integer; decimal: Decimal }
): SentencePart[] {
	const write = lang === 'vi' ? vi : en;
	if (facts.groups.length === 0) return [write.alertsNone(facts.month, facts.level ?? 'group')];
	const parts: SentencePart[] = [write.alertsLead(facts.month)];
	facts.groups.forEach((group, index) => {
		if (index > 0) parts.push(index === facts.groups.length - 1 ? write.and : ', ');
		const shown = isHidden(group.count) ? group.count : format.integer(group.count);
		const text = write.alert(group.name, shown, write.usual(group.expected, format.decimal));
		parts.push({ group: group.code, count: group.count, expected: expectedAttribute(group.expected), text });
	});
	parts.push(write.alertsTail(facts.groups.length));
	return parts;
}

export const sentenceText = (parts: SentencePart[]) => parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');

type Resolution = 'shown' | 'resolvedHidden' | 'unresolvedHidden' | 'none';

/** How the resolved share may be told: the resolved and unresolved counts are one table under the total. */
function resolution(facts: BriefingFacts): Resolution | null {
	if (facts.resolved === 0) return 'none';
	if (isHidden(facts.total)) return null;
	const unresolved = facts.unresolved ?? (isHidden(facts.resolved) ? facts.resolved : facts.total - facts.resolved);
	if (unresolved === SMALL) return 'unresolvedHidden';
	if (isHidden(facts.resolved)) return 'resolvedHidden';
	return 'shown';
}

type Count = (value: Shown) => string;
type Percent = (part: Shown, whole: Shown) => string;
type Writer = typeof vi;

/** The comparison clause with one earlier count, or null when there is nothing to compare. */
function comparison(
	lang: Language,
	current: Shown,
	earlier: Shown | null | undefined,
	earlierName: string,
	count: Count,
	formatInteger: Integer
): string | null {
	if (earlier === null || earlier === undefined) return null;
	const v = lang === 'vi';
	const cases = (value: Shown) => (v ? `${count(value)} vụ việc` : casesEn(count(value)));
	if (current === 0 && earlier === 0) return v ? `như ${earlierName}` : `as in ${earlierName}`;
	if (earlier === 0) return v ? `trong khi ${earlierName} không có vụ nào` : `while ${earlierName} had none`;
	if (current === 0) {
		return v ? `trong khi ${earlierName} có ${cases(earlier)}` : `while ${earlierName} had ${cases(earlier)}`;
	}
	if (isHidden(current) || isHidden(earlier)) {
		return v ? `so với ${cases(earlier)} trong ${earlierName}` : `compared with ${cases(earlier)} in ${earlierName}`;
	}
	if (current === earlier) return v ? `bằng ${earlierName}` : `unchanged from ${earlierName}`;
	const rounded = Math.round((Math.abs(current - earlier) / earlier) * 100);
	const size = rounded === 0 ? (v ? 'dưới 1 %' : 'less than 1 %') : `${formatInteger(rounded)} %`;
	if (v) return `${current > earlier ? 'tăng' : 'giảm'} ${size} so với ${earlierName}`;
	return `${current > earlier ? 'up' : 'down'} ${size} on ${earlierName}`;
}

const vi = {
	total(facts: BriefingFacts, count: Count, formatInteger: Integer) {
		const received = facts.total === 0 ? 'không tiếp nhận vụ việc nào' : `tiếp nhận ${count(facts.total)} vụ việc`;
		const clauses = [
			comparison('vi', facts.total, facts.previousTotal, facts.previousPeriod, count, formatInteger),
			comparison('vi', facts.total, facts.sameLastYear, 'cùng kỳ năm trước', count, formatInteger)
		].filter((clause): clause is string => clause !== null);
		const tail = clauses.length > 0 ? `, ${clauses.join(' và ')}` : '';
		const area = facts.wards === undefined ? 'toàn phường' : `${formatInteger(facts.wards)} phường`;
		return `Trong ${facts.period}, ${area} ${received}${tail}.`;
	},
	resolved(how: Resolution, facts: BriefingFacts, count: Count, percent: Percent) {
		if (how === 'none') return 'Chưa có vụ việc nào được hòa giải thành ở cơ sở.';
		if (how === 'unresolvedHidden')
			return `Trong ${count(facts.total)} vụ việc, chỉ còn dưới 5 vụ chưa hòa giải thành ở cơ sở.`;
		const share = how === 'shown' ? ` (${percent(facts.resolved, facts.total)})` : '';
		return `${count(facts.resolved)}/${count(facts.total)} vụ việc${share} đã hòa giải thành ở cơ sở.`;
	},
	group(name: string, shown: string, change: number | null, formatInteger: Integer) {
		const moved =
			change === null ? ''
			: change === 0 ? ', không đổi'
			: `, ${change > 0 ? 'tăng' : 'giảm'} ${formatInteger(Math.abs(change))}`;
		return `${name} (${shown} vụ${moved})`;
	},
	groups: (list: string, wards: boolean) => `${wards ? 'Phường' : 'Địa bàn'} có nhiều vụ việc nhất: ${list}.`,
	category(label: string, shown: string, share: string | null) {
		return `Loại vụ việc nhiều nhất: ${label} (${shown} vụ${share ? `, ${share}` : ''}).`;
	},
	hotspots(names: string[], more: number, formatInteger: Integer) {
		if (names.length === 0) return 'Không có điểm nóng nào đạt độ tin cậy 95 % trở lên.';
		const rest = more > 0 ? ` và ${formatInteger(more)} địa bàn khác` : '';
		return `Điểm nóng (độ tin cậy 95 % trở lên): ${names.join(', ')}${rest}.`;
	},
	alert: (name: string, shown: string, usual: string) => `${name} (${shown} vụ; ${usual})`,
	usual(usual: Usual, decimal: Decimal) {
		if ('below' in usual) return `thường dưới ${decimal(usual.below)} vụ/tháng`;
		return usual.value === 0 ? 'trước đó không có vụ nào' : `thường khoảng ${decimal(usual.value)} vụ/tháng`;
	},
	and: ' và ',
	alertsNone: (month: string, level: 'group' | 'ward') =>
		`Cảnh báo sớm: không có ${level === 'ward' ? 'phường' : 'tổ dân phố'} nào tăng bất thường trong tháng ${month}.`,
	alertsLead: (month: string) => `Cảnh báo sớm tháng ${month}: `,
	alertsTail: (_groups: number) => ' tăng bất thường.',
	lasting(facts: BriefingFacts, count: Count) {
		const parts = [
			facts.open90 !== 0 ? `${count(facts.open90)} vụ việc kéo dài quá 90 ngày chưa giải quyết xong` : null,
			facts.escalated !== 0 ? `${count(facts.escalated)} vụ việc phát sinh thành vụ án, vi phạm` : null
		].filter((part): part is string => part !== null);
		return `Có ${parts.join('; ')}.`;
	}
};

/** English number agreement follows what is written: "1 case", "<5 cases". */
const casesEn = (shown: string) => `${shown} ${shown === '1' ? 'case' : 'cases'}`;

const en: Writer = {
	total(facts, count, formatInteger) {
		const received = facts.total === 0 ? 'received no cases' : `received ${casesEn(count(facts.total))}`;
		const clauses = [
			comparison('en', facts.total, facts.previousTotal, facts.previousPeriod, count, formatInteger),
			comparison('en', facts.total, facts.sameLastYear, 'the same period last year', count, formatInteger)
		].filter((clause): clause is string => clause !== null);
		const tail = clauses.length > 0 ? `, ${clauses.join(' and ')}` : '';
		const area = facts.wards === undefined ? 'the ward' : `the ${formatInteger(facts.wards)} wards`;
		return `In ${facts.period}, ${area} ${received}${tail}.`;
	},
	resolved(how, facts, count, percent) {
		if (how === 'none') return 'No case has been resolved by grassroots mediation yet.';
		if (how === 'unresolvedHidden')
			return `Of the ${count(facts.total)} cases, fewer than 5 are not yet resolved by grassroots mediation.`;
		const share = how === 'shown' ? ` (${percent(facts.resolved, facts.total)})` : '';
		const verb = count(facts.resolved) === '1' ? 'was' : 'were';
		const of = `${count(facts.resolved)} of ${casesEn(count(facts.total))}${share}`;
		return `${of} ${verb} resolved by grassroots mediation.`;
	},
	group(name, shown, change, formatInteger) {
		const moved =
			change === null ? ''
			: change === 0 ? ', unchanged'
			: `, ${change > 0 ? 'up' : 'down'} ${formatInteger(Math.abs(change))}`;
		return `${name} (${casesEn(shown)}${moved})`;
	},
	groups: (list) => `Most cases: ${list}.`,
	category(label, shown, share) {
		return `Most frequent category: ${label} (${casesEn(shown)}${share ? `, ${share}` : ''}).`;
	},
	hotspots(names, more, formatInteger) {
		if (names.length === 0) return 'No hotspot reached 95 % confidence or more.';
		const rest = more > 0 ? ` and ${formatInteger(more)} more` : '';
		return `Hotspots (95 % confidence or more): ${names.join(', ')}${rest}.`;
	},
	alert: (name, shown, usual) => `${name} (${casesEn(shown)}; ${usual})`,
	usual(usual, decimal) {
		if ('below' in usual) return `usually under ${decimal(usual.below)} a month`;
		return usual.value === 0 ? 'none before' : `usually about ${decimal(usual.value)} a month`;
	},
	and: ' and ',
	alertsNone: (month, level) => `Early warning: no ${level === 'ward' ? 'ward' : 'group'} was unusually high in ${month}.`,
	alertsLead: (month) => `Early warning, ${month}: `,
	alertsTail: (groups) => (groups === 1 ? ' was unusually high.' : ' were unusually high.'),
	lasting(facts, count) {
		const parts = [
			facts.open90 !== 0
				? `${casesEn(count(facts.open90))} ${count(facts.open90) === '1' ? 'has' : 'have'} been open for more than 90 days`
				: null,
			facts.escalated !== 0 ? `${casesEn(count(facts.escalated))} escalated` : null
		].filter((part): part is string => part !== null);
		return `${parts.join('; ')}.`;
	}
};
