import { epochDay } from '../periods/dates';
import { CATEGORY_CODES } from '../schema/categories';
import { normaliseLabel } from '../schema/dictionary';
import type { Extent } from '../schema/model';
import { SOURCE_CODES } from '../schema/sources';
import { STATUS_CODES } from '../schema/statuses';
import { UNREADABLE, type CanonicalCases, type CanonicalField, type IdField } from './canonical';
import { ByteKeys } from './byteKeys';
import type { AsciiCells } from './rawTable';
import { encodeTexts } from './utf8';
import type { Rejection, RejectionReason } from './report';

/** What a case is checked against: the ward it must lie in, and the day after which dates are in the future. */
export interface CaseRules {
	/** The ward's group codes: a case in any other group is rejected. */
	groupCodes: readonly string[];
	/** Coordinates outside [west, south, east, north] are rejected; no check without it. */
	extent: Extent | null;
	/** Later dates are in the future: the user's own calendar day, `yyyy-mm-dd`. */
	today: string;
	/**
	 * A district's groups: each group's ward, by code and name. A case that names a ward (its code or its name, in
	 * any case, with or without diacritics) must name its group's; absent or empty for a single ward, where a ward
	 * column is not checked.
	 */
	groupWards?: Record<string, { code: string; name: string }>;
}

export interface CheckedCases {
	/** The rows that pass every rule, in file order. */
	accepted: Int32Array;
	/** The others, each with the first rule it fails. */
	rejections: Rejection[];
}

/** Coordinates are "already coarsened" (SPEC §2.1): allow a rounding step of the 4th decimal. */
const COORDINATE_MARGIN = 0.0001;

/** A field's answer judged once, whatever number of rows share it. */
const MISSING = 0;
const FINE = 1;
const UNREADABLE_VALUE = 2;
/** Read, but outside what the field allows: a future date, an unknown group or code, a point outside the ward. */
const NOT_ALLOWED = 3;

interface Judged {
	verdicts: Uint8Array;
	codes: Int32Array;
}

function judge<T>({ answers, codes }: CanonicalField<T>, allowed: (value: T) => boolean): Judged {
	const verdicts = new Uint8Array(answers.length);
	answers.forEach((answer, index) => {
		verdicts[index] = answer === null ? MISSING : answer === UNREADABLE ? UNREADABLE_VALUE : allowed(answer) ? FINE : NOT_ALLOWED;
	});
	return { verdicts, codes };
}

const verdict = (judged: Judged, row: number) => judged.verdicts[judged.codes[row]];

/**
 * Every row accepted or rejected with a reason, never silently dropped: the first rule of SPEC §2 it fails, in
 * this order — a required value missing, a date that cannot be read or lies in the future, resolved before
 * reported, a group the ward does not know, a ward other than the group's (`ward_mismatch`, a district's data
 * only), a category, status or source the ward does not know, a severity other than 1–3, an unreadable
 * flag or coordinate, a point outside the ward, and last an id already taken by an earlier row of the file.
 * Only a row that passes every other rule takes its id: of two such rows with one id the first is accepted and the
 * later one rejected as `duplicate_id`, while a rejected row takes nothing, so a corrected copy of it further down
 * the file is accepted. Each distinct answer of a field is judged once; a row only looks up its answers' verdicts.
 */
