import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * The trend by week, month or quarter, and the ranking's sparklines, in Chromium. Every expected number is counted
 * here from data/demo/cases.csv: months and quarters from the date's text, the Monday of a date's week from
 * JavaScript's UTC calendar.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const columns = header.split(',');
const CASES = lines.map((line) => {
	const cells = line.split(',');
	return {
		reported_on: cells[columns.indexOf('reported_on')],
		group_code: cells[columns.indexOf('group_code')],
		category: cells[columns.indexOf('category')]
	};
});
type Case = (typeof CASES)[number];

const monday = (iso: string) => {
	const day = new Date(`${iso}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
};
const firstOfQuarter = (iso: string) => `${iso.slice(0, 5)}${String(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const STARTS = { week: monday, month: (iso: string) => `${iso.slice(0, 7)}-01`, quarter: firstOfQuarter };

/** Cases per step with a case, by the step's first day. */
function countBy(step: keyof typeof STARTS, keep: (c: Case) => boolean = () => true): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of CASES.filter(keep)) counts.set(STARTS[step](c.reported_on), (counts.get(STARTS[step](c.reported_on)) ?? 0) + 1);
	return counts;
}

interface Row {
	bucket: string;
	count: number;
	partial: boolean;
	previousBucket: string | null;
	previousCount: number | null;
}

async function trendRows(page: Page): Promise<{ step: string; rows: Row[] }> {
	return page.$eval('[data-testid="trend"]', (trend) => ({
		step: trend.getAttribute('data-step') ?? '',
		rows: [...trend.querySelectorAll('[data-bucket]')].map((row) => ({
			bucket: row.getAttribute('data-bucket')!,
			count: Number(row.getAttribute('data-count')),
			partial: row.getAttribute('data-partial') === 'true',
			previousBucket: row.getAttribute('data-previous-bucket'),
			previousCount: row.hasAttribute('data-previous-count') ? Number(row.getAttribute('data-previous-count')) : null
		}))
	}));
}

async function waitForStep(page: Page, step: string) {
	await page.waitForFunction((want) => document.querySelector('[data-testid="trend"]')?.getAttribute('data-step') === want, step);
	return trendRows(page);
}

/** Every step shown holds the cases counted here, zero where none fell, and all of them are shown. */
function expectCounts(rows: Row[], expected: Map<string, number>) {
	for (const row of rows) expect(row.count, row.bucket).toBe(expected.get(row.bucket) ?? 0);
	expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe([...expected.values()].reduce((a, b) => a + b));
}

const browser = browserPerFile();

describe('the trend by week, month or quarter', () => {
	test('the chairperson switches the trend to weeks, then quarters: the steps change and a reload keeps the choice', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/?from=2020-07-01&to=2020-09-30');
		const months = await waitForStep(page, 'month');
		expect(months.rows).toHaveLength(36);
		expectCounts(months.rows, countBy('month'));
		// This quarter's months beside the last quarter's, by position: July beside April, and so on.
		const byMonth = countBy('month');
		expect(months.rows.filter((row) => row.previousBucket).map((row) => [row.bucket, row.previousBucket, row.previousCount])).toEqual([
			['2020-07-01', '2020-04-01', byMonth.get('2020-04-01')],
			['2020-08-01', '2020-05-01', byMonth.get('2020-05-01')],
			['2020-09-01', '2020-06-01', byMonth.get('2020-06-01')]
		]);

		await page.getByTestId('trend-step-week').check();
		const weeks = await waitForStep(page, 'week');
		expect(new URL(page.url()).searchParams.get('trend')).toBe('week');
		// ISO weeks from Monday 01/01/2018 to the week of Thursday 31/12/2020: 157, the last one only four days long.
		expect(weeks.rows).toHaveLength(157);
		expect(weeks.rows[0].bucket).toBe('2018-01-01');
		expect(weeks.rows.filter((row) => row.partial).map((row) => row.bucket)).toEqual(['2020-12-28']);
		expectCounts(weeks.rows, countBy('week'));
		expect(await page.locator('[data-partial-bucket="2020-12-28"]').innerText()).toContain('Tuần 53/2020 chỉ có số liệu từ 28/12/2020 đến 31/12/2020');
		// Q3 overlaps 14 weeks from Monday 29/06; Q2's 13 weeks before them, from Monday 30/03, are drawn over them.
		const compared = weeks.rows.filter((row) => row.previousBucket);
		const byWeek = countBy('week');
		expect(compared).toHaveLength(13);
		expect([compared[0].bucket, compared[0].previousBucket, compared[0].previousCount]).toEqual(['2020-06-29', '2020-03-30', byWeek.get('2020-03-30') ?? 0]);
		expect(compared.every((row) => row.previousCount === (byWeek.get(row.previousBucket!) ?? 0))).toBe(true);
		const previous = page.getByTestId('trend-previous');
		expect([await previous.getAttribute('data-from'), await previous.getAttribute('data-to')]).toEqual(['2020-04-01', '2020-06-30']);
		expect(await page.locator('.trend-panel h2').innerText()).toBe('Diễn biến theo tuần');

		await page.reload();
		const reloaded = await waitForStep(page, 'week');
		expect(reloaded.rows).toEqual(weeks.rows);
		expect(await page.getByTestId('trend-step-week').isChecked()).toBe(true);

		await page.getByTestId('trend-step-quarter').check();
		const quarters = await waitForStep(page, 'quarter');
		expect(new URL(page.url()).searchParams.get('trend')).toBe('quarter');
		expect(quarters.rows.map((row) => row.bucket)).toEqual(
			['2018', '2019', '2020'].flatMap((year) => ['01', '04', '07', '10'].map((month) => `${year}-${month}-01`))
		);
		expectCounts(quarters.rows, countBy('quarter'));
		expect(quarters.rows.filter((row) => row.previousBucket).map((row) => [row.bucket, row.previousBucket])).toEqual([['2020-07-01', '2020-04-01']]);

		await page.getByTestId('trend-step-month').check();
		await waitForStep(page, 'month');
		expect(new URL(page.url()).searchParams.has('trend'), 'month is the default, left out of the URL').toBe(false);
		expect(errors).toEqual([]);
	});

	test('a mediator brushes the weekly trend: the period becomes whole weeks, Monday to Sunday', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/?trend=week&cat=neighbour');
		const weeks = await waitForStep(page, 'week');
		expectCounts(weeks.rows, countBy('week', (c) => c.category === 'neighbour'));
		const overlay = page.locator('[data-testid="trend"] svg g.brush rect.overlay');
		await overlay.scrollIntoViewIfNeeded();
		const box = (await overlay.boundingBox())!;
		await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
		await page.mouse.up();
		await page.waitForFunction(() => new URL(location.href).searchParams.get('from') !== '2020-01-01');
		const params = new URL(page.url()).searchParams;
		const [from, to] = [params.get('from')!, params.get('to')!];
		expect(monday(from)).toBe(from);
		expect(new Date(`${to}T00:00:00Z`).getUTCDay(), `to=${to} is a Sunday`).toBe(0);
		expect(from > '2019-03-01' && to < '2020-01-31', `${from}…${to}`).toBe(true);
		expect([params.get('trend'), params.get('cat')]).toEqual(['week', 'neighbour']);
		const expected = CASES.filter((c) => c.category === 'neighbour' && c.reported_on >= from && c.reported_on <= to).length;
		await page.waitForFunction((want) => document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() === want, String(expected));
		expect(errors).toEqual([]);
	});
});

