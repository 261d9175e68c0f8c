import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { EMERGING_CLUSTER } from '../../data/demo/patterns';
import { waitForMap } from './browser';
import { pdfPages } from './pdfText';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Early warning (issue 15, part 6) as the committee meets it. The expected flags are worked out here from the CSV
 * with this file's own Poisson sum, not the app's module: x cases in the month against the mean of the 12 months
 * before, flagged when x ≥ 3 and P(X ≥ x) < 0.01.
 */

const cases = readFileSync('data/demo/cases.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','))
	.map(([, reported, group, category]) => ({ month: reported.slice(0, 7), group, category }));

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
/** P(X ≥ x) = 1 − Σ_{k<x} e^−λ λ^k / k!; fine for the small x and λ of the demo (0^0 = 1 gives 0 at λ = 0). */
const tail = (x: number, lambda: number) => {
	let below = 0;
	for (let k = 0; k < x; k++) below += (Math.exp(-lambda) * lambda ** k) / factorial(k);
	return 1 - below;
};

function monthBefore(month: string, back: number): string {
	const [year, number] = month.split('-').map(Number);
	const index = year * 12 + number - 1 - back;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const byCode = (a: string, b: string) => Number(a.slice(3)) - Number(b.slice(3));

function expectedFlags(month: string, keep: (c: (typeof cases)[number]) => boolean = () => true) {
	const baseline = new Set(Array.from({ length: 12 }, (_, i) => monthBefore(month, i + 1)));
	const counts = new Map<string, { x: number; past: number }>();
	for (const c of cases.filter(keep)) {
		const entry = counts.get(c.group) ?? { x: 0, past: 0 };
		if (c.month === month) entry.x += 1;
		if (baseline.has(c.month)) entry.past += 1;
		counts.set(c.group, entry);
	}
	return [...counts]
		.map(([group, { x, past }]) => ({ group, count: x, expected: past / 12, p: tail(x, past / 12) }))
		.filter((flag) => flag.count >= 3 && flag.p < 0.01)
		.sort((a, b) => a.p - b.p || b.count - a.count || byCode(a.group, b.group))
		.map(({ group, count, expected }) => ({ group, count: String(count), expected: expected.toFixed(1) }));
}

async function shownFlags(page: Page) {
	const panel = page.getByTestId('alerts');
	await panel.waitFor();
	return panel
		.locator('[data-group]')
		.evaluateAll((rows) =>
			rows.map((row) => ({
				group: row.getAttribute('data-group'),
				count: row.getAttribute('data-count'),
				expected: row.getAttribute('data-expected')
			}))
		);
}

const browser = browserPerFile();

describe('early warning on the demo ward', () => {
	test.each([
		['a quarter ending in September 2020', '?from=2020-07-01&to=2020-09-30', '2020-09'],
		['October 2020', '?from=2020-10-01&to=2020-10-31', '2020-10'],
		['a reporting quarter ending mid-October, whose last whole month is September', '?from=2020-07-15&to=2020-10-14', '2020-09']
	])('the emerging cluster is flagged for %s, as the CSV’s own counts say', async (_, query, month) => {
		const { page, errors } = await openDrawnPage(browser(), `/${query}`);
		const expected = expectedFlags(month);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.every((flag) => EMERGING_CLUSTER.codes.includes(flag.group))).toBe(true);
		await expect.poll(() => shownFlags(page)).toEqual(expected);
		const first = page.getByTestId('alerts').locator('li').first();
		const [year, number] = month.split('-');
		expect(await first.textContent()).toMatch(new RegExp(`^Tổ dân phố \\d+: \\d+ vụ trong tháng ${number}/${year}, `));
		expect(await page.getByTestId('alerts').getAttribute('data-month')).toBe(month);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the category filter applies: land disputes flag TDP32 in October, family disputes nothing', async () => {
		const { page } = await openDrawnPage(browser(), '/?from=2020-10-01&to=2020-10-31&cat=land');
		const land = expectedFlags('2020-10', (c) => c.category === 'land');
		expect(land.map((flag) => flag.group)).toEqual(['TDP32']);
		await expect.poll(() => shownFlags(page)).toEqual(land);
		await page.goto(page.url().replace('cat=land', 'cat=family'));
		await expect.poll(() => shownFlags(page)).toEqual(expectedFlags('2020-10', (c) => c.category === 'family'));
		expect(await page.getByTestId('alerts').textContent()).toContain('Không có tổ dân phố nào tăng bất thường trong tháng 10/2020');
		await page.close();
	});

	test('a period without a whole month, or with too little history, says so and flags nothing; a shorter history says its length', async () => {
		const { page } = await openDrawnPage(browser(), '/?from=2020-09-15&to=2020-10-14&lang=en');
		const panel = page.getByTestId('alerts');
		await expect.poll(() => panel.textContent()).toContain('The period holds no whole month with data');
		await page.goto(page.url().replace('2020-09-15', '2018-02-01').replace('2020-10-14', '2018-02-28'));
		await expect.poll(() => panel.textContent()).toContain('Only 1 month of data before 02/2018');
		expect(await panel.locator('[data-group]').count()).toBe(0);
		await page.goto(page.url().replace('2018-02-01', '2018-06-01').replace('2018-02-28', '2018-06-30'));
		await expect.poll(() => panel.textContent()).toContain('Only 5 months of data come before this month');
		await page.close();
	});

	test('the briefing lists the same flags and says them in a sentence; its distribution copy writes "<5"', async () => {
		const expected = expectedFlags('2020-09');
		const { page } = await openDrawnPage(browser(), '/briefing?from=2020-07-01&to=2020-09-30');
		await expect.poll(() => shownFlags(page)).toEqual(expected);
		const sentences = page.getByTestId('briefing-sentences');
		await expect.poll(() => sentences.textContent()).toContain('Cảnh báo sớm tháng 09/2020: Tổ dân phố');
		await page.goto(`${page.url()}&dist=1`);
		const hidden = expected.map((flag) => ({ ...flag, count: Number(flag.count) < 5 ? '<5' : flag.count }));
		await expect.poll(async () => (await shownFlags(page)).map(({ group, count }) => ({ group, count }))).toEqual(
			hidden.map(({ group, count }) => ({ group, count }))
		);
		expect(await page.getByTestId('alerts').textContent()).not.toMatch(/(^|[^\d.,<])[1-4] vụ/);
		expect(await sentences.textContent()).not.toMatch(/(^|[^\d.,])[1-4] vụ/);
		// The sentence takes a line or two of page 1: the year's distribution copy, the fullest, still prints on 2 pages.
		await page.goto(page.url().replace('2020-07-01', '2020-01-01').replace('2020-09-30', '2020-12-31'));
		await waitForMap(page);
		await page.getByTestId('alerts').waitFor();
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }))).toBeLessThanOrEqual(2);
		await page.close();
	});
});
