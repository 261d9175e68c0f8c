import { CATEGORY_CODES, type CategoryCode } from '../schema/categories';
import { normaliseLabel } from '../schema/dictionary';
import { SOURCE_CODES, type SourceCode } from '../schema/sources';
import { STATUS_CODES, type StatusCode } from '../schema/statuses';

/*
 * Every parser returns null when it has no value to give. To tell an empty cell from an unreadable one, ask
 * `isBlank` first: blank → the value is missing; not blank and the parser says null → the value is invalid.
 * Nothing here evaluates or interprets text: `=HYPERLINK(…)` or `<img …>` stay the characters they are.
 */

/** Empty, or only white space (including no-break and zero-width spaces and a stray BOM). */
export function isBlank(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	return typeof value === 'string' && BLANK_TEXT.test(value);
}

const BLANK_TEXT = /^[\s\u200b\ufeff]*$/;
/** Printable ASCII without white space at either end: already trimmed and in NFC, as most cells are. */
const PLAIN_ASCII = /^[!-~](?:[ -~]*[!-~])?$/;

/**
 * A text value as stored: trimmed, in Unicode NFC (so `Tổ 1` typed on a Mac equals `Tổ 1` typed on Windows),
 * otherwise untouched. Null when blank.
 */
export function parseText(value: unknown): string | null {
	if (typeof value === 'string' && PLAIN_ASCII.test(value)) return value;
	if (isBlank(value)) return null;
	const text = value instanceof Date ? value.toISOString() : String(value);
	return text.trim().normalize('NFC');
}

/** Labels each category is written as (SPEC §2.3 and shorter forms); matched folded, whole label only. */
export const CATEGORY_LABELS: Record<CategoryCode, string[]> = {
	land: [
		'Đất đai, ranh giới, lối đi chung',
		'Land, boundaries, shared passageways',
		'Đất đai',
		'Tranh chấp đất đai',
		'Mâu thuẫn đất đai',
		'Đất đai, ranh giới',
		'Ranh giới',
		'Ranh giới đất',
		'Lối đi chung',
		'Lối đi',
		'Land',
		'Boundaries',
		'Boundary',
		'Shared passageway'
	],
	family: [
		'Hôn nhân và gia đình',
		'Marriage and family',
		'Hôn nhân gia đình',
		'Hôn nhân, gia đình',
		'HNGĐ',
		'Gia đình',
		'Hôn nhân',
		'Mâu thuẫn gia đình',
		'Family',
		'Marriage'
	],
	neighbour: [
		'Hàng xóm, sinh hoạt (điện, nước, vệ sinh)',
		'Neighbours and daily life (power, water, hygiene)',
		'Hàng xóm, sinh hoạt',
		'Hàng xóm',
		'Mâu thuẫn hàng xóm',
		'Hàng xóm láng giềng',
		'Láng giềng',
		'Sinh hoạt',
		'Neighbours and daily life',
		'Neighbours',
		'Neighbour',
		'Neighbors',
		'Neighbor'
	],
	civil: [
		'Dân sự: vay mượn, hợp đồng, thừa kế',
		'Civil: loans, contracts, inheritance',
		'Dân sự',
		'Tranh chấp dân sự',
		'Vay mượn',
		'Hợp đồng',
		'Thừa kế',
		'Civil'
	],
	construction: [
		'Xây dựng, trật tự đô thị',
		'Construction and urban order',
		'Xây dựng',
		'Trật tự đô thị',
		'Trật tự xây dựng',
		'Construction'
	],
	environment: [
		'Môi trường, tiếng ồn',
		'Environment and noise',
		'Môi trường',
		'Tiếng ồn',
		'Ô nhiễm',
		'Environment',
		'Noise'
	],
	spontaneous: [
		'Va chạm bột phát (cãi vã, giao thông, rượu bia)',
		'Spontaneous clashes (quarrels, traffic, alcohol)',
		'Va chạm bột phát',
		'Va chạm',
		'Bột phát',
		'Cãi vã',
		'Spontaneous clashes',
		'Spontaneous',
		'Clash'
	],
	other: ['Khác', 'Other', 'Loại khác', 'Vụ việc khác']
};