describe('the trend on the briefing', () => {
	test('the chairperson prints the quarter by weeks: the briefing’s trend has the same weeks and says so', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/briefing?from=2020-07-01&to=2020-09-30&trend=week');
		const weeks = await waitForStep(page, 'week');
		expect(weeks.rows).toHaveLength(157);
		expectCounts(weeks.rows, countBy('week'));
		expect(await page.getByRole('heading', { name: 'V. Diễn biến theo tuần' }).count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('a distribution copy by quarters says it leaves out the quarterly chart, not the monthly one', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/briefing?from=2020-01-01&to=2020-12-31&trend=quarter&dist=1');
		expect(await page.getByRole('heading', { name: 'V. Diễn biến theo quý' }).count()).toBe(1);
		expect(await page.getByTestId('trend').count()).toBe(0);
		const note = await page.getByText('Bản phát hành không in biểu đồ').textContent();
		expect(note).toContain('theo quý');
		expect(note).not.toContain('theo tháng');
		expect(errors).toEqual([]);
	});
});

describe('sparklines in the ranking', () => {
	test('a ward police officer reads each group’s months beside its rank: the bars are its monthly counts', async () => {
		const keep = (c: Case) => c.category === 'land' || c.category === 'neighbour';
		const inPeriod = CASES.filter((c) => keep(c) && c.reported_on >= '2020-01-01' && c.reported_on <= '2020-12-31');
		const { page, errors } = await openDrawnPage(browser(), '/?from=2020-01-01&to=2020-12-31&cat=land,neighbour');
		await page.waitForFunction((want) => document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() === want, String(inPeriod.length));
		const rows = await page.$$eval('[data-testid="ranking"] tr[data-group]', (trs) =>
			trs.map((tr) => ({
				group: tr.getAttribute('data-group')!,
				count: Number(tr.getAttribute('data-count')),
				label: tr.querySelector('[data-testid="sparkline"]')?.getAttribute('aria-label') ?? '',
				months: [...tr.querySelectorAll('[data-testid="sparkline"] [data-bucket]')].map((bar) => [
					bar.getAttribute('data-bucket'),
					Number(bar.getAttribute('data-count'))
				])
			}))
		);
		expect(rows).toHaveLength(48);
		const monthStarts = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-01`);
		for (const row of rows) {
			const own = inPeriod.filter((c) => c.group_code === row.group);
			expect(row.months, row.group).toEqual(monthStarts.map((start) => [start, own.filter((c) => c.reported_on.startsWith(start.slice(0, 7))).length]));
			expect(row.months.reduce((sum, [, count]) => sum + Number(count), 0), row.group).toBe(row.count);
		}
		// The text alternative names the busiest month: the top group's, counted here.
		const top = rows[0];
		const peak = Math.max(...top.months.map(([, count]) => Number(count)));
		const peakMonth = String(top.months.findLast(([, count]) => count === peak)![0]);
		expect(top.label).toContain(`tháng cao nhất ${peakMonth.slice(5, 7)}/2020 với ${peak} vụ`);
		expect(errors).toEqual([]);
	});
});
