import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * How the key figures read (issue 15, polish seen when tried): a change and its share are two figures with a space
 * between them, and an empty period against an empty one says no "0 0". Expected counts come from the demo's CSV.
 */

const reported = readFileSync('data/demo/cases.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',')[1]);
const count = (from: string, to: string) => reported.filter((date) => date >= from && date <= to).length;

const browser = browserPerFile();

describe('key figures as they read', () => {
	test('the change against the previous period reads "+30 (+8,4 %)", with a space', async () => {
		const { page } = await openDrawnPage(browser(), '/?from=2020-01-01&to=2020-12-31');
		const change = count('2020-01-01', '2020-12-31') - count('2019-01-01', '2019-12-31');
		const text = ((await page.getByTestId('kpi-change').textContent()) ?? '').replace(/\s+/g, ' ').trim();
		expect(text).toMatch(new RegExp(`^\\+${change} \\([+−]\\d+,\\d %\\)$`));
		await page.close();
	});

	test('an empty period against an empty one last year shows 0 and no "0 0"', async () => {
		expect(count('2022-01-01', '2022-03-31') + count('2021-01-01', '2021-03-31')).toBe(0);
		const { page } = await openDrawnPage(browser(), '/?from=2022-01-01&to=2022-03-31');
		expect((await page.getByTestId('kpi-last-year').textContent())?.trim()).toBe('0');
		expect(await page.getByTestId('kpi-last-year-change').count()).toBe(0);
		await page.close();
	});
});
