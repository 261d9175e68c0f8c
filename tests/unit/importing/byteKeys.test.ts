import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteKeys } from '$lib/core/import/byteKeys';

describe('byte keys', () => {
	test('equal bytes get the number of their first appearance, empty ones too, however far the table grows', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('', 'a', 'ab', 'b', 'HS-1', 'HS-10', 'Đ', 'x'.repeat(40)), { maxLength: 200 }), (words) => {
				const encoded = words.map((word) => new TextEncoder().encode(word));
				const data = new Uint8Array(encoded.reduce((sum, bytes) => sum + bytes.length, 0));
				const starts: number[] = [];
				encoded.reduce((at, bytes) => (data.set(bytes, at), starts.push(at), at + bytes.length), 0);
				const keys = new ByteKeys(data, 1); // sized for one key: every word past the first few makes it grow
				const numbers = encoded.map((bytes, index) => keys.key(starts[index], starts[index] + bytes.length));
				// Independent expectation: the index of each word among the distinct words, in order of appearance.
				const distinct = [...new Set(words)];
				expect(numbers).toEqual(words.map((word) => distinct.indexOf(word)));
				expect(keys.size).toBe(distinct.length);
			}),
			{ numRuns: 300 }
		);
	});

	test('byte strings of every length around the packed limit, alike but for one byte, stay apart', () => {
		// Few byte values, 0 and 255 among them, so that strings of 10–13 bytes often differ in one place only.
		const strings = fc.array(fc.uint8Array({ maxLength: 14 }).map((bytes) => bytes.map((byte) => [0, 1, 65, 255][byte % 4])), {
			maxLength: 300
		});
		fc.assert(
			fc.property(strings, (all) => {
				const data = new Uint8Array(all.reduce((sum, bytes) => sum + bytes.length, 0));
				const starts: number[] = [];
				all.reduce((at, bytes) => (data.set(bytes, at), starts.push(at), at + bytes.length), 0);
				const keys = new ByteKeys(data, 4);
				const numbers = all.map((bytes, index) => keys.key(starts[index], starts[index] + bytes.length));
				const names = all.map((bytes) => bytes.join(','));
				const distinct = [...new Set(names)];
				expect(numbers).toEqual(names.map((name) => distinct.indexOf(name)));
			}),
			{ numRuns: 300 }
		);
	});
});
