import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Issue 15 part 4 as a chairperson meets it: this quarter beside the same quarter last year (`compare=`, SPEC §8).
 * Every expected count is counted here from data/demo/cases.csv, not by the app's queries.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const columns = header.split(',');
const cases = lines.map((line) => {
	const cells = line.split(',');
	return { reported_on: cells[columns.indexOf('reported_on')], group_code: cells[columns.indexOf('group_code')] };
});
const groupCodes = [...new Set(cases.map((c) => c.group_code))];
const count = (from: string, to: string, group?: string) =>
	cases.filter((c) => c.reported_on >= from && c.reported_on <= to && (group === undefined || c.group_code === group)).length;
const perGroup = (from: string, to: string) => Object.fromEntries(groupCodes.map((code) => [code, count(from, to, code)]));

const Q3_2020 = ['2020-07-01', '2020-09-30'] as const;
const Q3_2019 = ['2019-07-01', '2019-09-30'] as const;
const COMPARED = `/?from=${Q3_2020[0]}&to=${Q3_2020[1]}&compare=${Q3_2019[0]}..${Q3_2019[1]}`;

const browser = browserPerFile();

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

/** Waits until both maps have drawn and the compared total shows `total`. */
async function waitForComparison(page: Page, total: number): Promise<void> {
	await page.waitForFunction(
		(want) =>
			document.querySelectorAll('[data-testid="map"][data-ready="true"]').length === 2 &&
			document.querySelector('[data-testid="kpi-total-compare"]')?.textContent?.trim() === want,
		String(total),
		{ timeout: 30_000 }
	);
}

/** Each ranking row's group, count, compared count and change cell, as the page holds them. */
async function rankingRows(page: Page) {
	return page.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
		rows.map((row) => ({
			group: row.getAttribute('data-group')!,
			count: row.getAttribute('data-count'),
			compare: row.getAttribute('data-count-compare'),
			cells: [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())
		}))
	);
}

