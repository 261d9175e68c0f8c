import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	excelSerialToIso,
	isExcelSerial,
	isBlank,
	isCheckboxColumn,
	parseBoolean,
	parseCategory,
	parseDate,
	parseInteger,
	parseNumber,
	parseSource,
	parseStatus,
	parseText
} from '$lib/core/import/values';

const FORMULA = '=HYPERLINK("http://example.test/?q=1","Bấm vào")';
const HTML = '<img src=x onerror=alert(1)>';

/** The spellings one label can arrive in: as written, upper case, lower case, without diacritics. */
function spellings(label: string): string[] {
	const bare = label.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
	return [label, label.toUpperCase(), label.toLowerCase(), bare, ` ${bare.toLowerCase()} `];
}

describe('parseCategory', () => {
	test.each([
		['land', 'land'],
		['LAND', 'land'],
		['Đất đai, ranh giới, lối đi chung', 'land'],
		['Land, boundaries, shared passageways', 'land'],
		['Đất đai', 'land'],
		['Lối đi chung', 'land'],
		['Hôn nhân và gia đình', 'family'],
		['Hôn nhân gia đình', 'family'],
		['Marriage and family', 'family'],
		['Hàng xóm, sinh hoạt (điện, nước, vệ sinh)', 'neighbour'],
		['Hàng xóm', 'neighbour'],
		['Neighbours and daily life (power, water, hygiene)', 'neighbour'],
		['Dân sự: vay mượn, hợp đồng, thừa kế', 'civil'],
		['Dân sự', 'civil'],
		['Civil: loans, contracts, inheritance', 'civil'],
		['Xây dựng, trật tự đô thị', 'construction'],
		['Xây dựng', 'construction'],
		['Construction and urban order', 'construction'],
		['Môi trường, tiếng ồn', 'environment'],
		['Môi trường', 'environment'],
		['Tiếng ồn', 'environment'],
		['Environment and noise', 'environment'],
		['Va chạm bột phát (cãi vã, giao thông, rượu bia)', 'spontaneous'],
		['Va chạm', 'spontaneous'],
		['Spontaneous clashes (quarrels, traffic, alcohol)', 'spontaneous'],
		['Khác', 'other'],
		['Other', 'other']
	])('%j → %s, in every spelling', (label, code) => {
		for (const spelling of spellings(label)) expect(parseCategory(spelling), spelling).toBe(code);
	});

	test.each([
		'',
		'Đất',
		'Tranh chấp đất đai ở tổ 3',
		'Hàng xóm và đất đai',
		'Giao thông',
		'lan',
		FORMULA,
		HTML
	])('%j is unknown: null, for the user to map', (label) => {
		expect(parseCategory(label)).toBeNull();
	});
});

const SPEC_STATUS_LABELS: [string, string][] = [
	['Mới tiếp nhận', 'received'],
	['Tiếp nhận', 'received'],
	['Chưa giải quyết', 'received'],
	['Đang hòa giải', 'mediating'],
	['Đang giải quyết', 'mediating'],
	['Đang xử lý', 'mediating'],
	['Đã hòa giải thành', 'resolved'],
	['Hòa giải thành', 'resolved'],
	['Hòa giải thành công', 'resolved'],
	['Đã giải quyết', 'resolved'],
	['Chuyển cơ quan chức năng', 'transferred'],
	['Chuyển cấp trên', 'transferred'],
	['Chuyển tòa án', 'transferred'],
	['Phát sinh vụ án', 'escalated'],
	['Phát sinh vi phạm hành chính', 'escalated'],
	['Chuyển hóa thành vụ án', 'escalated'],
	['Hòa giải không thành', 'unresolved'],
	['Không thành', 'unresolved'],
	['Kết thúc không hòa giải được', 'unresolved']
];

