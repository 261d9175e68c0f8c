import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { caseExportQuery, keyFiguresQuery } from '../../src/lib/core/queries/dashboard';
import { readCaseRows, readKeyFigures } from '../../src/lib/core/queries/results';
import type { View } from '../../src/lib/core/queries/view';
import { toCsv } from '../../src/lib/core/briefing/csv';
import { toXlsx } from '../../src/lib/core/briefing/xlsx';
import { compareShown, suppressCount } from '../../src/lib/core/briefing/suppression';
import { briefingSentences, type BriefingFacts } from '../../src/lib/core/briefing/sentences';
import { caseSheet } from '../../src/lib/ui/briefing/exports';
import { formatter, messages } from '../../src/lib/i18n/format';
import { demoCasesText, engineWithDemo } from './support/demo';

/** The same-period-last-year figure and the case list export, on the demo ward, against plain reads of its CSV. */

let engine: Engine;

beforeAll(async () => {
	engine = await engineWithDemo();
});

function view(overrides: Partial<View>): View {
	return { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

/** Every demo case as its CSV cells by column name (the demo CSV has no quoted fields). */
const csvCases = (() => {
	const [header, ...lines] = demoCasesText.trim().split('\n');
	const names = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(names.map((name, i) => [name, cells[i]])) as Record<string, string>;
	});
})();

function selected(from: string, to: string, keep: (c: Record<string, string>) => boolean = () => true) {
	return csvCases.filter((c) => c.reported_on >= from && c.reported_on <= to && keep(c));
}

describe('same period last year', () => {
	const cases: [string, Partial<View>, string, string, (c: Record<string, string>) => boolean][] = [
		['a calendar quarter', { from: '2020-07-01', to: '2020-09-30' }, '2019-07-01', '2019-09-30', () => true],
		['a reporting quarter', { from: '2020-06-15', to: '2020-09-14' }, '2019-06-15', '2019-09-14', () => true],
		[
			'a custom range with a category and a group',
			{ from: '2020-02-10', to: '2020-05-03', categories: ['land', 'neighbour'], groups: ['TDP25', 'TDP14'] },
			'2019-02-10',
			'2019-05-03',
			(c) => ['land', 'neighbour'].includes(c.category) && ['TDP25', 'TDP14'].includes(c.group_code)
		],
		['a whole year', {}, '2019-01-01', '2019-12-31', () => true]
	];
	test.each(cases)('%s counts the same dates a year earlier', async (_, overrides, from, to, keep) => {
		const v = view(overrides);
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(v)));
		expect(figures.lastYearTotal).toBe(selected(from, to, keep).length);
		expect(figures.total).toBe(selected(v.from, v.to, keep).length);
		expect(figures.lastYearTotal).toBeGreaterThan(0);
	});

	test('the previous period is still counted when the view is two years long', async () => {
		const figures = readKeyFigures(await engine.query(keyFiguresQuery(view({ from: '2019-01-01', to: '2020-12-31' }))));
		expect(figures.previousTotal).toBe(selected('2017-01-01', '2018-12-31').length);
		expect(figures.lastYearTotal).toBe(selected('2018-01-01', '2019-12-31').length);
	});
});

describe('suppression of the change against last year (distribution copies)', () => {
	test('counts of 1–4 are "<5" and a change that would give one back is hidden', () => {
		const compared = (current: number, earlier: number) => compareShown(suppressCount(current), suppressCount(earlier));
		expect(suppressCount(3)).toBe('<5');
		expect(compared(12, 3)).toBeNull();
		expect(compared(3, 12)).toBeNull();
		expect(compared(15, 10)).toEqual({ change: 5, share: 0.5 });
		expect(compared(7, 0)).toEqual({ change: 7, share: null });
		expect(compareShown(12, 3)).toEqual({ change: 9, share: 3 });
	});

	const facts: BriefingFacts = {
		period: 'quý III/2020',
		previousPeriod: 'quý II/2020',
		total: 40,
		previousTotal: 38,
		resolved: 30,
		topGroups: [],
		open90: 0,
		escalated: 0,
		hotspotNames: null
	};
	const integer = formatter('vi').integer;

	test('the sentence gives no percentage against a hidden last-year count', () => {
		const [sentence] = briefingSentences({ ...facts, sameLastYear: '<5' }, 'vi', integer);
		expect(sentence).toBe(
			'Trong quý III/2020, toàn phường tiếp nhận 40 vụ việc, tăng 5 % so với quý II/2020 và so với <5 vụ việc trong cùng kỳ năm trước.'
		);
	});

	test('no data for last year leaves the comparison out', () => {
		const [sentence] = briefingSentences({ ...facts, sameLastYear: null }, 'vi', integer);
		expect(sentence).not.toContain('cùng kỳ');
	});
});

