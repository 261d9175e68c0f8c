import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForMap } from './browser';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Issue 15 part 1 as a user meets it: the status and source filters on the dashboard (`status-toggle`,
 * `source-toggle`, SPEC §8), in the URL, after a reload, and named in the briefing. Expected counts are counted
 * here from data/demo/cases.csv, not by the app's queries.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const columns = header.split(',');
const cases = lines.map((line) => {
	const cells = line.split(',');
	return Object.fromEntries(columns.map((name, i) => [name, cells[i]])) as Record<string, string>;
});

/** The opening view: the 12 whole months up to the data's last date. */
const lastDate = cases.map((c) => c.reported_on).reduce((a, b) => (a > b ? a : b));
const [lastYear, lastMonth] = lastDate.split('-').map(Number);
const opening = {
	from: new Date(Date.UTC(lastYear, lastMonth - 12, 1)).toISOString().slice(0, 10),
	to: new Date(Date.UTC(lastYear, lastMonth, 0)).toISOString().slice(0, 10)
};
const OPEN = ['received', 'mediating'];
const countIn = (period: { from: string; to: string }, keep: (c: Record<string, string>) => boolean) =>
	cases.filter((c) => c.reported_on >= period.from && c.reported_on <= period.to && keep(c)).length;

const browser = browserPerFile();

async function choose(page: Page, filter: 'status' | 'source', codes: string[]): Promise<void> {
	await page.getByTestId(`${filter}-toggle`).click();
	for (const code of codes) await page.getByTestId(`${filter}-${code}`).check();
	await page.getByTestId(`${filter}-toggle`).click(); // closes the menu again, as a user would
}

const kpiTotal = async (page: Page) => (await page.getByTestId('kpi-total').textContent())?.trim();
const checked = (page: Page, filter: string) =>
	page.$$eval(`[data-testid^="${filter}-"][type="checkbox"]:checked`, (boxes) =>
		boxes.map((box) => box.getAttribute('data-testid'))
	);

describe('status and source filters on the dashboard', () => {
	test('only cases still open, then only what patrols found: the total, the URL and a reload agree with the CSV', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/');
		const all = countIn(opening, () => true);
		await expect.poll(() => kpiTotal(page)).toBe(String(all).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
		expect(await page.getByTestId('status-toggle').innerText()).toContain('Mọi tình trạng');
		expect(await page.getByTestId('source-toggle').innerText()).toContain('Mọi nguồn');

		await choose(page, 'status', OPEN);
		await page.waitForURL((url) => url.searchParams.get('status') === 'received,mediating');
		const open = countIn(opening, (c) => OPEN.includes(c.status));
		expect(open).toBeLessThan(all);
		await expect.poll(() => kpiTotal(page)).toBe(String(open));
		expect(await page.getByTestId('status-toggle').innerText()).toContain('Mới tiếp nhận, Đang hòa giải');

		await choose(page, 'source', ['patrol']);
		await page.waitForURL((url) => url.searchParams.get('source') === 'patrol');
		const openByPatrol = countIn(opening, (c) => OPEN.includes(c.status) && c.source === 'patrol');
		expect(openByPatrol).toBeGreaterThan(0);
		expect(openByPatrol).toBeLessThan(open);
		await expect.poll(() => kpiTotal(page)).toBe(String(openByPatrol));
		// The ranking counts the same cases, group by group.
		const ranked = await page.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
			rows.reduce((sum, row) => sum + Number(row.getAttribute('data-count')), 0)
		);
		expect(ranked).toBe(openByPatrol);
		const params = new URL(page.url()).searchParams;
		expect([params.get('status'), params.get('source')]).toEqual(['received,mediating', 'patrol']);

		await page.reload();
		await waitForMap(page);
		await expect.poll(() => kpiTotal(page)).toBe(String(openByPatrol));
		expect(await checked(page, 'status')).toEqual(['status-received', 'status-mediating']);
		expect(await checked(page, 'source')).toEqual(['source-patrol']);
		expect(new URL(page.url()).search).toBe(`?${params}`);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('an unknown source in the URL is dropped, said, and the rest kept', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/?source=police,patrol&lang=en');
		await page.waitForURL((url) => url.searchParams.get('source') === 'patrol');
		expect(await page.getByTestId('url-corrections').textContent()).toContain('Ignored the unknown code “source=police”.');
		await expect.poll(() => kpiTotal(page)).toBe(String(countIn(opening, (c) => c.source === 'patrol')));
		expect(await page.getByTestId('source-toggle').innerText()).toContain('Source: Patrol');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the briefing counts only those cases and says which statuses and sources it counts', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/briefing?status=received,mediating&source=patrol');
		const expected = countIn(opening, (c) => OPEN.includes(c.status) && c.source === 'patrol');
		await expect.poll(() => kpiTotal(page)).toBe(String(expected));
		expect(await page.getByTestId('briefing-filters').textContent()).toBe(
			'Bộ lọc: Tình trạng: Mới tiếp nhận, Đang hòa giải; Nguồn phát hiện: Tuần tra (không gồm vụ việc không ghi nguồn). ' +
				'Mọi số liệu trong báo cáo chỉ tính các vụ việc này.'
		);
		expect(errors).toEqual([]);
		await page.close();
	});
});
