import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { waitForMap } from './browser';
import { pdfPages } from './pdfText';
import { browserPerFile, openDrawnPage } from './perFile';
import { decodePng } from './png';

/*
 * The meeting briefing (issue 5): the same view as the dashboard on an A4 page in the form of a Vietnamese
 * administrative report, printed by the browser. Expected counts come from the CSV, not from the app.
 */

const QUARTER = '?from=2020-07-01&to=2020-09-30';
const rows = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const casesIn = (from: string, to: string) => rows.filter(([, reported]) => reported >= from && reported <= to);

const browser = browserPerFile();

async function open(query: string) {
	const opened = await openDrawnPage(browser(), `/briefing${query}`);
	await opened.page.getByTestId('ranking').locator('tbody tr').first().waitFor();
	return opened;
}

describe('the briefing', () => {
	test('shows the figure the dashboard shows, in the administrative form, and prints on 1–2 A4 pages', async () => {
		const { page, errors } = await open(QUARTER);
		const expected = casesIn('2020-07-01', '2020-09-30').length;
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(String(expected));
		const text = (await page.getByTestId('briefing').textContent()) ?? '';
		expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
		expect(text).toContain('BÁO CÁO');
		expect(text).toContain('Nơi nhận:');
		expect(await page.getByTestId('briefing-period').textContent()).toBe('Quý III/2020');
		const sentences = (await page.getByTestId('briefing-sentences').textContent()) ?? '';
		expect(sentences).toContain(`Trong quý III/2020, toàn phường tiếp nhận ${expected} vụ việc`);
		expect(await page.getByTestId('ranking').locator('tbody tr').count()).toBe(5);
		const pdf = await page.pdf({ preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
		expect(pdfPages(pdf)).toBeLessThanOrEqual(2);

		// The map saved as a PNG: a real image, wider than the map (legend beside it), with many coloured pixels.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		const image = decodePng(readFileSync((await download.path())!));
		const mapWidth = await page.getByTestId('map').evaluate((element) => element.clientWidth);
		expect(image.width).toBeGreaterThan(mapWidth);
		let coloured = 0;
		for (let i = 0; i < image.data.length; i += 4) {
			const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
			if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
		}
		expect(coloured).toBeGreaterThan(5000);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('for distribution, no count from 1 to 4 appears in the tables; the ranking says "<5"', async () => {
		// Land cases in one month: most groups have 0–4, so suppression has work to do.
		const { page } = await open('?from=2020-08-01&to=2020-08-31&dist=1');
		expect(await page.getByTestId('suppression-note').count()).toBe(1);
		const cells = await page
			.locator('[data-testid="briefing"] table td:not(.rank)')
			.evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));
		for (const cell of cells) expect(cell, cell).not.toMatch(/^[1-4]$/);
		const sentences = (await page.getByTestId('briefing-sentences').textContent()) ?? '';
		expect(sentences).not.toMatch(/(^|[^\d.,])[1-4] vụ/);

		// The exports say the same: a CSV with a BOM whose count column never holds 1–4, and a real .xlsx.
		const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		const csv = readFileSync((await csvDownload.path())!, 'utf8');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.trim().split('\r\n').slice(1);
		expect(lines).toHaveLength(48);
		for (const line of lines) expect(line.split(',')[2], line).not.toMatch(/^[1-4]$/);
		expect(lines.some((line) => line.split(',')[2] === '<5')).toBe(true);
		const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
		expect(readFileSync((await xlsxDownload.path())!).subarray(0, 2).toString()).toBe('PK');
		const counts = await page
			.getByTestId('ranking')
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-count')));
		for (const count of counts) expect(count === '<5' || count === 'x' || Number(count) >= 5 || count === '0').toBe(true);
		await page.close();
	});

	test('the notes typed for a view are kept with it', async () => {
		const { page } = await open(QUARTER);
		await page.getByTestId('briefing-notes').fill('Họp giao ban quý III');
		await page.getByTestId('briefing-notes').blur();
		await page.reload();
		await waitForMap(page);
		expect(await page.getByTestId('briefing-notes').inputValue()).toBe('Họp giao ban quý III');
		await page.close();
	});
});
