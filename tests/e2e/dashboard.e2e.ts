import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BASE_URL, openBrowser, watchPage } from './browser';
import { decodePng, type Image } from './png';

/*
 * The dashboard driven as a user would, in headless Chromium, through the stable hooks of SPEC §8.
 * Every expected number is counted here from data/demo/cases.csv, independently of the app's code.
 */

// ---------------------------------------------------------------------------------------------------------------
// The demo data, counted independently

interface CaseRow {
	reported_on: string;
	group_code: string;
	category: string;
	status: string;
}

interface Filter {
	from: string;
	to: string;
	categories?: string[];
	statuses?: string[];
	groups?: string[];
}

function readCases(): CaseRow[] {
	const [header, ...lines] = readFileSync('data/demo/cases.csv', 'utf8').trim().split(/\r?\n/);
	const columns = header.split(',');
	const at = (name: string) => {
		const index = columns.indexOf(name);
		if (index < 0) throw new Error(`cases.csv has no column ${name}`);
		return index;
	};
	const [date, group, category, status] = ['reported_on', 'group_code', 'category', 'status'].map(at);
	return lines.map((line) => {
		const cells = line.split(',');
		return { reported_on: cells[date], group_code: cells[group], category: cells[category], status: cells[status] };
	});
}

const CASES = readCases();
const GROUP_CODES: string[] = (
	JSON.parse(readFileSync('data/demo/groups.geojson', 'utf8')) as { features: { properties: { group_code: string } }[] }
).features.map((feature) => feature.properties.group_code);

function matches(row: CaseRow, filter: Filter, withGroups = true): boolean {
	if (row.reported_on < filter.from || row.reported_on > filter.to) return false;
	if (filter.categories?.length && !filter.categories.includes(row.category)) return false;
	if (filter.statuses?.length && !filter.statuses.includes(row.status)) return false;
	if (withGroups && filter.groups?.length && !filter.groups.includes(row.group_code)) return false;
	return true;
}

function countCases(filter: Filter): number {
	return CASES.filter((row) => matches(row, filter)).length;
}

/** Cases per group for every group of the ward (zero included); the group filter never narrows the ranking. */
function countByGroup(filter: Filter): Map<string, number> {
	const counts = new Map(GROUP_CODES.map((code) => [code, 0]));
	for (const row of CASES) if (matches(row, filter, false)) counts.set(row.group_code, (counts.get(row.group_code) ?? 0) + 1);
	return counts;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month0: number, day: number) => {
	const date = new Date(Date.UTC(year, month0, day));
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
/** The last day of the month of an ISO date. */
const endOfMonth = (iso: string) => isoDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0);

const LAST_DATE = CASES.map((row) => row.reported_on).reduce((a, b) => (a > b ? a : b));
const LAST_YEAR = Number(LAST_DATE.slice(0, 4));
const LAST_MONTH0 = Number(LAST_DATE.slice(5, 7)) - 1;
/** The opening view: the last 12 whole months of the data. */
const DEFAULT_PERIOD = { from: isoDate(LAST_YEAR, LAST_MONTH0 - 11, 1), to: endOfMonth(LAST_DATE) };
/** The calendar quarter before the one holding the data's last date. */
const LAST_QUARTER = (() => {
	const firstMonth0 = LAST_MONTH0 - (LAST_MONTH0 % 3) - 3;
	return { from: isoDate(LAST_YEAR, firstMonth0, 1), to: isoDate(LAST_YEAR, firstMonth0 + 3, 0) };
})();

/** The filter a (canonical) dashboard URL stands for. */
function filterOf(url: string): Filter {
	const params = new URL(url).searchParams;
	const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
	return {
		from: params.get('from') ?? DEFAULT_PERIOD.from,
		to: params.get('to') ?? DEFAULT_PERIOD.to,
		categories: list('cat'),
		statuses: list('status'),
		groups: list('group')
	};
}

/** A filter with its lists sorted (the app writes codes in its own order). */
const normalised = (filter: Filter) => ({
	...filter,
	categories: [...(filter.categories ?? [])].sort(),
	statuses: [...(filter.statuses ?? [])].sort(),
	groups: [...(filter.groups ?? [])].sort()
});

