/**
 * The briefing's generated sentences (issue 5): template-based and deterministic, in Vietnamese and English, one
 * sentence per main fact. Percentages are rounded to whole numbers. With `suppressed` (for distribution) a count of
 * 1–4 is written "<5", and no percentage or change is given that would give a hidden count back (./suppression.ts).
 */
import type { Language } from '../queries/view';
import { isSmall, suppressChange, suppressTable } from './suppression';

export interface BriefingFacts {
	/** `periodName(…).phrase`: "quý III/2020", "the period from 05/03/2020 to 20/04/2020". */
	period: string;
	previousPeriod: string;
	total: number;
	/** null when there is nothing to compare with (no data before the period). */
	previousTotal: number | null;
	sameLastYear?: number | null;
	/** Resolved by mediation at the grassroots ("hòa giải thành ở cơ sở"). */
	resolved: number;
	/** Largest first; `change` is the count minus the previous period's count, null when unknown. At most 3 are named. */
	topGroups: { name: string; count: number; change: number | null }[];
	topCategory?: { label: string; count: number } | null;
	open90: number;
	escalated: number;
	/** Groups that are hotspots at 95 % confidence or more, at most 5 named; null leaves the sentence out (no analysis). */
	hotspotNames: string[] | null;
	suppressed?: boolean;
}

type Integer = (value: number) => string;

export function briefingSentences(facts: BriefingFacts, lang: Language, formatInteger: Integer): string[] {
	const write = lang === 'vi' ? vi : en;
	const count = (value: number) => (facts.suppressed && isSmall(value) ? '<5' : formatInteger(value));
	const hides = (value: number) => Boolean(facts.suppressed) && isSmall(value);
	const percent = (part: number, whole: number) => `${formatInteger(Math.round((part / whole) * 100))} %`;
	const sentences = [write.total(facts, count, hides, formatInteger)];
	if (facts.total > 0) {
		const handled = resolution(facts, hides);
		if (handled) sentences.push(write.resolved(handled, facts, count, percent));
		const groups = facts.topGroups.filter((group) => group.count > 0).slice(0, 3);
		if (groups.length > 0) {
			const named = groups.map((group) => {
				const previous = group.change === null ? null : group.count - group.change;
				const change =
					previous === null ? null : facts.suppressed ? suppressChange(group.count, previous) : group.change;
				return write.group(group.name, count(group.count), change, formatInteger);
			});
			sentences.push(write.groups(named.join(', ')));
		}
		const category = facts.topCategory;
		if (category && category.count > 0) {
			const share = hides(category.count) || hides(facts.total) ? null : percent(category.count, facts.total);
			sentences.push(write.category(category.label, count(category.count), share));
		}
		const hotspots = facts.hotspotNames;
		if (hotspots) sentences.push(write.hotspots(hotspots.slice(0, 5), hotspots.length - 5, formatInteger));
	}
	if (facts.open90 > 0 || facts.escalated > 0) sentences.push(write.lasting(facts, count));
	return sentences;
}

type Resolution = 'shown' | 'resolvedHidden' | 'unresolvedHidden' | 'none';

/** How the resolved share may be told; the resolved and unresolved counts are one table under the total. */
function resolution(facts: BriefingFacts, hides: (value: number) => boolean): Resolution | null {
	if (facts.resolved === 0) return 'none';
	if (!facts.suppressed) return 'shown';
	if (hides(facts.total)) return null;
	const table = suppressTable(
		[{ key: 'resolved', count: facts.resolved }, { key: 'unresolved', count: facts.total - facts.resolved }],
		facts.total
	);
	const [resolved, unresolved] = table.rows;
	if (unresolved.suppression === 'primary') return 'unresolvedHidden';
	if (resolved.suppression === 'primary') return 'resolvedHidden';
	return 'shown';
}

type Count = (value: number) => string;
type Percent = (part: number, whole: number) => string;
type Writer = typeof vi;

