import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { tableRows } from '$lib/core/import/rawTable';
import { readTable, sniffFormat, type RawTable } from '$lib/core/import/readTable';
import { ImportError } from '$lib/core/import/report';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, name = 'cases.csv') => readTable({ name, bytes: utf8(text) });

function utf16le(text: string): Uint8Array {
	const units = '\ufeff' + text;
	const bytes = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i += 1) {
		bytes[2 * i] = units.charCodeAt(i) & 0xff;
		bytes[2 * i + 1] = units.charCodeAt(i) >> 8;
	}
	return bytes;
}

async function refusal(run: () => unknown): Promise<ImportError> {
	try {
		await run();
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error('expected an ImportError');
}

/** The parts of a table a test usually asserts, without the per-format extras. */
const shape = (table: RawTable) => ({ headers: table.headers, rows: tableRows(table), lines: Array.from(table.lines), problems: table.problems });

describe('CSV', () => {
	test('a byte-order mark is not part of the first header', async () => {
		const table = await csv('\ufeffMã vụ việc,Tổ dân phố\nVV1,Tổ 1\n');
		expect(table.headers).toEqual(['Mã vụ việc', 'Tổ dân phố']);
		expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerLine: 1 });
	});

	test('semicolons, with a BOM and CRLF, as Excel writes a Vietnamese CSV', async () => {
		const table = await csv('\ufeffMã vụ việc;Ngày tiếp nhận;Ghi chú\r\nVV1;13/01/2020;a, b\r\nVV2;14/01/2020;\r\n');
		expect(table.delimiter).toBe(';');
		expect(shape(table)).toEqual({
			headers: ['Mã vụ việc', 'Ngày tiếp nhận', 'Ghi chú'],
			rows: [
				['VV1', '13/01/2020', 'a, b'],
				['VV2', '14/01/2020', '']
			],
			lines: [2, 3],
			problems: []
		});
	});

	test('tabs', async () => {
		const table = await csv('case_id\tgroup_code\tnote\nVV1\tT1\thas, comma; and semicolon\n', 'cases.tsv');
		expect(table.delimiter).toBe('\t');
		expect(tableRows(table)).toEqual([['VV1', 'T1', 'has, comma; and semicolon']]);
	});

	test('the delimiter is counted outside quotes, and a tie goes to the comma', async () => {
		expect((await csv('"a;b;c",d\n1,2\n')).delimiter).toBe(',');
		expect((await csv('a;b,c\n1;2,3\n')).delimiter).toBe(',');
		expect((await csv('only\nx\n')).delimiter).toBe(',');
	});

	test("Excel's sep= line names the delimiter and is not the header", async () => {
		const table = await csv('sep=;\r\na,b;c\r\n1,5;2\r\n');
		expect(table.delimiter).toBe(';');
		expect(shape(table)).toEqual({ headers: ['a,b', 'c'], rows: [['1,5', '2']], lines: [3], problems: [] });
		expect(table.headerLine).toBe(2);
	});

	test('CRLF, LF and CR line ends leave no carriage return in a cell', async () => {
		for (const end of ['\r\n', '\n', '\r']) {
			const table = await csv(['a,b', '1,2', '3,4'].join(end) + end);
			expect(shape(table)).toEqual({ headers: ['a', 'b'], rows: [['1', '2'], ['3', '4']], lines: [2, 3], problems: [] });
		}
	});

	test('quoted fields keep delimiters, line breaks and doubled quotes; a record is numbered by its first line', async () => {
		const table = await csv('id,note,group\r\n1,"Nói ""to"", đập cửa\r\nlúc 23h",T1\r\n2,"a,b",T2\r\n3,"x\n\ny",T3\n4,plain,T4\n');
		expect(tableRows(table)).toEqual([
			['1', 'Nói "to", đập cửa\r\nlúc 23h', 'T1'],
			['2', 'a,b', 'T2'],
			['3', 'x\n\ny', 'T3'],
			['4', 'plain', 'T4']
		]);
		expect(Array.from(table.lines)).toEqual([2, 4, 5, 8]);
	});

	test('a quote inside an unquoted field is kept; text after a closing quote is kept', async () => {
		const table = await csv('a,b\nống 5" ,"x"y\n');
		expect(tableRows(table)).toEqual([['ống 5" ', 'xy']]);
	});

	test('ragged rows are problems with their exact lines, counting embedded line breaks', async () => {
		const table = await csv('a,b,c\n1,2,3\n4,5\n"multi\nline",6,7\n8,9,10,11\n12,"x\ny",13,14\n15,16,17\n');
		expect(shape(table)).toEqual({
			headers: ['a', 'b', 'c'],
			rows: [
				['1', '2', '3'],
				['multi\nline', '6', '7'],
				['15', '16', '17']
			],
			lines: [2, 4, 9],
			problems: [
				{ line: 3, reason: 'wrong_column_count' },
				{ line: 6, reason: 'wrong_column_count' },
				{ line: 7, reason: 'wrong_column_count' }
			]
		});
	});

	test('extra fields that are all empty (a delimiter closing each line) are dropped, others are not', async () => {
		const table = await csv('a,b\n1,2,\n3,4,,\n5,6,x\n');
		expect(tableRows(table)).toEqual([
			['1', '2'],
			['3', '4']
		]);
		expect(table.problems).toEqual([{ line: 4, reason: 'wrong_column_count' }]);
	});

	test('an unbalanced quote makes every line of the rest of the file a problem, from the line its record starts', async () => {
		const table = await csv('a,b\n1,2\n3,"never closed\n4,5\n\n6,7\n');
		expect(shape(table)).toEqual({
			headers: ['a', 'b'],
			rows: [['1', '2']],
			lines: [2],
			problems: [
				{ line: 3, reason: 'unclosed_quote' },
				{ line: 4, reason: 'in_unclosed_quote' },
				{ line: 6, reason: 'in_unclosed_quote' }
			]
		});
		expect((await csv('a,b\n1,2\n3,"x\n')).problems).toEqual([{ line: 3, reason: 'unclosed_quote' }]);
	});

	test('a header that opens a quote never closed refuses the file, saying so', async () => {
		const error = await refusal(() => csv('a,"b\n1,2\n3,4\n'));
		expect(error).toMatchObject({ code: 'unreadable', hint: 'unclosed_quote_header' });
	});

	test('trailing blank lines are not rows and not problems', async () => {
		const table = await csv('a,b\r\n1,2\r\n\r\n\r\n   \r\n\n');
		expect(shape(table)).toEqual({ headers: ['a', 'b'], rows: [['1', '2']], lines: [2], problems: [] });
	});

	test('blank lines and rows of bare delimiters in the middle are skipped; lines keep counting', async () => {
		const table = await csv('\n\na;b;c\n1;2;3\n\n;;\n ; ;\n4;5;6\n;;;;\n');
		expect(shape(table)).toEqual({
			headers: ['a', 'b', 'c'],
			rows: [
				['1', '2', '3'],
				['4', '5', '6']
			],
			lines: [4, 8],
			problems: []
		});
		expect(table.headerLine).toBe(3);
	});

	test('header only and empty files give no rows', async () => {
		expect(shape(await csv('Mã vụ việc,Tổ\r\n'))).toEqual({ headers: ['Mã vụ việc', 'Tổ'], rows: [], lines: [], problems: [] });
		expect(shape(await csv(''))).toEqual({ headers: [], rows: [], lines: [], problems: [] });
		expect(shape(await csv('\r\n\r\n'))).toEqual({ headers: [], rows: [], lines: [], problems: [] });
	});

	test('headers are trimmed; an empty header is named by its position', async () => {
		const table = await csv(' Mã vụ việc ,,"  ",Tổ\n1,2,3,4\n');
		expect(table.headers).toEqual(['Mã vụ việc', 'column 2', 'column 3', 'Tổ']);
	});

	test('cells are kept as written, white space and all', async () => {
		const table = await csv('a,b\n  VV1 , 13/01/2020\t\n');
		expect(tableRows(table)).toEqual([['  VV1 ', ' 13/01/2020\t']]);
	});

	test('formula-looking and HTML text stays plain text', async () => {
		const table = await csv('a,b\n"=HYPERLINK(""http://x"",""y"")",<img src=x onerror=alert(1)>\n');
		expect(tableRows(table)).toEqual([['=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>']]);
	});

	test('a 100 KB field', async () => {
		const long = 'Tổ dân phố '.repeat(10_000);
		expect(long.length).toBeGreaterThan(100_000);
		const table = await csv(`a,b,c\n1,"${long}",3\n4,${long},6\n`);
		expect(tableRows(table).map((row) => row[1])).toEqual([long, long]);
		expect(Array.from(table.lines)).toEqual([2, 3]);
	});

	test('binary garbage is refused', async () => {
		const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
		const error = await refusal(() => readTable({ name: 'cases.csv', bytes: garbage }));
		expect(error.code).toBe('binary_file');
	});

	test('UTF-16LE with a byte-order mark (Excel "Unicode Text")', async () => {
		const table = await readTable({ name: 'cases.txt', bytes: utf16le('Mã vụ việc\tTổ dân phố\r\nVV1\tTổ 1\r\n') });
		expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Mã vụ việc', 'Tổ dân phố'] });
		expect(tableRows(table)).toEqual([['VV1', 'Tổ 1']]);
	});

	test('Windows-1258, with its separate tone marks composed', async () => {
		/*
		 * By hand from the code page: â E2, ê EA, ô F4, and the combining marks hook above D2, tilde DE,
		 * acute EC, dot below F2.
		 *   "Mã vụ việc"  4D 61 DE | 20 | 76 75 F2 | 20 | 76 69 EA F2 63
		 *   "Tổ dân phố"  54 F4 D2 | 20 | 64 E2 6E | 20 | 70 68 F4 EC
		 *   "VV1;Tổ 1"    56 56 31 3B 54 F4 D2 20 31
		 */
		const bytes = Uint8Array.from([
			...[0x4d, 0x61, 0xde, 0x20, 0x76, 0x75, 0xf2, 0x20, 0x76, 0x69, 0xea, 0xf2, 0x63, 0x3b],
			...[0x54, 0xf4, 0xd2, 0x20, 0x64, 0xe2, 0x6e, 0x20, 0x70, 0x68, 0xf4, 0xec, 0x0d, 0x0a],
			...[0x56, 0x56, 0x31, 0x3b, 0x54, 0xf4, 0xd2, 0x20, 0x31, 0x0d, 0x0a]
		]);
		const table = await readTable({ name: 'cases.csv', bytes });
		expect(table).toMatchObject({ encoding: 'windows-1258', delimiter: ';', headers: ['Mã vụ việc', 'Tổ dân phố'] });
		expect(tableRows(table)).toEqual([['VV1', 'Tổ 1']]);
	});
});