/** An integer as Vietnamese writes it: `1.175`. */
function vietnameseInteger(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The group with the most cases of every category in the default period. */
function busiestGroup(): string {
	const counts = countByGroup(DEFAULT_PERIOD);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

// ---------------------------------------------------------------------------------------------------------------
// Driving the page

let context: BrowserContext;
let closeBrowser: () => Promise<void>;
const pages: Page[] = [];

beforeAll(async () => {
	({ context, close: closeBrowser } = await openBrowser());
});

afterEach(async () => {
	for (const page of pages.splice(0)) await page.close().catch(() => {});
});

afterAll(async () => {
	await closeBrowser?.();
});

async function newPage(): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
	const page = await context.newPage();
	pages.push(page);
	return { page, watch: watchPage(page) };
}

async function openDashboard(query = ''): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
	const opened = await newPage();
	await opened.page.goto(`${BASE_URL}/${query}`);
	await mapReady(opened.page);
	await settle(opened.page);
	return opened;
}

/**
 * `waitForMap` with more patience (the machine is shared and may be busy), and on failure a description of what
 * the page showed instead.
 */
async function mapReady(page: Page, timeout = 90_000): Promise<void> {
	try {
		await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout });
	} catch (error) {
		const shown = await page
			.evaluate(() => (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 300))
			.catch(() => '(page unreadable)');
		throw new Error(`map not ready at ${page.url()}: ${String(error).split('\n')[0]}; page shows: ${shown}`);
	}
}

interface Snapshot {
	url: string;
	kpi: string | null;
	ready: boolean;
	ranking: string;
}

async function snapshot(page: Page): Promise<Snapshot> {
	return page.evaluate(() => ({
		url: location.href,
		kpi: document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim() ?? null,
		ready: document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true',
		ranking: [...document.querySelectorAll('[data-testid="ranking"] tbody tr')]
			.map((row) => `${row.getAttribute('data-group')}:${row.getAttribute('data-count')}`)
			.join(' ')
	}));
}

/**
 * Waits until the view has stopped moving: the map has drawn and the URL, key figure and ranking have stayed the
 * same for a while. The app exposes no "all panels done" hook, so stability is the signal; the timeout is generous.
 */
async function settle(page: Page, quietMs = 700, timeoutMs = 30_000): Promise<Snapshot> {
	const deadline = Date.now() + timeoutMs;
	let last = await snapshot(page);
	let since = Date.now();
	while (Date.now() < deadline) {
		await page.waitForTimeout(100);
		const now = await snapshot(page);
		if (JSON.stringify(now) !== JSON.stringify(last) || !now.ready) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs && now.kpi !== null && now.ranking !== '') return now;
	}
	throw new Error(`the dashboard did not settle: ${JSON.stringify(last)}`);
}

async function waitForUrl(page: Page, test: (params: URLSearchParams) => boolean, timeout = 30_000): Promise<void> {
	await page.waitForURL((url) => test(url.searchParams), { timeout });
}

async function kpiTotal(page: Page): Promise<string> {
	return (await page.getByTestId('kpi-total').innerText()).trim();
}

async function rankingRows(page: Page): Promise<{ group: string; count: number; selected: boolean }[]> {
	return page.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
		rows.map((row) => ({
			group: row.getAttribute('data-group') ?? '',
			count: Number(row.getAttribute('data-count')),
			selected: row.classList.contains('selected')
		}))
	);
}

async function chooseCategory(page: Page, code: string): Promise<void> {
	await page.getByTestId('category-toggle').click();
	await page.getByTestId(`category-${code}`).check();
	await page.getByTestId('category-toggle').click(); // closes the menu again, as a user would
}

/** The map's own canvas as an image (its drawing buffer is preserved), decoded here from the PNG. */
async function mapCanvasImage(page: Page): Promise<{ image: Image; cssWidth: number }> {
	const { dataUrl, cssWidth } = await page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas')!;
		return { dataUrl: canvas.toDataURL('image/png'), cssWidth: canvas.clientWidth };
	});
	return { image: decodePng(Buffer.from(dataUrl.split(',')[1], 'base64')), cssWidth };
}

