import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * The month playback in Chromium. Each month's expected total is counted here from data/demo/cases.csv (the month
 * is the first seven characters of `reported_on`), not by the app's queries.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const reportedOn = header.split(',').indexOf('reported_on');
const MONTHS = lines.map((line) => line.split(',')[reportedOn].slice(0, 7));
const casesIn = (yearMonth: string) => MONTHS.filter((month) => month === yearMonth).length;
const LAST_MONTH = MONTHS.reduce((last, month) => (month > last ? month : last));

const lastDay = (yearMonth: string) => {
	const [year, month] = yearMonth.split('-').map(Number);
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};
const monthQuery = (yearMonth: string) => `from=${yearMonth}-01&to=${lastDay(yearMonth)}`;
const following = (yearMonth: string, offset: number) => {
	const [year, month] = yearMonth.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 7);
};

/** Waits until the URL names the month, the map has drawn it and the total is the month's count from the CSV. */
async function waitForMonth(page: Page, yearMonth: string): Promise<void> {
	const want = { query: monthQuery(yearMonth), total: String(casesIn(yearMonth)) };
	try {
		await page.waitForFunction(
			({ query, total }) =>
				location.search.includes(query) &&
				document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true' &&
				document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() === total,
			want,
			{ timeout: 30_000 }
		);
	} catch {
		const total = await page.getByTestId('kpi-total').textContent();
		throw new Error(`expected ${yearMonth} with ${want.total} cases, the page shows ${page.url()} with ${total}`);
	}
}

interface Played {
	/** Each distinct month the URL named, in order. */
	months: string[];
	/** Each month seen drawn (the map ready) with the total shown then: `2019-04:31`. */
	drawn: string[];
}

/** Records in the page what the playback showed, sampled every 10 ms, so a month skipped or never drawn shows. */
async function recordPlayback(page: Page): Promise<() => Promise<Played>> {
	await page.evaluate(() => {
		const played = { months: [] as string[], drawn: [] as string[] };
		(window as unknown as { played: typeof played }).played = played;
		setInterval(() => {
			const month = new URLSearchParams(location.search).get('from')?.slice(0, 7) ?? '';
			if (played.months.at(-1) !== month) played.months.push(month);
			const ready = document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true';
			const total = document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim();
			if (ready && !played.drawn.includes(`${month}:${total}`)) played.drawn.push(`${month}:${total}`);
		}, 10);
	});
	return () => page.evaluate(() => (window as unknown as { played: Played }).played);
}

/** Every month of the playback was drawn with its own count from the CSV before the next came. */
function expectEachDrawn({ months, drawn }: Played): void {
	for (const month of months) expect(drawn).toContain(`${month}:${casesIn(month)}`);
}

const browser = browserPerFile();

describe('month playback', () => {
	test('the chairperson plays the months on from March 2019, each total the month\'s count, then pauses and steps', async () => {
		const { page, errors } = await openDrawnPage(browser(), `/?${monthQuery('2019-03')}`);
		await waitForMonth(page, '2019-03');
		const historyBefore = await page.evaluate(() => history.length);
		const played = await recordPlayback(page);
		await page.getByTestId('play-speed').selectOption('0.5');
		const play = page.getByTestId('play');
		await play.click();
		const started = Date.now();
		expect(await play.getAttribute('aria-pressed')).toBe('true');
		expect(await play.innerText()).toContain('Tạm dừng');
		for (const month of ['2019-04', '2019-05', '2019-06']) await waitForMonth(page, month);
		console.log(`[playback] three months at 0.5 s each shown in ${Date.now() - started} ms`);
		await play.click();
		expect(await play.getAttribute('aria-pressed')).toBe('false');
		expect(await play.innerText()).toContain('Phát');

		// A step already on its way when pause was pressed may still land: read the months once it has.
		await page.waitForTimeout(1000);
		const shown = await played();
		expectEachDrawn(shown);
		const { months } = shown;
		const pausedAt = months.at(-1)!;
		console.log(`[playback] months shown: ${months.join(', ')}`);
		// Every month in order from March, none skipped.
		expect(months).toEqual(months.map((_, i) => following('2019-03', i)));
		expect(months.length).toBeGreaterThanOrEqual(4);
		// The playback replaces its history entry: one entry for the whole playback, not one per month.
		expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);

		// Paused, it stays on its month for longer than two steps at this speed.
		await page.waitForTimeout(1500);
		expect((await played()).months).toEqual(months);
		await waitForMonth(page, pausedAt);

		await page.getByTestId('play-forward').click();
		await waitForMonth(page, following(pausedAt, 1));
		await page.getByTestId('play-back').click();
		await page.getByTestId('play-back').click();
		await waitForMonth(page, following(pausedAt, -1));
		await page.goBack();
		await waitForMonth(page, pausedAt);
		expect(errors).toEqual([]);
	});

	test('on a slow computer, played from three months before the end, every month is drawn and it stops at the data\'s last month, then starts again from the first', async () => {
		const start = following(LAST_MONTH, -3);
		const { page, errors } = await openDrawnPage(browser(), `/?lang=en&${monthQuery(start)}`);
		await waitForMonth(page, start);
		const cpu = await page.context().newCDPSession(page);
		await cpu.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		const played = await recordPlayback(page);
		await page.getByTestId('play-speed').selectOption('0.5');
		const play = page.getByTestId('play');
		expect(await play.innerText()).toContain('Play');
		await play.click();
		await page.waitForFunction(() => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'false', null, {
			timeout: 30_000
		});
		await waitForMonth(page, LAST_MONTH);
		const shown = await played();
		expect(shown.months).toEqual([start, following(start, 1), following(start, 2), LAST_MONTH]);
		expectEachDrawn(shown);
		await cpu.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		expect(await page.getByTestId('play-forward').isDisabled()).toBe(true);
		expect(await page.getByTestId('play-month').innerText()).toBe(`${LAST_MONTH.slice(5)}/${LAST_MONTH.slice(0, 4)}`);

		await page.reload();
		await waitForMonth(page, LAST_MONTH);
		// Pressed at the last month, a playback starts again from the data's first month.
		await page.getByTestId('play').click();
		await waitForMonth(page, MONTHS.reduce((first, month) => (month < first ? month : first)));
		await page.getByTestId('play').click();
		expect(errors).toEqual([]);
	});
});