export function checkCases(cases: CanonicalCases, rules: CaseRules): CheckedCases {
	const today = epochDay(rules.today);
	const [west, south, east, north] = rules.extent ?? [-Infinity, -Infinity, Infinity, Infinity];
	const within = (low: number, high: number) => (value: number) => value >= low - COORDINATE_MARGIN && value <= high + COORDINATE_MARGIN;
	const among = (codes: readonly string[]) => {
		const known = new Set(codes);
		return (code: string) => known.has(code);
	};
	const always = () => true;
	const notFuture = (day: number) => day <= today;
	const id = 'offsets' in cases.case_id ? null : judge(cases.case_id, always);
	const reported = judge(cases.reported_on, notFuture);
	const group = judge(cases.group_code, among(rules.groupCodes));
	const category = judge(cases.category, among(CATEGORY_CODES));
	const status = judge(cases.status, among(STATUS_CODES));
	const resolved = judge(cases.resolved_on, notFuture);
	const source = judge(cases.source, among(SOURCE_CODES));
	const severity = judge(cases.severity, (value) => value >= 1 && value <= 3);
	const repeat = judge(cases.repeat, always);
	const lat = judge(cases.lat, within(south, north));
	const lon = judge(cases.lon, within(west, east));
	const wardMismatch = wardCheck(cases, rules.groupWards);
	const reportedDay = dayValues(cases.reported_on);
	const resolvedDay = dayValues(cases.resolved_on);

	const firstFailure = (row: number): [RejectionReason, string] | null => {
		if (id && verdict(id, row) === MISSING) return ['missing_value', 'case_id'];
		if (verdict(reported, row) === MISSING) return ['missing_value', 'reported_on'];
		if (verdict(group, row) === MISSING) return ['missing_value', 'group_code'];
		if (verdict(category, row) === MISSING) return ['missing_value', 'category'];
		if (verdict(status, row) === MISSING) return ['missing_value', 'status'];
		if (verdict(reported, row) === UNREADABLE_VALUE) return ['invalid_date', 'reported_on'];
		if (verdict(reported, row) === NOT_ALLOWED) return ['future_date', 'reported_on'];
		if (verdict(resolved, row) === UNREADABLE_VALUE) return ['invalid_date', 'resolved_on'];
		if (verdict(resolved, row) === NOT_ALLOWED) return ['future_date', 'resolved_on'];
		if (verdict(resolved, row) === FINE && resolvedDay[resolved.codes[row]] < reportedDay[reported.codes[row]]) {
			return ['resolved_before_reported', 'resolved_on'];
		}
		if (verdict(group, row) !== FINE) return ['unknown_group', 'group_code'];
		if (wardMismatch?.(row)) return ['ward_mismatch', 'ward_code'];
		if (verdict(category, row) !== FINE) return ['unknown_category', 'category'];
		if (verdict(status, row) !== FINE) return ['unknown_status', 'status'];
		if (verdict(source, row) > FINE) return ['unknown_source', 'source'];
		if (verdict(severity, row) > FINE) return ['invalid_number', 'severity'];
		if (verdict(repeat, row) > FINE) return ['invalid_value', 'repeat'];
		if (verdict(lat, row) === UNREADABLE_VALUE) return ['invalid_number', 'lat'];
		if (verdict(lon, row) === UNREADABLE_VALUE) return ['invalid_number', 'lon'];
		if (verdict(lat, row) === NOT_ALLOWED) return ['outside_ward', 'lat'];
		if (verdict(lon, row) === NOT_ALLOWED) return ['outside_ward', 'lon'];
		return null;
	};

	const valid = new Uint8Array(cases.rowCount).fill(1);
	const failed: Rejection[] = [];
	for (let row = 0; row < cases.rowCount; row++) {
		const failure = firstFailure(row);
		if (failure === null) continue;
		valid[row] = 0;
		failed.push({ line: cases.lines[row], reason: failure[0], field: failure[1] });
	}
	const repeated = repeatedIds(cases.case_id, failed.length ? valid : null);
	const accepted = new Int32Array(cases.rowCount);
	let acceptedCount = 0;
	const rejections: Rejection[] = [];
	let nextFailed = 0;
	for (let row = 0; row < cases.rowCount; row++) {
		if (!valid[row]) rejections.push(failed[nextFailed++]);
		else if (repeated[row]) rejections.push({ line: cases.lines[row], reason: 'duplicate_id', field: 'case_id' });
		else accepted[acceptedCount++] = row;
	}
	return { accepted: accepted.subarray(0, acceptedCount), rejections };
}

/**
 * Whether a row names a ward other than its group's, for a district's data (null otherwise, or without a ward
 * column). Each distinct ward answer and group answer is looked up once; a row compares two numbers.
 */
