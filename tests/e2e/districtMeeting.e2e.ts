import { describe, expect, test } from 'vitest';
import { district, districtCases } from './districtFile';
import { seriousViolations } from './axe';
import { BASE_URL } from './browser';
import { importOutcome } from './importing';
import { pagePerFile } from './perFile';

/*
 * A district's meeting, as its users go through it: a generated district of three wards imported on the Data page,
 * then wards chosen in the ward menu (by mouse and by keyboard, in both languages). Every expected count is counted
 * here from the generated file with a plain split, not by the app's queries.
 */

const PERIOD = { from: '2020-01-01', to: '2020-12-31' };
const cases = districtCases;
const inPeriod = cases.filter(({ reportedOn }) => reportedOn >= PERIOD.from && reportedOn <= PERIOD.to);
const groupsOf = (wards: string[]) => Array.from({ length: 12 }, (_, i) => i + 1).flatMap((n) => wards.map((ward) => `${ward}-TDP${String(n).padStart(2, '0')}`)).sort();
/** `code → count` over the period, every code of `codes` present (0 when it had no case). */
const countsOf = (key: 'ward' | 'group', codes: string[]) =>
	Object.fromEntries(codes.map((code) => [code, inPeriod.filter((row) => row[key] === code).length]));
const totalOf = (wards: string[]) => inPeriod.filter(({ ward }) => wards.includes(ward)).length;

const wardsIn = (from: string, to: string) =>
	Object.fromEntries(['W01', 'W02', 'W03'].map((ward) => [ward, cases.filter((row) => row.ward === ward && row.reportedOn >= from && row.reportedOn <= to).length]));

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
/** P(X ≥ x) for a Poisson mean λ: 1 − Σ_{k<x} e^−λ λ^k / k!, summed in logs (a ward's x runs to dozens). */
const tail = (x: number, lambda: number) => {
	let below = 0;
	for (let k = 0; k < x; k++) below += Math.exp(-lambda + k * Math.log(lambda) - Math.log(factorial(k)));
	return 1 - below;
};
/**
 * The wards flagged for `month` as this file works it out from the CSV (not the app's module): x cases in the
 * month against the mean of the 12 months before, flagged when x ≥ 3 and P(X ≥ x) < 0.01; most unusual first.
 */
function wardFlags(month: string) {
	const [year, number] = month.split('-').map(Number);
	const before = new Set(
		Array.from({ length: 12 }, (_, i) => {
			const index = year * 12 + number - 2 - i;
			return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
		})
	);
	return ['W01', 'W02', 'W03']
		.map((ward) => {
			const x = cases.filter((row) => row.ward === ward && row.reportedOn.startsWith(month)).length;
			const mean = cases.filter((row) => row.ward === ward && before.has(row.reportedOn.slice(0, 7))).length / 12;
			return { ward, count: String(x), expected: mean.toFixed(1), p: tail(x, mean), x };
		})
		.filter((flag) => flag.x >= 3 && flag.p < 0.01)
		.sort((a, b) => a.p - b.p)
		.map(({ ward, count, expected }) => ({ ward, count, expected }));
}

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

	test('the district chair sets 2020 beside 2019 at ward level: two ward maps on one scale, each ward’s count in both years in the ranking', async () => {
		const [y2019, y2020] = [wardsIn('2019-01-01', '2019-12-31'), wardsIn('2020-01-01', '2020-12-31')];
		await open(`from=2020-01-01&to=2020-12-31&level=ward&compare=2019-01-01..2019-12-31`);
		const maps = tab.page.locator('[data-testid="map"]');
		expect(await maps.count()).toBe(2);
		for (const map of await maps.all())
			expect(await map.locator('[data-testid="map-group"]').evaluateAll((labels) => labels.map((label) => label.getAttribute('data-group')).sort())).toEqual(['W01', 'W02', 'W03']);
		expect(await textOf('kpi-total-compare')).toBe(String(Object.values(y2019).reduce((a, b) => a + b)));
		const rows = await tab.page.locator('[data-testid="ranking"] tbody tr[data-ward]').evaluateAll((elements) =>
			elements.map((row) => [row.getAttribute('data-ward')!, Number(row.getAttribute('data-count')), Number(row.getAttribute('data-count-compare'))])
		);
		expect(Object.fromEntries(rows.map(([ward, now, then]) => [ward, [now, then]]))).toEqual(
			Object.fromEntries(['W01', 'W02', 'W03'].map((ward) => [ward, [y2020[ward], y2019[ward]]]))
		);
		expect(await tab.page.locator('[data-testid="map-caption"]').allTextContents()).toEqual(['01/01/2020 – 31/12/2020', '01/01/2019 – 31/12/2019']);
		expect(await tab.page.getByText('Hai bản đồ dùng chung một thang màu.').count()).toBeGreaterThan(0);

		// A ward opened on the compared map (Enter, as a click) drills down to its groups, both periods still side by side.
		await maps.nth(1).locator('[data-testid="map-group"][data-group="W02"]').focus();
		await tab.page.keyboard.press('Enter');
		await tab.page.waitForURL((url) => url.searchParams.get('level') === 'group' && url.searchParams.get('ward') === 'W02');
		await waitForView();
		expect(new URL(tab.page.url()).searchParams.get('compare')).toBe('2019-01-01..2019-12-31');
		expect(await maps.count()).toBe(2);
		expect(await mapAreas()).toEqual(groupsOf(['W02']));
		expect(await textOf('kpi-total-compare')).toBe(String(y2019.W02));
	});

	test('early warning per ward: May 2020 flags the wards this file’s own Poisson sum flags, by ward name, "n trên 3 phường"', async () => {
		const flags = wardFlags('2020-05');
		expect(flags.length).toBeGreaterThan(0);
		await open(`from=2020-05-01&to=2020-05-31&level=ward`);
		const panel = tab.page.getByTestId('alerts');
		const shown = await panel.locator('li').evaluateAll((rows) =>
			rows.map((row) => ({ ward: row.getAttribute('data-ward'), count: row.getAttribute('data-count'), expected: row.getAttribute('data-expected'), text: row.textContent }))
		);
		expect(shown.map(({ ward, count, expected }) => ({ ward, count, expected }))).toEqual(flags);
		for (const [index, flag] of flags.entries()) expect(shown[index].text).toMatch(new RegExp(`^Phường ${Number(flag.ward.slice(1))} \\(mô phỏng\\): ${flag.count} vụ trong tháng 05/2020`));
		expect(await panel.locator('[data-group]').count()).toBe(0);
		const said = (await panel.textContent())!.replace(/\s+/g, ' ');
		expect(said).toContain(`Phường tăng bất thường so với chính mình trong tháng 05/2020`);
		expect(said).toContain(`${flags.length} trên 3 phường được cảnh báo.`);
		expect(said).toContain('với 3 phường, ngưỡng 1 % cho mỗi phường');

		await tab.page.goto(`${BASE_URL}/briefing?from=2020-05-01&to=2020-05-31&level=ward`);
		await tab.page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
		expect(await tab.page.locator('[data-testid="alerts"] [data-ward]').evaluateAll((parts) => parts.map((part) => part.getAttribute('data-ward')))).toEqual(
			flags.map((flag) => flag.ward)
		);
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

	test('the district dashboard at level=ward, its ward menu open and a compared year beside, has no serious accessibility violation (axe)', async () => {
		await open(`from=2020-01-01&to=2020-12-31&level=ward&ward=W01,W02&compare=2019-01-01..2019-12-31`);
		await tab.page.getByTestId('ward-toggle').click();
		expect(await seriousViolations(tab.page)).toEqual([]);
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
