import { describe, expect, test } from 'vitest';
import { kindsOfHeader, kindsOfValue, scanPersonalData, type PersonalDataKind } from '$lib/core/import/personalData';

const CLEAN_HEADERS = [
	'Mã vụ việc',
	'Ngày tiếp nhận',
	'Tổ dân phố',
	'Loại mâu thuẫn',
	'Tình trạng',
	'Vĩ độ',
	'Kinh độ',
	'Ghi chú'
];
const CLEAN_ROWS = [
	['VV-2020-0001', '13/01/2020', 'Tổ 5', 'Đất đai', 'Hòa giải thành', '21.003512345', '105.812345678', 'Tranh chấp lối đi chung'],
	['VV-2020-0002', '05.03.2020 09:00', 'Khu phố 3', 'Hàng xóm', 'Đang hòa giải', '21,0035', '105,8123', 'Tiếng ồn karaoke sau 22 giờ'],
	['VV-2020-0003', '43831', 'Tổ dân phố 7', 'Môi trường', 'Mới tiếp nhận', '21.01', '105.80', '=HYPERLINK("http://x.test","xem")'],
	['VV-2020-0004', '2020-04-30', 'TDP 12', 'Khác', 'Chuyển tòa án', '', '', '<img src=x onerror=alert(1)>'],
	['VV-2020-0005', '30/04/2020', 'To Dan Pho 5', 'Dan su', 'Hoa giai khong thanh', '', '', 'Giá trị tranh chấp 150000000 đồng']
];

describe('scanPersonalData on a clean ward export', () => {
	test('finds nothing: ids, dates, coordinates, group names, labels, formulas, markup and sums of money', () => {
		expect(scanPersonalData(CLEAN_HEADERS, CLEAN_ROWS)).toEqual([]);
	});
});

describe('headers that name personal data', () => {
	test.each([
		['Họ tên', 'name'],
		['Họ và tên', 'name'],
		['HO TEN', 'name'],
		['Tên', 'name'],
		['Người', 'name'],
		['Tên người', 'name'],
		['Người yêu cầu', 'name'],
		['Người tiếp nhận', 'name'],
		['Bị đơn', 'name'],
		['Nguyên đơn', 'name'],
		['Họ tên nguyên đơn', 'name'],
		['Name', 'name'],
		['Full name', 'name'],
		['Số điện thoại', 'phone'],
		['SĐT', 'phone'],
		['SĐT người báo tin', 'phone'],
		['Điện thoại liên hệ', 'phone'],
		['phone', 'phone'],
		['Phone number', 'phone'],
		['CCCD', 'citizen_id'],
		['Số CCCD', 'citizen_id'],
		['CMND', 'citizen_id'],
		['Căn cước công dân', 'citizen_id'],
		['Số định danh cá nhân', 'citizen_id'],
		['Địa chỉ', 'address'],
		['Địa chỉ thường trú', 'address'],
		['Số nhà', 'address'],
		['Address', 'address']
	])('%j → %s', (header, kind) => {
		expect([...kindsOfHeader(header)]).toContain(kind);
		const findings = scanPersonalData([header], []);
		expect(findings).toEqual([{ column: 0, header, kind, matches: 0, of: 0, byHeader: true }]);
	});

	test.each([
		'Tên tổ',
		'Tên tổ dân phố',
		'Group name',
		'Tổ dân phố',
		'Mã vụ việc',
		'ID',
		'Nguồn tin',
		'Nội dung',
		'Ghi chú',
		'Tình trạng',
		'Ngày tiếp nhận',
		'Kinh độ',
		'Điện tích'
	])('%j names no personal data', (header) => {
		expect(kindsOfHeader(header).size).toBe(0);
	});
});

describe('values that are personal data', () => {
	test.each<[string, PersonalDataKind[]]>([
		['0912345678', ['phone']],
		['0912 345 678', ['phone']],
		['0912.345.678', ['phone']],
		['091-234-5678', ['phone']],
		['+84 912 345 678', ['phone']],
		['+84912345678', ['phone']],
		['84912345678', ['phone']],
		['(+84) 912 345 678', ['phone']],
		['0386123456', ['phone']],
		['024 3825 1234', ['phone']],
		['Gọi 0981234567 khi cần', ['phone']],
		['079123456789', ['citizen_id']],
		['CCCD: 001099012345', ['citizen_id']],
		['123456789', ['citizen_id']],
		['091234567', ['citizen_id']],
		['Nguyễn Văn A', ['name']],
		['Trần Thị Bích Ngọc', ['name']],
		['NGUYỄN VĂN AN', ['name']],
		['Nguyen Van An', ['name']],
		['Le Thi Hoa', ['name']],
		['Ông Phạm Minh Đức lấn chiếm lối đi', ['name']],
		['số 12 ngõ 34', ['address']],
		['Số nhà 5, tổ 3', ['address']],
		['Ngách 12/3', ['address']],
		['hẻm 45 đường Lê Văn Sỹ', ['address', 'name']],
		['kiệt 7', ['address']],
		['Số 8 phố Huế', ['address']],
		['đường 3/2', ['address']],
		['Nguyễn Văn A, 0912345678, số 12 ngõ 34', ['phone', 'name', 'address']]
	])('%j → %j', (value, kinds) => {
		expect([...kindsOfValue(value)].sort()).toEqual([...kinds].sort());
	});

	test.each([
		'0212345678',
		'09123456789',
		'10912345678',
		'05.03.2020 09:00',
		'13/01/2020',
		'21.003512345',
		'105,812345678',
		'150000000',
		'1500000000000',
		'VV079123456789',
		'12345678',
		'1234567890123',
		'Tổ Dân Phố Hòa Bình',
		'To Dan Pho 5',
		'Khu phố 3',
		'Tổ dân phố 12',
		'Hòa Giải Thành',
		'Lý do: tranh chấp',
		'Nguyễn',
		'tổ 5',
		'=HYPERLINK("tel:x","gọi")',
		'<img src=x onerror=alert(1)>'
	])('%j is none', (value) => {
		expect([...kindsOfValue(value)]).toEqual([]);
	});
});

