import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Links a user can paste that the page cannot show as written (issue 13 §2): a period far outside the data and a
 * distribution switch written another way. Each is corrected, said, and never shows a raw database error or an
 * unsuppressed copy. Expected counts come from the demo's CSV, not from the app.
 */

const reported = readFileSync('data/demo/cases.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',')[1])
	.sort();
const [firstDate, lastDate] = [reported[0], reported[reported.length - 1]];

const browser = browserPerFile();

describe('URL corrections', () => {
	test('a period far outside the data (from=1000-01-01, to=9999-12-31) shows the whole data and says so', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/?from=1000-01-01&to=9999-12-31');
		await page.getByTestId('url-corrections').waitFor({ state: 'visible' });
		await page.waitForURL((url) => url.searchParams.get('from') === firstDate && url.searchParams.get('to') === lastDate);
		const notice = (await page.getByTestId('url-corrections').innerText()) ?? '';
		expect(notice).toContain('from=1000-01-01');
		expect(notice).toContain('to=9999-12-31');
		await expect.poll(async () => (await page.getByTestId('kpi-total').textContent())?.trim().replace(/\./g, '')).toBe(
			String(reported.length)
		);
		expect(await page.getByRole('alert').count(), 'no error message on the page').toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the briefing reports the same corrections as the dashboard and still draws', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/briefing?from=1000-01-01&to=2018-12-31&cat=xyz');
		const notice = await page.getByTestId('url-corrections').innerText();
		expect(notice).toContain('from=1000-01-01');
		expect(notice).toContain('xyz');
		const expected = reported.filter((date) => date <= '2018-12-31').length;
		await expect.poll(async () => (await page.getByTestId('kpi-total').textContent())?.trim().replace(/\./g, '')).toBe(
			String(expected)
		);
		expect(errors).toEqual([]);
		await page.close();
	});

	for (const value of ['yes', 'true']) {
		test(`dist=${value} gives the distribution copy and says so, never an unsuppressed copy`, async () => {
			const { page } = await openDrawnPage(browser(), `/briefing?from=2020-08-01&to=2020-08-31&dist=${value}`);
			expect(await page.getByTestId('suppression-note').count()).toBe(1);
			expect(await page.getByTestId('distribution-toggle').isChecked()).toBe(true);
			expect(await page.getByTestId('url-corrections').innerText()).toContain(`dist=${value}`);
			const counts = await page
				.getByTestId('ranking')
				.locator('tbody tr')
				.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-count') ?? ''));
			for (const count of counts) expect(count, count).not.toMatch(/^[1-4]$/);
			await page.close();
		});
	}

	test('dist=0 is the full copy, with nothing to correct', async () => {
		const { page } = await openDrawnPage(browser(), '/briefing?from=2020-08-01&to=2020-08-31&dist=0');
		expect(await page.getByTestId('suppression-note').count()).toBe(0);
		expect(await page.getByTestId('url-corrections').count()).toBe(0);
		await page.close();
	});
});
