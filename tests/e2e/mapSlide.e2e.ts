import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap, watchPage } from './browser';
import { browserPerFile } from './perFile';
import { decodePng, type Image } from './png';

/*
 * A map a slide can use (issue 15 part 8): the legend and the notes never cover a group's number, the numbers
 * read on dark cells, the PNG carries numbers, legend and the plain-words explanation, and charts name months as
 * the page's language does. Darkness is judged here from the map's own pixels with WCAG 2's relative luminance.
 */

const SPAN = 'from=2018-01-01&to=2020-12-31';
const MODES = ['count', 'rate', 'change', 'gistar', 'lisa', 'emerging'] as const;

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Each group number's box, and the boxes of what floats over the map, in page pixels. */
async function mapBoxes(page: Page) {
	return page.$$eval('[data-testid="map"]', (maps) =>
		maps.map((map) => {
			const box = (element: Element) => {
				const { left, top, right, bottom } = element.getBoundingClientRect();
				return { left, top, right, bottom };
			};
			const floating = ['.legend', '[data-testid="map-layout"]', '[data-testid="map-caption"]', '[data-testid="export-png"]'];
			return {
				map: box(map),
				labels: [...map.querySelectorAll('.labels .label')].map((label) => ({ text: label.textContent ?? '', ...box(label) })),
				overlays: floating.flatMap((selector) => [...map.querySelectorAll(selector)].map((element) => ({ selector, ...box(element) })))
			};
		})
	);
}

/** Waits until the group numbers stop moving (the map fits the ward again once the legend has its size). */
async function settle(page: Page): Promise<void> {
	let previous = '';
	for (let i = 0; i < 20; i++) {
		const now = JSON.stringify(await mapBoxes(page));
		if (now === previous) return;
		previous = now;
		await page.waitForTimeout(150);
	}
}

async function open(page: Page, query: string): Promise<void> {
	await page.goto(`${BASE_URL}/?${query}`);
	await waitForMap(page);
	await settle(page);
}