function pixel(image: Image, x: number, y: number): [number, number, number, number] {
	const i = (Math.round(y) * image.width + Math.round(x)) * 4;
	return [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
}

const hex = ([r, g, b]: number[]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const BACKGROUND = [0xf3, 0xf1, 0xec];
const near = (a: number[], b: number[], tolerance = 6) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tolerance);

/**
 * The fill colour of a group on the canvas: the commonest colour of a 5×5 patch a few pixels from its label's
 * centre (the label is an HTML overlay, so the canvas there is the group's fill; taking the commonest colour
 * ignores a stray outline pixel).
 */
async function groupColour(page: Page, group: string): Promise<string> {
	const labelText = String(Number(group.replace(/\D/g, '')));
	const label = page.locator('[data-testid="map"] .labels .label', { hasText: new RegExp(`^\\s*${labelText}\\s*$`) });
	expect(await label.count(), `map labels reading ${labelText}`).toBe(1);
	const at = await label.evaluate((span) => ({
		x: parseFloat((span as HTMLElement).style.left),
		y: parseFloat((span as HTMLElement).style.top)
	}));
	const { image, cssWidth } = await mapCanvasImage(page);
	const scale = image.width / cssWidth;
	const counts = new Map<string, number>();
	for (let dx = -2; dx <= 2; dx++)
		for (let dy = -2; dy <= 2; dy++) {
			const colour = hex(pixel(image, (at.x + 4 + dx) * scale, (at.y + 4 + dy) * scale));
			counts.set(colour, (counts.get(colour) ?? 0) + 1);
		}
	return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Every group is drawn where its label is, inside the map's frame: the map fills its panel and shows the whole
 * ward. Labels, legend and tooltip are hidden for the screenshot, so only the canvas counts.
 */
async function expectEveryGroupDrawn(page: Page): Promise<void> {
	const map = page.getByTestId('map');
	const labels = await page
		.locator('[data-testid="map"] .labels .label')
		.evaluateAll((spans) =>
			spans.map((span) => ({ text: span.textContent, x: parseFloat((span as HTMLElement).style.left), y: parseFloat((span as HTMLElement).style.top) }))
		);
	const groupCount = (JSON.parse(readFileSync('data/demo/groups.geojson', 'utf8')) as { features: unknown[] }).features.length;
	expect(labels.length).toBe(groupCount);
	const hidden = await page.addStyleTag({
		content: '[data-testid="map"] .labels, [data-testid="map-legend"], [data-testid="map"] .tooltip { visibility: hidden !important; }'
	});
	const box = (await map.boundingBox())!;
	const shot = decodePng(await map.screenshot());
	await hidden.evaluate((style) => (style as HTMLElement).remove());
	const outside = labels.filter(({ x, y }) => x < 0 || y < 0 || x > box.width || y > box.height);
	expect(outside, 'labels outside the map').toEqual([]);
	const scale = shot.width / box.width;
	const bare = labels.filter(({ x, y }) => near(pixel(shot, (x + 4) * scale, (y + 4) * scale), BACKGROUND));
	expect(bare, 'labels with no group drawn under them').toEqual([]);
}

async function expectTotalMatchesUrl(page: Page): Promise<void> {
	const expected = countCases(filterOf(page.url()));
	expect(await kpiTotal(page), `kpi-total for ${page.url()}`).toBe(vietnameseInteger(expected));
}

// ---------------------------------------------------------------------------------------------------------------

describe('dashboard in Chromium', { timeout: 120_000 }, () => {
	test('loads with no console error and no request leaving localhost, before and after interaction', async () => {
		const everyRequest: string[] = [];
		const onRequest = (request: Request) => everyRequest.push(request.url());
		context.on('request', onRequest);
		try {
			const { page, watch } = await openDashboard();
			expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
			expect(watch.errors).toEqual([]);
			expect(watch.foreignRequests).toEqual([]);

			await chooseCategory(page, 'family');
			await settle(page);
			await page.getByTestId('map-mode').selectOption('rate');
			await settle(page);
			const box = (await page.getByTestId('map').boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
			await page.getByTestId('period-preset').selectOption('last_quarter');
			await settle(page);
			await page.getByTestId('lang-en').click();
			await waitForUrl(page, (params) => params.get('lang') === 'en');
			await settle(page);

			expect(watch.errors).toEqual([]);
			expect(watch.foreignRequests).toEqual([]);
			expect(everyRequest.length).toBeGreaterThan(0);
			const foreign = everyRequest.filter((url) => {
				const { protocol, hostname } = new URL(url);
				return !['data:', 'blob:'].includes(protocol) && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
			});
			expect(foreign).toEqual([]);
		} finally {
			context.off('request', onRequest);
		}
	});

	test('the map canvas shows coloured groups inside the ward', async () => {
		const { page } = await openDashboard();
		const map = page.getByTestId('map');
		expect(await map.getAttribute('data-ready')).toBe('true');

		// The decoder itself, checked against the browser's own pixels of the same canvas.
		const { image } = await mapCanvasImage(page);
		const reference = await page.evaluate(() => {
			const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas')!;
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const context2d = copy.getContext('2d')!;
			context2d.drawImage(canvas, 0, 0);
			const points = [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((fx) => [0.2, 0.5, 0.8].map((fy) => [fx, fy]));
			return points.map(([fx, fy]) => {
				const x = Math.floor(fx * canvas.width);
				const y = Math.floor(fy * canvas.height);
				return { x, y, rgba: [...context2d.getImageData(x, y, 1, 1).data] };
			});
		});
		for (const { x, y, rgba } of reference) expect(pixel(image, x, y), `canvas pixel ${x},${y}`).toEqual(rgba);

		// What the user sees: a screenshot of the map element, HTML overlays (labels, legend, tooltip) hidden so
		// that only the canvas counts.
		await page.addStyleTag({
			content: '[data-testid="map"] .labels, [data-testid="map-legend"], [data-testid="map"] .tooltip { visibility: hidden !important; }'
		});
		const shot = decodePng(await map.screenshot());
		const colours = new Map<string, number>();
		let coloured = 0;
		let total = 0;
		for (let y = Math.floor(shot.height * 0.25); y < shot.height * 0.75; y++)
			for (let x = Math.floor(shot.width * 0.25); x < shot.width * 0.75; x++) {
				const rgba = pixel(shot, x, y);
				total++;
				if (near(rgba, BACKGROUND) || near(rgba, [255, 255, 255], 3)) continue;
				coloured++;
				const key = hex(rgba);
				colours.set(key, (colours.get(key) ?? 0) + 1);
			}
		// Colours filling a real area, not antialiased edges.
		const areas = [...colours].filter(([, n]) => n >= 100);
		expect(coloured / total, 'share of the map centre that is neither background nor white').toBeGreaterThan(0.5);
		expect(areas.length, `distinct fill colours: ${JSON.stringify(areas.slice(0, 12))}`).toBeGreaterThanOrEqual(3);

		await expectEveryGroupDrawn(page);
	});

	test('the map keeps the whole ward in view when the window is resized', async () => {
		const { page } = await openDashboard();
		for (const width of [1000, 1400]) {
			await page.setViewportSize({ width, height: 1100 });
			await settle(page);
			await page.waitForTimeout(300);
			await expectEveryGroupDrawn(page);
		}
	});

	test('kpi-total equals the count of cases the URL selects', async () => {
		const queries = [
			'',
			'?from=2019-03-01&to=2019-05-31',
			'?from=2020-01-01&to=2020-12-31&cat=land,family',
			'?from=2020-01-01&to=2020-12-31&status=resolved',
			'?from=2020-01-01&to=2020-12-31&group=TDP25',
			'?from=2019-01-01&to=2019-12-31&cat=neighbour,civil&status=resolved,mediating&group=TDP15,TDP32',
			'?from=2018-01-01&to=2020-12-31'
		];
		const { page } = await newPage();
		const seen = new Set<string>();
		for (const query of queries) {
			await page.goto(`${BASE_URL}/${query}`);
			await mapReady(page);
			await settle(page);
			if (query === '') {
				const params = new URL(page.url()).searchParams;
				expect([params.get('from'), params.get('to')]).toEqual([DEFAULT_PERIOD.from, DEFAULT_PERIOD.to]);
				expect(DEFAULT_PERIOD).toEqual({ from: '2020-01-01', to: '2020-12-31' });
			}
			const filter = filterOf(page.url());
			const asked = filterOf(`${BASE_URL}/${query || `?from=${DEFAULT_PERIOD.from}&to=${DEFAULT_PERIOD.to}`}`);
			expect(normalised(filter), `the canonical URL of ${query || '(default)'}`).toEqual(normalised(asked));
			const expected = countCases(filter);
			expect(await kpiTotal(page), `kpi-total for ${query || '(default)'}`).toBe(vietnameseInteger(expected));
			seen.add(String(expected));
		}
		// The whole data: the number needs a thousands separator.
		expect(await kpiTotal(page)).toBe(vietnameseInteger(CASES.length));
		expect(CASES.length).toBeGreaterThanOrEqual(1000);
		expect(seen.size, 'the URLs select different numbers of cases').toBe(queries.length);
	}, 300_000);

	test('choosing a category updates the total, the ranking, the URL and the map', async () => {
		const { page, watch } = await openDashboard();
		const busiest = busiestGroup();
		// Also two of the busiest groups without any land case: they must both turn to the colour of zero.
		const allCounts = countByGroup(DEFAULT_PERIOD);
		const landCounts = countByGroup({ ...DEFAULT_PERIOD, categories: ['land'] });
		const [emptied, alsoEmptied] = [...allCounts]
			.filter(([code, n]) => n > 0 && landCounts.get(code) === 0)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([code]) => code);
		const before = {
			kpi: await kpiTotal(page),
			colour: await groupColour(page, busiest),
			emptied: await groupColour(page, emptied)
		};
		expect(before.kpi).toBe(vietnameseInteger(countCases(DEFAULT_PERIOD)));
		expect(near(hexToRgb(before.colour), BACKGROUND), `${busiest} is filled, not background`).toBe(false);

		await chooseCategory(page, 'land');
		await waitForUrl(page, (params) => params.get('cat') === 'land');
		await expect.poll(() => kpiTotal(page), { timeout: 30_000 }).not.toBe(before.kpi);
		await settle(page);

		const land = { ...DEFAULT_PERIOD, categories: ['land'] };
		expect(new URL(page.url()).searchParams.get('cat')).toBe('land');
		expect(await kpiTotal(page)).toBe(vietnameseInteger(countCases(land)));

		const rows = await rankingRows(page);
		const expected = countByGroup(land);
		expect(rows.map((row) => row.group).sort()).toEqual([...expected.keys()].sort());
		for (const row of rows) expect(row.count, `land cases in ${row.group}`).toBe(expected.get(row.group));
		for (let i = 1; i < rows.length; i++) expect(rows[i - 1].count).toBeGreaterThanOrEqual(rows[i].count);
		expect(rows[0].count).toBe(Math.max(...expected.values()));

		const after = await groupColour(page, busiest);
		expect(near(hexToRgb(after), BACKGROUND), `${busiest} is filled, not background`).toBe(false);
		// The busiest group may stay in the top class (classes are rescaled to the new counts), so the colour
		// that must change is that of a group left without any case.
		const emptiedAfter = await groupColour(page, emptied);
		expect(emptiedAfter, `${emptied} (${allCounts.get(emptied)} cases, none of them land)`).not.toBe(before.emptied);
		expect(await groupColour(page, alsoEmptied), `${alsoEmptied} has no land case either`).toBe(emptiedAfter);
		expect(watch.errors).toEqual([]);
	});

	test('a pasted URL restores the same view', async () => {
		const { page } = await openDashboard();
		await page.getByTestId('period-preset').selectOption('last_quarter');
		await waitForUrl(page, (params) => params.get('from') === LAST_QUARTER.from && params.get('to') === LAST_QUARTER.to);
		await settle(page);
		await chooseCategory(page, 'land');
		await waitForUrl(page, (params) => params.get('cat') === 'land');
		await settle(page);
		const third = (await rankingRows(page))[2].group;
		await page.locator(`[data-testid="ranking"] tr[data-group="${third}"]`).click();
		await waitForUrl(page, (params) => params.get('group') === third);
		await settle(page);

		const state = async (p: Page) => ({
			kpi: await kpiTotal(p),
			preset: await p.getByTestId('period-preset').inputValue(),
			customInputs: await p.getByTestId('period-from').count(),
			categories: await p.$$eval('[data-testid^="category-"][type="checkbox"]', (boxes) =>
				(boxes as HTMLInputElement[]).filter((box) => box.checked).map((box) => box.dataset.testid)
			),
			ranking: (await rankingRows(p)).map((row) => `${row.group}:${row.count}`),
			selected: (await rankingRows(p)).filter((row) => row.selected).map((row) => row.group),
			mode: await p.getByTestId('map-mode').inputValue()
		});
		const original = await state(page);
		expect(original.preset).toBe('last_quarter');
		expect(original.categories).toEqual(['category-land']);
		expect(original.selected).toEqual([third]);
		expect(original.kpi).toBe(
			vietnameseInteger(countCases({ ...LAST_QUARTER, categories: ['land'], groups: [third] }))
		);

		const url = page.url();
		const { page: pasted } = await newPage();
		await pasted.goto(url);
		await mapReady(pasted);
		await settle(pasted);
		expect(pasted.url()).toBe(url);
		expect(await state(pasted)).toEqual(original);
		expect(await pasted.locator(`[data-testid="ranking"] tr[data-group="${third}"]`).getAttribute('class')).toMatch(/\bselected\b/);
	});

	test('a custom period typed as dd/mm/yyyy', async () => {
		const { page } = await openDashboard();
		await page.getByTestId('period-preset').selectOption('custom');
		expect(await page.getByTestId('period-from').inputValue()).toBe('01/01/2020');
		expect(await page.getByTestId('period-to').inputValue()).toBe('31/12/2020');
		await page.getByTestId('period-from').fill('01/03/2020');
		await page.getByTestId('period-to').fill('31/05/2020');
		await page.getByTestId('period-apply').click();
		await waitForUrl(page, (params) => params.get('from') !== DEFAULT_PERIOD.from);
		await settle(page);
		const params = new URL(page.url()).searchParams;
		expect([params.get('from'), params.get('to')]).toEqual(['2020-03-01', '2020-05-31']);
		expect(await kpiTotal(page)).toBe(vietnameseInteger(countCases({ from: '2020-03-01', to: '2020-05-31' })));
		expect(await page.getByTestId('period-from').inputValue()).toBe('01/03/2020');
		expect(await page.getByTestId('period-to').inputValue()).toBe('31/05/2020');
	});

	test('brushing the trend chart sets the period to whole months', async () => {
		const { page } = await openDashboard();
		const overlay = page.locator('[data-testid="trend"] svg g.brush rect.overlay');
		await overlay.waitFor({ state: 'visible' });
		expect(await overlay.count()).toBe(1);
		// The mouse acts only inside the window; panels above the trend can push it below the fold.
		await overlay.scrollIntoViewIfNeeded();
		const box = (await overlay.boundingBox())!;
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + box.width * 0.3, y);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.55, y, { steps: 12 });
		await page.mouse.up();
		await waitForUrl(page, (params) => params.get('from') !== DEFAULT_PERIOD.from || params.get('to') !== DEFAULT_PERIOD.to);
		await settle(page);

		const params = new URL(page.url()).searchParams;
		const from = params.get('from')!;
		const to = params.get('to')!;
		expect(from).toMatch(/^\d{4}-\d{2}-01$/);
		expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(to, 'the period ends on the last day of a month').toBe(endOfMonth(to));
		// The chart spans the 36 months 2018–2020, so 30 %–55 % of its width is about Nov 2018 to Aug 2019.
		expect(from >= '2018-09-01' && from <= '2019-01-01', `from=${from}`).toBe(true);
		expect(to >= '2019-06-30' && to <= '2019-10-31', `to=${to}`).toBe(true);
		await expectTotalMatchesUrl(page);
	});

	test('a malformed URL is corrected, reported and still drawn', async () => {
		const { page, watch } = await newPage();
		await page.goto(`${BASE_URL}/?from=31/02/2020&cat=xyz,land&mode=bogus`);
		await mapReady(page);
		await page.getByTestId('url-corrections').waitFor({ state: 'visible' });
		await waitForUrl(page, (params) => !params.has('mode'));
		await settle(page);
		const notice = await page.getByTestId('url-corrections').innerText();
		expect(notice).toContain('xyz');
		expect(notice).toContain('31/02/2020');
		expect(notice).toContain('bogus');
		const params = new URL(page.url()).searchParams;
		expect(params.get('cat')).toBe('land');
		expect(page.url()).not.toContain('xyz');
		expect([params.get('from'), params.get('to')]).toEqual([DEFAULT_PERIOD.from, DEFAULT_PERIOD.to]);
		expect(await page.getByTestId('map-mode').inputValue()).toBe('count');
		expect(await page.getByTestId('map').getAttribute('data-ready')).toBe('true');
		await expectTotalMatchesUrl(page);
		expect(watch.errors).toEqual([]);
	});

	test('switching the language keeps the filters', async () => {
		const query = '?from=2019-03-01&to=2019-05-31&cat=land';
		const { page } = await openDashboard(query);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
		const kpiLabel = page.getByTestId('kpi-total').locator('xpath=..').locator('.label');
		expect(await kpiLabel.innerText()).not.toBe('Cases');
		const total = await kpiTotal(page);

		await page.getByTestId('lang-en').click();
		await waitForUrl(page, (params) => params.get('lang') === 'en');
		await settle(page);
		const params = new URL(page.url()).searchParams;
		expect([params.get('from'), params.get('to'), params.get('cat')]).toEqual(['2019-03-01', '2019-05-31', 'land']);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		expect(await kpiLabel.innerText()).toBe('Cases');
		expect(await page.getByTestId('category-toggle').innerText()).toContain('Land, boundaries');
		expect(await page.locator('body').innerText()).toContain('Cases by month');
		expect(await kpiTotal(page)).toBe(total);
		await expectTotalMatchesUrl(page);

		await page.getByTestId('lang-vi').click();
		await waitForUrl(page, (p) => !p.has('lang'));
		await settle(page);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
		expect(new URL(page.url()).searchParams.get('cat')).toBe('land');
		expect(await kpiLabel.innerText()).not.toBe('Cases');
	});

	test('speed (printed, not asserted)', async () => {
		const fresh = await openBrowser();
		try {
			const page = await fresh.context.newPage();
			const readyAt = () =>
				page.waitForFunction(
					() => (document.querySelector('[data-testid="map"][data-ready="true"]') ? performance.now() : 0),
					undefined,
					{ polling: 'raf', timeout: 60_000 }
				);
			let started = Date.now();
			await page.goto(`${BASE_URL}/`);
			const coldInPage = Math.round((await (await readyAt()).jsonValue()) as number);
			const cold = Date.now() - started;

			started = Date.now();
			await page.goto(`${BASE_URL}/`);
			const warmInPage = Math.round((await (await readyAt()).jsonValue()) as number);
			const warm = Date.now() - started;
			await settle(page);

			const before = await kpiTotal(page);
			await page.getByTestId('category-toggle').click();
			const update = await page.evaluate(async (previous) => {
				const box = document.querySelector<HTMLInputElement>('[data-testid="category-land"]')!;
				const started = performance.now();
				box.click();
				return new Promise<number>((resolve, reject) => {
					const timeout = setTimeout(() => reject(new Error('views did not update within 30 s')), 30_000);
					const check = () => {
						const kpi = document.querySelector('[data-testid="kpi-total"]')?.textContent?.trim();
						const ready = document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true';
						if (kpi !== previous && ready) {
							clearTimeout(timeout);
							resolve(performance.now() - started);
						} else requestAnimationFrame(check);
					};
					requestAnimationFrame(check);
				});
			}, before);
			await settle(page);
			expect(await kpiTotal(page)).toBe(vietnameseInteger(countCases({ ...DEFAULT_PERIOD, categories: ['land'] })));

			console.log(
				[
					`[timing] cold load (fresh profile) to map data-ready: ${cold} ms wall, ${coldInPage} ms since navigation start`,
					`[timing] second load (same context) to map data-ready: ${warm} ms wall, ${warmInPage} ms since navigation start`,
					`[timing] category click to kpi-total changed and map data-ready: ${Math.round(update)} ms`
				].join('\n')
			);
		} finally {
			await fresh.close();
		}
	});
});

function hexToRgb(colour: string): number[] {
	return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}