describe('parseStatus', () => {
	test.each(SPEC_STATUS_LABELS)('SPEC §2.3b %j → %s, in every spelling', (label, code) => {
		for (const spelling of spellings(label)) expect(parseStatus(spelling), spelling).toBe(code);
	});

	test.each([
		['Hoà giải thành', 'resolved'],
		['Đang hoà giải', 'mediating'],
		['Hoà giải không thành', 'unresolved'],
		['Chuyển toà án', 'transferred'],
		['Chuyển hoá thành vụ án', 'escalated']
	])('the older tone-mark placement %j → %s', (label, code) => {
		expect(label).toMatch(/o[àá]/);
		expect(parseStatus(label)).toBe(code);
	});

	test('labels that contain one another stay apart', () => {
		expect(parseStatus('Hòa giải không thành')).toBe('unresolved');
		expect(parseStatus('Hòa giải thành')).toBe('resolved');
		expect(parseStatus('Chưa giải quyết')).toBe('received');
		expect(parseStatus('Đã giải quyết')).toBe('resolved');
		expect(parseStatus('Đang giải quyết')).toBe('mediating');
		expect(parseStatus('Không thành')).toBe('unresolved');
	});

	test.each(['received', 'mediating', 'resolved', 'transferred', 'escalated', 'unresolved'])('the code %s', (code) => {
		expect(parseStatus(code)).toBe(code);
		expect(parseStatus(code.toUpperCase())).toBe(code);
	});

	test.each(['', 'Hòa giải', 'Thành', 'giải quyết', 'Đã', 'Hòa giải thành?!x', FORMULA, HTML])('%j is unknown', (label) => {
		expect(parseStatus(label)).toBeNull();
	});
});

describe('parseSource', () => {
	test.each([
		['resident', 'resident'],
		['Người dân', 'resident'],
		['NGUOI DAN', 'resident'],
		['Tuần tra', 'patrol'],
		['patrol', 'patrol'],
		['Tổ hòa giải', 'mediation_team'],
		['mediation_team', 'mediation_team'],
		['Mediation team', 'mediation_team'],
		['Tổ trưởng', 'group_head'],
		['group head', 'group_head'],
		['Đường dây nóng', 'hotline'],
		['Hotline', 'hotline'],
		['Khác', 'other']
	])('%j → %s', (label, code) => {
		expect(parseSource(label)).toBe(code);
	});

	test.each(['', 'Báo chí', HTML])('%j is unknown', (label) => {
		expect(parseSource(label)).toBeNull();
	});
});

describe('isBlank and parseText', () => {
	test.each([
		['', true],
		['   ', true],
		['\u00a0\t', true],
		['\u200b\ufeff', true],
		[null, true],
		[undefined, true],
		['0', false],
		[0, false],
		['-', false],
		[false, false]
	])('isBlank(%j) is %s', (value, blank) => {
		expect(isBlank(value)).toBe(blank);
	});

	test('keeps formulas and markup as the characters they are', () => {
		expect(parseText(FORMULA)).toBe(FORMULA);
		expect(parseText(` ${HTML} `)).toBe(HTML);
		expect(parseText('a\u0000b')).toBe('a\u0000b');
	});

	test('trims, composes to NFC, and is null when blank', () => {
		expect(parseText('  Tổ 1 ')).toBe('Tổ 1');
		expect(parseText('Tổ 1'.normalize('NFD'))).toBe('Tổ 1'.normalize('NFC'));
		expect(parseText(12)).toBe('12');
		expect(parseText(' \t')).toBeNull();
	});
});

describe('parseBoolean', () => {
	test.each([
		['Có', true],
		['có', true],
		['CO', true],
		['x', true],
		['X', true],
		['1', true],
		['true', true],
		['TRUE', true],
		['yes', true],
		['Y', true],
		['Đúng', true],
		['✓', true],
		['Không', false],
		['khong', false],
		['0', false],
		['false', false],
		['No', false],
		['n', false],
		['Sai', false],
		[1, true],
		[0, false],
		[true, true],
		[false, false]
	])('%j → %s', (value, expected) => {
		expect(parseBoolean(value)).toBe(expected);
	});

	test.each(['maybe', '2', 'có lẽ', 'không rõ', '-', 2, 0.5, HTML])('%j is unreadable: null, and not blank', (value) => {
		expect(parseBoolean(value)).toBeNull();
		expect(isBlank(value)).toBe(false);
	});

	test('blank is null, or false in a column of x marks', () => {
		expect(parseBoolean('')).toBeNull();
		expect(parseBoolean('  ')).toBeNull();
		expect(parseBoolean(null)).toBeNull();
		expect(parseBoolean('', { blankIsFalse: true })).toBe(false);
		expect(parseBoolean('x', { blankIsFalse: true })).toBe(true);
	});

	test.each([
		[['x', '', 'X', ' '], true],
		[['✓', ''], true],
		[['', ''], false],
		[['x', 'Không'], false],
		[['x', '1'], false]
	])('isCheckboxColumn(%j) is %s', (values, expected) => {
		expect(isCheckboxColumn(values)).toBe(expected);
	});
});