/** WCAG 2 relative luminance of an sRGB pixel. */
function luminance(image: Image, x: number, y: number): number {
	const i = (Math.round(y) * image.width + Math.round(x)) * 4;
	const channel = (value: number) => {
		const c = value / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(image.data[i]) + 0.7152 * channel(image.data[i + 1]) + 0.0722 * channel(image.data[i + 2]);
}

describe('a map a slide can use', () => {
	const context = browserPerFile();

	test('the legend and the notes never cover a group number, in every mode, at 1,366 and 1,024 px wide', async () => {
		const page = await context().newPage();
		const { errors } = watchPage(page);
		for (const width of [1366, 1024]) {
			await page.setViewportSize({ width, height: 800 });
			await open(page, SPAN);
			for (const query of [...MODES.map((mode) => `mode=${mode}`), 'compare=2019-01-01..2019-12-31']) {
				if (query.startsWith('mode=')) {
					await page.getByTestId('map-mode').selectOption(query.slice(5));
					await page.waitForFunction((mode) => new URL(location.href).searchParams.get('mode') === mode || mode === 'count', query.slice(5));
					await waitForMap(page);
					await settle(page);
				} else await open(page, `from=2020-01-01&to=2020-12-31&${query}`);
				const maps = await mapBoxes(page);
				expect(maps.length, query).toBeGreaterThan(0);
				for (const { map, labels, overlays } of maps) {
					expect(labels.length, query).toBe(48);
					expect(overlays.some((overlay) => overlay.selector === '.legend'), query).toBe(true);
					for (const label of labels) {
						const centre = { x: (label.left + label.right) / 2, y: (label.top + label.bottom) / 2 };
						expect(centre.x > map.left && centre.x < map.right && centre.y > map.top && centre.y < map.bottom, `${query} ${label.text}`).toBe(true);
						for (const overlay of overlays) {
							expect(overlaps(label, overlay), `${width}px ${query}: ${overlay.selector} covers group ${label.text}`).toBe(false);
						}
					}
				}
			}
		}
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);

	test('group numbers are white on dark cells and dark on light ones, as the map pixels under them say', async () => {
		const page = await context().newPage();
		await page.setViewportSize({ width: 1366, height: 800 });
		let dark = 0;
		let light = 0;
		for (const mode of ['count', 'gistar']) {
			await open(page, `${SPAN}&mode=${mode}`);
			const [{ map, labels }] = await mapBoxes(page);
			const colours = await page.$$eval('[data-testid="map"] .labels .label', (spans) => spans.map((span) => getComputedStyle(span).color));
			await page.$eval('[data-testid="map"] .labels', (element) => ((element as HTMLElement).style.visibility = 'hidden'));
			const image = decodePng(await page.getByTestId('map').screenshot());
			labels.forEach((label, i) => {
				const x = (label.left + label.right) / 2 - map.left;
				const y = (label.top + label.bottom) / 2 - map.top;
				const under = luminance(image, x, y);
				if (under < 0.15) {
					dark++;
					expect(colours[i], `${mode} ${label.text} on luminance ${under}`).toBe('rgb(255, 255, 255)');
				} else if (under > 0.3) {
					light++;
					expect(colours[i], `${mode} ${label.text} on luminance ${under}`).not.toBe('rgb(255, 255, 255)');
				}
			});
		}
		expect(dark, 'the darkest classes hold some groups').toBeGreaterThan(0);
		expect(light).toBeGreaterThan(20);
		await page.close();
	}, 120_000);

	test('statistical modes are named in plain words, with a line saying what the colours mean (vi and en)', async () => {
		const page = await context().newPage();
		await open(page, `${SPAN}&mode=gistar`);
		const options = await page.$$eval('[data-testid="map-mode"] option', (list) => list.map((option) => option.textContent));
		expect(options).toContain('Điểm nóng thống kê (Gi*)');
		expect((await page.getByTestId('map-legend').locator('.note').first().textContent())?.startsWith('Đỏ: tổ cùng các tổ xung quanh')).toBe(true);
		await open(page, `${SPAN}&mode=lisa&lang=en`);
		expect((await page.getByTestId('map-legend').locator('.note').first().textContent())?.startsWith('Red: a busy group among busy groups')).toBe(true);
		await page.close();
	}, 120_000);

	test('the PNG carries the group numbers, the legend and its explanation beside the map', async () => {
		const page = await context().newPage();
		await page.setViewportSize({ width: 1366, height: 800 });
		await open(page, `${SPAN}&mode=gistar`);
		const [{ map, labels }] = await mapBoxes(page);
		const canvas = await page.$eval('[data-testid="map"] canvas', (element) => ({
			width: (element as HTMLCanvasElement).width,
			ratio: (element as HTMLCanvasElement).width / element.clientWidth
		}));
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		const image = decodePng(readFileSync((await download.path())!));
		expect(image.width).toBe(canvas.width + 260 * canvas.ratio);
		// Beside the map: ink in the legend column, down to the explanation's lines.
		const inkRows = new Set<number>();
		for (let y = 0; y < image.height; y++) {
			for (let x = canvas.width + 10; x < image.width; x++) if (luminance(image, x, y) < 0.2) inkRows.add(y);
		}
		expect(inkRows.size).toBeGreaterThan(150 * canvas.ratio);
		// Over the map: each group's number leaves ink (dark on light cells, a dark halo round white on dark ones).
		const header = 64 * canvas.ratio;
		for (const label of labels) {
			const cx = ((label.left + label.right) / 2 - map.left) * canvas.ratio;
			const cy = header + ((label.top + label.bottom) / 2 - map.top) * canvas.ratio;
			let ink = 0;
			for (let dy = -5; dy <= 5; dy++) for (let dx = -6; dx <= 6; dx++) if (luminance(image, cx + dx, cy + dy) < 0.05) ink++;
			expect(ink, `group ${label.text}`).toBeGreaterThan(0);
		}
		await page.close();
	}, 120_000);

	test('the group chart names its months as the page writes dates (no "Jan 2018" in Vietnamese)', async () => {
		const page = await context().newPage();
		await open(page, `${SPAN}&mode=emerging&group=TDP13`);
		await page.waitForSelector('[data-testid="gi-series"] svg');
		const ticks = await page.$$eval('[data-testid="gi-series"] svg [aria-label="x-axis tick label"] text', (texts) =>
			texts.map((text) => text.textContent ?? '')
		);
		expect(ticks.length).toBeGreaterThan(1);
		for (const tick of ticks) expect(tick).toMatch(/^\d{2}\/\d{4}$/);
		await page.close();
	});
});
