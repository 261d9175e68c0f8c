import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	FIELD_SYNONYMS,
	GROUP_FIELD_SYNONYMS,
	mappingKey,
	normaliseLabel,
	proposeFieldMapping,
	proposeGroupMapping,
	proposeMapping,
	type CaseField
} from '$lib/core/schema/dictionary';

describe('normaliseLabel', () => {
	test.each([
		['Mã vụ việc', 'ma vu viec'],
		['  NGÀY   tiếp_nhận ', 'ngay tiep nhan'],
		['Tổ-dân.phố/TDP', 'to dan pho tdp'],
		['Đã hoà giải', 'da hoa giai'],
		['Đã hòa giải', 'da hoa giai'],
		['ĐỊA CHỈ', 'dia chi'],
		['case_id', 'case id'],
		['Ngày (dd/mm/yyyy)', 'ngay dd mm yyyy'],
		['Số TT hồ sơ', 'so tt ho so'],
		['Ưu tiên', 'uu tien'],
		['Vĩ độ', 'vi do'],
		['Mã vụ việc'.normalize('NFD'), 'ma vu viec'],
		['Ð', 'd'],
		['\tKết quả\r\n', 'ket qua'],
		['___', ''],
		['', '']
	])('%j → %j', (text, expected) => {
		expect(normaliseLabel(text)).toBe(expected);
	});

	test('is idempotent on any text', () => {
		const vietnamese = fc.constantFrom(...'aăâđeêioôơuưyAĂÂĐEÊIOÔƠUƯ _-./\u0300\u0301\u0303\u0309\u0323ÐİẞßǅⅫ'.split(''));
		for (const text of [
			fc.string({ unit: 'binary' }),
			fc.string({ unit: 'grapheme' }),
			fc.string({ unit: vietnamese })
		]) {
			fc.assert(
				fc.property(text, (value) => normaliseLabel(normaliseLabel(value)) === normaliseLabel(value)),
				{ numRuns: 500 }
			);
		}
	});
});

const SPEC_HEADERS: Record<Exclude<CaseField, 'lat' | 'lon' | 'ward_code'>, string[]> = {
	case_id: ['Mã vụ việc', 'Mã hồ sơ', 'Số hồ sơ', 'STT hồ sơ', 'ID'],
	reported_on: ['Ngày tiếp nhận', 'Ngày xảy ra', 'Ngày phát sinh', 'Ngày ghi nhận'],
	group_code: ['Tổ dân phố', 'Tổ', 'Mã tổ', 'TDP'],
	category: ['Loại mâu thuẫn', 'Lĩnh vực', 'Loại vụ việc', 'Phân loại'],
	status: ['Tình trạng', 'Kết quả', 'Trạng thái', 'Kết quả giải quyết'],
	resolved_on: ['Ngày giải quyết', 'Ngày kết thúc', 'Ngày hòa giải thành'],
	severity: ['Mức độ', 'Mức độ nguy cơ'],
	source: ['Nguồn phát hiện', 'Nguồn tin', 'Nguồn'],
	repeat: ['Tái diễn', 'Tái phát', 'Lặp lại']
};

const OTHER_HEADERS: [CaseField, string][] = [
	['case_id', 'Số TT hồ sơ'],
	['case_id', 'case id'],
	['reported_on', 'Ngày nhận'],
	['reported_on', 'Date reported'],
	['group_code', 'Tổ DP'],
	['group_code', 'Group'],
	['category', 'Loại việc'],
	['category', 'Category'],
	['status', 'STATUS'],
	['resolved_on', 'Resolved date'],
	['severity', 'Severity'],
	['source', 'Source'],
	['repeat', 'Repeat'],
	['lat', 'Vĩ độ'],
	['lat', 'lat'],
	['lat', 'Latitude'],
	['lon', 'Kinh độ'],
	['lon', 'lon'],
	['lon', 'lng'],
	['lon', 'Longitude']
];

function mappedFields(headers: string[]): Partial<Record<CaseField, number>> {
	const { mapping } = proposeMapping(headers);
	return Object.fromEntries(Object.entries(mapping).filter(([, index]) => index !== null));
}

