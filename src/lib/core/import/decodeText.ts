import { ImportError } from './report';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
	/** The text without its byte-order mark. */
	text: string;
	encoding: TextEncodingName;
}

/** More than this share of control characters and the bytes are not a table written as text. */
const MAX_CONTROL_SHARE = 0.05;
/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const UTF16_PROBE = 65_536;

const SAVE_AS_UTF8 = 'save the table as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8) or as .xlsx, and import that file';

/**
 * Reads the bytes of a text file (CSV, TSV, JSON lines) in the encodings ward computers produce:
 * - UTF-8, with or without byte-order mark;
 * - UTF-16 (what Excel's "Unicode Text" writes), little or big endian, with a byte-order mark or recognised by
 *   its zero bytes;
 * - Windows-1258, the Vietnamese ANSI code page of older Excel, only when the result is plausibly Vietnamese;
 *   its separate tone marks are composed (Unicode NFC), so `Tổ` reads the same as in a UTF-8 file.
 * Anything else is refused as a whole, with `binary_file` (zero bytes or control characters: not text) or
 * `unsupported_encoding` (text in another encoding, such as UTF-32 or the TCVN3 and VNI fonts' encodings).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes.length === 0) return { text: '', encoding: 'utf-8' };
	if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
		throw new ImportError('unsupported_encoding', `the file is UTF-32; ${SAVE_AS_UTF8}`, 'utf32');
	}
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(strictDecode(bytes, 'utf-8'), 'utf-8');
	if (startsWith(bytes, [0xff, 0xfe])) return checked(strictDecode(bytes, 'utf-16le'), 'utf-16le');
	if (startsWith(bytes, [0xfe, 0xff])) return checked(strictDecode(bytes, 'utf-16be'), 'utf-16be');

	const utf16 = utf16WithoutMark(bytes);
	if (utf16) return checked(strictDecode(bytes, utf16), utf16);
	if (bytes.includes(0)) throw notText();

	let utf8: string | null = null;
	try {
		utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		utf8 = null;
	}
	if (utf8 !== null) return checked(utf8, 'utf-8');

	const windows1258 = new TextDecoder('windows-1258').decode(bytes);
	if (controlShare(windows1258) > MAX_CONTROL_SHARE) throw notText();
	// The code page leaves eight bytes unassigned; decoders turn them into C1 controls. Real text has none.
	if (/[\u0080-\u009f]/.test(windows1258) || !looksVietnamese(windows1258)) {
		throw new ImportError(
			'unsupported_encoding',
			`the file is neither UTF-8, UTF-16 nor Windows-1258 text; ${SAVE_AS_UTF8}`,
			'unknown_encoding'
		);
	}
	return { text: windows1258.normalize('NFC'), encoding: 'windows-1258' };
}

/** Text as UTF-8 bytes, for the CSV reader: UTF-8 files as they are (without their byte-order mark), others decoded by `decodeText`. */
export interface Utf8Bytes {
	utf8: Uint8Array;
	encoding: TextEncodingName;
}

/**
 * `decodeText`'s checks and answer, as UTF-8 bytes: a UTF-8 file is checked in place and never held as one
 * string (a 100 MB export would be 100–200 MB more); other encodings are decoded and written as UTF-8.
 */
export function decodeToUtf8(bytes: Uint8Array): Utf8Bytes {
	const marked = startsWith(bytes, [0xef, 0xbb, 0xbf]);
	const plain = !marked && bytes.length > 0 && !startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xfe, 0xff]);
	// A NUL is left to `checkedUtf8`, which refuses it as `decodeText` does, rather than searched for first.
	if (marked || (plain && !utf16WithoutMark(bytes))) {
		const body = marked ? bytes.subarray(3) : bytes;
		if (checkedUtf8(body)) return { utf8: body, encoding: 'utf-8' };
		if (marked) strictDecode(bytes, 'utf-8'); // throws the refusal decodeText gives
	}
	const { text, encoding } = decodeText(bytes);
	return { utf8: new TextEncoder().encode(text), encoding };
}

/**
 * Valid UTF-8 passing `checked`: true; not UTF-8: false; not text (a NUL, too many control characters): refused.
 * One pass over the bytes, by the rules of the WHATWG UTF-8 decoder (no overlong forms, no surrogates, nothing
 * past U+10FFFF), counting control characters and UTF-16 code units as `checked` counts them on the decoded text:
 * no string of the whole file is ever made.
 */
