import { describe, expect, test } from 'vitest';
import { decodeText } from '$lib/core/import/decodeText';
import { ImportError } from '$lib/core/import/report';

const CSV = 'Mã vụ việc;Ngày tiếp nhận;Tổ dân phố;Ghi chú\r\nVV1;13/01/2020;Tổ 1;<img src=x onerror=alert(1)>\r\nVV2;14/01/2020;Tổ 2;=HYPERLINK("x")\r\n';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, order: 'le' | 'be', byteOrderMark: boolean): Uint8Array {
	const units = (byteOrderMark ? '\ufeff' : '') + text;
	const bytes = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i += 1) {
		const unit = units.charCodeAt(i);
		const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
		bytes[2 * i] = first;
		bytes[2 * i + 1] = second;
	}
	return bytes;
}

const concat = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/*
 * Windows-1258 bytes, written by hand from the code page: â E2, ê EA, ô F4, Đ D0, đ F0, and the separate tone
 * marks grave CC, hook above D2, tilde DE, acute EC.
 *   "Mã tổ;Tên"       4D 61 DE | 20 | 74 F4 D2 | 3B | 54 EA 6E
 *   "T1;Đất đai"      54 31 3B | D0 E2 EC 74 | 20 | F0 61 69
 *   "Hòa giải thành"  48 6F CC 61 | 20 | 67 69 61 D2 69 | 20 | 74 68 61 CC 6E 68
 */
const WINDOWS_1258 = [
	[0x4d, 0x61, 0xde, 0x20, 0x74, 0xf4, 0xd2, 0x3b, 0x54, 0xea, 0x6e, 0x0d, 0x0a],
	[0x54, 0x31, 0x3b, 0xd0, 0xe2, 0xec, 0x74, 0x20, 0xf0, 0x61, 0x69, 0x0d, 0x0a],
	[0x48, 0x6f, 0xcc, 0x61, 0x20, 0x67, 0x69, 0x61, 0xd2, 0x69, 0x20, 0x74, 0x68, 0x61, 0xcc, 0x6e, 0x68]
].flat();

function refusal(bytes: Uint8Array): ImportError {
	try {
		decodeText(bytes);
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error('the bytes were accepted');
}

/** A fixed pseudo-random byte stream (a linear congruential generator), none of them zero. */
function garbage(length: number): Uint8Array {
	let state = 12345;
	return Uint8Array.from({ length }, () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return 1 + (state % 255);
	});
}

describe('decodeText reads', () => {
	test('UTF-8 without a byte-order mark, markup and formulas as plain text', () => {
		expect(decodeText(utf8(CSV))).toEqual({ text: CSV, encoding: 'utf-8' });
	});

	test('UTF-8 with a byte-order mark, which it strips', () => {
		expect(decodeText(concat([0xef, 0xbb, 0xbf], utf8(CSV)))).toEqual({ text: CSV, encoding: 'utf-8' });
	});

	test('an empty file as empty text', () => {
		expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
	});

	test.each([
		['le', true, 'utf-16le'],
		['be', true, 'utf-16be'],
		['le', false, 'utf-16le'],
		['be', false, 'utf-16be']
	] as const)('UTF-16 %s, byte-order mark %s', (order, byteOrderMark, encoding) => {
		expect(decodeText(utf16(CSV, order, byteOrderMark))).toEqual({ text: CSV, encoding });
	});

	test('Windows-1258, composing the separate tone marks', () => {
		const expected = 'Mã tổ;Tên\r\nT1;Đất đai\r\nHòa giải thành'.normalize('NFC');
		expect(decodeText(Uint8Array.from(WINDOWS_1258))).toEqual({ text: expected, encoding: 'windows-1258' });
	});

	test('Windows-1258 with typographic quotes and a long ASCII body', () => {
		const quoted = concat(utf8('id;note\n1;'), [0x93, 0x54, 0xea, 0x6e, 0x94], utf8(`\n${'2;abc\n'.repeat(500)}`));
		const { text, encoding } = decodeText(quoted);
		expect(encoding).toBe('windows-1258');
		expect(text.startsWith('id;note\n1;“Tên”\n2;abc')).toBe(true);
	});
});

describe('decodeText refuses', () => {
	test.each([
		['binary garbage with zero bytes (a PNG header)', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]],
		['a zip archive (an .xlsx named .csv)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00]],
		['valid UTF-8 with one zero byte', [...utf8('a;b\n1;2'), 0, ...utf8('\n3;4\n')]],
		['random bytes without zeros', [...garbage(4096)]],
		['UTF-8 full of control characters', [...utf8('a;b\n'), ...Array.from({ length: 20 }, () => 0x07), ...utf8('1;2\n')]]
	])('%s as binary_file', (_, bytes) => {
		const error = refusal(Uint8Array.from(bytes));
		expect(error.code).toBe('binary_file');
		expect(error.detail).toMatch(/CSV UTF-8/);
	});

	test.each([
		['Windows-1252 French text', [...utf8('Caf'), 0xe9, ...utf8(' r'), 0xe9, ...utf8('sum'), 0xe9, ...utf8(';Gen'), 0xe8, ...utf8('ve\n')]],
		['German text with one Vietnamese letter among many foreign ones', [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xdf, 0xe4, 0xf6, 0xe3]],
		['bytes the code page leaves unassigned', [...utf8('T'), 0xea, ...utf8('n;'), 0x81, ...utf8('x\n'.repeat(40))]],
		['UTF-32 little endian', [0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]],
		['UTF-32 big endian', [0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x41]],
		['a UTF-8 byte-order mark before invalid UTF-8', [0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]],
		['UTF-16 with a byte-order mark and an odd length', [0xff, 0xfe, 0x41, 0x00, 0x42]],
		['UTF-16 with a lone surrogate', [0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]]
	])('%s as unsupported_encoding', (_, bytes) => {
		const error = refusal(Uint8Array.from(bytes));
		expect(error.code).toBe('unsupported_encoding');
		expect(error.detail).toMatch(/CSV UTF-8/);
	});
});
