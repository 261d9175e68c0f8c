import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PERSISTENT_CLUSTER, EMERGING_CLUSTER } from '../../data/demo/patterns';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * The statistical map modes of issue 4 as a user meets them: every mode draws with a legend, the planted
 * clusters of the demo ward show up, a group opens its detail. Classes are read from the ranking's
 * `data-class`, which holds the same class the map colours the group by.
 */

const browser = browserPerFile();
const open = (query: string) => openDrawnPage(browser(), `/${query}`);

async function classes(page: Page): Promise<Map<string, string>> {
	await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
	const rows = await page
		.locator('[data-testid="ranking"] tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-group'), tr.getAttribute('data-class')]));
	return new Map(rows.filter((row): row is [string, string] => row[0] !== null && row[1] !== null));
}

describe('statistical map modes', () => {
	test.each(['count', 'rate', 'change', 'gistar', 'lisa', 'emerging'])('mode %s draws with its legend', async (mode) => {
		const { page, errors } = await open(`?from=2020-01-01&to=2020-12-31&mode=${mode}`);
		expect(new URL(page.url()).searchParams.get('mode') ?? 'count').toBe(mode);
		const legend = page.getByTestId('map-legend');
		expect((await legend.locator('.title').textContent())?.trim()).not.toBe('');
		expect(await legend.locator('.entry').count()).toBeGreaterThanOrEqual(2);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('Gi* over the three years finds the persistent cluster hot at 95 % or more', async () => {
		const { page } = await open('?from=2018-01-01&to=2020-12-31&mode=gistar');
		const byGroup = await classes(page);
		expect(byGroup.size).toBe(48);
		const hot = PERSISTENT_CLUSTER.codes.filter((code) => Number(byGroup.get(code)) >= 2);
		// The cluster's core (at least three of its five groups) is hot at 95 % or more.
		expect(hot.length).toBeGreaterThanOrEqual(3);
		await page.close();
	});

	test('emerging hot spots: the planted emerging groups are new, consecutive or intensifying', async () => {
		const { page } = await open('?mode=emerging');
		const byGroup = await classes(page);
		for (const code of EMERGING_CLUSTER.codes) {
			expect(['new_hot', 'consecutive_hot', 'intensifying_hot'], code).toContain(byGroup.get(code));
		}
		await page.close();
	});

	test('the FDR switch is in the URL and changes the legend', async () => {
		const { page } = await open('?from=2020-10-01&to=2020-12-31&mode=gistar');
		const title = page.getByTestId('map-legend').locator('.title');
		const before = await title.textContent();
		await page.getByTestId('fdr-toggle').check();
		await page.waitForURL(/fdr=1/);
		await expect.poll(() => title.textContent()).not.toBe(before);
		await page.close();
	});

	test('clicking a group opens its detail: Gi* series and its own cases', async () => {
		const { page, errors } = await open('?from=2020-01-01&to=2020-12-31&mode=gistar');
		await page.locator('[data-testid="ranking"] tr[data-group="TDP25"]').click();
		await page.waitForURL(/group=TDP25/);
		const detail = page.getByTestId('group-detail');
		await detail.waitFor();
		expect(await detail.getAttribute('data-group')).toBe('TDP25');
		await page.getByTestId('gi-series').locator('svg').waitFor();
		const expected = readFileSync('data/demo/cases.csv', 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => line.split(','))
			.filter(([, reported, group]) => group === 'TDP25' && reported >= '2020-01-01' && reported <= '2020-12-31')
			.map(([id]) => id)
			.sort()
			.reverse();
		await expect.poll(() => page.getByTestId('case-list').locator('tbody tr').count()).toBe(Math.min(15, expected.length));
		const shownIds = await page.getByTestId('case-list').locator('tbody tr td:first-child').allTextContents();
		for (const id of shownIds) expect(expected).toContain(id);
		const analysis = await page.evaluate(() =>
			performance.getEntriesByName('analysis:compute').map((entry) => Math.round(entry.duration))
		);
		console.log(`[timing] all analyses in the page (48 groups × 36 months): ${analysis.join(', ')} ms`);
		expect(errors).toEqual([]);
		await page.close();
	});
});
