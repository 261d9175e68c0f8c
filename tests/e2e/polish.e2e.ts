import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap } from './browser';
import { chooseFiles, importReport } from './importing';
import { browserPerFile } from './perFile';

/*
 * Issue 15, part 10: polish seen when the dashboard was tried — at 1,024 px wide, in the statistical modes, and
 * in the files an import gives back. The last test replaces the demo ward, so it runs last.
 */

const browser = browserPerFile();
const NARROW = { width: 1024, height: 900 };

async function openAt1024(path: string): Promise<Page> {
	const page = await browser().newPage();
	await page.setViewportSize(NARROW);
	await page.goto(`${BASE_URL}${path}`);
	await waitForMap(page);
	return page;
}

/** The trend's x-axis labels, left to right, with their boxes on the page. */
async function axisLabels(page: Page) {
	const trend = page.getByTestId('trend');
	await trend.locator('svg').first().waitFor();
	return trend.locator('[aria-label="x-axis tick label"] text').evaluateAll((texts) =>
		texts
			.map((text) => {
				const box = text.getBoundingClientRect();
				return { text: text.textContent ?? '', left: box.left, right: box.right };
			})
			.sort((a, b) => a.left - b.left)
	);
}

describe('polish seen when tried', () => {
	test('at 1,024 px wide the trend’s date labels do not run together', async () => {
		for (const path of ['/?from=2020-07-01&to=2020-09-30', '/briefing?from=2020-07-01&to=2020-09-30']) {
			const page = await openAt1024(path);
			const labels = await axisLabels(page);
			expect(labels.length, path).toBeGreaterThanOrEqual(3);
			for (let i = 1; i < labels.length; i++) {
				expect(labels[i].left - labels[i - 1].right, `${path}: ${labels[i - 1].text} | ${labels[i].text}`).toBeGreaterThanOrEqual(4);
			}
			await page.close();
		}
	});

	test('in the statistical modes the ranking does not wrap "Tổ dân phố / 33"', async () => {
		for (const mode of ['gistar', 'lisa', 'emerging']) {
			const page = await openAt1024(`/?from=2020-07-01&to=2020-09-30&mode=${mode}`);
			const rows = page.getByTestId('ranking').locator('tbody tr');
			await rows.first().waitFor();
			const names = await rows.evaluateAll((trs) =>
				trs.map((tr) => {
					const name = tr.querySelector('button')!;
					return { group: tr.getAttribute('data-group'), name: name.textContent, lines: name.getClientRects().length };
				})
			);
			expect(names.length, mode).toBe(48);
			expect(names.filter((row) => row.lines !== 1), mode).toEqual([]);
			await page.close();
		}
	});

	test('the rejected-rows CSV has Vietnamese headers and reasons, with the reason code kept for machines', async () => {
		const page = await browser().newPage();
		await page.goto(`${BASE_URL}/data`);
		const header = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng';
		const csv = [header, 'HS-1,05/07/2020,TDP09,Khác,Mới tiếp nhận', 'HS-2,31/02/2020,TDP09,Khác,Mới tiếp nhận', 'HS-3,06/07/2020,TDP99,Khác,Mới tiếp nhận'];
		await chooseFiles(page, [
			{ name: 'groups.geojson', mimeType: 'application/geo+json', buffer: readFileSync('data/demo/groups.geojson') },
			{ name: 'vu-viec.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) }
		]);
		await page.getByTestId('import-confirm').click();
		expect(await importReport(page, 'vu-viec.csv')).toEqual({ read: 3, accepted: 1, rejected: 2, updated: 0 });
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
		const lines = readFileSync((await download.path())!, 'utf8').replace('\uFEFF', '').trim().split('\r\n');
		expect(lines).toEqual([
			`Dòng,Lý do,Mã lý do,Cột,${header}`,
			`3,ngày không hợp lệ,invalid_date,Ngày tiếp nhận,${csv[2]}`,
			`4,tổ dân phố không có trong danh sách,unknown_group,Tổ dân phố,${csv[3]}`
		]);

		// The demo's GeoJSON says it is synthetic: imported as a user's file, the page says so, and after a reload.
		const banner = page.getByTestId('synthetic-file-banner');
		expect(await banner.textContent()).toContain('groups.geojson tự ghi là dữ liệu mô phỏng');
		expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
		await page.goto(`${BASE_URL}/briefing?from=2020-07-01&to=2020-07-31`);
		await waitForMap(page);
		expect(await page.getByTestId('briefing-synthetic').textContent()).toContain('groups.geojson tự ghi là dữ liệu mô phỏng');
		expect(await page.getByTestId('kpi-total').textContent()).toBe('1');
		await page.close();
	});
});