describe('two periods side by side', () => {
	test('the chairperson sets the third quarter of 2020 beside the same quarter of 2019, reloads, moves on a quarter, then turns it off', async () => {
		const { page, errors } = await openDrawnPage(browser(), COMPARED);
		await waitForComparison(page, count(...Q3_2019));
		expect(await page.getByTestId('map').count()).toBe(2);
		expect(await text(page, 'kpi-total')).toBe(String(count(...Q3_2020)));
		expect(await text(page, 'kpi-total-compare')).toBe(String(count(...Q3_2019)));
		expect(await page.getByTestId('compare-select').inputValue()).toBe('last_year');
		expect(await page.getByTestId('map-caption').allTextContents()).toEqual(['01/07/2020 – 30/09/2020', '01/07/2019 – 30/09/2019']);

		const now = perGroup(...Q3_2020);
		const then = perGroup(...Q3_2019);
		const rows = await rankingRows(page);
		expect(rows).toHaveLength(groupCodes.length);
		for (const row of rows) {
			expect(row.count).toBe(String(now[row.group]));
			expect(row.compare).toBe(String(then[row.group]));
			// Rank, name, this quarter, the compared one, the change between them (+3, −2, 0), resolved.
			expect(row.cells[2]).toBe(String(now[row.group]));
			expect(row.cells[3]).toBe(String(then[row.group]));
			const change = now[row.group] - then[row.group];
			expect(row.cells[4].replace('−', '-')).toBe(change > 0 ? `+${change}` : String(change));
		}

		// What a reload brings back is what was shown.
		await page.reload();
		await waitForComparison(page, count(...Q3_2019));
		expect(await rankingRows(page)).toEqual(rows);

		// Another quarter: "same period last year" follows it.
		await page.getByTestId('period-preset').selectOption('this_quarter');
		await waitForComparison(page, count('2019-10-01', '2019-12-31'));
		expect(decodeURIComponent(page.url())).toContain('compare=2019-10-01..2019-12-31');
		expect(await text(page, 'kpi-total')).toBe(String(count('2020-10-01', '2020-12-31')));
		expect(await page.getByTestId('compare-select').inputValue()).toBe('last_year');

		await page.getByTestId('compare-select').selectOption('none');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"]').length === 1);
		expect(page.url()).not.toContain('compare=');
		expect(await page.getByTestId('kpi-total-compare').count()).toBe(0);
		expect((await rankingRows(page)).every((row) => row.compare === null)).toBe(true);
		expect(await text(page, 'kpi-total')).toBe(String(count('2020-10-01', '2020-12-31')));

		// And on again, against the quarter before.
		await page.getByTestId('compare-select').selectOption('previous');
		await waitForComparison(page, count(...Q3_2020));
		expect(decodeURIComponent(page.url())).toContain(`compare=${Q3_2020[0]}..${Q3_2020[1]}`);
		expect(errors).toEqual([]);
	});

	test('a custom compared range typed as dd/mm/yyyy', async () => {
		const { page } = await openDrawnPage(browser(), `/?from=${Q3_2020[0]}&to=${Q3_2020[1]}`);
		expect(await page.getByTestId('map').count()).toBe(1);
		await page.getByTestId('compare-select').selectOption('custom');
		await page.getByTestId('compare-from').fill('01/01/2018');
		await page.getByTestId('compare-to').fill('31/03/2018');
		await page.getByTestId('compare-apply').click();
		await waitForComparison(page, count('2018-01-01', '2018-03-31'));
		expect(decodeURIComponent(page.url())).toContain('compare=2018-01-01..2018-03-31');
		expect(await page.getByTestId('compare-select').inputValue()).toBe('custom');
	});

	test('hovering a group on one map outlines it on the other; zooming one zooms the other', async () => {
		const { page, errors } = await openDrawnPage(browser(), COMPARED);
		await waitForComparison(page, count(...Q3_2019));
		const maps = page.getByTestId('map');
		const box = (await maps.nth(0).boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForFunction(() => {
			const [first, second] = [...document.querySelectorAll('[data-testid="map"]')].map((map) => map.getAttribute('data-highlighted'));
			return first && first === second;
		});
		// The other map names the same group, with its count in the compared quarter.
		const code = (await maps.nth(0).getAttribute('data-highlighted'))!;
		const tips = await page.locator('[data-testid="map"] .tooltip').allInnerTexts();
		expect(tips).toHaveLength(2);
		expect(tips[0].split('\n')[0]).toBe(tips[1].split('\n')[0]);
		expect(tips.map((tip) => tip.split('\n')[1])).toEqual([String(count(...Q3_2020, code)), String(count(...Q3_2019, code))]);

		const labels = (index: number) =>
			maps.nth(index).evaluate((map) => [...map.querySelectorAll<HTMLElement>('.label')].map((label) => [parseFloat(label.style.left), parseFloat(label.style.top)]));
		const spread = (points: number[][]) => Math.max(...points.map(([x]) => x)) - Math.min(...points.map(([x]) => x));
		const before = spread(await labels(1));
		await page.mouse.wheel(0, -600);
		// The wheel zoom eases in over a few frames; the second map follows each of them.
		await expect
			.poll(async () => {
				const [first, second] = [await labels(0), await labels(1)];
				const same = first.every(([x, y], i) => Math.abs(x - second[i][0]) < 3 && Math.abs(y - second[i][1]) < 3);
				return same && spread(second) > before * 1.2;
			}, { timeout: 10_000 })
			.toBe(true);
		expect(errors).toEqual([]);
	});

	test('a malformed or out-of-range compare is corrected and said, as other URL parameters', async () => {
		const { page } = await openDrawnPage(browser(), `/?from=${Q3_2020[0]}&to=${Q3_2020[1]}&compare=2019-07-01..nonsense`);
		expect(await page.getByTestId('url-corrections').innerText()).toContain('compare=2019-07-01..nonsense');
		expect(await page.getByTestId('map').count()).toBe(1);
		await page.waitForFunction(() => !location.search.includes('compare'));

		const first = cases.map((c) => c.reported_on).reduce((a, b) => (a < b ? a : b));
		const { page: wide } = await openDrawnPage(browser(), `/?from=${Q3_2020[0]}&to=${Q3_2020[1]}&compare=1000-01-01..2018-12-31`);
		await waitForComparison(wide, count(first, '2018-12-31'));
		expect(await wide.getByTestId('url-corrections').innerText()).toContain('1900–2100');
		expect(decodeURIComponent(wide.url())).toContain(`compare=${first}..2018-12-31`);
	});

	test('the briefing carries the compared total and both counts of the top groups', async () => {
		const { page, errors } = await openDrawnPage(browser(), `/briefing${COMPARED.slice(1)}`);
		await page.waitForFunction(
			(want) => document.querySelector('[data-testid="kpi-total-compare"]')?.textContent?.trim() === want,
			String(count(...Q3_2019))
		);
		expect(await text(page, 'kpi-total')).toBe(String(count(...Q3_2020)));
		const then = perGroup(...Q3_2019);
		const rows = await rankingRows(page);
		expect(rows).toHaveLength(5);
		for (const row of rows) expect(row.compare).toBe(String(then[row.group]));

		// A distribution copy does not print counts the suppression rule has not protected.
		await page.goto(page.url() + '&dist=1');
		await page.getByTestId('suppression-note').waitFor();
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="ranking"] tbody tr').length === 5);
		expect(await page.getByTestId('kpi-total-compare').count()).toBe(0);
		expect((await rankingRows(page)).every((row) => row.compare === null)).toBe(true);
		expect(errors).toEqual([]);
	});
});
