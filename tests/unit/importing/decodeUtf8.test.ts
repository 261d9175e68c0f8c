import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText, decodeToUtf8 } from '$lib/core/import/decodeText';
import { ImportError } from '$lib/core/import/report';

/** What a decoder makes of the bytes: the text and its encoding, or the refusal's code and hint. */
function outcome(decode: () => { text: string; encoding: string }) {
	try {
		return decode();
	} catch (error) {
		if (error instanceof ImportError) return { refused: error.code, hint: error.hint };
		throw error;
	}
}

const asText = (bytes: Uint8Array) => () => {
	const { utf8, encoding } = decodeToUtf8(bytes);
	// The bytes come without the file's byte-order mark; a second one is text, and must stay so here.
	return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8), encoding };
};

// Mostly text, with the byte sequences the UTF-8 rules turn on: overlong forms, surrogates, the edges of each
// lead byte's range, C1 controls, NUL, a byte-order mark — at any offset, so the four-byte steps meet them all.
const pieces = fc.oneof(
	fc.string({ maxLength: 12 }).map((text) => new TextEncoder().encode(text)),
	fc.constantFrom(
		[0xef, 0xbb, 0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xc2, 0x80], [0xc2, 0x9f], [0xc2, 0xa0], [0xdf, 0xbf],
		[0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xef, 0xbf, 0xbf],
		[0xf0, 0x8f, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
		[0xf5, 0x80, 0x80, 0x80], [0x80], [0xbf], [0xe1, 0x80], [0x00], [0x01], [0x7f], [0x1b], [0x09, 0x0a, 0x0d, 0x0c]
	).map((bytes) => Uint8Array.from(bytes)),
	fc.uint8Array({ maxLength: 6 })
);
const files = fc.tuple(fc.array(pieces, { maxLength: 30 }), fc.nat(3)).map(([parts, offset]) => {
	const bytes = new Uint8Array(offset + parts.reduce((sum, part) => sum + part.length, 0));
	let at = offset;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes.subarray(offset); // a view at any alignment, as a file's body after its byte-order mark is
});

describe('UTF-8 checked in place', () => {
	test('gives what decoding the whole text gives: the same text, encoding or refusal', () => {
		fc.assert(
			fc.property(files, (bytes) => {
				expect(outcome(asText(bytes))).toEqual(outcome(() => decodeText(bytes)));
			}),
			{ numRuns: 3000 }
		);
	});

	test('a second byte-order mark after the first is kept as text', () => {
		const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]);
		expect(outcome(asText(bytes))).toEqual({ text: '\ufeffa', encoding: 'utf-8' });
		expect(outcome(() => decodeText(bytes))).toEqual({ text: '\ufeffa', encoding: 'utf-8' });
	});

	test('long runs of plain ASCII around a control character and a multi-byte letter', () => {
		for (const middle of ['\u0001', 'ệ', '\u0085', '\u007f', '😀']) {
			for (let offset = 0; offset < 8; offset++) {
				const bytes = new TextEncoder().encode('a'.repeat(40 + offset) + middle + 'b'.repeat(40));
				expect(outcome(asText(bytes))).toEqual(outcome(() => decodeText(bytes)));
			}
		}
	});
});
