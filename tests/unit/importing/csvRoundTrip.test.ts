import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '$lib/core/db/engine';
import { openNodeEngine } from '$lib/core/db/node';
import { replaceDataset, wardRules } from '$lib/core/import/dataset';
import { parseGroupsGeojson } from '$lib/core/import/groups';
import { casesInput, prepareCases } from '$lib/core/import/pipeline';
import { CATEGORY_LABELS, STATUS_LABELS } from '$lib/core/import/values';
import { demoGroupsText } from '../support/demo';

/*
 * Random case tables written as a spreadsheet or a person might write them — any separator, quoting when needed
 * or always, LF or CRLF, with or without a byte-order mark, Vietnamese labels and dates in several forms, ids full
 * of quotes, separators and line breaks — come out of the whole import as exactly the rows put in.
 */

const TODAY = '2021-01-15';
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2018, 0, 1);

const idPiece = fc.constantFrom('VV', '7', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', 'Tổ', 'đ', 'ướ', 'Ữ', '=', '-', '<b>');
const caseId = fc
	.array(idPiece, { minLength: 1, maxLength: 6 })
	.map((pieces) => pieces.join(''))
	.filter((id) => id.trim() !== '');

const labelled = <C extends string>(labels: Record<C, string[]>) =>
	fc.constantFrom(...(Object.entries(labels) as [C, string[]][])).chain(([code, names]) =>
		fc.constantFrom(code as string, ...names).map((label) => ({ code, label }))
	);

const day = fc.integer({ min: 0, max: 3 * 365 }).map((offset) => new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10));
const dateForms = fc.constantFrom(
	(iso: string) => iso,
	(iso: string) => iso.split('-').reverse().join('/'),
	(iso: string) => iso.split('-').reverse().map(Number).join('/'),
	(iso: string) => iso.split('-').reverse().join('.')
);

const caseRow = fc.record({
	id: caseId,
	reported: day,
	dateForm: dateForms,
	group: fc.integer({ min: 1, max: 48 }).map((n) => `TDP${String(n).padStart(2, '0')}`),
	category: labelled(CATEGORY_LABELS),
	status: labelled(STATUS_LABELS),
	quoted: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })
});

const file = fc.record({
	rows: fc.uniqueArray(caseRow, { maxLength: 15, selector: (row) => row.id.trim().normalize('NFC') }),
	delimiter: fc.constantFrom(',', ';', '\t'),
	lineEnd: fc.constantFrom('\n', '\r\n'),
	bom: fc.boolean(),
	header: fc.constantFrom(
		['case_id', 'reported_on', 'group_code', 'category', 'status'],
		['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng'],
		['SỐ HỒ SƠ', 'NGAY XAY RA', 'TDP', 'Lĩnh vực', 'Kết quả']
	)
});

const field = (value: string, quoted: boolean) => (quoted || /[,;\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

describe('CSV round trip through the whole import (property)', () => {
	let engine: Engine;
	const groups = parseGroupsGeojson(demoGroupsText, 'groups.geojson');
	beforeAll(async () => {
		engine = await openNodeEngine();
	});

	test('random tables written as CSV and imported give back the same rows, all accepted', async () => {
		await fc.assert(
			fc.asyncProperty(file, async ({ rows, delimiter, lineEnd, bom, header }) => {
				const lines = [
					header.join(delimiter),
					...rows.map((row) =>
						[row.id, row.dateForm(row.reported), row.group, row.category.label, row.status.label]
							.map((value, column) => field(value, row.quoted[column]))
							.join(delimiter)
					)
				];
				const text = (bom ? '\ufeff' : '') + lines.join(lineEnd) + lineEnd;
				const prepared = await prepareCases({ name: 'random.csv', bytes: new TextEncoder().encode(text) });
				const cases = casesInput(prepared, prepared.mapping, undefined, { rules: wardRules(groups.groups, TODAY) });
				const loaded = await replaceDataset(engine, { groups: groups.groups, groupsReport: groups.report, cases });
				expect(loaded.reports[1]).toMatchObject({ read: rows.length, accepted: rows.length, rejected: 0 });

				const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.case_id) < String(b.case_id) ? -1 : 1);
				const stored = await engine.query('SELECT case_id, reported_on, group_code, category, status FROM cases');
				const expected = rows.map((row) => ({
					case_id: row.id.trim().normalize('NFC'),
					reported_on: row.reported,
					group_code: row.group,
					category: row.category.code,
					status: row.status.code
				}));
				expect(stored.sort(byId)).toEqual(expected.sort(byId));
			}),
			{ numRuns: 80 }
		);
	});
});
