import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { range, reachable } from '../support/feasible';
import { previousPeriod } from '../../src/lib/core/periods/periods';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Distribution copies disclose nothing (issue 13 §3). Each copy is solved as a reader would solve it: every number
 * it shows is read from the page and its CSV export (the KPI, the resolved and handling figures, the categories,
 * every group), and for each hidden cell the values it can still take are enumerated. The truth comes from the
 * demo's CSV, never from the app.
 */

type Shown = number | '<5' | 'x';

const rows = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const groupCodes = [...new Set(rows.map((row) => row[2]))];
const truth = (from: string, to: string, category?: string) => {
	const cases = rows.filter(([, reported, , cat]) => reported >= from && reported <= to && (!category || cat === category));
	const countBy = (index: number) => {
		const counts = new Map<string, number>();
		for (const row of cases) counts.set(row[index], (counts.get(row[index]) ?? 0) + 1);
		return counts;
	};
	return { total: cases.length, resolved: cases.filter((row) => row[4] === 'resolved').length, groups: countBy(2), categories: countBy(3) };
};

const read = (text: string | null): Shown => {
	const value = (text ?? '').trim();
	if (value === '<5' || value === 'x') return value;
	expect(value, 'a shown count').toMatch(/^\d[\d.]*$/);
	return Number(value.replaceAll('.', ''));
};

const browser = browserPerFile();

interface Copy {
	total: Shown;
	previousTotal: Shown;
	/** Each group's change against the previous period, null where the copy leaves it out. */
	changes: Map<string, number | null>;
	resolved: Shown;
	open30: Shown;
	escalated: Shown;
	categories: Map<string, Shown>;
	groups: Map<string, Shown>;
}

async function readCopy(page: Page): Promise<Copy> {
	const text = async (testId: string) => read(await page.getByTestId(testId).textContent());
	const categories = new Map(
		(await page
			.getByTestId('briefing-categories')
			.locator('tr')
			.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-category'), tr.getAttribute('data-count'), tr.querySelector('td')?.textContent]))
		).map(([code, count, cell]) => {
			expect(read(cell!)).toEqual(read(count!));
			return [code!, read(count!)] as const;
		})
	);
	const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	const lines = readFileSync((await csvDownload.path())!, 'utf8').replace('\uFEFF', '').trim().split('\r\n').slice(1);
	const groups = new Map(lines.map((line) => [line.split(',')[0], read(line.split(',')[2])] as const));
	const changes = new Map(lines.map((line) => [line.split(',')[0], line.split(',')[3] === '' ? null : Number(line.split(',')[3])]));
	// The page's top 5 are the export's first five, in the same order and with the same marks.
	const top = await page
		.getByTestId('ranking')
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-group'), tr.getAttribute('data-count')]));
	expect(top).toEqual(lines.slice(0, 5).map((line) => [line.split(',')[0], line.split(',')[2]]));
	return {
		total: await text('kpi-total'),
		previousTotal: await text('kpi-previous'),
		changes,
		resolved: await text('kpi-resolved'),
		open30: await text('open-30'),
		escalated: await text('escalated'),
		categories,
		groups
	};
}

/**
 * Every value each hidden cell can take given what the copy shows: a reader knows "<5" is 1–4, "x" at least 5 and
 * at most the smallest count shown in its table (a table all "x" tells nothing), the groups and the categories each
 * add up to the total, and the resolved leave room for the open and escalated cases. Enumerated, by total.
 */
function possibilities(copy: Copy, cap: number, category?: string): Map<string, Set<number>> {
	const options = (cells: Shown[]): number[][] => {
		const shown = cells.filter((cell): cell is number => typeof cell === 'number' && cell > 0);
		const whole = cells.length > 0 && cells.every((cell) => cell === 'x');
		const ceiling = Math.min(cap, ...shown);
		return cells.map((cell) =>
			whole ? range(0, cap) : cell === '<5' ? range(1, 4) : cell === 'x' ? range(5, ceiling) : [cell]
		);
	};
	// Chosen categories alone add up to the total (the category table is not filtered by category).
	const linked = [...copy.categories].filter(([code]) => !category || code === category);
	const least = (shown: Shown) => (shown === '<5' ? 1 : shown === 'x' ? 5 : shown);
	const busy = least(copy.open30) + least(copy.escalated);
	const tables = [
		{ keys: [...copy.groups.keys()].map((key) => `group ${key}`), values: options([...copy.groups.values()]) },
		{ keys: linked.map(([key]) => `category ${key}`), values: options(linked.map(([, shown]) => shown)) }
	];
	const resolvedOptions = options([copy.resolved])[0];
	const totals = copy.total === '<5' ? range(1, 4) : copy.total === 'x' ? range(5, cap) : [copy.total];
	const found = new Map<string, Set<number>>([['total', new Set()], ['resolved', new Set()]]);
	for (const { keys } of tables) for (const key of keys) found.set(key, new Set());
	const reach = tables.map(({ values }) => values.map((_, i) => reachable(values.filter((__, j) => j !== i))));
	const whole = tables.map(({ values }) => reachable(values));
	for (const total of totals) {
		if (!whole.every((sums) => sums.has(total))) continue;
		const resolved = resolvedOptions.filter((value) => value <= total - busy);
		if (resolved.length === 0) continue;
		found.get('total')!.add(total);
		for (const value of resolved) found.get('resolved')!.add(value);
		tables.forEach(({ keys, values }, t) =>
			values.forEach((cellOptions, i) => {
				for (const value of cellOptions) if (reach[t][i].has(total - value)) found.get(keys[i])!.add(value);
			})
		);
	}
	return found;
}


