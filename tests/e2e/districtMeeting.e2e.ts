import { describe, expect, test } from 'vitest';
import { generateDistrict } from '../../data/demo/district';
import { BASE_URL } from './browser';
import { importOutcome } from './importing';
import { pagePerFile } from './perFile';

/*
 * A district's meeting, as its users go through it: a generated district of three wards imported on the Data page,
 * then wards chosen in the ward menu (by mouse and by keyboard, in both languages). Every expected count is counted
 * here from the generated file with a plain split, not by the app's queries.
 */

const district = generateDistrict({ wards: 3, groupsPerWard: 12, seed: 3 });
const PERIOD = { from: '2020-01-01', to: '2020-12-31' };
const cases = district.casesCsv
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','))
	// case_id, reported_on, ward_code, group_code, …
	.map(([, reportedOn, ward, group]) => ({ reportedOn, ward, group }));
const inPeriod = cases.filter(({ reportedOn }) => reportedOn >= PERIOD.from && reportedOn <= PERIOD.to);
const groupsOf = (wards: string[]) => Array.from({ length: 12 }, (_, i) => i + 1).flatMap((n) => wards.map((ward) => `${ward}-TDP${String(n).padStart(2, '0')}`)).sort();
/** `code → count` over the period, every code of `codes` present (0 when it had no case). */
const countsOf = (key: 'ward' | 'group', codes: string[]) =>
	Object.fromEntries(codes.map((code) => [code, inPeriod.filter((row) => row[key] === code).length]));
const totalOf = (wards: string[]) => inPeriod.filter(({ ward }) => wards.includes(ward)).length;

const tab = pagePerFile();

/** Waits until every panel shows the address bar's view (as its parameters read) and the map has drawn it (README, outside checks). */
async function waitForView(): Promise<void> {
	await tab.page.waitForFunction(
		() => {
			const dashboard = document.querySelector('[data-testid="dashboard"]');
			return dashboard?.getAttribute('data-ready') === 'true' && dashboard.getAttribute('data-view') === new URLSearchParams(location.search).toString();
		},
		undefined,
		{ timeout: 30_000 }
	);
}

async function open(query: string): Promise<void> {
	await tab.page.goto(`${BASE_URL}/?${query}`);
	await waitForView();
}

