/**
 * The project's benchmark (`npm run bench`, after `npx vite build`): the dashboard on the demo ward in headless
 * Chromium, several runs, medians reported. Timings are printed, never asserted: these machines are shared.
 *
 * - first map, cold: navigation in a fresh profile until the map says `data-ready="true"`
 * - first map, warm: the same page reloaded (browser caches and compiled wasm kept)
 * - filter change: a category click until the total has changed and the map is ready again
 * - analysis: Gi*, Local Moran (999 permutations), EB rates and emerging hot spots for 48 groups × 36 months,
 *   as measured inside the page (`analysis:compute`, the statistics without their queries)
 */
import type { Page } from 'playwright-core';
import startServer, { BASE_URL } from '../e2e/server';
import { openBrowser, waitForMap } from '../e2e/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeToMap(page: Page, url: string): Promise<number> {
	const started = performance.now();
	await page.goto(url);
	await waitForMap(page);
	return performance.now() - started;
}

async function filterChange(page: Page, code: string): Promise<number> {
	const total = page.getByTestId('kpi-total');
	const before = await total.textContent();
	await page.getByTestId('category-toggle').click();
	const started = performance.now();
	await page.getByTestId(`category-${code}`).click();
	await page.waitForFunction(
		(previous) =>
			document.querySelector('[data-testid="kpi-total"]')?.textContent !== previous &&
			document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true',
		before
	);
	const elapsed = performance.now() - started;
	await page.getByTestId('category-toggle').click();
	return elapsed;
}

async function analysisTime(page: Page): Promise<number[]> {
	return page.evaluate(() => performance.getEntriesByName('analysis:compute').map((entry) => entry.duration));
}

const stop = await startServer();
const results = { cold: [] as number[], warm: [] as number[], filter: [] as number[], analysis: [] as number[] };
try {
	for (let run = 0; run < RUNS; run++) {
		const { context, close } = await openBrowser();
		const page = await context.newPage();
		results.cold.push(await timeToMap(page, `${BASE_URL}/?mode=gistar`));
		results.analysis.push(...(await analysisTime(page)));
		results.warm.push(await timeToMap(page, `${BASE_URL}/?mode=count`));
		for (const code of ['land', 'family', 'neighbour']) results.filter.push(await filterChange(page, code));
		await close();
	}
} finally {
	await stop();
}

const line = (label: string, values: number[], target: number) =>
	`${label.padEnd(34)} median ${median(values).toFixed(0).padStart(6)} ms   target ${String(target).padStart(5)} ms   ratio ${(median(values) / target).toFixed(2)}   (n = ${values.length}: ${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`Ward Hotspots benchmark, demo ward, headless Chromium, ${RUNS} runs`);
console.log(line('first map, cold profile', results.cold, 2500));
console.log(line('first map, warm reload', results.warm, 2500));
console.log(line('filter change (category click)', results.filter, 100));
console.log(line('all analyses, 48 groups × 36 months', results.analysis, 50));
