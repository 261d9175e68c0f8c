import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * The seasonality panel in Chromium. Every expected number is counted here from data/demo/cases.csv: the month
 * from the date's text, the ISO weekday (Monday = 1) from JavaScript's UTC calendar.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const columns = header.split(',');
const CASES = lines.map((line) => {
	const cells = line.split(',');
	return { reported_on: cells[columns.indexOf('reported_on')], category: cells[columns.indexOf('category')] };
});
type Case = (typeof CASES)[number];

function byMonth(keep: (c: Case) => boolean = () => true): number[] {
	const counts = new Array<number>(12).fill(0);
	for (const c of CASES.filter(keep)) counts[Number(c.reported_on.slice(5, 7)) - 1] += 1;
	return counts;
}

function byWeekday(keep: (c: Case) => boolean = () => true): number[] {
	const counts = new Array<number>(7).fill(0);
	for (const c of CASES.filter(keep)) counts[(new Date(`${c.reported_on}T00:00:00Z`).getUTCDay() + 6) % 7] += 1;
	return counts;
}

const sum = (counts: number[], months: number[]) => months.reduce((total, month) => total + counts[month - 1], 0);
const vietnameseInteger = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

interface Shown {
	months: number[];
	weekdays: number[];
	/** Each month row's cells as the page writes them: name, count, average per year. */
	monthTexts: string[][];
}

async function shown(page: Page): Promise<Shown> {
	return page.$eval('[data-testid="seasonality"]', (panel) => {
		const counts = (attribute: string) =>
			[...panel.querySelectorAll(`[${attribute}]`)]
				.sort((a, b) => Number(a.getAttribute(attribute)) - Number(b.getAttribute(attribute)))
				.map((row) => Number(row.getAttribute('data-count')));
		return {
			months: counts('data-month'),
			weekdays: counts('data-weekday'),
			monthTexts: [...panel.querySelectorAll('[data-month]')].map((row) =>
				[...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())
			)
		};
	});
}

/** Waits until the panel shows `months` (it follows the URL a moment later), then reads it. */
async function waitForMonths(page: Page, months: number[]): Promise<Shown> {
	try {
		await page.waitForFunction(
			(want) => {
				const rows = [...document.querySelectorAll('[data-testid="seasonality"] [data-month]')];
				return rows.length === 12 && rows.every((row, i) => Number(row.getAttribute('data-count')) === want[i]);
			},
			months,
			{ timeout: 30_000 }
		);
	} catch {
		throw new Error(`seasonality shows ${JSON.stringify((await shown(page)).months)}, expected ${JSON.stringify(months)}`);
	}
	return shown(page);
}

const browser = browserPerFile();
const neighbour = (c: Case) => c.category === 'neighbour';

describe('seasonality: cases by month of the year and by day of the week', () => {
	test('the chairperson sees the summer peak of the whole data, whatever period the dashboard shows', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/');
		const all = await waitForMonths(page, byMonth());
		expect(all.weekdays).toEqual(byWeekday());
		expect(all.months.reduce((a, b) => a + b)).toBe(CASES.length);
		// What the page says is what its hooks hold; the demo's three whole years divide each month.
		const years = new Set(CASES.map((c) => c.reported_on.slice(0, 4))).size;
		all.monthTexts.forEach(([name, count, average], i) => {
			expect(name).toBe(`Tháng ${i + 1}`);
			expect(count).toBe(vietnameseInteger(all.months[i]));
			expect(average).toBe((all.months[i] / years).toFixed(1).replace('.', ','));
		});
		expect(await page.getByTestId('seasonality').locator('thead').first().innerText()).toContain(`(${years} năm)`);

		// The planted swing: May–August about twice March–April with October–November (same number of months).
		const peak = sum(all.months, [5, 6, 7, 8]);
		const shoulders = sum(all.months, [3, 4, 10, 11]);
		console.log(`[seasonality] May–August ${peak}, March–April + October–November ${shoulders}, ratio ${(peak / shoulders).toFixed(2)}`);
		expect(peak).toBeGreaterThan(1.5 * shoulders);

		await page.goto(`${page.url().split('?')[0]}?from=2019-04-01&to=2019-06-30`);
		await page.waitForFunction(
			(want) => document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() === want,
			String(CASES.filter((c) => c.reported_on >= '2019-04-01' && c.reported_on <= '2019-06-30').length)
		);
		expect(await shown(page)).toEqual(all);
		expect(errors).toEqual([]);
	});

	test('a mediator chooses neighbour disputes: their months follow the filter, not the period, and come back on reload', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/?lang=en');
		await page.getByTestId('category-toggle').click();
		await page.getByTestId('category-neighbour').check();
		await page.getByTestId('category-toggle').click();
		const chosen = await waitForMonths(page, byMonth(neighbour));
		expect(page.url()).toContain('cat=neighbour');
		expect(chosen.weekdays).toEqual(byWeekday(neighbour));
		expect(chosen.monthTexts.map(([name]) => name).slice(0, 2)).toEqual(['January', 'February']);
		expect(await page.getByTestId('seasonality').innerText()).toContain('By month of the year');
		// Neighbour disputes (power, water) are planted to peak in May–August.
		expect(sum(chosen.months, [5, 6, 7, 8])).toBeGreaterThan(1.5 * sum(chosen.months, [3, 4, 10, 11]));

		await page.goto(page.url().replace(/from=[^&]*&to=[^&]*/, 'from=2020-10-01&to=2020-12-31'));
		await page.waitForFunction(
			(want) => document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() === want,
			String(CASES.filter((c) => neighbour(c) && c.reported_on >= '2020-10-01').length)
		);
		expect(await shown(page)).toEqual(chosen);
		await page.reload();
		expect(await waitForMonths(page, byMonth(neighbour))).toEqual(chosen);
		expect(errors).toEqual([]);
	});

	test('spontaneous clashes gather around Tết, January–February', async () => {
		const { page } = await openDrawnPage(browser(), '/?cat=spontaneous');
		const spontaneous = await waitForMonths(page, byMonth((c) => c.category === 'spontaneous'));
		const perMonth = (months: number[]) => sum(spontaneous.months, months) / months.length;
		expect(perMonth([1, 2])).toBeGreaterThan(1.5 * perMonth([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
	});
});
