import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { replaceDataset, wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { casesInput, dropColumns, prepareCases, type PreparedCases } from '$lib/core/import/pipeline';
import { ImportError, type RefusalHint, type RejectionReason } from '$lib/core/import/report';
import { demoGroupsText } from '../support/demo';

/*
 * Bad and awkward files, each made here and taken through the whole import on real DuckDB: read → mapping as
 * proposed → validation → `cases`. Each kind states what a user must get: the refusal's code, or how many rows
 * were read and exactly which lines were rejected and why. Accepted = read − rejected, and `cases` then holds
 * exactly the accepted rows.
 */

const TODAY = '2021-01-15';
const REFERENCE_YEAR = 2021;
const HEADER = 'case_id,reported_on,group_code,category,status,resolved_on,severity,source,repeat,lat,lon';
const VI_HEADER = 'Mã vụ việc;Ngày tiếp nhận;Tổ dân phố;Loại mâu thuẫn;Tình trạng;Ngày giải quyết';

/** A valid case in the canonical columns. */
const ok = (id: string, date = '2020-03-01') => `${id},${date},TDP01,land,received,,,,,,`;

interface FileInput {
	name: string;
	bytes: Uint8Array;
}

type Expected =
	| { refused: ImportError['code']; hint?: RefusalHint }
	| {
			read: number;
			rejected?: [line: number, reason: RejectionReason, field: string][];
			/** Columns of `cases` and the rows they must hold afterwards, ordered by case_id. */
			stored?: { columns: string; rows: Record<string, unknown>[] };
	  };

interface Kind {
	kind: string;
	file: () => FileInput | Promise<FileInput>;
	/** What the user does between reading and confirming (e.g. drop a personal-data column). */
	user?: (prepared: PreparedCases) => PreparedCases;
	expected: Expected;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (lines: string[], name = 'cases.csv', end = '\n'): FileInput => ({ name, bytes: utf8(lines.join(end) + end) });

function utf16(text: string, endian: 'le' | 'be', mark: boolean): Uint8Array {
	const units = (mark ? '\ufeff' : '') + text;
	const bytes = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i += 1) {
		const [high, low] = [units.charCodeAt(i) >> 8, units.charCodeAt(i) & 0xff];
		bytes.set(endian === 'le' ? [low, high] : [high, low], 2 * i);
	}
	return bytes;
}

/**
 * Windows-1258 as old Vietnamese Excel writes it: letters with a circumflex, breve or horn are one byte, the five
 * tone marks separate bytes after them. The code page is read off the platform's own decoder.
 */
function windows1258(text: string): Uint8Array {
	const decoder = new TextDecoder('windows-1258');
	const byteOf = new Map<string, number>();
	for (let byte = 0; byte < 256; byte += 1) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
	const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
	const out: number[] = [];
	for (const letter of text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
		const base = letter.replace(tones, '').normalize('NFC');
		for (const char of [base, ...(letter.match(tones) ?? [])]) {
			const byte = byteOf.get(char);
			if (byte === undefined) throw new Error(`no Windows-1258 byte for ${char}`);
			out.push(byte);
		}
	}
	return Uint8Array.from(out);
}

async function xlsx(name: string, build: (workbook: ExcelJS.Workbook) => void): Promise<FileInput> {
	const workbook = new ExcelJS.Workbook();
	build(workbook);
	return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LONG_NOTE = 'Hai hộ tranh chấp lối đi chung, "đã mời" lên hòa giải;\n'.repeat(2_000);

const CORPUS: Kind[] = [
	{ kind: 'an empty file', file: () => csv([]), expected: { refused: 'empty_file' } },
	{
		kind: 'only blank lines and bare separators',
		file: () => ({ name: 'cases.csv', bytes: utf8('\r\n\r\n ;;; \r\n\t\r\n') }),
		expected: { refused: 'empty_file' }
	},
	{ kind: 'a header and no rows', file: () => csv([HEADER]), expected: { read: 0 } },
	{
		kind: 'binary garbage named .csv',
		file: () => ({ name: 'cases.csv', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256) }),
		expected: { refused: 'binary_file', hint: 'not_text' }
	},
	{
		kind: 'UTF-16LE with a byte-order mark, tab separated (Excel "Unicode Text")',
		file: () => ({
			name: 'cases.txt',
			bytes: utf16(
				['Mã vụ việc\tNgày tiếp nhận\tTổ dân phố\tLoại mâu thuẫn\tTình trạng', 'VV1\t13/01/2020\tTDP01\tĐất đai\tHòa giải thành'].join('\r\n'),
				'le',
				true
			)
		}),
		expected: {
			read: 1,
			stored: { columns: 'case_id, reported_on, category, status', rows: [{ case_id: 'VV1', reported_on: '2020-01-13', category: 'land', status: 'resolved' }] }
		}
	},
	{
		kind: 'UTF-16BE without a byte-order mark',
		file: () => ({ name: 'cases.csv', bytes: utf16([HEADER, ok('VV1'), ok('VV2', '2021-02-01')].join('\n'), 'be', false) }),
		expected: { read: 2, rejected: [[3, 'future_date', 'reported_on']] }
	},
	{
		kind: 'UTF-32 is refused with what to do',
		file: () => ({ name: 'cases.csv', bytes: Uint8Array.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]) }),
		expected: { refused: 'unsupported_encoding', hint: 'utf32' }
	},
	{
		kind: 'Windows-1258, Vietnamese headers and labels with separate tone marks',
		file: () => ({
			name: 'cases.csv',
			bytes: windows1258([VI_HEADER, 'VV1;13/01/2020;TDP02;Hôn nhân và gia đình;Đang hòa giải;', 'VV2;14/01/2020;TDP02;Đất đai;Hòa giải thành;20/01/2020'].join('\r\n'))
		}),
		expected: {
			read: 2,
			stored: {
				columns: 'case_id, category, status, resolved_on',
				rows: [
					{ case_id: 'VV1', category: 'family', status: 'mediating', resolved_on: null },
					{ case_id: 'VV2', category: 'land', status: 'resolved', resolved_on: '2020-01-20' }
				]
			}
		}
	},
	{
		kind: 'another legacy code page (Western European) is refused, not garbled',
		file: () => ({ name: 'cases.csv', bytes: Uint8Array.from([...utf8('case_id,note\n1,Gr'), 0xfc, 0xdf, ...utf8('e aus M'), 0xfc, ...utf8('nchen\n')]) }),
		expected: { refused: 'unsupported_encoding', hint: 'unknown_encoding' }
	},
	{
		kind: '`;` separator with BOM and CRLF, Vietnamese headers, dd/mm/yyyy',
		file: () =>
			csv(['\ufeff' + VI_HEADER, 'VV1;05/03/2020;TDP03;Hàng xóm;Mới tiếp nhận;', 'VV2;06/03/2020;TDP03;Xây dựng;Đã giải quyết;07/03/2020'], 'cases.csv', '\r\n'),
		expected: {
			read: 2,
			stored: {
				columns: 'case_id, reported_on, group_code, category, resolved_on',
				rows: [
					{ case_id: 'VV1', reported_on: '2020-03-05', group_code: 'TDP03', category: 'neighbour', resolved_on: null },
					{ case_id: 'VV2', reported_on: '2020-03-06', group_code: 'TDP03', category: 'construction', resolved_on: '2020-03-07' }
				]
			}
		}
	},
	{
		kind: 'tab separated .tsv',
		file: () => csv([HEADER.replace(/,/g, '\t'), ok('VV1').replace(/,/g, '\t')], 'cases.tsv'),
		expected: { read: 1 }
	},
	{
		kind: "Excel's `sep=;` first line",
		file: () => csv(['sep=;', VI_HEADER, 'VV1;05/03/2020;TDP03;Hàng xóm;Mới;', 'VV2;32/03/2020;TDP03;Hàng xóm;Mới;']),
		expected: { read: 2, rejected: [[4, 'invalid_date', 'reported_on']] }
	},
	{
		kind: 'lone CR line ends (old Mac)',
		file: () => csv([HEADER, ok('VV1'), ok('VV2', '2020-13-01')], 'cases.csv', '\r'),
		expected: { read: 2, rejected: [[3, 'invalid_date', 'reported_on']] }
	},
	{
		kind: 'an unbalanced quote: every line from the one it opens on is read and rejected',
		file: () => csv([HEADER, ok('VV1'), `VV2,2020-03-01,TDP01,"land,received,,,,,,`, ok('VV3'), ok('VV4')]),
		expected: {
			read: 4,
			rejected: [
				[3, 'unclosed_quote', ''],
				[4, 'in_unclosed_quote', ''],
				[5, 'in_unclosed_quote', '']
			]
		}
	},
	{
		kind: 'ragged rows: too few and too many fields',
		file: () => csv([HEADER, ok('VV1'), 'VV2,2020-03-01,TDP01,land', ok('VV3') + ',surplus', ok('VV4') + ',,']),
		expected: {
			read: 4,
			rejected: [
				[3, 'wrong_column_count', ''],
				[4, 'wrong_column_count', '']
			]
		}
	},
	{
		kind: 'quoted fields with embedded newlines, separators and doubled quotes shift the line numbers',
		file: () =>
			csv([
				HEADER + ',note',
				ok('VV1') + ',"Cãi nhau\nlúc 23h, ""to tiếng"""',
				ok('VV2') + ',"a\r\n\r\nb"',
				`VV3,2020-03-01,TDP99,land,received,,,,,,,`
			]),
		expected: { read: 3, rejected: [[7, 'unknown_group', 'group_code']] }
	},
	{
		kind: 'trailing blank lines and empty spreadsheet rows',
		file: () => csv([HEADER, ok('VV1'), '', ',,,,,,,,,,', ok('VV2'), '', '   ', '']),
		expected: { read: 2 }
	},
	{
		kind: 'cells padded with spaces and no-break spaces',
		file: () => csv([HEADER, '  VV1 , 2020-03-01 ,\u00a0TDP01 , land , received ,,,,,,']),
		expected: { read: 1, stored: { columns: 'case_id, group_code', rows: [{ case_id: 'VV1', group_code: 'TDP01' }] } }
	},
	{
		kind: 'impossible dates 30/02/2020 and 31/04/2020',
		file: () => csv([HEADER, ok('VV1', '29/02/2020'), ok('VV2', '30/02/2020'), ok('VV3', '31/04/2020'), ok('VV4', '30/04/2020')]),
		expected: {
			read: 4,
			rejected: [
				[3, 'invalid_date', 'reported_on'],
				[4, 'invalid_date', 'reported_on']
			]
		}
	},
	{
		kind: '13/01/2020 is 13 January; 01/13/2020 is never read month-first',
		file: () => csv([HEADER, ok('VV1', '13/01/2020'), ok('VV2', '01/13/2020'), ok('VV3', '02/01/2020')]),
		expected: {
			read: 3,
			rejected: [[3, 'invalid_date', 'reported_on']],
			stored: {
				columns: 'case_id, reported_on',
				rows: [
					{ case_id: 'VV1', reported_on: '2020-01-13' },
					{ case_id: 'VV3', reported_on: '2020-01-02' }
				]
			}
		}
	},
	{
		kind: 'short dates d/m/yy, dotted and dashed dates, a time after the date',
		file: () => csv([HEADER, ok('VV1', '5/3/20'), ok('VV2', '05.03.2020'), ok('VV3', '05-03-2020 14:30'), ok('VV4', '2020/03/05')]),
		expected: {
			read: 4,
			stored: {
				columns: 'reported_on',
				rows: [{ reported_on: '2020-03-05' }, { reported_on: '2020-03-05' }, { reported_on: '2020-03-05' }, { reported_on: '2020-03-05' }]
			}
		}
	},
	{
		kind: 'an Excel serial typed as text is read as a date from 1990 to 2100, and not guessed outside',
		file: () => csv([HEADER, ok('VV1', '43843'), ok('VV2', '12345')]),
		expected: {
			read: 2,
			rejected: [[3, 'invalid_date', 'reported_on']],
			stored: { columns: 'case_id, reported_on', rows: [{ case_id: 'VV1', reported_on: '2020-01-13' }] }
		}
	},
	{
		kind: 'future dates, reported and resolved',
		file: () =>
			csv([
				HEADER,
				ok('VV1', TODAY),
				ok('VV2', '2021-01-16'),
				'VV3,2021-01-10,TDP01,land,resolved,2021-02-01,,,,,'
			]),
		expected: {
			read: 3,
			rejected: [
				[3, 'future_date', 'reported_on'],
				[4, 'future_date', 'resolved_on']
			]
		}
	},
	{
		kind: 'resolved before reported; resolved the same day is fine',
		file: () => csv([HEADER, 'VV1,2020-03-10,TDP01,land,resolved,2020-03-09,,,,,', 'VV2,2020-03-10,TDP01,land,resolved,2020-03-10,,,,,']),
		expected: { read: 2, rejected: [[2, 'resolved_before_reported', 'resolved_on']] }
	},
	{
		kind: 'unknown groups, including a near miss in case',
		file: () => csv([HEADER, ok('VV1').replace('TDP01', 'TDP99'), ok('VV2').replace('TDP01', 'tdp01'), ok('VV3')]),
		expected: {
			read: 3,
			rejected: [
				[2, 'unknown_group', 'group_code'],
				[3, 'unknown_group', 'group_code']
			]
		}
	},
	{
		kind: 'a case id repeated in the file: the first is kept',
		file: () => csv([HEADER, ok('VV1', '2020-03-01'), ok('VV2'), ok('VV1', '2020-04-01')]),
		expected: {
			read: 3,
			rejected: [[4, 'duplicate_id', 'case_id']],
			stored: {
				columns: 'case_id, reported_on',
				rows: [
					{ case_id: 'VV1', reported_on: '2020-03-01' },
					{ case_id: 'VV2', reported_on: '2020-03-01' }
				]
			}
		}
	},
	{
		kind: 'missing required values',
		file: () => csv([HEADER, ',2020-03-01,TDP01,land,received,,,,,,', 'VV2,,TDP01,land,received,,,,,,', 'VV3,2020-03-01, ,land,received,,,,,,', 'VV4,2020-03-01,TDP01,,received,,,,,,', 'VV5,2020-03-01,TDP01,land,,,,,,,']),
		expected: {
			read: 5,
			rejected: [
				[2, 'missing_value', 'case_id'],
				[3, 'missing_value', 'reported_on'],
				[4, 'missing_value', 'group_code'],
				[5, 'missing_value', 'category'],
				[6, 'missing_value', 'status']
			]
		}
	},
	{
		kind: 'labels with and without diacritics, any case; unknown labels are not guessed',
		file: () =>
			csv([
				HEADER,
				'VV1,2020-03-01,TDP01,DAT DAI,hoa giai thanh,2020-03-02,,nguoi dan,,,',
				'VV2,2020-03-01,TDP01,Tranh chấp đất đai ở tổ 3,received,,,,,,',
				'VV3,2020-03-01,TDP01,land,Hòa giải gần xong,,,,,,',
				'VV4,2020-03-01,TDP01,land,received,,,loa phường,,,'
			]),
		expected: {
			read: 4,
			rejected: [
				[3, 'unknown_category', 'category'],
				[4, 'unknown_status', 'status'],
				[5, 'unknown_source', 'source']
			],
			stored: { columns: 'category, status, source', rows: [{ category: 'land', status: 'resolved', source: 'resident' }] }
		}
	},
	{
		kind: 'formula-looking text stays text',
		file: () => csv([HEADER, '"=HYPERLINK(""http://x"",""VV1"")",2020-03-01,TDP01,land,received,,,,,,', '+84-1,2020-03-01,TDP01,land,received,,,,,,']),
		expected: {
			read: 2,
			stored: { columns: 'case_id', rows: [{ case_id: '+84-1' }, { case_id: '=HYPERLINK("http://x","VV1")' }] }
		}
	},
	{
		kind: 'HTML in a text field is stored as the characters it is',
		file: () => csv([HEADER, '<img src=x onerror=alert(1)>,2020-03-01,TDP01,land,received,,,,,,']),
		expected: { read: 1, stored: { columns: 'case_id', rows: [{ case_id: '<img src=x onerror=alert(1)>' }] } }
	},
	{
		kind: 'a 100 KB quoted field with newlines, quotes and separators, then a bad row',
		file: () => csv([`${HEADER},note`, `${ok('VV1')},"${LONG_NOTE.replace(/"/g, '""')}"`, `${ok('VV2', '31/06/2020')},`]),
		// The note holds 2,000 line breaks, so the next record starts 2,001 lines after line 2.
		expected: { read: 2, rejected: [[2 + 2_001, 'invalid_date', 'reported_on']] }
	},
	{
		kind: 'extra columns are not imported',
		file: () => csv(['Mã vụ việc,Ghi chú,Ngày tiếp nhận,Mã địa bàn,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Cột trống', 'VV1,cãi nhau,01/03/2020,K12,TDP01,Đất đai,Mới,', 'VV2,,02/03/2020,K12,TDP02,Khác,Mới,']),
		expected: { read: 2, stored: { columns: 'case_id, group_code, category', rows: [{ case_id: 'VV1', group_code: 'TDP01', category: 'land' }, { case_id: 'VV2', group_code: 'TDP02', category: 'other' }] } }
	},
	{
		kind: 'a missing required column refuses the file',
		file: () => csv(['case_id,reported_on,group_code,category', 'VV1,2020-03-01,TDP01,land']),
		expected: { refused: 'missing_column' }
	},
	{
		kind: 'numbers stored as text: decimal commas, padding, 2,0; words are invalid',
		file: () =>
			csv([
				HEADER.replace(/,/g, ';'),
				'VV1;2020-03-01;TDP01;land;received;; 2 ;;;21,0001;105,8632',
				'VV2;2020-03-01;TDP01;land;received;;3,0;;;;',
				'VV3;2020-03-01;TDP01;land;received;;cao;;;;',
				'VV4;2020-03-01;TDP01;land;received;;4;;;;',
				'VV5;2020-03-01;TDP01;land;received;;;;;21.00x;105.8632'
			]),
		expected: {
			read: 5,
			rejected: [
				[4, 'invalid_number', 'severity'],
				[5, 'invalid_number', 'severity'],
				[6, 'invalid_number', 'lat']
			],
			stored: {
				columns: 'case_id, severity, lat, lon',
				rows: [
					{ case_id: 'VV1', severity: 2, lat: 21.0001, lon: 105.8632 },
					{ case_id: 'VV2', severity: 3, lat: null, lon: null }
				]
			}
		}
	},
	{
		kind: 'coordinates outside the ward, and swapped',
		file: () =>
			csv([
				HEADER,
				'VV1,2020-03-01,TDP01,land,received,,,,,21.0001,105.8632',
				'VV2,2020-03-01,TDP01,land,received,,,,,21.0500,105.8632',
				'VV3,2020-03-01,TDP01,land,received,,,,,21.0001,105.8000',
				'VV4,2020-03-01,TDP01,land,received,,,,,105.8632,21.0001'
			]),
		expected: {
			read: 4,
			rejected: [
				[3, 'outside_ward', 'lat'],
				[4, 'outside_ward', 'lon'],
				[5, 'outside_ward', 'lat']
			]
		}
	},
	{
		kind: 'booleans Có/Không, x, 1/0; anything else is invalid',
		file: () =>
			csv([
				HEADER,
				'VV1,2020-03-01,TDP01,land,received,,,,Có,,',
				'VV2,2020-03-01,TDP01,land,received,,,,không,,',
				'VV3,2020-03-01,TDP01,land,received,,,,1,,',
				'VV4,2020-03-01,TDP01,land,received,,,,hay,,'
			]),
		expected: {
			read: 4,
			rejected: [[5, 'invalid_value', 'repeat']],
			stored: { columns: 'case_id, repeat', rows: [{ case_id: 'VV1', repeat: true }, { case_id: 'VV2', repeat: false }, { case_id: 'VV3', repeat: true }] }
		}
	},
	{
		kind: 'a phone number column refuses the file',
		file: () => csv([`${HEADER},Liên hệ`, `${ok('VV1')},0912345678`, `${ok('VV2')},`]),
		expected: { refused: 'personal_data' }
	},
	{
		kind: 'citizen ids (CCCD) in a notes column refuse the file',
		file: () => csv([`${HEADER},Ghi chú`, `${ok('VV1')},đã xác minh`, `${ok('VV2')},CCCD 001203004567`]),
		expected: { refused: 'personal_data' }
	},
	{
		kind: 'the CCCD column dropped by the user: the rest imports',
		file: () => csv([`${HEADER},Số CCCD`, `${ok('VV1')},001203004567`, `${ok('VV2', '2020-02-30')},001203004568`]),
		user: (prepared) => dropColumns(prepared, prepared.personalData.map((finding) => finding.column)),
		expected: { read: 2, rejected: [[3, 'invalid_date', 'reported_on']] }
	},
	{
		kind: 'xlsx with real date cells, serial numbers, a text date and an empty row',
		file: () =>
			xlsx('cases.xlsx', (workbook) => {
				const sheet = workbook.addWorksheet('Vụ việc');
				sheet.addRow(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng', 'Ngày giải quyết', 'Mức độ']);
				sheet.addRow(['VV1', utcDay('2020-01-13'), 'TDP05', 'Đất đai', 'Hòa giải thành', 43845, 2]);
				sheet.addRow([]);
				sheet.addRow(['VV2', '30/02/2020', 'TDP05', 'Đất đai', 'Mới', null, null]);
				sheet.addRow([1234, 43843, 'TDP05', 'Khác', 'Mới', null, 3]);
				sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
			}),
		expected: {
			read: 3,
			rejected: [[4, 'invalid_date', 'reported_on']],
			stored: {
				columns: 'case_id, reported_on, resolved_on, severity',
				rows: [
					{ case_id: '1234', reported_on: '2020-01-13', resolved_on: null, severity: 3 },
					{ case_id: 'VV1', reported_on: '2020-01-13', resolved_on: '2020-01-15', severity: 2 }
				]
			}
		}
	},
	{
		kind: 'xlsx whose header is below a title block',
		file: () =>
			xlsx('bao-cao.xlsx', (workbook) => {
				const sheet = workbook.addWorksheet('Báo cáo');
				sheet.getCell('A1').value = 'UBND PHƯỜNG VĨNH TUY';
				sheet.getCell('A3').value = 'DANH SÁCH VỤ VIỆC';
				sheet.getRow(5).values = ['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng'];
				sheet.getRow(6).values = ['VV1', '13/01/2020', 'TDP06', 'Môi trường', 'Mới'];
				sheet.getRow(7).values = ['VV2', '13/01/2020', 'TDP06', 'Môi trường', 'Đã xong'];
			}),
		expected: { read: 2, rejected: [[7, 'unknown_status', 'status']] }
	},
	{
		kind: 'Parquet with DATE, INT32 and DOUBLE columns',
		file: () => ({
			name: 'cases.parquet',
			bytes: new Uint8Array(
				parquetWriteBuffer({
					schema: [
						{ name: 'root', num_children: 8 },
						...['case_id', 'group_code', 'category', 'status'].map((name) => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const })),
						{ name: 'reported_on', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
						{ name: 'severity', type: 'INT32', repetition_type: 'OPTIONAL' },
						{ name: 'lat', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
						{ name: 'lon', type: 'DOUBLE', repetition_type: 'OPTIONAL' }
					],
					columnData: [
						{ name: 'case_id', data: ['P1', 'P2', 'P3'] },
						{ name: 'group_code', data: ['TDP07', 'TDP07', 'TDP07'] },
						{ name: 'category', data: ['civil', 'civil', 'civil'] },
						{ name: 'status', data: ['received', 'received', 'received'] },
						{ name: 'reported_on', data: [utcDay('2020-05-01'), utcDay('2020-05-02'), null] },
						{ name: 'severity', data: [1, 3, 2] },
						{ name: 'lat', data: [21.0, 22.0, 21.0] },
						{ name: 'lon', data: [105.87, 105.87, 105.87] }
					]
				})
			)
		}),
		expected: {
			read: 3,
			rejected: [
				[3, 'outside_ward', 'lat'],
				[4, 'missing_value', 'reported_on']
			],
			stored: { columns: 'case_id, reported_on, severity, lat', rows: [{ case_id: 'P1', reported_on: '2020-05-01', severity: 1, lat: 21 }] }
		}
	},
	{
		kind: 'JSON lines with a broken line, a serial date and typed values',
		file: () =>
			csv(
				[
					'{"case_id":"J1","reported_on":"13/01/2020","group_code":"TDP08","category":"Dân sự","status":"Mới","repeat":true}',
					'{"case_id":"J2","reported_on":43843,"group_code":"TDP08","category":"civil","status":"received","severity":2}',
					'{"case_id":"J3", "reported_on": ',
					'',
					'["J4","2020-01-13"]',
					'{"case_id":"J5","reported_on":"2020-01-13","group_code":"TDP08","category":"civil","status":"received","severity":2.5}'
				],
				'cases.jsonl'
			),
		expected: {
			read: 5,
			rejected: [
				[4, 'unreadable_row', ''],
				[5, 'unreadable_row', ''],
				[6, 'invalid_number', 'severity']
			],
			stored: {
				columns: 'case_id, reported_on, repeat, severity',
				rows: [
					{ case_id: 'J1', reported_on: '2020-01-13', repeat: true, severity: null },
					{ case_id: 'J2', reported_on: '2020-01-13', repeat: null, severity: 2 }
				]
			}
		}
	},
	{
		kind: 'text typed on a Mac (Unicode NFD) matches the NFC dictionary',
		file: () => csv([VI_HEADER.normalize('NFD'), 'VV1;13/01/2020;TDP09;Đất đai;Hòa giải thành;14/01/2020'.normalize('NFD')]),
		expected: { read: 1, stored: { columns: 'category, status', rows: [{ category: 'land', status: 'resolved' }] } }
	},
	{
		kind: 'two exports pasted together: the second header is a rejected row',
		file: () => csv([VI_HEADER, 'VV1;13/01/2020;TDP09;Khác;Mới;', VI_HEADER, 'VV2;14/01/2020;TDP09;Khác;Mới;']),
		expected: { read: 3, rejected: [[3, 'invalid_date', 'reported_on']] }
	},
	{
		kind: 'a required value of only zero-width and no-break spaces is missing',
		file: () => csv([HEADER, 'VV1,2020-03-01,\u200b\u00a0,land,received,,,,,,']),
		expected: { read: 1, rejected: [[2, 'missing_value', 'group_code']] }
	},
	{
		kind: 'xlsx with a header and no rows',
		file: () => xlsx('cases.xlsx', (workbook) => void workbook.addWorksheet('Vụ việc').addRow(VI_HEADER.split(';'))),
		expected: { read: 0 }
	},
	{
		kind: 'an xlsx whose sheet is empty',
		file: () => xlsx('cases.xlsx', (workbook) => void workbook.addWorksheet('Trống')),
		expected: { refused: 'empty_file' }
	},
	{
		kind: 'Parquet with no rows',
		file: () => ({
			name: 'cases.parquet',
			bytes: new Uint8Array(
				parquetWriteBuffer({
					columnData: ['case_id', 'reported_on', 'group_code', 'category', 'status'].map((name) => ({ name, data: [], type: 'STRING' as const }))
				})
			)
		}),
		expected: { read: 0 }
	},
	{
		kind: 'an Excel 97–2003 workbook is refused with what to do',
		file: () => ({ name: 'cases.xls', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }),
		expected: { refused: 'unsupported_format', hint: 'old_excel' }
	},
	{
		kind: 'a groups GeoJSON given as the cases file',
		file: () => ({ name: 'cases.geojson', bytes: utf8(demoGroupsText) }),
		expected: { refused: 'unsupported_format', hint: 'geojson_as_cases' }
	},
	{
		kind: 'a truncated xlsx',
		file: async () => {
			const whole = await xlsx('cases.xlsx', (workbook) => void workbook.addWorksheet('A').addRow(['case_id']));
			return { name: whole.name, bytes: whole.bytes.slice(0, 300) };
		},
		expected: { refused: 'unreadable', hint: 'bad_xlsx' }
	}
];