function checkedUtf8(bytes: Uint8Array): boolean {
	let controls = 0;
	let units = 0;
	let nul = false;
	const length = bytes.length;
	// Four bytes at a time while they are plain printable ASCII, the bulk of an export (aligned words only).
	const wordsFrom = Math.min((4 - (bytes.byteOffset % 4)) % 4, length);
	const wordCount = (length - wordsFrom) >> 2;
	const aligned = wordCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + wordsFrom, wordCount) : new Uint32Array(0);
	let index = 0;
	while (index < length) {
		if (index >= wordsFrom && (index - wordsFrom) % 4 === 0) {
			let word = (index - wordsFrom) >> 2;
			while (word < wordCount && isPrintableAscii(aligned[word])) word++;
			const skipped = (word << 2) + wordsFrom - index;
			units += skipped;
			index += skipped;
			if (index >= length) break;
		}
		const byte = bytes[index];
		if (byte < 0x80) {
			if (byte < 0x20) {
				if (byte === 0) nul = true;
				else if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
			} else if (byte === 0x7f) {
				controls++;
			}
			units++;
			index++;
			continue;
		}
		const size = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
		if (size === 0 || index + size > length) return false;
		const second = bytes[index + 1];
		const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
		const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
		if (second < low || second > high) return false;
		for (let next = 2; next < size; next++) if ((bytes[index + next] & 0xc0) !== 0x80) return false;
		if (byte === 0xc2 && second <= 0x9f) controls++; // U+0080–U+009F
		units += size === 4 ? 2 : 1;
		index += size;
	}
	if (nul) throw notText();
	if (units > 0 && controls / units > MAX_CONTROL_SHARE) throw notText();
	return true;
}

/** Four bytes, each from space to `~`: none above 0x7e, none below 0x20 (bit tricks on the whole word). */
function isPrintableAscii(word: number): boolean {
	const belowSpace = (word - 0x20202020) & ~word & 0x80808080;
	const aboveTilde = (word + 0x01010101) & 0x80808080; // 0x7f + 1 or anything ≥ 0x80 sets a top bit
	return (belowSpace | aboveTilde | (word & 0x80808080)) === 0;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

/** Decodes, dropping a byte-order mark; bytes invalid in the encoding refuse the file. */
function strictDecode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError('unsupported_encoding', `the file is not valid ${encoding.toUpperCase()} text; ${SAVE_AS_UTF8}`, 'invalid_text');
	}
}

function checked(text: string, encoding: TextEncodingName): DecodedText {
	if (text.includes('\u0000') || controlShare(text) > MAX_CONTROL_SHARE) throw notText();
	return { text, encoding };
}

function notText(): ImportError {
	return new ImportError(
		'binary_file',
		`the file is not a text table; if it is a spreadsheet, import the .xlsx itself or ${SAVE_AS_UTF8}`,
		'not_text'
	);
}

/**
 * Text in UTF-16 without a byte-order mark has a zero byte in most code units, since letters, digits and
 * separators are below U+0100: on the odd side for little endian, the even side for big endian. Require a
 * third of the units to have it on one side and at most a tenth on the other (Vietnamese letters such as U+1EA1
 * have no zero byte; U+0300, U+1E00, U+2000 … have one on the other side, and are rare).
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const length = Math.min(bytes.length, UTF16_PROBE) & ~1;
	const units = length / 2;
	if (units === 0) return null;
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let index = 0; index < length; index += 2) {
		if (bytes[index] === 0) zeroEven += 1;
		if (bytes[index + 1] === 0) zeroOdd += 1;
	}
	if (zeroOdd >= units / 3 && zeroEven <= units / 10) return 'utf-16le';
	if (zeroEven >= units / 3 && zeroOdd <= units / 10) return 'utf-16be';
	return null;
}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

/** Control characters other than tab, line feed, carriage return and form feed, as a share of the text. */
function controlShare(text: string): number {
	return controlCount(text) / text.length;
}

function controlCount(text: string): number {
	// The regular expression settles a clean file several times faster than the loop.
	if (!CONTROL.test(text)) return 0;
	let controls = 0;
	for (let index = 0; index < text.length; index += 1) {
		const code = text.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f)) {
			controls += 1;
		}
	}
	return controls;
}

/*
 * Windows-1258 shares most of its upper half with Windows-1252, so bytes in another legacy code page decode
 * without error into Western letters. Vietnamese needs ă, ơ, ư, đ or one of the five combining tone marks the
 * code page writes separately; require at least one of those, and no more other non-ASCII letters than
 * Vietnamese ones.
 */
const VIETNAMESE_ONLY = /[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]/u;
const VIETNAMESE_LETTER = /[àáâăèéêìíòóôõơùúưýđÀÁÂĂÈÉÊÌÍÒÓÔÕƠÙÚƯÝĐ\u0300\u0301\u0303\u0309\u0323]/u;

function looksVietnamese(text: string): boolean {
	if (!VIETNAMESE_ONLY.test(text)) return false;
	let vietnamese = 0;
	let foreign = 0;
	for (const char of text) {
		if (char.charCodeAt(0) < 0x80) continue;
		if (VIETNAMESE_LETTER.test(char)) vietnamese += 1;
		else if (/\p{L}/u.test(char)) foreign += 1;
	}
	return vietnamese >= foreign;
}