/** The ranking's rows as `code → count`, by the attribute the level gives them. */
async function rankingRows(attribute: 'data-ward' | 'data-group'): Promise<Record<string, number>> {
	const entries = await tab.page
		.locator(`[data-testid="ranking"] tbody tr[${attribute}]`)
		.evaluateAll((rows, name) => rows.map((row) => [row.getAttribute(name)!, Number(row.getAttribute('data-count'))] as const), attribute);
	return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

/** The codes of the areas the (first) map draws. */
const mapAreas = () =>
	tab.page.locator('[data-testid="map"]').first().locator('[data-testid="map-group"]').evaluateAll((labels) => labels.map((label) => label.getAttribute('data-group')!).sort());
const kpiTotal = async () => Number((await tab.page.getByTestId('kpi-total').textContent())!.replace(/\D/g, ''));
const wardParam = () => new URL(tab.page.url()).searchParams.get('ward');
/** An element's text as read, its layout's white space as one space. */
const textOf = async (testId: string) => (await tab.page.getByTestId(testId).textContent())!.replace(/\s+/g, ' ').trim();

describe('a district in the meeting', () => {
	test('the district clerk imports a generated 3-ward district on the Data page', async () => {
		expect(
			await importOutcome(tab.page, [
				{ name: 'groups.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(district.groupsGeojson) },
				{ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(district.casesCsv) }
			])
		).toEqual({ accepted: cases.length });
	});

	test('the chair ticks Phường 1 and Phường 3 in the ward menu: ward=W01,W03, and the map, ranking and total keep to their groups', async () => {
		await open(`from=${PERIOD.from}&to=${PERIOD.to}`);
		expect(await textOf('ward-toggle')).toBe('Phường: Mọi phường');
		await tab.page.getByTestId('ward-toggle').click();
		await tab.page.getByTestId('ward-W01').check();
		await tab.page.waitForURL(/ward=W01/);
		await tab.page.getByTestId('ward-W03').check();
		await tab.page.waitForURL(/ward=W01%2CW03|ward=W01,W03/);
		await waitForView();
		expect(wardParam()).toBe('W01,W03');
		expect(await rankingRows('data-group')).toEqual(countsOf('group', groupsOf(['W01', 'W03'])));
		expect(await mapAreas()).toEqual(groupsOf(['W01', 'W03']));
		expect(await kpiTotal()).toBe(totalOf(['W01', 'W03']));
		expect(await textOf('ward-toggle')).toBe('Phường: Phường 1 (mô phỏng), Phường 3 (mô phỏng)');

		await tab.page.getByTestId('level-ward').click();
		await tab.page.waitForURL(/level=ward/);
		await waitForView();
		expect(await rankingRows('data-ward')).toEqual(countsOf('ward', ['W01', 'W03']));
		expect(await mapAreas()).toEqual(['W01', 'W03']);
	});

	test('the chair clears the chosen wards with one button: the whole district again, and the button goes', async () => {
		await tab.page.getByTestId('clear-wards').click();
		await tab.page.waitForURL((url) => !url.searchParams.has('ward'));
		await waitForView();
		expect(await rankingRows('data-ward')).toEqual(countsOf('ward', ['W01', 'W02', 'W03']));
		expect(await kpiTotal()).toBe(inPeriod.length);
		expect(await tab.page.getByTestId('clear-wards').count()).toBe(0);
	});

	test('ticking every ward is the whole district: no ward= in the address', async () => {
		await open(`from=${PERIOD.from}&to=${PERIOD.to}&ward=W01,W02`);
		await tab.page.getByTestId('ward-toggle').click();
		await tab.page.getByTestId('ward-W03').check();
		await tab.page.waitForURL((url) => !url.searchParams.has('ward'));
		await waitForView();
		expect(await kpiTotal()).toBe(inPeriod.length);
	});

	test('a group chosen in a ward the chair then leaves out is let go with it', async () => {
		await open(`from=${PERIOD.from}&to=${PERIOD.to}&ward=W01,W02&group=W02-TDP03`);
		await tab.page.getByTestId('ward-toggle').click();
		await tab.page.getByTestId('ward-W02').uncheck();
		await tab.page.waitForURL((url) => url.searchParams.get('ward') === 'W01');
		await waitForView();
		expect(new URL(tab.page.url()).searchParams.has('group')).toBe(false);
		expect(await kpiTotal()).toBe(totalOf(['W01']));
	});

	test('a keyboard user chooses Phường 2 in the ward menu: Tab to it, Enter opens, Space ticks, Escape closes back on the menu', async () => {
		await open(`from=${PERIOD.from}&to=${PERIOD.to}`);
		await tab.page.getByTestId('level-ward').focus();
		await tab.page.keyboard.press('Tab');
		expect(await tab.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ward-toggle');
		await tab.page.keyboard.press('Enter');
		await tab.page.keyboard.press('Tab');
		await tab.page.keyboard.press('Tab');
		expect(await tab.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ward-W02');
		await tab.page.keyboard.press('Space');
		await tab.page.waitForURL((url) => url.searchParams.get('ward') === 'W02');
		await waitForView();
		expect(await kpiTotal()).toBe(totalOf(['W02']));
		await tab.page.keyboard.press('Escape');
		expect(await tab.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ward-toggle');
		expect(await tab.page.locator('details:has([data-testid="ward-toggle"])').getAttribute('open')).toBeNull();
	});

	test('the district chair prints the briefing at level=ward: wards ranked and mapped, and its sentences say "phường"', async () => {
		await tab.page.goto(`${BASE_URL}/briefing?from=${PERIOD.from}&to=${PERIOD.to}&level=ward`);
		await tab.page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
		expect(await rankingRows('data-ward')).toEqual(countsOf('ward', ['W01', 'W02', 'W03']));
		expect(await tab.page.locator('[data-testid="ranking"] tbody tr[data-group]').count()).toBe(0);
		expect(await mapAreas()).toEqual(['W01', 'W02', 'W03']);
		const headings = await tab.page.locator('[data-testid="briefing"] h2').allTextContents();
		expect(headings).toContain('III. Bản đồ các phường');
		expect(headings).toContain('IV. Các phường có nhiều vụ việc nhất');
		const sentences = tab.page.locator('[data-testid="briefing-sentences"] li');
		expect(await sentences.first().textContent()).toMatch(new RegExp(`^Trong năm 2020, 3 phường tiếp nhận ${inPeriod.length.toLocaleString('vi-VN')} vụ việc`));
		expect(await sentences.allTextContents()).toContainEqual(expect.stringMatching(/^Phường có nhiều vụ việc nhất: Phường 2 \(mô phỏng\)/));

		await tab.page.goto(`${BASE_URL}/briefing?from=${PERIOD.from}&to=${PERIOD.to}&level=ward&ward=W01,W03`);
		await tab.page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
		expect(await rankingRows('data-ward')).toEqual(countsOf('ward', ['W01', 'W03']));
		expect(await mapAreas()).toEqual(['W01', 'W03']);
		expect(await sentences.first().textContent()).toMatch(new RegExp(`^Trong năm 2020, 2 phường tiếp nhận ${totalOf(['W01', 'W03']).toLocaleString('vi-VN')} vụ việc`));
	});

	test('in English the ward menu says "Wards: All wards", then the wards chosen', async () => {
		await open(`from=${PERIOD.from}&to=${PERIOD.to}&lang=en`);
		expect(await textOf('ward-toggle')).toBe('Wards: All wards');
		await open(`from=${PERIOD.from}&to=${PERIOD.to}&ward=W03&lang=en`);
		expect(await textOf('ward-toggle')).toBe('Wards: Phường 3 (mô phỏng)');
		expect(await textOf('clear-wards')).toBe('Whole district');
		expect(tab.errors).toEqual([]);
	});
});
