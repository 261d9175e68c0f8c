import { CATEGORY_CODES, isCategoryCode, type CategoryCode } from '../schema/categories';
import { isSourceCode, type SourceCode } from '../schema/sources';
import { isStatusCode, STATUS_CODES, type StatusCode } from '../schema/statuses';
import { TREND_STEPS, type TrendStep } from '../periods/buckets';
import { monthEnd, monthStart, parseIsoDate, parseVietnameseDate, type Period } from '../periods/dates';

export const MAP_MODES = ['count', 'rate', 'change', 'gistar', 'lisa', 'emerging'] as const;
export type MapMode = (typeof MAP_MODES)[number];
/** Modes that need the hotspot statistics of the period. */
export const STATISTICAL_MODES = ['gistar', 'lisa', 'emerging'] as const satisfies readonly MapMode[];
export type StatisticalMode = (typeof STATISTICAL_MODES)[number];

/** How Gi* p-values are found: conditional permutation (GeoDa, the default) or the normal curve (ArcGIS). */
export const GI_INFERENCES = ['permutation', 'normal'] as const;
export type GiInference = (typeof GI_INFERENCES)[number];

/** The emerging analysis's time step (SPEC §8 `step`); a view without one lets the counts choose it. */
export const EMERGING_STEPS = ['month', 'quarter'] as const;
export type EmergingStep = (typeof EMERGING_STEPS)[number];

/** What the map and ranking show (SPEC §8 `level`): residential groups, or a district's wards. */
export const LEVELS = ['group', 'ward'] as const;
export type Level = (typeof LEVELS)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Everything that decides what the dashboard shows; it lives in the URL (SPEC §8). */
export interface View {
	from: string;
	to: string;
	/** Empty means every category. */
	categories: CategoryCode[];
	/** Empty means every status. */
	statuses: StatusCode[];
	/**
	 * Empty means every case, with or without a recorded source. Otherwise only cases with one of these sources:
	 * a case whose source was not recorded is not known to have come from any of them, so choosing all six is not
	 * the same view as choosing none.
	 */
	sources: SourceCode[];
	/** Empty means the whole ward. */
	groups: string[];
	/**
	 * A district's wards chosen (`ward=W01,W02`): every panel, export and statistic keeps to their groups. Absent or
	 * empty: every ward.
	 */
	wards?: string[];
	/**
	 * `ward`: the map and ranking show wards (a district's data only); `group` or absent: groups. A ward clicked on
	 * the map drills down to `level=group&ward=W01`, written out so the link says what it shows.
	 */
	level?: Level;
	mode: MapMode;
	/** Gi* bins corrected for multiple testing (False Discovery Rate), as ArcGIS's option. */
	fdr: boolean;
	/** Absent: permutation. */
	gi?: GiInference;
	/** Absent: chosen from the counts (`chooseStep`). */
	step?: EmergingStep;
	/** The trend's step; absent: month, the default, which the URL leaves out. */
	trend?: Exclude<TrendStep, 'month'>;
	/** A second period shown side by side (`compare=FROM..TO`); absent: no comparison. */
	compare?: Period;
	lang: Language;
}

/** What the loaded data allows a view to be. */
export interface DataContext {
	firstDate: string;
	lastDate: string;
	groupCodes: readonly string[];
	/** A district's ward codes; absent or fewer than two: one ward, no ward level or filter. */
	wardCodes?: readonly string[];
}

/** Something in the URL that could not be shown as written, and what was shown instead. */
export interface Correction {
	param: string;
	value: string;
	problem:
		| 'invalid_date'
		| 'date_format'
		| 'date_out_of_range'
		| 'reversed_period'
		| 'unknown_code'
		| 'unknown_language'
		| 'distribution_value'
		| 'compare_format';
	/** For a period parameter (`compare`): which of its two dates the correction is about. */
	end?: 'from' | 'to';
}

/**
 * The dates a period may name. A link with `from=1000-01-01` means "from the beginning", not a ninety-century
 * period whose comparison period (the previous one of equal length) would start before year 1, which no calendar
 * here can hold; a date outside these bounds is replaced by the data's first or last date, and the page says so.
 */
export const EARLIEST_PERIOD_DATE = '1900-01-01';
export const LATEST_PERIOD_DATE = '2100-12-31';
export const isPeriodDate = (iso: string) => iso >= EARLIEST_PERIOD_DATE && iso <= LATEST_PERIOD_DATE;

