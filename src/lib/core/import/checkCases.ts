import { CATEGORY_CODES } from '../schema/categories';
import type { Extent } from '../schema/model';
import { SOURCE_CODES } from '../schema/sources';
import { STATUS_CODES } from '../schema/statuses';
import { UNREADABLE, type CanonicalCases, type CanonicalField } from './canonical';
import type { Rejection, RejectionReason } from './report';

/** What a case is checked against: the ward it must lie in, and the day after which dates are in the future. */
export interface CaseRules {
	/** The ward's group codes: a case in any other group is rejected. */
	groupCodes: readonly string[];
	/** Coordinates outside [west, south, east, north] are rejected; no check without it. */
	extent: Extent | null;
	/** Later dates are in the future: the user's own calendar day, `yyyy-mm-dd`. */
	today: string;
}

export interface CheckedCases {
	/** The rows that pass every rule, in file order. */
	accepted: Int32Array;
	/** The others, each with the first rule it fails. */
	rejections: Rejection[];
}

const DAY_MS = 86_400_000;
/** Coordinates are "already coarsened" (SPEC §2.1): allow a rounding step of the 4th decimal. */
const COORDINATE_MARGIN = 0.0001;

/**
 * Every row accepted or rejected with a reason, never silently dropped: the first rule of SPEC §2 it fails, in
 * this order — a required value missing, a date that cannot be read or lies in the future, resolved before
 * reported, a group, category, status or source the ward does not know, a severity other than 1–3, an unreadable
 * flag or coordinate, a point outside the ward, and last an id already taken by an earlier row of the file.
 */
export function checkCases(cases: CanonicalCases, rules: CaseRules): CheckedCases {
	const groups = new Set(rules.groupCodes);
	const categories = new Set<string>(CATEGORY_CODES);
	const statuses = new Set<string>(STATUS_CODES);
	const sources = new Set<string>(SOURCE_CODES);
	const today = Date.parse(`${rules.today}T00:00:00Z`) / DAY_MS;
	const [west, south, east, north] = rules.extent ?? [-Infinity, -Infinity, Infinity, Infinity];
	// Each field's answers and codes taken apart once: the loop below runs a million times.
	const { answers: ids, codes: idCodes } = cases.case_id;
	const { answers: reportedDays, codes: reportedCodes } = cases.reported_on;
	const { answers: groupCodes, codes: groupRows } = cases.group_code;
	const { answers: categoryCodes, codes: categoryRows } = cases.category;
	const { answers: statusCodes, codes: statusRows } = cases.status;
	const { answers: resolvedDays, codes: resolvedCodes } = cases.resolved_on;
	const { answers: sourceCodes, codes: sourceRows } = cases.source;
	const { answers: severities, codes: severityCodes } = cases.severity;
	const { answers: repeats, codes: repeatCodes } = cases.repeat;
	const { answers: lats, codes: latCodes } = cases.lat;
	const { answers: lons, codes: lonCodes } = cases.lon;

	const firstFailure = (row: number): [RejectionReason, string] | null => {
		const reported = reportedDays[reportedCodes[row]];
		const group = groupCodes[groupRows[row]];
		const category = categoryCodes[categoryRows[row]];
		const status = statusCodes[statusRows[row]];
		if (ids[idCodes[row]] === null) return ['missing_value', 'case_id'];
		if (reported === null) return ['missing_value', 'reported_on'];
		if (group === null) return ['missing_value', 'group_code'];
		if (category === null) return ['missing_value', 'category'];
		if (status === null) return ['missing_value', 'status'];
		if (reported === UNREADABLE) return ['invalid_date', 'reported_on'];
		if (reported > today) return ['future_date', 'reported_on'];
		const resolved = resolvedDays[resolvedCodes[row]];
		if (resolved === UNREADABLE) return ['invalid_date', 'resolved_on'];
		if (resolved !== null && resolved > today) return ['future_date', 'resolved_on'];
		if (resolved !== null && resolved < reported) return ['resolved_before_reported', 'resolved_on'];
		if (group === UNREADABLE || !groups.has(group)) return ['unknown_group', 'group_code'];
		if (category === UNREADABLE || !categories.has(category)) return ['unknown_category', 'category'];
		if (status === UNREADABLE || !statuses.has(status)) return ['unknown_status', 'status'];
		const source = sourceCodes[sourceRows[row]];
		if (source !== null && (source === UNREADABLE || !sources.has(source))) return ['unknown_source', 'source'];
		const severity = severities[severityCodes[row]];
		if (severity !== null && (severity === UNREADABLE || !(severity >= 1 && severity <= 3))) return ['invalid_number', 'severity'];
		if (repeats[repeatCodes[row]] === UNREADABLE) return ['invalid_value', 'repeat'];
		const lat = lats[latCodes[row]];
		const lon = lons[lonCodes[row]];
		if (lat === UNREADABLE) return ['invalid_number', 'lat'];
		if (lon === UNREADABLE) return ['invalid_number', 'lon'];
		if (lat !== null && !(lat >= south - COORDINATE_MARGIN && lat <= north + COORDINATE_MARGIN)) return ['outside_ward', 'lat'];
		if (lon !== null && !(lon >= west - COORDINATE_MARGIN && lon <= east + COORDINATE_MARGIN)) return ['outside_ward', 'lon'];
		return null;
	};

	const repeated = repeatedIds(cases.case_id);
	const accepted = new Int32Array(cases.rowCount);
	let acceptedCount = 0;
	const rejections: Rejection[] = [];
	for (let row = 0; row < cases.rowCount; row++) {
		const failure = firstFailure(row);
		if (failure) rejections.push({ line: cases.lines[row], reason: failure[0], field: failure[1] });
		else if (repeated[row]) rejections.push({ line: cases.lines[row], reason: 'duplicate_id', field: 'case_id' });
		else accepted[acceptedCount++] = row;
	}
	return { accepted: accepted.subarray(0, acceptedCount), rejections };
}

/**
 * For each row, 1 when an earlier row has the same id — whether or not that earlier row is accepted: the id is
 * taken by its first row. Equal ids are found by an open-addressing table of the ids' FNV-1a hashes, which a
 * million fresh strings fill several times faster than a `Set`.
 */
function repeatedIds({ answers, codes }: CanonicalField<string>): Uint8Array {
	// Answers that are equal strings share the index of the first of them.
	const sameAs = new Int32Array(answers.length);
	let size = 16;
	while (size < 2 * answers.length) size *= 2;
	const slots = new Int32Array(size).fill(-1);
	answers.forEach((answer, index) => {
		sameAs[index] = index;
		if (typeof answer !== 'string') return;
		let hash = 0x811c9dc5;
		for (let c = 0; c < answer.length; c++) hash = Math.imul(hash ^ answer.charCodeAt(c), 0x01000193);
		for (let slot = hash & (size - 1); ; slot = (slot + 1) & (size - 1)) {
			const other = slots[slot];
			if (other === -1) {
				slots[slot] = index;
				return;
			}
			if (answers[other] === answer) {
				sameAs[index] = other;
				return;
			}
		}
	});
	const seen = new Uint8Array(answers.length);
	const repeated = new Uint8Array(codes.length);
	for (let row = 0; row < codes.length; row++) {
		const answer = codes[row];
		if (typeof answers[answer] !== 'string') continue;
		const key = sameAs[answer];
		repeated[row] = seen[key];
		seen[key] = 1;
	}
	return repeated;
}
