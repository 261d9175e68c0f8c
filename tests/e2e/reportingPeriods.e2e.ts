import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForMap } from './browser';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Reporting periods (Decree 09/2019/NĐ-CP, Art. 12: the 15th of the previous month to the 14th), the same period
 * last year and the case list export, driven in Chromium. Every expected number is counted here from
 * data/demo/cases.csv, and every reporting date worked out here, independently of the app's code.
 */

const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split('\n');
const columns = header.split(',');
const CASES = lines.map((line) => {
	const cells = line.split(',');
	return Object.fromEntries(columns.map((name, i) => [name, cells[i]])) as Record<string, string>;
});
const count = (from: string, to: string, keep: (c: Record<string, string>) => boolean = () => true) =>
	CASES.filter((c) => c.reported_on >= from && c.reported_on <= to && keep(c)).length;
const vietnameseInteger = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const LAST_DATE = CASES.map((c) => c.reported_on).reduce((a, b) => (a > b ? a : b));
const iso = (year: number, month0: number, day: number) => new Date(Date.UTC(year, month0, day)).toISOString().slice(0, 10);

/** The reporting quarter before the one the data's last date falls in: from the 15th before it to the 14th of its last month. */
const LAST_REPORTING_QUARTER = (() => {
	const [year, month, day] = LAST_DATE.split('-').map(Number);
	// From the 15th on, a day counts towards the next month's report.
	const reportingMonth0 = year * 12 + (month - 1) + (day >= 15 ? 1 : 0);
	const quarterStart0 = reportingMonth0 - (reportingMonth0 % 3) - 3;
	const y = Math.floor(quarterStart0 / 12);
	const m0 = quarterStart0 % 12;
	return { from: iso(y, m0 - 1, 15), to: iso(y, m0 + 2, 14), quarter: m0 / 3 + 1, year: y };
})();
const dmy = (date: string) => date.split('-').reverse().join('/');
/** `d/m/yyyy`, as a report's period is written in the briefing's title ("từ 15/6/2020 đến 14/7/2020"). */
const dm = (date: string) => date.split('-').reverse().map((part) => String(Number(part))).join('/');
const yearEarlier = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

const browser = browserPerFile();

async function textOf(page: Page, testid: string): Promise<string> {
	return ((await page.getByTestId(testid).first().textContent()) ?? '').trim();
}