/** Labels each status is written as (SPEC §2.3b and close variants); matched folded, whole label only. */
export const STATUS_LABELS: Record<StatusCode, string[]> = {
	received: [
		'Mới tiếp nhận',
		'Tiếp nhận',
		'Đã tiếp nhận',
		'Chưa giải quyết',
		'Chưa hòa giải',
		'Mới',
		'Received',
		'New'
	],
	mediating: [
		'Đang hòa giải',
		'Đang giải quyết',
		'Đang xử lý',
		'Đang thụ lý',
		'Đang xác minh',
		'Mediating',
		'In mediation',
		'In progress'
	],
	resolved: [
		'Đã hòa giải thành',
		'Hòa giải thành',
		'Hòa giải thành công',
		'Đã hòa giải thành công',
		'Đã giải quyết',
		'Đã giải quyết xong',
		'Giải quyết xong',
		'Resolved',
		'Settled'
	],
	transferred: [
		'Chuyển cơ quan chức năng',
		'Chuyển cấp trên',
		'Chuyển tòa án',
		'Chuyển tòa',
		'Đã chuyển cơ quan chức năng',
		'Đã chuyển cấp trên',
		'Đã chuyển tòa án',
		'Chuyển công an',
		'Chuyển UBND',
		'Transferred',
		'Referred'
	],
	escalated: [
		'Phát sinh vụ án',
		'Phát sinh vi phạm hành chính',
		'Chuyển hóa thành vụ án',
		'Phát sinh vụ án hình sự',
		'Thành vụ án',
		'Escalated'
	],
	unresolved: [
		'Hòa giải không thành',
		'Không thành',
		'Kết thúc không hòa giải được',
		'Hòa giải không thành công',
		'Không hòa giải được',
		'Unresolved',
		'Not settled'
	]
};

/** Labels of how a case was detected. */
export const SOURCE_LABELS: Record<SourceCode, string[]> = {
	resident: ['Người dân', 'Nhân dân', 'Dân báo', 'Người dân phản ánh', 'Đơn thư', 'Resident', 'Residents'],
	patrol: ['Tuần tra', 'Công an', 'Công an khu vực', 'Tuần tra, kiểm tra', 'Patrol', 'Police'],
	mediation_team: ['Tổ hòa giải', 'Hòa giải viên', 'Mediation team', 'Mediators', 'Mediator'],
	group_head: ['Tổ trưởng', 'Tổ trưởng tổ dân phố', 'Tổ trưởng TDP', 'Trưởng tổ', 'Group head'],
	hotline: ['Đường dây nóng', 'Hotline', 'Điện thoại'],
	other: ['Khác', 'Other', 'Nguồn khác']
};

function labelLookup<C extends string>(codes: readonly C[], labels: Record<C, string[]>): Map<string, C> {
	const lookup = new Map<string, C>();
	for (const code of codes) {
		for (const label of [code, code.replace(/_/g, ' '), ...labels[code]]) lookup.set(normaliseLabel(label), code);
	}
	return lookup;
}

const CATEGORY_LOOKUP = labelLookup(CATEGORY_CODES, CATEGORY_LABELS);
const STATUS_LOOKUP = labelLookup(STATUS_CODES, STATUS_LABELS);
const SOURCE_LOOKUP = labelLookup(SOURCE_CODES, SOURCE_LABELS);

/**
 * A category code from a code or a label, any case, with or without diacritics. Only whole labels match —
 * `Đất đai` yes, `Tranh chấp đất đai ở tổ 3` no: an unknown label is null and goes to the user, never guessed.
 */
export function parseCategory(text: string): CategoryCode | null {
	return CATEGORY_LOOKUP.get(normaliseLabel(text)) ?? null;
}

/**
 * A status code from a code or a label. Whole labels only, so `Hòa giải không thành` (unresolved) can never be
 * read as `Hòa giải thành` (resolved), nor `Chưa giải quyết` (received) as `Đã giải quyết`.
 */
export function parseStatus(text: string): StatusCode | null {
	return STATUS_LOOKUP.get(normaliseLabel(text)) ?? null;
}

export function parseSource(text: string): SourceCode | null {
	return SOURCE_LOOKUP.get(normaliseLabel(text)) ?? null;
}

const TRUE_WORDS = new Set(['co', 'x', '1', 'true', 'yes', 'y', 'dung']);
const FALSE_WORDS = new Set(['khong', '0', 'false', 'no', 'n', 'sai']);
const CHECK_MARKS = new Set(['✓', '✔', '☑']);

