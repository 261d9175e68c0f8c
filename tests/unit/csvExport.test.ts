import { describe, expect, test } from 'vitest';
import { neutralise, toCsv } from '../../src/lib/core/briefing/csv';

describe('CSV exports', () => {
	test.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
		'%j is neutralised with a leading apostrophe',
		(cell) => {
			expect(neutralise(cell)).toBe(`'${cell}`);
		}
	);

	test('numbers, dates and plain text are kept; a negative number stays a number', () => {
		expect(neutralise(-3)).toBe('-3');
		expect(neutralise(new Date(Date.UTC(2020, 6, 30)))).toBe('2020-07-30');
		expect(neutralise('Tổ dân phố 1')).toBe('Tổ dân phố 1');
		expect(neutralise(null)).toBe('');
	});

	test('BOM, CRLF, quoting of commas, quotes and newlines', () => {
		expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 1]])).toBe(
			'\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",1\r\n'
		);
	});
});