const PERIODS: [from: string, to: string, category: string][] = [
	['2018-01-01', '2018-01-31', ''],
	['2018-01-01', '2018-03-31', ''],
	['2018-07-01', '2018-09-30', ''],
	['2019-02-01', '2019-02-28', ''],
	['2019-04-01', '2019-06-30', ''],
	['2019-11-01', '2019-11-30', ''],
	['2020-08-01', '2020-08-31', ''],
	['2020-10-01', '2020-12-31', ''],
	// Four land cases in four groups: each "<5" would be 1, so the groups are hidden whole.
	['2020-08-01', '2020-08-31', 'land'],
	['2019-07-01', '2019-09-30', 'family']
];

describe('distribution copies disclose nothing', () => {
	test.each(PERIODS.map(([from, to, category]) => [from, to, category ? `(cat=${category})` : '', category]))(
		'the demo copy of %s – %s %s solved as a reader would: no hidden count is pinned, and the marks tell no lie',
		async (from, to, _, category) => {
			const { page, errors } = await openDrawnPage(
				browser(),
				`/briefing?from=${from}&to=${to}${category ? `&cat=${category}` : ''}&dist=1`
			);
			await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
			const copy = await readCopy(page);
			const real = truth(from, to, category);
			expect(copy.groups.size).toBe(groupCodes.length);

			// No count from 1 to 4 is printed; each mark stands for what it says ("x" 5 or more, or a table hidden whole).
			const check = (shown: Shown, count: number, whole = false) => {
				if (typeof shown === 'number') expect(shown).toBe(count);
				else if (shown === '<5') expect(count >= 1 && count <= 4).toBe(true);
				else if (!whole) expect(count).toBeGreaterThanOrEqual(5);
			};
			const wholeTable = (table: Map<string, Shown>) => [...table.values()].every((shown) => shown === 'x');
			check(copy.total, real.total);
			check(copy.resolved, real.resolved);
			for (const [code, shown] of copy.groups) check(shown, real.groups.get(code) ?? 0, wholeTable(copy.groups));
			const everyCategory = truth(from, to).categories;
			for (const [code, shown] of copy.categories) check(shown, everyCategory.get(code) ?? 0, wholeTable(copy.categories));

			const found = possibilities(copy, real.total + 10, category);
			const values: [string, [Shown, number]][] = [
				['total', [copy.total, real.total]],
				['resolved', [copy.resolved, real.resolved]],
				...[...copy.groups].map(([code, shown]): [string, [Shown, number]] => [`group ${code}`, [shown, real.groups.get(code) ?? 0]]),
				...[...copy.categories]
					.filter(([code]) => !category || code === category)
					.map(([code, shown]): [string, [Shown, number]] => [`category ${code}`, [shown, everyCategory.get(code) ?? 0]])
			];
			const hidden = values.filter(([, [shown]]) => typeof shown !== 'number');
			expect(hidden.length).toBeGreaterThan(0);
			for (const [key, [, count]] of hidden) {
				expect(found.get(key)!.has(count), `${key} can be what it is`).toBe(true);
				expect(found.get(key)!.size, `${key} is pinned`).toBeGreaterThan(1);
			}

			// The previous period: a change shown beside a shown count gives the group's earlier count; the others
			// add up to the rest of the previous total, so an earlier count of 1–4 must have company among them.
			const before = previousPeriod({ from, to });
			const earlier = truth(before.from, before.to, category);
			check(copy.previousTotal, earlier.total);
			const unknown = [...copy.changes].filter(([code, change]) => change === null || typeof copy.groups.get(code) !== 'number');
			for (const [code, change] of copy.changes) {
				const count = copy.groups.get(code);
				if (change === null || typeof count !== 'number') continue;
				expect(count - change).toBe(earlier.groups.get(code) ?? 0);
				expect(count - change >= 1 && count - change <= 4, `${code} before`).toBe(false);
			}
			for (const [code] of unknown) {
				const count = earlier.groups.get(code) ?? 0;
				if (count >= 1 && count <= 4) expect(unknown.length > 1 || typeof copy.previousTotal !== 'number', `${code} before`).toBe(true);
			}

			// The sentences carry no count the tables hide.
			const sentences = (await page.getByTestId('briefing-sentences').textContent()) ?? '';
			expect(sentences).not.toMatch(/(^|[^\d.,])[1-4] vụ/);
			expect(errors).toEqual([]);
			await page.close();
		},
		60_000
	);

	test('the Excel export of a distribution copy holds the page’s marks and no monthly trend', async () => {
		const { page } = await openDrawnPage(browser(), '/briefing?from=2018-01-01&to=2018-03-31&dist=1');
		await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
		const copy = await readCopy(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile((await download.path())!);
		expect(workbook.worksheets).toHaveLength(2);
		const [ranking, categories] = workbook.worksheets;
		const cells = (sheet: ExcelJS.Worksheet, column: number) =>
			sheet.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[])[column]);
		expect(cells(ranking, 1)).toEqual([...copy.groups.keys()]);
		expect(cells(ranking, 3)).toEqual([...copy.groups.values()]);
		expect(cells(categories, 2)).toEqual([...copy.categories.values()]);
		await page.close();
	});
});
