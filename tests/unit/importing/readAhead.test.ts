import { describe, expect, test } from 'vitest';
import { canonicalCases, DISTINCT_LIMIT, readAhead, type CaseMapping } from '$lib/core/import/canonical';
import { parseCsv } from '$lib/core/import/readCsv';
import { proposeMapping } from '$lib/core/schema/dictionary';

/* Reading ahead while the user looks at the mapping: the confirmed import must find that work done, and the same. */

const HEADER = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Ghi chú';
const lines = Array.from({ length: 500 }, (_, i) => `HS-${i},0${1 + (i % 9)}/03/2021,TDP0${1 + (i % 7)},Khác,Mới tiếp nhận,ghi chú ${i % 3}`);
const text = [HEADER, ...lines].join('\n');

describe('reading ahead', () => {
	test('one task per mapped column; the import then uses what they found, and reads the same', () => {
		const table = parseCsv('a.csv', text);
		const { mapping } = proposeMapping(table.headers);
		const tasks = readAhead(table, mapping);
		// Six columns, five mapped (the note is not a field).
		expect(tasks).toHaveLength(5);
		tasks.forEach((task) => task());
		const found = table.columns.map((column) => column.distinct(DISTINCT_LIMIT));
		const ids = table.columns[0].asciiCells?.();

		const cases = canonicalCases(table, mapping, undefined, 2026);
		expect(cases.reported_on.codes).toBe(found[1]?.ids);
		expect(cases.group_code.codes).toBe(found[2]?.ids);
		expect(cases.case_id).toBe(ids);
		expect(cases).toEqual(canonicalCases(parseCsv('a.csv', text), mapping, undefined, 2026));
	});

	test('nothing to do for a mapping without columns', () => {
		const table = parseCsv('a.csv', text);
		const none = Object.fromEntries(Object.keys(proposeMapping(table.headers).mapping).map((field) => [field, null]));
		expect(readAhead(table, none as CaseMapping)).toEqual([]);
	});
});