/**
 * `Có`/`Không`, `x`, `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`, `đúng`/`sai` → true/false; `✓` → true.
 * Blank → null, or false with `blankIsFalse` (a column of `x` marks, where blank means no: see `isCheckboxColumn`).
 * Anything else → null (invalid; `isBlank` tells the two apart).
 */
export function parseBoolean(value: unknown, options: { blankIsFalse?: boolean } = {}): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
	if (isBlank(value)) return options.blankIsFalse ? false : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	if (CHECK_MARKS.has(trimmed)) return true;
	const word = normaliseLabel(trimmed);
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return null;
}

/**
 * True when a column marks "yes" with `x` (or a check mark) and leaves "no" blank: every non-blank value is such
 * a mark, and there is at least one.
 */
export function isCheckboxColumn(values: readonly unknown[]): boolean {
	let marks = 0;
	for (const value of values) {
		if (isBlank(value)) continue;
		const text = String(value).trim().toLowerCase();
		if (text !== 'x' && !CHECK_MARKS.has(text)) return false;
		marks += 1;
	}
	return marks > 0;
}

/* Dates. */

const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31
const DAY_MS = 86_400_000;
const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:[AaPp][Mm]|Z|[+-]\d{2}:?\d{2}))?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME_SUFFIX}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME_SUFFIX}$`);
const WORDED = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/;

/**
 * A calendar date as ISO `YYYY-MM-DD`, or null. Accepted:
 * - text `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` (the same separator twice), `d/m/yy`,
 *   `yyyy-mm-dd` (also `/` or `.`), `ngày 13 tháng 01 năm 2020`; a time of day after the date is ignored.
 *   Day first, always: `01/13/2020` is null, never 13 January. A two-digit year `yy` is in the reference
 *   century when yy ≤ (reference year mod 100) + 1, else in the century before: with reference year 2025,
 *   `26` → 2026 and `27` → 1927. Four-digit years from 1900 to 9999.
 * - a number: an Excel serial date of the 1900 date system (see `excelSerialToIso`).
 * - text of five digits, optionally with a fraction (`43891`, `43891.5`, `43891,5`), that is the serial of a day
 *   from 1990 to 2100: a date column saved as "General" in Excel, then as CSV (see `SERIAL_TEXT`).
 * - a Date: an Excel date cell as a spreadsheet reader gives it, at UTC midnight of the calendar date, so the
 *   UTC year, month and day are taken (a time of day in the cell does not move the date).
 * Impossible dates (`30/02/2020`, `31/04/2020`) are null. Other digits-only text is null (`20200113` may be
 * `yyyymmdd`, `15` a typo): a date is never guessed. `isExcelSerial` tells which cells were read as serials.
 */
export function parseDate(value: string | number | Date, referenceYear = new Date().getFullYear()): string | null {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
	}
	if (typeof value === 'number') return excelSerialToIso(value);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	let match = YEAR_FIRST.exec(text);
	if (match) return isoDate(Number(match[1]), Number(match[3]), Number(match[4]));
	match = DAY_FIRST.exec(text);
	if (match) {
		const yearText = match[4];
		const year = yearText.length === 2 ? expandTwoDigitYear(Number(yearText), referenceYear) : Number(yearText);
		return isoDate(year, Number(match[3]), Number(match[1]));
	}
	match = WORDED.exec(normaliseLabel(text));
	if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
	return serialText(text);
}

/**
 * Serials written as text, read only from 32874 (1990-01-01) to 73415 (2100-12-31): any ward's cases lie there,
 * while a number outside is more likely a typo or another column than a date. Excel's 1900 date system counts
 * 1900-01-01 as serial 1 and keeps Lotus 1-2-3's phantom 1900-02-29 as serial 60 (Microsoft, "Excel incorrectly
 * assumes that the year 1900 is a leap year", KB 214326): that serial lies far below this range, but every serial
 * of the range is one day less than its count of days since 1899-12-31, so 43891 is 2020-03-01, not 2020-03-02.
 */
const SERIAL_TEXT = /^(\d{5})(?:[.,]\d+)?$/;
const FIRST_SERIAL = 32874;
const LAST_SERIAL = 73415;

function serialText(text: string): string | null {
	const match = SERIAL_TEXT.exec(text);
	const day = match ? Number(match[1]) : 0;
	return day >= FIRST_SERIAL && day <= LAST_SERIAL ? excelSerialToIso(day) : null;
}

/**
 * Whether a date cell is an Excel day number (a typed number, or digits as text) rather than a written date:
 * the import report counts the dates read from such cells, for the user to check them.
 */
export function isExcelSerial(value: unknown): boolean {
	return typeof value === 'number' || (typeof value === 'string' && SERIAL_TEXT.test(value.trim()));
}

function expandTwoDigitYear(yy: number, referenceYear: number): number {
	const century = Math.floor(referenceYear / 100) * 100;
	return yy <= (referenceYear % 100) + 1 ? century + yy : century - 100 + yy;
}

/**
 * An Excel serial date (1900 date system) as ISO. Serial 1 is 1900-01-01. Excel keeps Lotus 1-2-3's phantom
 * 1900-02-29 as serial 60: that serial is null, and every serial after it is one day less than its count of
 * days since 1899-12-31. Only the integer part counts (the fraction is the time of day). Plausible range
 * 1 … 2958465 (9999-12-31); anything else is null.
 */
export function excelSerialToIso(serial: number): string | null {
	if (!Number.isFinite(serial)) return null;
	const day = Math.floor(serial);
	if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return null;
	const daysSince18991231 = day < 60 ? day : day - 1;
	const date = new Date(Date.UTC(1899, 11, 31) + daysSince18991231 * DAY_MS);
	return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function isoDate(year: number, month: number, day: number): string | null {
	if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
	if (day > daysInMonth(year, month)) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/* Numbers. */

const SPACES = /[\s\u00a0\u202f\u2009]/;
const GROUPED_BY_SPACE = /^\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;
const GROUPED_BY_DOTS = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/;
const GROUPED_BY_COMMAS = /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/;
const DOTS_THEN_COMMA = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMAS_THEN_DOT = /^\d{1,3}(?:,\d{3})+\.\d+$/;
const PLAIN = /^\d+(?:[.,]\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * A number from a cell. Numbers pass through when finite. Text is read by these rules, and anything else is
 * null (a formula such as `=1+1` is text, not evaluated):
 * - an optional sign (`-`, `+` or `−`), then digits;
 * - one `,` or one `.` is the decimal separator: `21,0035` and `21.0035` are both 21.0035 (Vietnamese exports
 *   write a decimal comma; machines write a point);
 * - thousands are grouped by spaces (`1 234 567`), or by two or more dots (`1.234.567`) or commas
 *   (`1,234,567`), in groups of exactly three; with both marks the last one is the decimal separator
 *   (`1.234,5` and `1,234.5` are 1234.5). A single dot or comma followed by three digits (`1.234`) stays a
 *   decimal separator here; `parseInteger` reads it as thousands, the only reading that gives a whole number;
 * - `1.5e3` scientific notation, as spreadsheets write large numbers to text.
 */
export function parseNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value || 0 : null;
	if (typeof value !== 'string') return null;
	let text = value.trim().replace(/^\u2212/, '-');
	let sign = 1;
	if (text.startsWith('-') || text.startsWith('+')) {
		sign = text.startsWith('-') ? -1 : 1;
		text = text.slice(1);
	}
	const number = unsignedNumber(text);
	return number === null ? null : sign * number || 0;
}

function unsignedNumber(text: string): number | null {
	if (PLAIN.test(text)) return Number(text.replace(',', '.'));
	if (SCIENTIFIC.test(text)) return Number(text);
	if (GROUPED_BY_SPACE.test(text)) return Number(text.split(SPACES).join('').replace(',', '.'));
	if (GROUPED_BY_DOTS.test(text) || DOTS_THEN_COMMA.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
	if (GROUPED_BY_COMMAS.test(text) || COMMAS_THEN_DOT.test(text)) return Number(text.replace(/,/g, ''));
	return null;
}

/**
 * A whole number, by the rules of `parseNumber` (so `3`, `3.0` and `3,0` are 3, `3.5` is null), except that
 * `1.234` or `1,234` — one separator, three digits after it — is 1234: in a column of whole numbers the decimal
 * reading is impossible, so grouping is the only one left.
 */
export function parseInteger(value: unknown): number | null {
	if (typeof value === 'string' && /^[-+\u2212]?\d{1,3}[.,]\d{3}$/.test(value.trim())) {
		return parseNumber(value.trim().replace(/[.,]/, ''));
	}
	const number = parseNumber(value);
	return number !== null && Number.isSafeInteger(number) ? number : null;
}
