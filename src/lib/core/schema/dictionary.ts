import { CASE_COLUMNS, type CaseRecord } from './model';

/**
 * A field a cases file can bring: a column of the `cases` table, or the case's ward, which is only checked against
 * its group's ward (`checkCases`) and not kept: a case's ward is its group's.
 */
export type CaseField = keyof CaseRecord | 'ward_code';
export const CASE_FIELDS = [...CASE_COLUMNS, 'ward_code'] as const satisfies readonly CaseField[];

/** The columns a residential-groups table (CSV or spreadsheet) can bring. */
export const GROUP_FIELDS = ['group_code', 'name', 'population', 'households', 'lat', 'lon', 'ward_code', 'ward_name'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/**
 * Folds a header or a label to the form it is compared in: lower case, Vietnamese diacritics removed
 * (`đ` becomes `d`), every run of anything that is not a letter or a digit (spaces, `_`, `-`, `.`, `/`,
 * brackets, commas …) one space, no space at either end. Both tone-mark placements (`hòa`, `hoà`) fold to `hoa`.
 * Idempotent.
 */
export function normaliseLabel(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFD')
			.replace(/\p{M}+/gu, '')
			// Ð (U+00D0, Icelandic eth) stands in for Đ in some legacy exports; both look the same.
			.replace(/[đð]/g, 'd')
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim()
	);
}

/**
 * Headers seen for each case field, most preferred first: SPEC §2.3c, the canonical names, English variants and
 * the Vietnamese forms of ward exports. Compared after `normaliseLabel`, so diacritics and case do not matter.
 * No two case fields share a synonym.
 */
export const FIELD_SYNONYMS: Record<CaseField, string[]> = {
	case_id: [
		'case_id',
		'Mã vụ việc',
		'Mã hồ sơ',
		'Số hồ sơ',
		'STT hồ sơ',
		'Số TT hồ sơ',
		'Số thứ tự hồ sơ',
		'Mã số hồ sơ',
		'Mã vụ',
		'Số vụ việc',
		'Mã số vụ việc',
		'Mã đơn',
		'Số đơn',
		'case number',
		'case no',
		'case code',
		'case ref',
		'record id',
		'ID'
	],
	reported_on: [
		'reported_on',
		'Ngày tiếp nhận',
		'Ngày xảy ra',
		'Ngày phát sinh',
		'Ngày ghi nhận',
		'Ngày nhận',
		'Ngày nhận đơn',
		'Ngày phát hiện',
		'Ngày báo cáo',
		'Ngày phản ánh',
		'Thời gian tiếp nhận',
		'Thời gian xảy ra',
		'Ngày',
		'date reported',
		'reported date',
		'report date',
		'date received',
		'received date',
		'received on',
		'date'
	],
	group_code: [
		'group_code',
		'Tổ dân phố',
		'Tổ',
		'Mã tổ',
		'TDP',
		'Tổ DP',
		'Mã TDP',
		'Mã tổ dân phố',
		'Tổ số',
		'Số tổ',
		'Tổ dân cư',
		'group',
		'group id',
		'residential group'
	],
	category: [
		'category',
		'Loại mâu thuẫn',
		'Lĩnh vực',
		'Loại vụ việc',
		'Phân loại',
		'Loại việc',
		'Loại tranh chấp',
		'Loại mâu thuẫn tranh chấp',
		'Lĩnh vực mâu thuẫn',
		'Nhóm mâu thuẫn',
		'Phân loại vụ việc',
		'Loại',
		'category code',
		'case type',
		'conflict type',
		'type'
	],
	status: [
		'status',
		'Tình trạng',
		'Kết quả',
		'Trạng thái',
		'Kết quả giải quyết',
		'Kết quả hòa giải',
		'Tình trạng giải quyết',
		'Tình hình giải quyết',
		'Tiến độ',
		'state',
		'outcome',
		'result'
	],
	resolved_on: [
		'resolved_on',
		'Ngày giải quyết',
		'Ngày kết thúc',
		'Ngày hòa giải thành',
		'Ngày hòa giải',
		'Ngày giải quyết xong',
		'Ngày hoàn thành',
		'Ngày đóng',
		'Ngày kết thúc vụ việc',
		'resolved date',
		'date resolved',
		'resolution date',
		'closed date',
		'date closed',
		'closed on'
	],
	severity: [
		'severity',
		'Mức độ',
		'Mức độ nguy cơ',
		'Mức độ nghiêm trọng',
		'Mức nguy cơ',
		'Nguy cơ',
		'Cấp độ',
		'Mức độ phức tạp',
		'severity level',
		'risk level',
		'risk'
	],
	source: [
		'source',
		'Nguồn phát hiện',
		'Nguồn tin',
		'Nguồn',
		'Nguồn tiếp nhận',
		'Hình thức tiếp nhận',
		'Phát hiện qua',
		'detection source',
		'detected by',
		'channel'
	],
	repeat: [
		'repeat',
		'Tái diễn',
		'Tái phát',
		'Lặp lại',
		'Tái diễn nhiều lần',
		'Vụ việc tái diễn',
		'Đã từng xảy ra',
		'repeated',
		'repeat case',
		'recurring',
		'recurrence'
	],
	lat: ['lat', 'Vĩ độ', 'latitude', 'toạ độ y', 'y'],
	lon: ['lon', 'Kinh độ', 'longitude', 'lng', 'long', 'toạ độ x', 'x'],
	ward_code: ['ward_code', 'Mã phường', 'Mã phường xã', 'Mã xã phường', 'Phường', 'Phường xã', 'Xã phường', 'ward id', 'ward']
};