describe('the case list export', () => {
	const text = messages('vi');
	const format = formatter('vi');
	const groupNames = new Map([['TDP25', 'Tổ 25']]);

	test('holds every case of the filters, not a page, with the anonymised fields only', async () => {
		const v = view({ from: '2019-04-01', to: '2019-09-30', categories: ['land', 'family'], statuses: ['resolved', 'mediating'] });
		const keep = (c: Record<string, string>) =>
			['land', 'family'].includes(c.category) && ['resolved', 'mediating'].includes(c.status);
		const expected = selected(v.from, v.to, keep);
		expect(expected.length).toBeGreaterThan(15);

		const sheet = caseSheet(readCaseRows(await engine.query(caseExportQuery(v))), groupNames, text, format);
		expect(sheet.rows).toHaveLength(expected.length);
		// Ten columns, the coordinates not among them (their values are checked below).
		expect(sheet.headers).toHaveLength(10);
		const byId = new Map(sheet.rows.map((row) => [row[0], row]));
		expect([...byId.keys()].sort()).toEqual(expected.map((c) => c.case_id).sort());
		for (const c of expected) {
			const row = byId.get(c.case_id)!;
			const dmy = (iso: string) => iso.split('-').reverse().join('/');
			expect(row[1]).toBe(dmy(c.reported_on));
			expect(row[2]).toBe(c.group_code);
			expect(row[4]).toBe(text.category[c.category as 'land']);
			expect(row[5]).toBe(text.status[c.status as 'resolved']);
			expect(row[6]).toBe(c.resolved_on ? dmy(c.resolved_on) : null);
		}
		expect(sheet.rows.flat().map(String)).not.toContain(expected[0].lat);

		// The CSV has a header, one line per case and the byte-order mark; the .xlsx the same rows.
		const csv = toCsv(sheet.headers, sheet.rows);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.trimEnd().split('\r\n')).toHaveLength(expected.length + 1);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx([sheet])).buffer as ArrayBuffer);
		expect(workbook.worksheets[0].rowCount).toBe(expected.length + 1);
	});

	test('a group view exports that group only', async () => {
		const v = view({ groups: ['TDP25'] });
		const sheet = caseSheet(readCaseRows(await engine.query(caseExportQuery(v))), groupNames, text, format);
		expect(sheet.rows).toHaveLength(selected(v.from, v.to, (c) => c.group_code === 'TDP25').length);
		expect(new Set(sheet.rows.map((row) => row[3]))).toEqual(new Set(['Tổ 25']));
	});

	test('only cases still open that patrols found: the export holds exactly those, each saying its source', async () => {
		const v = view({ statuses: ['received', 'mediating'], sources: ['patrol'] });
		const expected = selected(v.from, v.to, (c) => ['received', 'mediating'].includes(c.status) && c.source === 'patrol');
		expect(expected.length).toBeGreaterThan(0);
		const sheet = caseSheet(readCaseRows(await engine.query(caseExportQuery(v))), groupNames, text, format);
		expect(sheet.rows.map((row) => row[0]).sort()).toEqual(expected.map((c) => c.case_id).sort());
		expect(new Set(sheet.rows.map((row) => row[8]))).toEqual(new Set([text.source.patrol]));
	});
});