/** The opening view: the last 12 whole months of the data, every category, counted. */
export function defaultView(context: DataContext): View {
	return {
		from: monthStart(context.lastDate, -11),
		to: monthEnd(context.lastDate),
		categories: [],
		statuses: [],
		sources: [],
		groups: [],
		mode: 'count',
		fdr: false,
		lang: 'vi'
	};
}

/**
 * Reads a view from URL parameters. Never throws: anything unknown or malformed is replaced by the nearest valid
 * value and reported as a correction, so the page can say what it changed.
 */
export function parseView(params: URLSearchParams, context: DataContext): { view: View; corrections: Correction[] } {
	const fallback = defaultView(context);
	const corrections: Correction[] = [];
	const readDate = (param: 'from' | 'to'): string => {
		const raw = params.get(param);
		if (raw === null || raw.trim() === '') return fallback[param];
		return readPeriodDate(raw, param, context, corrections, { param }) ?? fallback[param];
	};
	let from = readDate('from');
	let to = readDate('to');
	if (from > to) {
		corrections.push({ param: 'from', value: `${from}…${to}`, problem: 'reversed_period' });
		[from, to] = [to, from];
	}
	const compare = readCompare(params.get('compare'), context, corrections);
	const codes = <T extends string>(param: string, isKnown: (code: string) => code is T): T[] => {
		const known: T[] = [];
		for (const code of splitList(params.get(param))) {
			if (isKnown(code)) {
				if (!known.includes(code)) known.push(code);
			} else corrections.push({ param, value: code, problem: 'unknown_code' });
		}
		return known;
	};
	const groupSet = new Set(context.groupCodes);
	const categories = codes('cat', isCategoryCode);
	const statuses = codes('status', isStatusCode);
	const sources = codes('source', isSourceCode);
	const groups = codes('group', (code): code is string => groupSet.has(code));
	const wardSet = new Set(context.wardCodes ?? []);
	const district = wardSet.size >= 2;
	const wards = codes('ward', (code): code is string => district && wardSet.has(code));
	const level = readChoice('level', LEVELS, params, corrections);
	if (level.level === 'ward' && !district) {
		corrections.push({ param: 'level', value: 'ward', problem: 'unknown_code' });
		delete level.level;
	}
	return {
		view: {
			from,
			to,
			// Choosing every code is the same view as choosing none.
			categories: categories.length === CATEGORY_CODES.length ? [] : categories,
			statuses: statuses.length === STATUS_CODES.length ? [] : statuses,
			sources,
			groups,
			// Choosing every ward is the same view as choosing none.
			...(wards.length > 0 && wards.length < wardSet.size && { wards }),
			...level,
			mode: readMode(params.get('mode'), corrections),
			fdr: params.get('fdr') === '1',
			...readChoice('gi', GI_INFERENCES, params, corrections),
			...readChoice('step', EMERGING_STEPS, params, corrections),
			...readChoice('trend', TREND_STEPS, params, corrections, 'month'),
			...(compare && { compare }),
			lang: readLanguage(params.get('lang'), corrections)
		},
		corrections
	};
}

/**
 * One date of a period: `YYYY-MM-DD`, or `dd/mm/yyyy` read day-first and reported; null when it is no date. A date
 * outside 1900–2100 becomes the data's first date at the period's start, its last at the end, and is reported.
 */
function readPeriodDate(
	raw: string,
	end: 'from' | 'to',
	context: DataContext,
	corrections: Correction[],
	where: Pick<Correction, 'param' | 'end'>
): string | null {
	const iso = parseIsoDate(raw);
	const vietnamese = iso ? null : parseVietnameseDate(raw);
	const date = iso ?? vietnamese;
	if (!date) {
		corrections.push({ ...where, value: raw, problem: 'invalid_date' });
		return null;
	}
	if (!iso) corrections.push({ ...where, value: raw, problem: 'date_format' });
	if (isPeriodDate(date)) return date;
	corrections.push({ ...where, value: raw, problem: 'date_out_of_range' });
	return end === 'from' ? context.firstDate : context.lastDate;
}

/**
 * `compare=FROM..TO`, both days included. Anything that is not two dates joined by `..` drops the comparison and
 * is reported; reversed dates are swapped, and dates outside 1900–2100 corrected, as for `from` and `to`.
 */