/** Headers of a residential-groups table, most preferred first. `Tổ dân phố` is a code first, a name second. */
export const GROUP_FIELD_SYNONYMS: Record<GroupField, string[]> = {
	group_code: [
		'group_code',
		'Mã tổ',
		'Mã TDP',
		'Mã tổ dân phố',
		'Số tổ',
		'Tổ số',
		'Tổ dân phố',
		'Tổ',
		'TDP',
		'Tổ DP',
		'group',
		'group id',
		'code',
		'Mã',
		'ID'
	],
	name: [
		'name',
		'Tên tổ',
		'Tên tổ dân phố',
		'Tên TDP',
		'Tên',
		'Tổ dân phố',
		'group name'
	],
	population: [
		'population',
		'Số nhân khẩu',
		'Nhân khẩu',
		'Dân số',
		'Số dân',
		'Tổng số nhân khẩu',
		'Số khẩu',
		'residents',
		'inhabitants'
	],
	households: ['households', 'Số hộ', 'Hộ', 'Số hộ gia đình', 'Tổng số hộ', 'Hộ gia đình', 'household count'],
	lat: ['lat', 'Vĩ độ', 'latitude', 'toạ độ y', 'y'],
	lon: ['lon', 'Kinh độ', 'longitude', 'lng', 'long', 'toạ độ x', 'x'],
	ward_code: ['ward_code', 'Mã phường', 'Mã phường xã', 'Mã xã phường', 'ward id'],
	ward_name: ['ward_name', 'Tên phường', 'Phường', 'Phường xã', 'Xã phường', 'Tên phường xã', 'ward']
};

/** A proposed column mapping: for each field the index of its header, and the headers no field took. */
export interface ProposedMapping<F extends string> {
	mapping: Record<F, number | null>;
	unmatched: number[];
}

/**
 * Proposes which header feeds each case field. See `proposeFieldMapping` for how ties are settled.
 */
export function proposeMapping(headers: readonly string[]): ProposedMapping<CaseField> {
	return proposeFieldMapping(headers, CASE_FIELDS, FIELD_SYNONYMS);
}

/** Proposes which header feeds each field of a residential-groups table. */
export function proposeGroupMapping(headers: readonly string[]): ProposedMapping<GroupField> {
	return proposeFieldMapping(headers, GROUP_FIELDS, GROUP_FIELD_SYNONYMS);
}

/**
 * A stable key for a header list, to remember a confirmed mapping for the next file with the same headers.
 * Headers are compared folded (`Mã vụ việc` and `MA VU VIEC` give the same key) and in order, because a mapping
 * is a list of column indices.
 */
export function mappingKey(headers: readonly string[]): string {
	return JSON.stringify(headers.map(normaliseLabel));
}

/*
 * Match tiers, strongest first:
 *   exact    the folded header equals a folded synonym;
 *   prefix   the folded header starts with a synonym followed by a space ("ngay tiep nhan don" ← "ngay tiep nhan");
 *   contains the synonym appears inside the header as whole words ("cap nhat tinh trang" ← "tinh trang").
 * Only synonyms of at least five characters or two words take part in the prefix and contains tiers, so `id`,
 * `to`, `lat`, `x` never match part of a longer header.
 */
const EXACT = 0;
const PREFIX = 1;
const CONTAINS = 2;

/**
 * Assigns headers to fields, deterministically:
 *   1. tier by tier (every exact match is settled before any prefix match, so a header that is exactly a
 *      synonym of one field is never taken by a looser match of another);
 *   2. within a tier, fields in their declared order (for cases, the order of `CASE_COLUMNS`) each take the
 *      best still-free header: the one matching the synonym earliest in that field's list, then the leftmost;
 *   3. a header feeds at most one field; a field takes at most one header.
 */
export function proposeFieldMapping<F extends string>(
	headers: readonly string[],
	fields: readonly F[],
	synonyms: Record<F, readonly string[]>
): ProposedMapping<F> {
	const folded = headers.map(normaliseLabel);
	const mapping = Object.fromEntries(fields.map((field) => [field, null])) as Record<F, number | null>;
	const used = new Set<number>();
	for (const tier of [EXACT, PREFIX, CONTAINS]) {
		for (const field of fields) {
			if (mapping[field] !== null) continue;
			let best: { rank: number; index: number } | null = null;
			for (const [rank, synonym] of synonyms[field].entries()) {
				const target = normaliseLabel(synonym);
				for (const [index, header] of folded.entries()) {
					if (used.has(index) || header === '' || !matches(header, target, tier)) continue;
					if (best === null || rank < best.rank || (rank === best.rank && index < best.index)) best = { rank, index };
				}
			}
			if (best !== null) {
				mapping[field] = best.index;
				used.add(best.index);
			}
		}
	}
	const unmatched = headers.map((_, index) => index).filter((index) => !used.has(index));
	return { mapping, unmatched };
}

function matches(header: string, synonym: string, tier: number): boolean {
	if (tier === EXACT) return header === synonym;
	if (synonym.length < 5 && !synonym.includes(' ')) return false;
	if (tier === PREFIX) return header.startsWith(`${synonym} `);
	return ` ${header} `.includes(` ${synonym} `);
}
