import { normaliseLabel } from '../schema/dictionary';
import { isBlank } from './values';

export const PERSONAL_DATA_KINDS = ['name', 'phone', 'citizen_id', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** A column that looks like personal data. Counts only: the values themselves never leave the scan. */
export interface PersonalDataFinding {
	column: number;
	header: string;
	kind: PersonalDataKind;
	/** Sampled non-empty values of this column that look like this kind. */
	matches: number;
	/** Sampled non-empty values of this column. */
	of: number;
	/** The header itself names this kind (`Họ tên`, `SĐT`, `CCCD`, `Địa chỉ` …). */
	byHeader: boolean;
}

export interface PersonalDataScanOptions {
	/**
	 * Columns whose values are not checked (their header still is): the column mapped to `case_id`, whose
	 * digits-only ids could otherwise pass for a CMND, CCCD or phone number.
	 */
	ignoreColumns?: readonly number[];
	/** How many rows to look at, spread evenly over the file. */
	sampleSize?: number;
}

/**
 * When values flag a column. A single phone or citizen-id number is personal data wherever it appears, even in
 * one free-text note. Names and addresses are fuzzier patterns, so they need a fifth of the column.
 */
export const PERSONAL_DATA_THRESHOLDS = {
	phone: { minMatches: 1, minShare: 0 },
	citizen_id: { minMatches: 1, minShare: 0 },
	name: { minMatches: 1, minShare: 0.2 },
	address: { minMatches: 1, minShare: 0.2 }
} as const satisfies Record<PersonalDataKind, { minMatches: number; minShare: number }>;

export const DEFAULT_SAMPLE_SIZE = 5000;

/**
 * Finds the columns that look like personal names, phone numbers, citizen ids (CCCD, CMND) or house
 * addresses, by their header or by their values. One finding per column and kind, in column order. Only the
 * first `headers.length` columns are scanned.
 */
export function scanPersonalData(
	headers: readonly string[],
	rows: readonly (readonly unknown[])[],
	options: PersonalDataScanOptions = {}
): PersonalDataFinding[] {
	const ignored = new Set(options.ignoreColumns ?? []);
	const sample = sampleRows(rows, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
	const findings: PersonalDataFinding[] = [];
	headers.forEach((header, column) => {
		const headerKinds = kindsOfHeader(header);
		const matches: Record<PersonalDataKind, number> = { name: 0, phone: 0, citizen_id: 0, address: 0 };
		let of = 0;
		// A column repeats its values (labels, dates, groups): each is looked at once.
		const seen = new Map<string, Set<PersonalDataKind>>();
		for (const row of sample) {
			const value = row[column];
			if (isBlank(value)) continue;
			of += 1;
			if (ignored.has(column)) continue;
			const text = cellText(value);
			let kinds = seen.get(text);
			if (!kinds) seen.set(text, (kinds = kindsOfValue(text)));
			for (const kind of kinds) matches[kind] += 1;
		}
		for (const kind of PERSONAL_DATA_KINDS) {
			const byHeader = headerKinds.has(kind);
			const { minMatches, minShare } = PERSONAL_DATA_THRESHOLDS[kind];
			const byValues = matches[kind] >= minMatches && matches[kind] >= minShare * of;
			if (byHeader || byValues) findings.push({ column, header, kind, matches: matches[kind], of, byHeader });
		}
	});
	return findings;
}

function sampleRows<T>(rows: readonly T[], size: number): readonly T[] {
	return sampleIndices(rows.length, size).map((index) => rows[index]);
}

/** Up to `size` row indices spread evenly over `count` rows: every row when there are no more than `size`. */
export function sampleIndices(count: number, size: number): number[] {
	const taken = Math.min(count, size);
	return Array.from({ length: taken }, (_, i) => Math.floor((i * count) / taken));
}

function cellText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	return String(value);
}

/* Headers, folded by normaliseLabel. Short or everyday words count only as the whole header. */

const HEADER_WHOLE: Record<PersonalDataKind, string[]> = {
	name: ['ten', 'nguoi', 'name', 'hoten', 'ong ba'],
	phone: ['dt', 'tel', 'mobile', 'dtdd', 'lien he', 'contact'],
	citizen_id: ['cmt', 'id card'],
	address: ['nha', 'noi o', 'cho o']
};

const HEADER_WORDS: Record<PersonalDataKind, string[]> = {
	name: [
		'ho ten',
		'ho va ten',
		'ten nguoi',
		'bi don',
		'nguyen don',
		'chu ho',
		'cac ben',
		'ben tranh chap',
		'ben yeu cau',
		'ben bi yeu cau',
		'doi tuong',
		'full name',
		'person name',
		'first name',
		'last name',
		'surname',
		'resident name'
	],
	phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'di dong', 'phone', 'telephone', 'zalo'],
	citizen_id: [
		'cccd',
		'cmnd',
		'can cuoc',
		'chung minh nhan dan',
		'so dinh danh',
		'ma dinh danh',
		'dinh danh ca nhan',
		'ho chieu',
		'citizen id',
		'national id',
		'passport'
	],
	address: ['dia chi', 'so nha', 'nha so', 'address', 'noi cu tru', 'thuong tru', 'tam tru', 'ho khau', 'street']
};