describe('the import corpus, through the whole pipeline on DuckDB', () => {
	let engine: Engine;
	const demoGroups = parseGroupsGeojson(demoGroupsText, 'groups.geojson');

	beforeAll(async () => {
		engine = await openNodeEngine();
	});

	async function importFile(kind: Kind) {
		let prepared = await prepareCases(await kind.file());
		if (kind.user) prepared = kind.user(prepared);
		const cases = casesInput(prepared, prepared.mapping, undefined, {
			rules: wardRules(demoGroups.groups, TODAY),
			referenceYear: REFERENCE_YEAR
		});
		const loaded = await replaceDataset(engine, { groups: demoGroups.groups, groupsReport: demoGroups.report, cases });
		return loaded.reports[1];
	}

	test('has at least 30 kinds', () => {
		expect(CORPUS.length).toBeGreaterThanOrEqual(30);
		expect(new Set(CORPUS.map((kind) => kind.kind)).size).toBe(CORPUS.length);
	});

	test.each(CORPUS.map((kind) => [kind.kind, kind] as const))('%s', async (_, kind) => {
		const { expected } = kind;
		if ('refused' in expected) {
			// A refused file must leave the previous data exactly as it was.
			await importFile({ kind: 'previous data', file: () => csv([HEADER, ok('KEEP')]), expected: { read: 1 } });
			const error = await importFile(kind).then(
				() => null,
				(thrown: unknown) => thrown
			);
			expect(error).toBeInstanceOf(ImportError);
			expect((error as ImportError).code).toBe(expected.refused);
			// The hint is what the page words for the user in their language.
			if (expected.hint) expect((error as ImportError).hint).toBe(expected.hint);
			expect(await engine.query('SELECT case_id FROM cases')).toEqual([{ case_id: 'KEEP' }]);
			return;
		}
		const report = await importFile(kind);
		const rejected = (expected.rejected ?? []).map(([line, reason, field]) => ({ line, reason, field }));
		expect(report.rejections).toEqual(rejected);
		expect(report).toMatchObject({ read: expected.read, accepted: expected.read - rejected.length, rejected: rejected.length, updated: 0 });
		expect(report.read).toBe(report.accepted + report.rejected);
		const [{ n }] = await engine.query('SELECT count(*) AS n FROM cases');
		expect(n).toBe(report.accepted);
		if (expected.stored) {
			const rows = await engine.query(`SELECT ${expected.stored.columns} FROM cases ORDER BY case_id`);
			expect(rows).toEqual(expected.stored.rows);
		}
	});
});