describe('proposeMapping', () => {
	const specCases = Object.entries(SPEC_HEADERS).flatMap(([field, headers]) => headers.map((header) => [field, header]));

	test.each(specCases)('SPEC §2.3c: %s ← %j, written in any case, with or without diacritics', (field, header) => {
		const variants = [header, header.toUpperCase(), header.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd')];
		for (const variant of variants) {
			expect(mappedFields(['Ghi chú', variant])).toEqual({ [field]: 1 });
		}
	});

	test.each(OTHER_HEADERS)('%s ← %j', (field, header) => {
		expect(mappedFields([header, 'Ghi chú'])).toEqual({ [field]: 0 });
	});

	test('maps the canonical names one to one', () => {
		const headers = ['case_id', 'reported_on', 'group_code', 'category', 'status', 'resolved_on', 'severity', 'source', 'repeat', 'lat', 'lon'];
		const { mapping, unmatched } = proposeMapping(headers);
		expect(mapping).toEqual({
			case_id: 0,
			reported_on: 1,
			group_code: 2,
			category: 3,
			status: 4,
			resolved_on: 5,
			severity: 6,
			source: 7,
			repeat: 8,
			lat: 9,
			lon: 10,
			ward_code: null
		});
		expect(unmatched).toEqual([]);
	});

	test('maps a whole Vietnamese ward export and lists the columns left over', () => {
		const headers = [
			'STT',
			'Mã vụ việc',
			'Ngày tiếp nhận',
			'Tổ dân phố',
			'Nội dung',
			'Loại mâu thuẫn',
			'Tình trạng',
			'Ngày giải quyết',
			'Mức độ nguy cơ',
			'Nguồn phát hiện',
			'Tái diễn',
			'Vĩ độ',
			'Kinh độ',
			'Ghi chú'
		];
		const { mapping, unmatched } = proposeMapping(headers);
		expect(mapping).toEqual({
			case_id: 1,
			reported_on: 2,
			group_code: 3,
			category: 5,
			status: 6,
			resolved_on: 7,
			severity: 8,
			source: 9,
			repeat: 10,
			lat: 11,
			lon: 12,
			ward_code: null
		});
		expect(unmatched).toEqual([0, 4, 13]);
	});

	test('an exact header wins over a longer one that only starts with a synonym', () => {
		const { mapping, unmatched } = proposeMapping(['Ngày tiếp nhận đơn', 'Ngày tiếp nhận']);
		expect(mapping.reported_on).toBe(1);
		expect(unmatched).toEqual([0]);
	});

	test('takes a header that starts with a synonym when none is exact', () => {
		expect(mappedFields(['Ngày tiếp nhận đơn thư', 'Mức độ nghiêm trọng cao'])).toEqual({ reported_on: 0, severity: 1 });
	});

	test('takes a header that contains a synonym as whole words when nothing closer exists', () => {
		expect(mappedFields(['Cập nhật tình trạng'])).toEqual({ status: 0 });
		// "trang" inside "tinh trang" is no word of "Kết quả": letters must form whole words
		expect(mappedFields(['Bảng tinhtrang'])).toEqual({});
	});

	test('an exact match of one field is never taken by a looser match of an earlier field', () => {
		const fields = ['reported', 'received'] as const;
		const synonyms = { reported: ['Ngày tiếp nhận'], received: ['Ngày tiếp nhận hồ sơ'] };
		const { mapping } = proposeFieldMapping(['Ngày tiếp nhận hồ sơ'], fields, synonyms);
		expect(mapping).toEqual({ reported: null, received: 0 });
	});

	test('two exact headers for one field: the synonym listed first wins, then the leftmost', () => {
		expect(proposeMapping(['Số hồ sơ', 'Mã vụ việc']).mapping.case_id).toBe(1);
		expect(proposeMapping(['Tổ', 'Tổ dân phố']).mapping.group_code).toBe(1);
		const twins = proposeMapping(['Tổ', 'TO']);
		expect(twins.mapping.group_code).toBe(0);
		expect(twins.unmatched).toEqual([1]);
	});

	test('a header feeds at most one field', () => {
		const { mapping } = proposeMapping(['Ngày tiếp nhận']);
		expect(Object.values(mapping).filter((index) => index === 0)).toHaveLength(1);
	});

	test('short synonyms (ID, Tổ, lat, x) only ever match a whole header', () => {
		expect(mappedFields(['ID tổ', 'Tổng số', 'Latency', 'x y'])).toEqual({});
	});

	test('ignores empty headers and maps nothing for unknown ones', () => {
		const { mapping, unmatched } = proposeMapping(['', 'Mã hồ sơ', 'Người nhập']);
		expect(mapping.case_id).toBe(1);
		expect(Object.values(mapping).filter((index) => index !== null)).toHaveLength(1);
		expect(unmatched).toEqual([0, 2]);
	});

	test('no synonym belongs to two case fields, and none is listed twice', () => {
		const owners = new Map<string, string>();
		for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS)) {
			for (const synonym of synonyms) {
				const folded = normaliseLabel(synonym);
				expect(owners.get(folded), `${synonym} (${field})`).toBeUndefined();
				owners.set(folded, field);
			}
		}
	});
});

describe('proposeGroupMapping', () => {
	test.each([
		[['Mã tổ', 'Tên tổ', 'Số nhân khẩu', 'Số hộ', 'Vĩ độ', 'Kinh độ'], [0, 1, 2, 3, 4, 5]],
		[['group_code', 'name', 'population', 'households', 'lat', 'lon'], [0, 1, 2, 3, 4, 5]],
		[['Mã tổ', 'Tổ dân phố', 'Nhân khẩu'], [0, 1, 2, null, null, null]],
		[['Tổ dân phố', 'Dân số', 'Số hộ'], [0, null, 1, 2, null, null]],
		[['TEN TO', 'MA TDP', 'DAN SO', 'SO HO GIA DINH'], [1, 0, 2, 3, null, null]],
		[['Kinh độ', 'Vĩ độ', 'Tổ'], [2, null, null, null, 1, 0]]
	])('%j', (headers, expected) => {
		const { mapping } = proposeGroupMapping(headers);
		expect([mapping.group_code, mapping.name, mapping.population, mapping.households, mapping.lat, mapping.lon]).toEqual(expected);
	});

	test('no synonym is listed twice for one group field', () => {
		for (const synonyms of Object.values(GROUP_FIELD_SYNONYMS)) {
			const folded = synonyms.map(normaliseLabel);
			expect(new Set(folded).size).toBe(folded.length);
		}
	});
});

describe('mappingKey', () => {
	test('is the same for the same headers written with other case or diacritics', () => {
		expect(mappingKey(['Mã vụ việc', 'Ngày tiếp nhận'])).toBe(mappingKey(['MA VU VIEC', 'ngày tiếp nhận ']));
	});

	test.each([
		[['Mã vụ việc', 'Ngày tiếp nhận'], ['Ngày tiếp nhận', 'Mã vụ việc']],
		[['Mã vụ việc', 'Ngày tiếp nhận'], ['Mã vụ việc', 'Ngày tiếp nhận', 'Ghi chú']],
		[['a,b'], ['a', 'b']],
		[['a b'], ['a', 'b']],
		[[''], []]
	])('differs for %j and %j', (first, second) => {
		expect(mappingKey(first)).not.toBe(mappingKey(second));
	});
});
