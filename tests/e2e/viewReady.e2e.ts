import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE_URL, watchPage } from './browser';
import { importOutcome } from './importing';
import { browserPerFile } from './perFile';

/*
 * Issue 14 part 2: the page says when every panel shows the address bar's view (`data-ready`, `data-view`), and
 * once the case index is built every panel is counted from it (`data-answered-by`), with the numbers SQL gives.
 * Expected counts come from the demo's CSV.
 */

const cases = readFileSync('data/demo/cases.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','));
const count = (from: string, to: string, category?: string) =>
	cases.filter(([, reported, , chosen]) => reported >= from && reported <= to && (!category || chosen === category)).length;

const dashboard = (page: Page) => page.getByTestId('dashboard');

/** Waits until every panel shows the address bar's view, and returns the view they show. */
async function shown(page: Page): Promise<string> {
	await page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
	return (await dashboard(page).getAttribute('data-view')) ?? '';
}

/** Every ranking row's group and count, as the page shows them. */
async function rankingCounts(page: Page): Promise<Record<string, string>> {
	const rows = page.locator('tr[data-group]');
	const pairs = await rows.evaluateAll((elements) => elements.map((row) => [row.getAttribute('data-group')!, row.getAttribute('data-count')!]));
	return Object.fromEntries(pairs);
}

const browser = browserPerFile();

describe('when the page shows a view', () => {
	test('data-view is the address bar’s view and every panel is ready once it is shown, also after a click', async () => {
		const page = await browser().newPage();
		const { errors } = watchPage(page);
		await page.goto(`${BASE_URL}/?from=2020-01-01&to=2020-12-31`);
		expect(await shown(page)).toBe(new URL(page.url()).searchParams.toString());
		expect(await page.locator('[data-panel]').count()).toBe(8);
		expect(await page.locator('[data-panel][data-ready="true"]').count()).toBe(8);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(String(count('2020-01-01', '2020-12-31')));

		await page.getByTestId('category-breakdown').locator('button').first().click();
		await page.waitForURL(/cat=/);
		const view = await shown(page);
		expect(view).toBe(new URL(page.url()).searchParams.toString());
		const category = new URLSearchParams(view).get('cat')!;
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(String(count('2020-01-01', '2020-12-31', category)));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('once the case index is built every panel is counted from it, with the numbers of the SQL path (index=off)', { timeout: 120_000 }, async () => {
		const path = '/?from=2019-04-01&to=2020-03-31&mode=gistar';
		const byIndex = await browser().newPage();
		await byIndex.goto(`${BASE_URL}${path}`);
		await byIndex.locator('[data-testid="dashboard"][data-answered-by="index"]').waitFor({ timeout: 60_000 });
		await shown(byIndex);
		const bySql = await browser().newPage();
		await bySql.goto(`${BASE_URL}${path}&index=off`);
		await shown(bySql);
		// The parameter is read once and dropped from the address; the panels stay on SQL.
		expect(new URL(bySql.url()).searchParams.has('index')).toBe(false);
		expect(await dashboard(bySql).getAttribute('data-answered-by')).toBe('sql');
		for (const testId of ['kpi-total', 'kpi-change', 'kpi-last-year']) expect(await byIndex.getByTestId(testId).textContent()).toBe(await bySql.getByTestId(testId).textContent());
		expect(await rankingCounts(byIndex)).toEqual(await rankingCounts(bySql));
		expect(Object.values(await rankingCounts(byIndex)).reduce((sum, n) => sum + Number(n), 0)).toBe(count('2019-04-01', '2020-03-31'));
		await Promise.all([byIndex.close(), bySql.close()]);
	});

	test('an import in the same tab drops the old index and builds the new data’s: the dashboard counts the imported cases from it', { timeout: 180_000 }, async () => {
		const page = await browser().newPage();
		await page.goto(`${BASE_URL}/`);
		await page.locator('[data-testid="dashboard"][data-answered-by="index"]').waitFor({ timeout: 60_000 });
		// to the Data page and back by the app's own links: the same tab, the same database, the same index
		await page.locator(`nav a[href^="/data"]`).click();
		const rows = Array.from({ length: 30 }, (_, i) => `N-${i + 1},${String(1 + (i % 28)).padStart(2, '0')}/03/2021,TDP${String(1 + (i % 48)).padStart(2, '0')},Khác,Mới tiếp nhận`);
		const csv = Buffer.from(['Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng', ...rows].join('\n') + '\n');
		const outcome = await importOutcome(
			page,
			[
				{ name: 'vu-viec.csv', mimeType: 'text/csv', buffer: csv },
				{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: readFileSync('data/demo/groups.geojson') }
			],
			false
		);
		expect(outcome).toEqual({ accepted: 30 });
		await page.locator(`nav a[href="/"]`).click();
		await page.locator('[data-testid="dashboard"][data-answered-by="index"]').waitFor({ timeout: 60_000 });
		await shown(page);
		// the default view, the last 12 months of the data, holds every imported case
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe('30');
		await page.close();
	});
});