describe('RFC 4180 round trip (property)', () => {
	const piece = fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'Tổ', 'đ', 'ướ', 'Ữ', '=', '-');
	const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
	const header = text.filter((name) => name !== '' && name === name.trim());
	const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
		fc.record({
			headers: fc.array(header, { minLength: width, maxLength: width }),
			rows: fc.array(fc.array(text, { minLength: width, maxLength: width }), { maxLength: 12 }),
			delimiter: fc.constantFrom(',', ';', '\t'),
			lineEnd: fc.constantFrom('\n', '\r\n'),
			finalLineEnd: fc.boolean()
		})
	);

	const field = (value: string) => (/[,;\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
	const lineBreaks = (value: string) => value.match(/\r\n|\n|\r/g)?.length ?? 0;

	test('written with any delimiter and read back: the same headers, rows and lines', async () => {
		await fc.assert(
			fc.asyncProperty(table, async ({ headers, rows, delimiter, lineEnd, finalLineEnd }) => {
				const records = [headers, ...rows].map((record) => record.map(field).join(delimiter));
				const written = records.join(lineEnd) + (finalLineEnd ? lineEnd : '');
				const expectedRows: string[][] = [];
				const expectedLines: number[] = [];
				let line = 1 + lineBreaks(records[0]) + 1;
				for (const [index, row] of rows.entries()) {
					if (row.some((value) => value.trim() !== '')) {
						expectedRows.push(row);
						expectedLines.push(line);
					}
					line += lineBreaks(records[index + 1]) + 1;
				}
				const read = await readTable({ name: 'random.csv', bytes: utf8(written) });
				expect(shape(read)).toEqual({ headers, rows: expectedRows, lines: expectedLines, problems: [] });
			}),
			{ numRuns: 300 }
		);
	});

	const unquoted = fc.array(piece.filter((part) => !part.includes('"')), { maxLength: 8 }).map((pieces) => pieces.join(''));

	test('a quote left open in any record: the rows before it as written, every line of data from its record on a problem', async () => {
		await fc.assert(
			fc.asyncProperty(table, unquoted, fc.array(unquoted, { maxLength: 6 }), async (drawn, opened, rest) => {
				const { headers, rows, delimiter, lineEnd, finalLineEnd } = drawn;
				const before = [headers, ...rows].map((record) => record.map(field).join(delimiter));
				// The broken record: fields as written, then one that opens a quote no later text closes.
				const broken = [...(rows[0]?.slice(0, -1).map(field) ?? []), `"${opened}`].join(delimiter);
				const tail = [broken, ...rest].join(lineEnd);
				const written = [...before, tail].join(lineEnd) + (finalLineEnd ? lineEnd : '');
				const expectedRows = rows.filter((row) => row.some((value) => value.trim() !== ''));
				const firstBroken = 1 + before.reduce((lines, record) => lines + lineBreaks(record) + 1, 0);
				const read = await readTable({ name: 'random.csv', bytes: utf8(written) });
				// A blank line holds nothing but white space and the separator the reader found (one column has none).
				const blank = (line: string) => line.split(read.delimiter ?? delimiter).join('').trim() === '';
				const expectedProblems = tail.split(/\r\n|\n|\r/).flatMap((line, index) =>
					index === 0
						? [{ line: firstBroken, reason: 'unclosed_quote' }]
						: blank(line)
							? []
							: [{ line: firstBroken + index, reason: 'in_unclosed_quote' }]
				);
				expect(read.headers).toEqual(headers);
				expect(tableRows(read)).toEqual(expectedRows);
				expect(read.problems).toEqual(expectedProblems);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('xlsx', () => {
	async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
		const workbook = new ExcelJS.Workbook();
		build(workbook);
		return new Uint8Array(await workbook.xlsx.writeBuffer());
	}

	const wardWorkbook = () =>
		xlsx((workbook) => {
			const cases = workbook.addWorksheet('Vụ việc');
			cases.addRow(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Số người', 'Ghi chú', ' Đã xử lý ']);
			cases.addRow([
				'VV001',
				new Date(Date.UTC(2020, 0, 13)),
				'00123',
				{ richText: [{ text: 'Đất ' }, { text: 'đai', font: { bold: true } }] },
				{ formula: 'LEN(A2)', result: 5 },
				{ text: 'biên bản', hyperlink: 'http://example.org/bb' },
				true
			]);
			cases.getCell('B2').numFmt = 'dd/mm/yyyy';
			cases.addRow([]);
			cases.addRow(['VV002', '14/01/2020', 7, 'Hàng xóm', { error: '#N/A' }, { formula: 'A4&"!"', result: 'VV002!' }, false]);
			cases.getCell('A30').numFmt = '@'; // styled but empty: not a row
			const groups = workbook.addWorksheet('Tổ dân phố');
			groups.addRow(['Mã tổ', 'Tên tổ']);
			groups.addRow(['T1', 'Tổ 1']);
		});

	test('a Vietnamese-header sheet: dates, numbers as text, rich text, formulas, hyperlinks, errors, booleans', async () => {
		const table = await readTable({ name: 'vu-viec.xlsx', bytes: await wardWorkbook() });
		expect(table).toMatchObject({ format: 'xlsx', sheets: ['Vụ việc', 'Tổ dân phố'], sheet: 'Vụ việc', headerLine: 1 });
		expect(table.headers).toEqual(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Số người', 'Ghi chú', 'Đã xử lý']);
		expect(tableRows(table)).toEqual([
			['VV001', new Date(Date.UTC(2020, 0, 13)), '00123', 'Đất đai', 5, 'biên bản', true],
			['VV002', '14/01/2020', 7, 'Hàng xóm', null, 'VV002!', false]
		]);
		expect(Array.from(table.lines)).toEqual([2, 4]);
		expect(table.problems).toEqual([]);
	});

	test('a formula in a date-formatted cell gives its cached date', async () => {
		const bytes = await xlsx((workbook) => {
			const sheet = workbook.addWorksheet('S');
			sheet.addRow(['Ngày giải quyết']);
			sheet.addRow([{ formula: 'DATE(2020,1,13)', result: 43843 }]);
			sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
		});
		expect(tableRows(await readTable({ name: 'f.xlsx', bytes }))).toEqual([[new Date(Date.UTC(2020, 0, 13))]]);
	});

	test('the sheet option reads another sheet; an unknown sheet is refused', async () => {
		const bytes = await wardWorkbook();
		const table = await readTable({ name: 'vu-viec.xlsx', bytes }, { sheet: 'Tổ dân phố' });
		expect(shape(table)).toEqual({ headers: ['Mã tổ', 'Tên tổ'], rows: [['T1', 'Tổ 1']], lines: [2], problems: [] });
		expect(table.sheet).toBe('Tổ dân phố');
		const error = await refusal(() => readTable({ name: 'vu-viec.xlsx', bytes }, { sheet: 'Sheet9' }));
		expect(error.code).toBe('unreadable');
		expect(error.detail).toContain('Sheet9');
	});

	test('a title block above the header is skipped; leading empty columns are not columns', async () => {
		const bytes = await xlsx((workbook) => {
			const sheet = workbook.addWorksheet('Báo cáo');
			sheet.getCell('B1').value = 'UBND PHƯỜNG VĨNH TUY';
			sheet.getCell('F1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
			sheet.getCell('F2').value = 'Độc lập - Tự do - Hạnh phúc';
			sheet.getCell('B4').value = 'DANH SÁCH VỤ VIỆC';
			sheet.mergeCells('B4:G4');
			sheet.getRow(6).values = [null, 'STT', 'Mã vụ việc', 'Ngày tiếp nhận', 'Tổ', 'Loại', 'Tình trạng'];
			sheet.getRow(7).values = [null, 1, 'VV1', '13/01/2020', 'T1', 'Đất đai', 'Mới'];
		});
		const table = await readTable({ name: 'bao-cao.xlsx', bytes });
		expect(table.headerLine).toBe(6);
		expect(shape(table)).toEqual({
			headers: ['STT', 'Mã vụ việc', 'Ngày tiếp nhận', 'Tổ', 'Loại', 'Tình trạng'],
			rows: [[1, 'VV1', '13/01/2020', 'T1', 'Đất đai', 'Mới']],
			lines: [7],
			problems: []
		});
	});

	test('the covered cells of a merged range are empty; values right of the header get a column', async () => {
		const bytes = await xlsx((workbook) => {
			const sheet = workbook.addWorksheet('S');
			sheet.addRow(['Tổ', 'Mã vụ việc']);
			sheet.addRow(['T1', 'VV1']);
			sheet.addRow([null, 'VV2', 'lạc cột']);
			sheet.mergeCells('A2:A3');
		});
		const table = await readTable({ name: 's.xlsx', bytes });
		expect(table.headers).toEqual(['Tổ', 'Mã vụ việc', 'column 3']);
		expect(tableRows(table)).toEqual([
			['T1', 'VV1', null],
			[null, 'VV2', 'lạc cột']
		]);
	});

	test('the first visible sheet is the default', async () => {
		const bytes = await xlsx((workbook) => {
			workbook.addWorksheet('Danh mục', { state: 'hidden' }).addRow(['Mã', 'Tên']);
			workbook.addWorksheet('Vụ việc').addRow(['Mã vụ việc']);
		});
		const table = await readTable({ name: 'a.xlsx', bytes });
		expect(table).toMatchObject({ sheet: 'Vụ việc', sheets: ['Danh mục', 'Vụ việc'], headers: ['Mã vụ việc'], rowCount: 0 });
	});

	test('an empty sheet gives no headers; a broken workbook is refused', async () => {
		const empty = await readTable({ name: 'e.xlsx', bytes: await xlsx((workbook) => void workbook.addWorksheet('Trống')) });
		expect(shape(empty)).toEqual({ headers: [], rows: [], lines: [], problems: [] });
		const truncated = (await wardWorkbook()).slice(0, 200);
		expect((await refusal(() => readTable({ name: 'x.xlsx', bytes: truncated }))).code).toBe('unreadable');
	});
});

describe('Parquet', () => {
	const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

	test('int64, double, string, date, timestamp and decimal columns become cells', async () => {
		const buffer = parquetWriteBuffer({
			schema: [
				{ name: 'root', num_children: 6 },
				{ name: 'case_no', type: 'INT64', repetition_type: 'OPTIONAL' },
				{ name: 'score', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
				{ name: 'Tổ dân phố', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
				{ name: 'reported_on', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
				{ name: 'logged_at', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
				{ name: 'amount', type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 12, repetition_type: 'OPTIONAL' }
			],
			columnData: [
				{ name: 'case_no', data: [1n, 9007199254740993n, null] },
				{ name: 'score', data: [1.5, null, -2] },
				{ name: 'Tổ dân phố', data: ['Tổ 1', 'Tổ 2', null] },
				{ name: 'reported_on', data: [day('2020-01-13'), day('2024-02-29'), null] },
				{ name: 'logged_at', data: [new Date('2020-01-13T08:30:00Z'), null, null] },
				{ name: 'amount', data: [1234.5, null, 0.01] }
			]
		});
		const table = await readTable({ name: 'cases.parquet', bytes: new Uint8Array(buffer) });
		expect(table.format).toBe('parquet');
		expect(shape(table)).toEqual({
			headers: ['case_no', 'score', 'Tổ dân phố', 'reported_on', 'logged_at', 'amount'],
			rows: [
				[1, 1.5, 'Tổ 1', day('2020-01-13'), new Date('2020-01-13T08:30:00Z'), 1234.5],
				['9007199254740993', null, 'Tổ 2', day('2024-02-29'), null, null],
				[null, -2, null, null, null, 0.01]
			],
			lines: [2, 3, 4],
			problems: []
		});
	});

	test('bytes inside a larger buffer are read; a damaged file is refused', async () => {
		const buffer = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'a', data: ['x', 'y'], type: 'STRING' }] }));
		const padded = new Uint8Array(buffer.length + 16);
		padded.set(buffer, 8);
		const table = await readTable({ name: 'a.parquet', bytes: padded.subarray(8, 8 + buffer.length) });
		expect(tableRows(table)).toEqual([['x'], ['y']]);
		const damaged = buffer.slice();
		damaged.fill(0xff, 4, damaged.length - 8);
		expect((await refusal(() => readTable({ name: 'a.parquet', bytes: damaged }))).code).toBe('unreadable');
	});
});

describe('JSON lines', () => {
	test('headers are the keys in first-seen order; a line that is not an object is a problem', async () => {
		const text = [
			'{"case_id":"VV1","group":"T1"}',
			'',
			'{"case_id":"VV2","reported_on":"2020-01-13","extra":{"a":1}}',
			'{"case_id": "VV3", broken',
			'[1,2]',
			'{"group":"T3","case_id":null,"n":3,"ok":true}\r',
			'   '
		].join('\n');
		const table = await readTable({ name: 'cases.jsonl', bytes: utf8(text) });
		expect(table.format).toBe('jsonl');
		expect(shape(table)).toEqual({
			headers: ['case_id', 'group', 'reported_on', 'extra', 'n', 'ok'],
			rows: [
				['VV1', 'T1', null, null, null, null],
				['VV2', null, '2020-01-13', '{"a":1}', null, null],
				[null, 'T3', null, null, 3, true]
			],
			lines: [2, 3, 6],
			problems: [
				{ line: 4, reason: 'unreadable_row' },
				{ line: 5, reason: 'unreadable_row' }
			]
		});
	});
});

describe('sniffFormat', () => {
	const bytes = (...values: number[]) => Uint8Array.from(values);
	const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);

	test('content before name', () => {
		expect(sniffFormat('cases.csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0))).toBe('xlsx');
		expect(sniffFormat('cases.bin', utf8('PAR1....PAR1'))).toBe('parquet');
		expect(sniffFormat('groups.json', utf8('{"type":"FeatureCollection","features":[]}'))).toBe('geojson');
		expect(sniffFormat('groups.txt', utf8('{\n  "features": [],\n  "type": "FeatureCollection"\n}\n'))).toBe('geojson');
		expect(sniffFormat('cases.json', utf8('\ufeff{"a":1}\n{"a":2}\n'))).toBe('jsonl');
		expect(sniffFormat('one.geojson', utf8('{"type":"Feature","geometry":null,"properties":{}}'))).toBe('geojson');
	});

	test('the name when the content says nothing', () => {
		expect(sniffFormat('a.CSV', utf8('a,b'))).toBe('csv');
		expect(sniffFormat('a.tsv', utf8('a\tb'))).toBe('csv');
		expect(sniffFormat('a.txt', utf8('a'))).toBe('csv');
		expect(sniffFormat('a.xlsx', utf8('not a zip'))).toBe('xlsx');
		expect(sniffFormat('a.parquet', utf8('PAR1 truncated'))).toBe('parquet');
		expect(sniffFormat('a.ndjson', new Uint8Array())).toBe('jsonl');
		expect(sniffFormat('a.jsonl', utf8('[1]'))).toBe('jsonl');
		expect(sniffFormat('a.json', utf8('{\n"not": "geojson"\n}'))).toBe('geojson');
		expect(sniffFormat('a.docx.pdf', utf8('%PDF'))).toBe('unknown');
		expect(sniffFormat('README', utf8('hello'))).toBe('unknown');
	});

	test('an Excel 97–2003 workbook is refused with what to do', () => {
		for (const name of ['cases.xls', 'cases.xlsx', 'cases.csv']) {
			expect(() => sniffFormat(name, ole)).toThrow(ImportError);
		}
		expect(() => sniffFormat('export.xls', utf8('<table><tr><td>1</td></tr></table>'))).toThrow(/save it as "Excel Workbook \(\.xlsx\)"/);
		try {
			sniffFormat('cases.xls', ole);
		} catch (error) {
			expect(error).toMatchObject({ code: 'unsupported_format' });
		}
	});

	test('readTable refuses GeoJSON, unknown files and old Excel files', async () => {
		const geojson = utf8('{"type":"FeatureCollection","features":[]}');
		expect((await refusal(() => readTable({ name: 'groups.geojson', bytes: geojson }))).code).toBe('unsupported_format');
		expect((await refusal(() => readTable({ name: 'notes.docx.pdf', bytes: utf8('%PDF') }))).code).toBe('unsupported_format');
		expect((await refusal(() => readTable({ name: 'cases.xls', bytes: ole }))).code).toBe('unsupported_format');
	});
});