function readCompare(raw: string | null, context: DataContext, corrections: Correction[]): Period | null {
	if (raw === null || raw.trim() === '') return null;
	const parts = raw.split('..');
	// The dates' own corrections are reported only when the whole value is read as a period.
	const own: Correction[] = [];
	const dates = (['from', 'to'] as const).map((end, i) =>
		parts.length === 2 ? readPeriodDate(parts[i], end, context, own, { param: 'compare', end }) : null
	);
	if (dates[0] === null || dates[1] === null) {
		corrections.push({ param: 'compare', value: raw, problem: 'compare_format' });
		return null;
	}
	corrections.push(...own);
	let from = dates[0];
	let to = dates[1];
	if (from > to) {
		corrections.push({ param: 'compare', value: `${from}…${to}`, problem: 'reversed_period' });
		[from, to] = [to, from];
	}
	return { from, to };
}

function readMode(raw: string | null, corrections: Correction[]): MapMode {
	if (raw === null || raw === '') return 'count';
	if ((MAP_MODES as readonly string[]).includes(raw)) return raw as MapMode;
	corrections.push({ param: 'mode', value: raw, problem: 'unknown_code' });
	return 'count';
}

/**
 * An optional choice: absent, empty or the default itself leaves the default; anything unknown is corrected to it.
 */
function readChoice<K extends 'gi' | 'step' | 'trend' | 'level', T extends string, D extends T = never>(
	param: K,
	allowed: readonly T[],
	params: URLSearchParams,
	corrections: Correction[],
	defaultValue?: D
): Partial<Record<K, Exclude<T, D>>> {
	const raw = params.get(param);
	if (raw === null || raw === '' || raw === defaultValue) return {};
	if ((allowed as readonly string[]).includes(raw)) return { [param]: raw } as Partial<Record<K, Exclude<T, D>>>;
	corrections.push({ param, value: raw, problem: 'unknown_code' });
	return {};
}

function readLanguage(raw: string | null, corrections: Correction[]): Language {
	if (raw === null || raw === '' || raw === 'vi') return 'vi';
	if (raw === 'en') return 'en';
	corrections.push({ param: 'lang', value: raw, problem: 'unknown_language' });
	return 'vi';
}

/**
 * Whether the briefing is a distribution copy (`dist=1`). Absent, `0` or `off` give the full copy; any other value
 * gives the distribution copy and is reported, so a mistyped switch (`dist=yes`) never hands out unsuppressed counts.
 */
export function parseDistribution(params: URLSearchParams): { distribution: boolean; corrections: Correction[] } {
	const raw = params.get('dist');
	if (raw === null || raw === '0' || raw === 'off') return { distribution: false, corrections: [] };
	if (raw === '1') return { distribution: true, corrections: [] };
	return { distribution: true, corrections: [{ param: 'dist', value: raw, problem: 'distribution_value' }] };
}

/** The view of the compared period: every filter of `view`, the compared dates; null without a comparison. */
export function comparedView(view: View): View | null {
	if (!view.compare) return null;
	const { compare, ...rest } = view;
	return { ...rest, from: compare.from, to: compare.to };
}

function splitList(raw: string | null): string[] {
	return (raw ?? '')
		.split(',')
		.map((code) => code.trim())
		.filter((code) => code !== '');
}

/** The URL parameters of a view; the period is always written so a shared link does not drift with new data. */
export function viewToParams(view: View): URLSearchParams {
	const params = new URLSearchParams({ from: view.from, to: view.to });
	if (view.categories.length) params.set('cat', view.categories.join(','));
	if (view.statuses.length) params.set('status', view.statuses.join(','));
	if (view.sources.length) params.set('source', view.sources.join(','));
	if (view.groups.length) params.set('group', view.groups.join(','));
	if (view.wards?.length) params.set('ward', view.wards.join(','));
	if (view.level) params.set('level', view.level);
	if (view.mode !== 'count') params.set('mode', view.mode);
	if (view.fdr) params.set('fdr', '1');
	if (view.gi) params.set('gi', view.gi);
	if (view.step) params.set('step', view.step);
	if (view.trend) params.set('trend', view.trend);
	if (view.compare) params.set('compare', `${view.compare.from}..${view.compare.to}`);
	if (view.lang !== 'vi') params.set('lang', view.lang);
	return params;
}