describe('parseDate', () => {
	test.each([
		['13/01/2020', '2020-01-13'],
		['01/13/2020', null],
		['30/02/2020', null],
		['31/04/2020', null],
		['29/02/2020', '2020-02-29'],
		['29/02/2019', null],
		['29/02/1900', null],
		['29/02/2000', '2000-02-29'],
		['31/12/2020', '2020-12-31'],
		['00/01/2020', null],
		['01/00/2020', null],
		['32/01/2020', null],
		['5/3/2020', '2020-03-05'],
		['05-03-2020', '2020-03-05'],
		['05.03.2020', '2020-03-05'],
		['05/03-2020', null],
		['2020-03-05', '2020-03-05'],
		['2020-3-5', '2020-03-05'],
		['2020/03/05', '2020-03-05'],
		['2020-02-30', null],
		['2020-13-01', null],
		[' 13/01/2020 ', '2020-01-13'],
		['13/01/2020 08:30', '2020-01-13'],
		['13/01/2020 08:30:15', '2020-01-13'],
		['2020-01-13T23:59:59.000Z', '2020-01-13'],
		['2020-01-13 00:00:00', '2020-01-13'],
		['ngày 13 tháng 01 năm 2020', '2020-01-13'],
		['Ngày 5 tháng 3 năm 2020', '2020-03-05'],
		['ngày 31 tháng 4 năm 2020', null],
		['13/01/1899', null],
		['13/1/20200', null],
		['43831', '2020-01-01'],
		['20200113', null],
		['', null],
		['hôm qua', null],
		['=TODAY()', null],
		[HTML, null]
	])('%j → %s', (text, expected) => {
		expect(parseDate(text, 2025)).toBe(expected);
	});

	test.each([
		['5/3/26', 2025, '2026-03-05'],
		['5/3/27', 2025, '1927-03-05'],
		['1/1/00', 2025, '2000-01-01'],
		['31/12/99', 2025, '1999-12-31'],
		['05/03/25', 2025, '2025-03-05'],
		['1/1/99', 2099, '2099-01-01'],
		['1/1/01', 2000, '2001-01-01'],
		['1/1/02', 2000, '1902-01-01'],
		['29/02/24', 2025, '2024-02-29'],
		['29/02/23', 2025, null]
	])('two-digit year %j with reference year %d → %s', (text, referenceYear, expected) => {
		expect(parseDate(text, referenceYear)).toBe(expected);
	});

	test('a two-digit year defaults to the current year as reference', () => {
		const yy = new Date().getFullYear() % 100;
		const next = String((yy + 1) % 100).padStart(2, '0');
		const expectedYear = new Date().getFullYear() + 1;
		if (yy < 99) expect(parseDate(`01/06/${next}`)).toBe(`${expectedYear}-06-01`);
	});

	test.each([
		[43831, '2020-01-01'],
		[43890, '2020-02-29'],
		[43891, '2020-03-01'],
		[44927, '2023-01-01'],
		[60, null],
		[59, '1900-02-28'],
		[61, '1900-03-01'],
		[1, '1900-01-01'],
		[2, '1900-01-02'],
		[0, null],
		[-1, null],
		[0.5, null],
		[43831.75, '2020-01-01'],
		[43831.999999, '2020-01-01'],
		[2958465, '9999-12-31'],
		[2958466, null],
		[Number.NaN, null],
		[Number.POSITIVE_INFINITY, null]
	])('Excel serial %d → %s', (serial, expected) => {
		expect(parseDate(serial)).toBe(expected);
		expect(excelSerialToIso(serial)).toBe(expected);
	});

	test.each([
		['43891', '2020-03-01'],
		[' 43891 ', '2020-03-01'],
		['43891.75', '2020-03-01'],
		['43891,5', '2020-03-01'],
		['32874', '1990-01-01'],
		['32873', null],
		['73415', '2100-12-31'],
		['73416', null],
		['4389', null],
		['043891', null],
		['-43891', null],
		['43 891', null],
		['43891.', null],
		['60', null]
	])('a date column saved as General in Excel: text %j → %s', (text, expected) => {
		expect(parseDate(text)).toBe(expected);
	});

	test('a cell is an Excel day number when typed as a number or written as five digits', () => {
		expect([43891, '43891', ' 43891,5 ', '73416'].map(isExcelSerial)).toEqual([true, true, true, true]);
		expect(['13/01/2020', '2020-03-01', '20200113', '4389', '', null, new Date(0)].map(isExcelSerial)).toEqual(Array(7).fill(false));
	});

	test('every day from 1990 to 2100 written as its Excel serial, whole or with a time of day, reads back as that day', () => {
		// Independent of the reader: for serials after the phantom 1900-02-29, Excel's day 0 falls on 1899-12-30.
		const excelDayZero = Date.UTC(1899, 11, 30);
		fc.assert(
			fc.property(
				fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31, 23)), noInvalidDate: true }),
				fc.constantFrom('', '.5', ',25', '.999999'),
				(date, fraction) => {
					const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
					const serial = `${(day - excelDayZero) / 86_400_000}${fraction}`;
					return parseDate(serial) === new Date(day).toISOString().slice(0, 10) && isExcelSerial(serial);
				}
			),
			{ numRuns: 1000 }
		);
	});

	test('Excel date cells are read by their UTC calendar date', () => {
		expect(parseDate(new Date(Date.UTC(2020, 0, 13)))).toBe('2020-01-13');
		expect(parseDate(new Date(Date.UTC(2020, 0, 13, 23, 59, 59)))).toBe('2020-01-13');
		expect(parseDate(new Date(Date.UTC(2020, 1, 29)))).toBe('2020-02-29');
		expect(parseDate(new Date(Number.NaN))).toBeNull();
		expect(parseDate(new Date(Date.UTC(1850, 0, 1)))).toBeNull();
	});

	const dates = fc
		.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
		.map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
		`${pad(year, 4)}-${pad(month)}-${pad(day)}`;

	test('round-trips dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy and dd.mm.yyyy for any valid date', () => {
		fc.assert(
			fc.property(dates, (date) => {
				const { year, month, day } = date;
				const expected = iso(date);
				return (
					parseDate(`${pad(day)}/${pad(month)}/${year}`) === expected &&
					parseDate(`${day}/${month}/${year}`) === expected &&
					parseDate(`${pad(day)}-${pad(month)}-${year}`) === expected &&
					parseDate(`${pad(day)}.${pad(month)}.${year}`) === expected &&
					parseDate(expected) === expected
				);
			}),
			{ numRuns: 1000 }
		);
	});

	test('never reads a date month first: with a day above 12, mm/dd/yyyy is refused', () => {
		fc.assert(
			fc.property(
				dates.filter(({ day }) => day > 12),
				({ year, month, day }) => parseDate(`${pad(month)}/${pad(day)}/${year}`) === null
			),
			{ numRuns: 500 }
		);
	});

	test('consecutive Excel serials after the phantom 29 February are consecutive days', () => {
		fc.assert(
			fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
				const today = excelSerialToIso(serial);
				const tomorrow = excelSerialToIso(serial + 1);
				if (today === null || tomorrow === null) return false;
				return Date.parse(`${tomorrow}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) === 86_400_000;
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('parseNumber', () => {
	test.each([
		['21,0035', 21.0035],
		['21.0035', 21.0035],
		['105,8', 105.8],
		['-3,5', -3.5],
		['−3,5', -3.5],
		['+7', 7],
		['  42  ', 42],
		['1 234 567', 1234567],
		['1\u00a0234,5', 1234.5],
		['1\u202f234', 1234],
		['1.234.567', 1234567],
		['1.234.567,89', 1234567.89],
		['1,234,567', 1234567],
		['1,234,567.89', 1234567.89],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['1.234', 1.234],
		['1,234', 1.234],
		['1.5e3', 1500],
		['2E+2', 200],
		['0', 0],
		['-0', 0],
		['007', 7],
		[3.25, 3.25],
		[-0, 0]
	])('%j → %d', (value, expected) => {
		expect(parseNumber(value)).toBe(expected);
	});

	test.each([
		'',
		'abc',
		'12a',
		'1,2,3',
		'1.2.3',
		'1 23',
		'12 345 67',
		'1.23.456',
		'1.234.567.8,9',
		'1,,5',
		'.5',
		'5.',
		'--5',
		'=1+1',
		'=HYPERLINK("x")',
		HTML,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		null,
		true
	])('%j is not a number', (value) => {
		expect(parseNumber(value)).toBeNull();
	});
});

describe('parseInteger', () => {
	test.each([
		['3', 3],
		['3.0', 3],
		['3,0', 3],
		[' 12 ', 12],
		['1.234', 1234],
		['1,234', 1234],
		['-1.234', -1234],
		['12.345.678', 12345678],
		['12 345', 12345],
		[7, 7],
		['1e3', 1000]
	])('%j → %d', (value, expected) => {
		expect(parseInteger(value)).toBe(expected);
	});

	test.each(['3.5', '3,5', '1.2345', '1,23', 'hai', '', 2.5, '99999999999999999999'])('%j is not a whole number', (value) => {
		expect(parseInteger(value)).toBeNull();
	});
});