describe('scanPersonalData', () => {
	test('a single phone number in a free-text column flags it, with counts and never the value', () => {
		const rows = Array.from({ length: 40 }, (_, i) => [`VV${i}`, i === 17 ? 'Bà A, gọi 0912 345 678' : 'Tranh chấp lối đi']);
		const findings = scanPersonalData(['Mã vụ việc', 'Nội dung'], rows);
		expect(findings).toEqual([{ column: 1, header: 'Nội dung', kind: 'phone', matches: 1, of: 40, byHeader: false }]);
		expect(JSON.stringify(findings)).not.toContain('345');
	});

	test('a CCCD column and a CMND column are flagged by their values', () => {
		const rows = [
			['A', '001099012345', '123456789'],
			['B', '079123456789', ''],
			['C', '', '987654321']
		];
		expect(scanPersonalData(['x', 'y', 'z'], rows)).toEqual([
			{ column: 1, header: 'y', kind: 'citizen_id', matches: 2, of: 2, byHeader: false },
			{ column: 2, header: 'z', kind: 'citizen_id', matches: 2, of: 2, byHeader: false }
		]);
	});

	test('digits-only case ids pass when their column is ignored, but its header is still read', () => {
		const rows = [['123456789', '0912345678'], ['123456790', '0912345679']];
		expect(scanPersonalData(['Mã vụ việc', 'Mã khác'], rows, { ignoreColumns: [0, 1] })).toEqual([]);
		expect(scanPersonalData(['Mã vụ việc', 'Mã khác'], rows, { ignoreColumns: [1] })).toEqual([
			{ column: 0, header: 'Mã vụ việc', kind: 'citizen_id', matches: 2, of: 2, byHeader: false }
		]);
		expect(scanPersonalData(['CCCD'], [['123456789']], { ignoreColumns: [0] })).toEqual([
			{ column: 0, header: 'CCCD', kind: 'citizen_id', matches: 0, of: 1, byHeader: true }
		]);
	});

	test('names need a fifth of the non-empty values: 1 of 5 flags, 1 of 6 does not', () => {
		const column = (names: number, others: number) => [
			...Array.from({ length: names }, () => ['Nguyễn Văn A']),
			...Array.from({ length: others }, () => ['tranh chấp']),
			['']
		];
		expect(scanPersonalData(['Ghi chú'], column(1, 4))).toEqual([
			{ column: 0, header: 'Ghi chú', kind: 'name', matches: 1, of: 5, byHeader: false }
		]);
		expect(scanPersonalData(['Ghi chú'], column(1, 5))).toEqual([]);
	});

	test('addresses need a fifth of the non-empty values too: 2 of 7 flags, 2 of 11 does not', () => {
		const rows = [['số 12 ngõ 34'], ['Ngõ 5'], ['xa'], ['gần chợ'], ['ở đầu tổ'], ['cuối tổ'], ['bên sông'], ['']];
		expect(scanPersonalData(['Vị trí'], rows)).toEqual([
			{ column: 0, header: 'Vị trí', kind: 'address', matches: 2, of: 7, byHeader: false }
		]);
		expect(scanPersonalData(['Vị trí'], [...rows, ['a'], ['b'], ['c'], ['d']])).toEqual([]);
	});

	test('a header finding also counts the values of its kind; other kinds are separate findings', () => {
		const rows = [['Nguyễn Văn A'], ['Trần B 0912345678'], ['c']];
		expect(scanPersonalData(['Họ tên'], rows)).toEqual([
			{ column: 0, header: 'Họ tên', kind: 'name', matches: 2, of: 3, byHeader: true },
			{ column: 0, header: 'Họ tên', kind: 'phone', matches: 1, of: 3, byHeader: false }
		]);
	});

	test('numbers from spreadsheet cells are read as their digits', () => {
		const rows = [[84912345678], [123456789], [21.0035], [new Date(Date.UTC(2020, 0, 13))], [null], [true]];
		expect(scanPersonalData(['Cột'], rows)).toEqual([
			{ column: 0, header: 'Cột', kind: 'phone', matches: 1, of: 5, byHeader: false },
			{ column: 0, header: 'Cột', kind: 'citizen_id', matches: 1, of: 5, byHeader: false }
		]);
	});

	test('samples rows evenly over a large file', () => {
		// 10 rows, sample of 5 → rows 0, 2, 4, 6, 8: the phone on row 6 is seen, the one on row 7 is not
		const rows = Array.from({ length: 10 }, (_, i) => [i === 6 || i === 7 ? '0912345678' : 'không']);
		expect(scanPersonalData(['Ghi chú'], rows, { sampleSize: 5 })).toEqual([
			{ column: 0, header: 'Ghi chú', kind: 'phone', matches: 1, of: 5, byHeader: false }
		]);
		const unseen = rows.map((row, i) => (i === 6 ? ['không'] : row));
		expect(scanPersonalData(['Ghi chú'], unseen, { sampleSize: 5 })).toEqual([]);
	});

	test('scans only the columns that have a header, and tolerates ragged rows', () => {
		const rows = [['a'], ['b', '0912345678'], []];
		expect(scanPersonalData(['Cột'], rows)).toEqual([]);
		expect(scanPersonalData(['Cột', 'Thêm'], rows)).toEqual([
			{ column: 1, header: 'Thêm', kind: 'phone', matches: 1, of: 1, byHeader: false }
		]);
	});
});