function wardCheck(cases: CanonicalCases, groupWards: CaseRules['groupWards']): ((row: number) => boolean) | null {
	const named = cases.ward_code;
	if (!groupWards || Object.keys(groupWards).length === 0 || named.answers.every((answer) => answer === null)) return null;
	const wardIndex = new Map<string, number>();
	for (const { code, name } of Object.values(groupWards)) {
		const index = wardIndex.get(normaliseLabel(code)) ?? wardIndex.size;
		wardIndex.set(normaliseLabel(code), index);
		if (!wardIndex.has(normaliseLabel(name))) wardIndex.set(normaliseLabel(name), index);
	}
	// A row's ward: -1 when it names none (its group's then), -2 when it names no ward of the district.
	const namedWard = Int32Array.from(named.answers, (answer) =>
		typeof answer === 'string' ? (wardIndex.get(normaliseLabel(answer)) ?? -2) : -1
	);
	const groupWard = Int32Array.from(cases.group_code.answers, (answer) => {
		const ward = typeof answer === 'string' ? groupWards[answer] : undefined;
		return ward ? wardIndex.get(normaliseLabel(ward.code))! : -1;
	});
	return (row) => {
		const ward = namedWard[named.codes[row]];
		return ward !== -1 && ward !== groupWard[cases.group_code.codes[row]];
	};
}

/** A date field's answers as days, for comparing two dates of a row (0 where there is no readable day). */
function dayValues({ answers }: CanonicalField<number>): Float64Array {
	return Float64Array.from(answers, (answer) => (typeof answer === 'number' ? answer : 0));
}

/**
 * For each row, 1 when an earlier row has the same id. Only the rows `holders` marks (all when null) hold an id:
 * the others are neither repeats nor repeated. Ids are compared by their UTF-8 bytes, as DuckDB stores them
 * (`ByteKeys`: a million ids are told apart several times faster than by a `Set` of strings).
 */
export function repeatedIds(field: IdField, holders: Uint8Array | null = null): Uint8Array {
	const { data, offsets, present } = idBytes(field);
	const rows = offsets.length - 1;
	// A row without an id holds none (`checkCases` rejects it before it could take one).
	const holding = present && holders ? present.map((has, row) => has & holders[row]) : (present ?? holders);
	const repeated = new Uint8Array(rows);
	// Ids in strictly increasing order (an export sorted by case number) cannot repeat: no table to build.
	if (strictlyIncreasing(data, offsets, holding)) return repeated;
	const keys = new ByteKeys(data, rows);
	for (let row = 0; row < rows; row++) {
		if (holding?.[row] === 0) continue;
		const known = keys.size;
		if (keys.key(offsets[row], offsets[row + 1]) < known) repeated[row] = 1;
	}
	return repeated;
}

/**
 * Whether each id's bytes come after the one before, byte by byte (a shorter id before the longer it begins),
 * skipping the rows `holding` marks 0.
 */
function strictlyIncreasing(data: Uint8Array, offsets: Int32Array, holding: Uint8Array | null): boolean {
	let before = -1;
	for (let row = 0; row < offsets.length - 1; row++) {
		if (holding?.[row] === 0) continue;
		if (before >= 0 && !increasing(data, offsets[before], offsets[before + 1], offsets[row], offsets[row + 1])) return false;
		before = row;
	}
	return true;
}

/** Whether the bytes `from`…`to` come after the bytes `previous`…`previousEnd`. */
function increasing(data: Uint8Array, previous: number, previousEnd: number, from: number, to: number): boolean {
	const shorter = Math.min(previousEnd - previous, to - from);
	let index = 0;
	while (index < shorter && data[previous + index] === data[from + index]) index++;
	return index < shorter ? data[previous + index] < data[from + index] : previousEnd - previous < to - from;
}

/** Each row's id as UTF-8 bytes end to end; `present` marks the rows that have one (ids kept as bytes all do). */
function idBytes(field: IdField): AsciiCells & { present: Uint8Array | null } {
	if ('offsets' in field) return { ...field, present: null };
	const { answers, codes } = field;
	const ids = Array.from(codes, (code) => answers[code]);
	const texts = ids.map((id) => (typeof id === 'string' ? id : ''));
	return { ...encodeTexts(texts), present: Uint8Array.from(ids, (id) => (typeof id === 'string' ? 1 : 0)) };
}