/** The comparison clause with one earlier count, or null when there is nothing to compare. */
function comparison(
	lang: Language,
	current: number,
	earlier: number | null | undefined,
	earlierName: string,
	count: Count,
	hides: (value: number) => boolean,
	formatInteger: Integer
): string | null {
	if (earlier === null || earlier === undefined) return null;
	const v = lang === 'vi';
	const cases = (value: number) => (v ? `${count(value)} vụ việc` : casesEn(count(value)));
	if (current === 0 && earlier === 0) return v ? `như ${earlierName}` : `as in ${earlierName}`;
	if (earlier === 0) return v ? `trong khi ${earlierName} không có vụ nào` : `while ${earlierName} had none`;
	if (current === 0) {
		return v ? `trong khi ${earlierName} có ${cases(earlier)}` : `while ${earlierName} had ${cases(earlier)}`;
	}
	if (hides(current) || hides(earlier)) {
		return v ? `so với ${cases(earlier)} trong ${earlierName}` : `compared with ${cases(earlier)} in ${earlierName}`;
	}
	if (current === earlier) return v ? `bằng ${earlierName}` : `unchanged from ${earlierName}`;
	const rounded = Math.round((Math.abs(current - earlier) / earlier) * 100);
	const size = rounded === 0 ? (v ? 'dưới 1 %' : 'less than 1 %') : `${formatInteger(rounded)} %`;
	if (v) return `${current > earlier ? 'tăng' : 'giảm'} ${size} so với ${earlierName}`;
	return `${current > earlier ? 'up' : 'down'} ${size} on ${earlierName}`;
}

const vi = {
	total(facts: BriefingFacts, count: Count, hides: (v: number) => boolean, formatInteger: Integer) {
		const received = facts.total === 0 ? 'không tiếp nhận vụ việc nào' : `tiếp nhận ${count(facts.total)} vụ việc`;
		const clauses = [
			comparison('vi', facts.total, facts.previousTotal, facts.previousPeriod, count, hides, formatInteger),
			comparison('vi', facts.total, facts.sameLastYear, 'cùng kỳ năm trước', count, hides, formatInteger)
		].filter((clause): clause is string => clause !== null);
		const tail = clauses.length > 0 ? `, ${clauses.join(' và ')}` : '';
		return `Trong ${facts.period}, toàn phường ${received}${tail}.`;
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
	groups: (list: string) => `Địa bàn có nhiều vụ việc nhất: ${list}.`,
	category(label: string, shown: string, share: string | null) {
		return `Loại vụ việc nhiều nhất: ${label} (${shown} vụ${share ? `, ${share}` : ''}).`;
	},
	hotspots(names: string[], more: number, formatInteger: Integer) {
		if (names.length === 0) return 'Không có điểm nóng nào đạt độ tin cậy 95 % trở lên.';
		const rest = more > 0 ? ` và ${formatInteger(more)} địa bàn khác` : '';
		return `Điểm nóng (độ tin cậy 95 % trở lên): ${names.join(', ')}${rest}.`;
	},
	lasting(facts: BriefingFacts, count: Count) {
		const parts = [
			facts.open90 > 0 ? `${count(facts.open90)} vụ việc kéo dài quá 90 ngày chưa giải quyết xong` : null,
			facts.escalated > 0 ? `${count(facts.escalated)} vụ việc phát sinh thành vụ án, vi phạm` : null
		].filter((part): part is string => part !== null);
		return `Có ${parts.join('; ')}.`;
	}
};

/** English number agreement follows what is written: "1 case", "<5 cases". */
const casesEn = (shown: string) => `${shown} ${shown === '1' ? 'case' : 'cases'}`;

const en: Writer = {
	total(facts, count, hides, formatInteger) {
		const received = facts.total === 0 ? 'received no cases' : `received ${casesEn(count(facts.total))}`;
		const clauses = [
			comparison('en', facts.total, facts.previousTotal, facts.previousPeriod, count, hides, formatInteger),
			comparison('en', facts.total, facts.sameLastYear, 'the same period last year', count, hides, formatInteger)
		].filter((clause): clause is string => clause !== null);
		const tail = clauses.length > 0 ? `, ${clauses.join(' and ')}` : '';
		return `In ${facts.period}, the ward ${received}${tail}.`;
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
	lasting(facts, count) {
		const parts = [
			facts.open90 > 0
				? `${casesEn(count(facts.open90))} ${count(facts.open90) === '1' ? 'has' : 'have'} been open for more than 90 days`
				: null,
			facts.escalated > 0 ? `${casesEn(count(facts.escalated))} escalated` : null
		].filter((part): part is string => part !== null);
		return `${parts.join('; ')}.`;
	}
};