/** Waits until a hook shows `expected` (the views update a moment after the URL). */
async function waitForText(page: Page, testid: string, expected: string, timeout = 30_000): Promise<void> {
	try {
		await page.waitForFunction(
			([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === want,
			[testid, expected] as const,
			{ timeout }
		);
	} catch {
		throw new Error(`${testid} shows “${await textOf(page, testid)}”, expected “${expected}”`);
	}
}

describe('reporting periods, the same period last year and the case export', () => {
	test('a reporting-quarter preset sets the period to the 15th–14th and counts it', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/');
		await page.getByTestId('period-preset').selectOption('reporting:last_quarter');
		const { from, to } = LAST_REPORTING_QUARTER;
		await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
		expect(from.endsWith('-15') && to.endsWith('-14')).toBe(true);
		await waitForText(page, 'kpi-total', vietnameseInteger(count(from, to)));
		await waitForText(page, 'kpi-last-year', vietnameseInteger(count(yearEarlier(from), yearEarlier(to))));
		expect(await page.getByTestId('period-preset').inputValue()).toBe('reporting:last_quarter');
		const roman = ['I', 'II', 'III', 'IV'][LAST_REPORTING_QUARTER.quarter - 1];
		expect(await textOf(page, 'period-name')).toBe(
			`Báo cáo quý ${roman}/${LAST_REPORTING_QUARTER.year} (từ ${dmy(from)} đến ${dmy(to)})`
		);

		// A pasted link of the same period is recognised as the reporting preset.
		await page.reload();
		await waitForMap(page);
		await waitForText(page, 'kpi-total', vietnameseInteger(count(from, to)));
		expect(await page.getByTestId('period-preset').inputValue()).toBe('reporting:last_quarter');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('6 tháng đầu năm: January to June of the data’s latest year, counted, and named so on the briefing', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/');
		await page.getByTestId('period-preset').selectOption({ label: '6 tháng đầu năm' });
		const year = LAST_DATE.slice(0, 4);
		const [from, to] = [`${year}-01-01`, `${year}-06-30`];
		await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
		await waitForText(page, 'kpi-total', vietnameseInteger(count(from, to)));
		expect(await page.getByTestId('period-preset').inputValue()).toBe('first_6_months');
		expect(await textOf(page, 'period-name')).toBe(`6 tháng đầu năm ${year} (từ ${dmy(from)} đến ${dmy(to)})`);

		await page.getByTestId('open-briefing').click();
		await page.waitForURL((url) => url.pathname.endsWith('/briefing'));
		// A calendar period names itself; its dates are the dashboard's.
		await waitForText(page, 'briefing-period', `6 tháng đầu năm ${year}`);
		expect(await textOf(page, 'briefing-sentences')).toContain(
			`Trong 6 tháng đầu năm ${year}, toàn phường tiếp nhận ${vietnameseInteger(count(from, to))} vụ việc`
		);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the reporting 6 tháng đầu năm runs from 15 December; past the 14th of December it is the new year so far', async () => {
		const { page, errors } = await openDrawnPage(browser(), '/');
		await page.getByTestId('period-preset').selectOption({ label: 'Kỳ báo cáo 6 tháng đầu năm' });
		// From 15 December on, a day counts towards the next reporting year.
		const year = Number(LAST_DATE.slice(0, 4)) + (LAST_DATE.slice(5) >= '12-15' ? 1 : 0);
		const [from, to] = [`${year - 1}-12-15`, `${year}-06-14`];
		await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
		await waitForText(page, 'kpi-total', vietnameseInteger(count(from, to)));
		expect(await textOf(page, 'period-name')).toBe(`Báo cáo 6 tháng đầu năm ${year} (từ ${dmy(from)} đến ${dmy(to)})`);
		expect(await textOf(page, 'data-until')).toBe(`số liệu đến ${dmy(LAST_DATE)}`);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the ward default convention decides which presets come first and how the briefing names a period', async () => {
		const { page: dashboard } = await openDrawnPage(browser(), '/');
		const firstGroup = (page: Page) =>
			page.getByTestId('period-preset').locator('optgroup').first().getAttribute('label');
		const firstOption = (page: Page) =>
			page.getByTestId('period-preset').locator('option').first().getAttribute('value');
		expect(await firstOption(dashboard)).toBe('this_month');
		await dashboard.close();

		const { from, to } = LAST_REPORTING_QUARTER;
		const { page: briefing } = await openDrawnPage(browser(), `/briefing?from=${from}&to=${to}`);
		await briefing.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
		await briefing.getByTestId('convention-setting').selectOption('reporting');
		await briefing.getByTestId('settings-save').click();
		const roman = ['I', 'II', 'III', 'IV'][LAST_REPORTING_QUARTER.quarter - 1];
		expect(await textOf(briefing, 'briefing-period')).toBe(
			`Báo cáo quý ${roman}/${LAST_REPORTING_QUARTER.year} (từ ${dm(from)} đến ${dm(to)})`
		);
		const sentences = await textOf(briefing, 'briefing-sentences');
		expect(sentences).toContain(
			`Trong kỳ báo cáo quý ${roman}/${LAST_REPORTING_QUARTER.year}, toàn phường tiếp nhận ${vietnameseInteger(count(from, to))} vụ việc`
		);
		// The previous period of a reporting quarter is the reporting quarter before it.
		const previousRoman = ['IV', 'I', 'II', 'III'][LAST_REPORTING_QUARTER.quarter - 1];
		const previousYear = LAST_REPORTING_QUARTER.year - (LAST_REPORTING_QUARTER.quarter === 1 ? 1 : 0);
		expect(sentences).toContain(`so với kỳ báo cáo quý ${previousRoman}/${previousYear}`);
		expect(await textOf(briefing, 'kpi-last-year')).toBe(vietnameseInteger(count(yearEarlier(from), yearEarlier(to))));
		await briefing.close();

		const { page: again } = await openDrawnPage(browser(), '/');
		expect(await firstOption(again)).toBe('reporting:this_month');
		expect(await firstGroup(again)).toContain('kỳ báo cáo');
		// The opening view is unchanged (URL state as before): a calendar period, still offered.
		expect(await again.getByTestId('period-preset').inputValue()).toMatch(/^(this_year|last_12_months)$/);
		await again.close();
	});

	test('kpi-last-year shows the count of the same dates a year earlier, and "no data" before the data starts', async () => {
		const { page } = await openDrawnPage(browser(), '/?from=2020-03-01&to=2020-05-31&cat=land');
		const land = (c: Record<string, string>) => c.category === 'land';
		await waitForText(page, 'kpi-total', vietnameseInteger(count('2020-03-01', '2020-05-31', land)));
		await waitForText(page, 'kpi-last-year', vietnameseInteger(count('2019-03-01', '2019-05-31', land)));
		await page.close();

		const firstDate = CASES.map((c) => c.reported_on).reduce((a, b) => (a < b ? a : b));
		const early = { from: firstDate, to: iso(Number(firstDate.slice(0, 4)), Number(firstDate.slice(5, 7)) + 1, 0) };
		const { page: earliest } = await openDrawnPage(browser(), `/?from=${early.from}&to=${early.to}`);
		await waitForText(earliest, 'kpi-total', vietnameseInteger(count(early.from, early.to)));
		await waitForText(earliest, 'kpi-last-year', 'Không có số liệu');
		await earliest.close();
	});

	test('export-cases-csv downloads every case of the filters, with a byte-order mark', async () => {
		const query = '?from=2019-01-01&to=2020-06-30&cat=land,family&status=resolved';
		const { page, errors } = await openDrawnPage(browser(), `/${query}`);
		const keep = (c: Record<string, string>) => ['land', 'family'].includes(c.category) && c.status === 'resolved';
		const expected = CASES.filter((c) => c.reported_on >= '2019-01-01' && c.reported_on <= '2020-06-30' && keep(c));
		await waitForText(page, 'kpi-total', vietnameseInteger(expected.length));
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cases-csv').click()]);
		const bytes = readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [, ...rows] = bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(rows).toHaveLength(expected.length);
		expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(expected.map((c) => c.case_id).sort());

		const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-cases-xlsx').click()]);
		expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
		expect(errors).toEqual([]);
		await page.close();

		// The group detail's own export: every case of that group for the same filters.
		const group = expected[0].group_code;
		const { page: detail } = await openDrawnPage(browser(), `/${query}&group=${group}`);
		const [groupDownload] = await Promise.all([
			detail.waitForEvent('download'),
			detail.getByTestId('group-export-cases-csv').click()
		]);
		const groupRows = readFileSync((await groupDownload.path())!, 'utf8').trimEnd().split('\r\n').slice(1);
		expect(groupRows).toHaveLength(expected.filter((c) => c.group_code === group).length);
		await detail.close();

		const { page: copy } = await openDrawnPage(browser(), `/briefing${query}&dist=1`);
		expect(await copy.getByTestId('export-cases-csv').isDisabled()).toBe(true);
		expect(await copy.getByTestId('export-cases-xlsx').isDisabled()).toBe(true);
		expect(await textOf(copy, 'export-cases-refused')).not.toBe('');
		await copy.close();
	});
});