/** The kinds a header names. A header starting with `người` (người yêu cầu, người tiếp nhận …) is a name. */
export function kindsOfHeader(header: string): Set<PersonalDataKind> {
	const folded = normaliseLabel(header);
	const padded = ` ${folded} `;
	const kinds = new Set<PersonalDataKind>();
	for (const kind of PERSONAL_DATA_KINDS) {
		if (HEADER_WHOLE[kind].includes(folded) || HEADER_WORDS[kind].some((words) => padded.includes(` ${words} `))) {
			kinds.add(kind);
		}
	}
	if (folded.startsWith('nguoi ')) kinds.add('name');
	return kinds;
}

/* Values. Digits must not touch other letters or digits, nor be the decimals of a number (21.003512345). */

const BEFORE = String.raw`(?<![\p{L}\p{N}])(?<!\d[.,])`;
const AFTER = String.raw`(?![\p{L}\p{N}])(?![.,]\d)`;
const SEP = String.raw`[ .\-]?`;

/**
 * Vietnamese phone numbers: mobiles 0[35789] + 8 digits and landlines 02 + 9 digits, or the same after +84, 84
 * or (+84) instead of the 0, written whole or in the usual groups (`0912 345 678`, `091.234.5678`,
 * `+84 912 345 678`). The groups are fixed so that a date such as `05.03.2020 09:00` is not a phone.
 */
const PHONE = new RegExp(
	BEFORE +
		String.raw`(?:0|\+84${SEP}|84${SEP}|\(\+?84\)${SEP})` +
		String.raw`(?:[35789]\d(?:\d{7}|\d${SEP}\d{3}${SEP}\d{3}|${SEP}\d{3}${SEP}\d{4})` +
		String.raw`|2\d(?:\d{8}|${SEP}\d{4}${SEP}\d{4}|\d${SEP}\d{3}${SEP}\d{4}))` +
		AFTER,
	'u'
);

/**
 * CCCD: 12 digits starting with 0 (the first three are a province code, 001–096). CMND: 9 digits. Numbers ending
 * in 000 are left out: they are sums of money (150000000 đồng), and one CMND in a thousand ends so.
 */
const CITIZEN_ID = new RegExp(`${BEFORE}(?:0\\d{11}|\\d{9})${AFTER}`, 'gu');

const SURNAMES = [
	'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
	'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lương', 'Mai', 'Cao', 'Tạ', 'Lâm', 'Hà', 'Trương', 'Tô', 'Đào', 'Chu', 'Lưu',
	'Quách', 'Thái', 'Triệu', 'Vương', 'Hứa', 'Phùng', 'Kiều', 'Tăng', 'Đàm', 'Khúc', 'Nghiêm', 'Châu', 'Từ'
];
/*
 * Without diacritics, a few surnames are everyday words written capitalised (`To` for Tổ, `Ha`, `Ta`, `Tu`,
 * `Chau`, `Thai`): only the unambiguous ones count.
 */
const AMBIGUOUS_UNACCENTED = new Set(['To', 'Ha', 'Ta', 'Tu', 'Chau', 'Thai']);
const UNACCENTED_SURNAMES = [
	...new Set(
		SURNAMES.map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').replace('Đ', 'D')).filter(
			(name) => !AMBIGUOUS_UNACCENTED.has(name)
		)
	)
];
const SURNAME_FORMS = [...new Set([...SURNAMES, ...UNACCENTED_SURNAMES])].sort((a, b) => b.length - a.length);

/**
 * A personal name: a common surname followed by one to four more words, every word capitalised (or the whole
 * name in capitals), each at most seven letters as Vietnamese syllables are. Found anywhere in the value, so
 * `Ông Nguyễn Văn A lấn chiếm lối đi` counts.
 */
const NAME = new RegExp(
	String.raw`(?<![\p{L}\p{M}])(?:${SURNAME_FORMS.join('|')})(?:[ \t]+\p{Lu}\p{Ll}{0,6}){1,4}(?![\p{L}\p{M}])`,
	'u'
);
const NAME_IN_CAPITALS = new RegExp(
	String.raw`(?<![\p{L}\p{M}])(?:${SURNAME_FORMS.map((name) => name.toUpperCase()).join('|')})(?:[ \t]+\p{Lu}{1,7}){1,4}(?![\p{L}\p{M}])`,
	'u'
);

/**
 * House addresses, on the value folded to lower case without diacritics: `số nhà`, `nhà số 5`, `ngõ 34`,
 * `ngách 5`, `hẻm 12`, `kiệt 7`, `số 12 ngõ …`, `số 5 đường …`, `đường 3/2`, `phố 12`. `Khu phố 3` and
 * `tổ dân phố 5` are residential units, not addresses.
 */
const ADDRESS = [
	/\bso nha\b/,
	/\bnha so\s*\d/,
	/\b(?:ngo|ngach|hem|kiet)\s*(?:so\s*)?\d+/,
	/\bso\s*\d+[a-z]?(?:\/\d+[a-z]?)*\s*[,-]?\s*(?:ngo|ngach|hem|kiet|duong|pho)\b/,
	/(?<!\bkhu |\bdan )\b(?:duong|pho)\s+(?:so\s+)?\d+/
];

/** The kinds a single value looks like. */
export function kindsOfValue(value: string): Set<PersonalDataKind> {
	const text = value.normalize('NFC');
	const kinds = new Set<PersonalDataKind>();
	if (PHONE.test(text)) kinds.add('phone');
	for (const [id] of text.matchAll(CITIZEN_ID)) {
		if (!id.endsWith('000')) {
			kinds.add('citizen_id');
			break;
		}
	}
	if (NAME.test(text) || NAME_IN_CAPITALS.test(text)) kinds.add('name');
	const folded = text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd');
	if (ADDRESS.some((pattern) => pattern.test(folded))) kinds.add('address');
	return kinds;
}
