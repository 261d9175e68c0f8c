import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '$lib/core/import/readCsv';
import { isFooterLine } from '$lib/core/import/tableLayout';

/*
 * The CSV reader keeps each cell as where it lies in the file's bytes. Its two quick ways in — every cell of a
 * column at once (`cells`), and the distinct cells with each row's index among them (`distinct`) — must give
 * exactly what reading cell by cell gives.
 */

const cellText = fc.oneof(
	fc.constantFrom('', ' ', 'TDP01', 'HS-0000001', 'Đất đai', 'a,b', 'say "hi"', 'two\nlines', '13/01/2020', ' x ', '\u200b', '~!'),
	fc.string({ maxLength: 6 })
);
/** What `parseText` leaves as it is: printable ASCII with nothing to trim. */
const PLAIN = /^[!-~](?:[ -~]*[!-~])?$/;
const BLANK = /^[\s\u200b\ufeff]*$/;
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const table = fc.record({
	width: fc.integer({ min: 1, max: 4 }),
	quoteAll: fc.boolean(),
	rows: fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 })
});

describe('CSV columns', () => {
	test('cell(), cells(), distinct() and asciiCells() give back the cells written, quoted or not', () => {
		fc.assert(
			fc.property(table, ({ width, quoteAll, rows }) => {
				// A last row reading "sum" or "Tổng cộng" is a footer, which `tableLayout.test.ts` covers.
				fc.pre(!rows.some((row) => isFooterLine(row.slice(0, width))));
				const header = Array.from({ length: width }, (_, i) => `h${i}`).join(',');
				const lines = rows.map((row) =>
					row
						.slice(0, width)
						.map((text) => (quoteAll || /[",\n\r]/.test(text) ? quote(text) : text))
						.join(',')
				);
				const parsed = parseCsv('t.csv', [header, ...lines].join('\n'));
				// Rows of nothing but white space are skipped by the reader (see `parseCsvBytes`).
				const written = rows.map((row) => row.slice(0, width)).filter((row) => !row.every((text) => BLANK.test(text)));
				parsed.columns.forEach((column, index) => {
					const oneByOne = Array.from({ length: column.length }, (_, row) => column.cell(row));
					expect(oneByOne).toEqual(written.map((row) => row[index]));
					expect(column.cells()).toEqual(oneByOne);
					const distinct = column.distinct(1000);
					expect(distinct).not.toBeNull();
					expect(Array.from(distinct!.ids, (id) => distinct!.values[id])).toEqual(oneByOne);
					// As bytes only when every cell is plain printable ASCII, written without quotes.
					const ascii = column.asciiCells?.() ?? null;
					const unquoted = (cell: unknown) => !quoteAll && !/[",]/.test(String(cell));
					const plain = oneByOne.every((cell) => PLAIN.test(String(cell)) && unquoted(cell));
					expect(ascii !== null).toBe(plain);
					if (ascii) {
						const texts = Array.from({ length: column.length }, (_, row) =>
							new TextDecoder().decode(ascii.data.subarray(ascii.offsets[row], ascii.offsets[row + 1]))
						);
						expect(texts).toEqual(oneByOne);
					}
				});
			}),
			{ numRuns: 300 }
		);
	});

	test('distinct() gives up past its limit, and on a big column of mostly distinct cells', () => {
		const ids = Array.from({ length: 30_000 }, (_, i) => `HS-${i}`);
		const parsed = parseCsv('t.csv', ['id,group', ...ids.map((id, i) => `${id},TDP0${i % 3}`)].join('\n'));
		const [idColumn, groupColumn] = parsed.columns;
		expect(idColumn.distinct(100_000)).toBeNull();
		expect(groupColumn.distinct(2)).toBeNull();
		expect(groupColumn.distinct(3)?.values).toEqual(['TDP00', 'TDP01', 'TDP02']);
		expect(idColumn.cells()).toEqual(ids);
	});
});
