/**
 * What the Chromium benchmarks share (`import.ts`, `scale.ts`): the bench build, the tab's memory, and the two
 * imports of one file in one tab — DuckDB's own `read_csv` (the yardstick page `/bench/read-csv`) and ours through
 * the Data page. Timings are returned, never asserted.
 *
 * Peak memory is the high-water mark of resident memory (`VmHWM`, /proc/<pid>/status) of the tab's renderer
 * process, reset (`clear_refs`) just before a measurement and read just after. The page's main thread and its
 * dedicated workers — DuckDB-WASM's, with all of its wasm memory, and MapLibre's — are threads of that one process
 * (told from Chromium's other, idle renderers by its `DedicatedWorker` thread); the browser, GPU and network
 * processes are left out.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { BASE_URL } from '../e2e/server';

/** Generous: a large file's import may take minutes on these shared machines. */
export const LONG = 30 * 60_000;

/**
 * The bench build (`WARD_BENCH=1`: svelte.config.js) into `build-bench/`, with the yardstick page; the production
 * build never holds it. Sets `WARD_BENCH` for the server too (`tests/e2e/server.ts` then serves that folder).
 */
export function buildBench(): void {
	process.env.WARD_BENCH = '1';
	// Quiet unless it fails (its error holds the output): SvelteKit warns that tsconfig.json extends the other outDir's.
	execFileSync('npx', ['vite', 'build'], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The renderer of our tab: a renderer process started by this script (playwright launches the browser as our
 * child) running a dedicated worker — the app's DuckDB. Chromium keeps a spare renderer or two beside it.
 */
function tabPids(): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The parent pid is the 2nd field after the `(command)`, which may itself hold spaces.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone meanwhile
		}
	}
	const ours = (pid: number): boolean => {
		for (let current = parents.get(pid); current; current = parents.get(current)) if (current === process.pid) return true;
		return false;
	};
	// A thread may end between listing and reading (the page's workers come and go): it is skipped, not the process.
	const threadName = (pid: number, task: string) => {
		try {
			return readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8');
		} catch {
			return '';
		}
	};
	const threadNames = (pid: number) => readdirSync(`/proc/${pid}/task`).map((task) => threadName(pid, task));
	const pids = [...parents.keys()].filter((pid) => {
		try {
			return (
				ours(pid) &&
				readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') &&
				threadNames(pid).some((name) => name.startsWith('DedicatedWorker'))
			);
		} catch {
			return false;
		}
	});
	if (pids.length === 0) throw new Error('no renderer with a dedicated worker: cannot measure the tab’s memory');
	return pids;
}

/** Starts a fresh peak: the high-water mark is set back to its current resident size. */
export function resetPeakMemory(): void {
	for (const pid of tabPids()) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The tab's peak resident memory since the last reset, in bytes. */
export function peakMemory(): number {
	let kilobytes = 0;
	for (const pid of tabPids()) {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		kilobytes += Number(match?.[1] ?? 0);
	}
	return kilobytes * 1024;
}

export interface Measured {
	ms: number;
	peak: number;
}

/**
 * Waits until an element matching `selector` is in the page, checking at every animation frame. A locator's
 * `waitFor` checks less and less often the longer it waits (up to every 500 ms), which would time the driver's
 * polling rather than the page: both imports wait this way.
 */
export async function appears(page: Page, selector: string): Promise<void> {
	await page.waitForFunction((wanted) => document.querySelector(wanted) !== null, selector, { polling: 'raf', timeout: LONG });
}

/** `/bench/read-csv`: the file given to its input until the table's rows (`rows` of them) are counted. */
export async function rawReadCsv(page: Page, csv: string, rows: number): Promise<Measured & { inPage: number }> {
	await page.goto(`${BASE_URL}/bench/read-csv`);
	await page.locator('[data-testid="bench-input"][data-ready="true"]').waitFor({ timeout: 120_000 });
	resetPeakMemory();
	const started = performance.now();
	await page.getByTestId('bench-input').setInputFiles(csv);
	const shown = page.locator('[data-testid="bench-result"], [data-testid="bench-error"]');
	await appears(page, '[data-testid="bench-result"], [data-testid="bench-error"]');
	const ms = performance.now() - started;
	const peak = peakMemory();
	if ((await shown.getAttribute('data-testid')) === 'bench-error') throw new Error(`read_csv failed: ${await shown.textContent()}`);
	const counted = Number(await shown.getAttribute('data-rows'));
	if (counted !== rows) throw new Error(`read_csv read ${counted} rows, expected ${rows}`);
	return { ms, peak, inPage: Number(await shown.getAttribute('data-ms')) };
}

/**
 * The Data page: `files` (the cases and the groups) given to `import-input`, mapping confirmed, until the report,
 * which must say `rows` read and accepted.
 */
export async function ourImport(
	page: Page,
	files: string[],
	rows: number
): Promise<Measured & { afterConfirm: number; steps: [string, number, number][] }> {
	await page.goto(`${BASE_URL}/data`);
	await page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 120_000 });
	resetPeakMemory();
	const started = performance.now();
	await page.getByTestId('import-input').setInputFiles(files);
	const mappingOrError = page.locator('[data-testid="import-confirm"], [data-testid="import-error"]');
	await appears(page, '[data-testid="import-confirm"], [data-testid="import-error"]');
	if ((await mappingOrError.getAttribute('data-testid')) === 'import-error')
		throw new Error(`the import was refused: ${await mappingOrError.textContent()}`);
	const confirmedAt = performance.now();
	await page.getByTestId('import-confirm').click();
	const reportOrError = page.locator('[data-testid="import-report"], [data-testid="import-error"]');
	await appears(page, '[data-testid="import-report"], [data-testid="import-error"]');
	const finished = performance.now();
	const peak = peakMemory();
	if ((await reportOrError.getAttribute('data-testid')) === 'import-error')
		throw new Error(`the import failed: ${await reportOrError.textContent()}`);
	const count = async (name: string) => Number(await reportOrError.first().getAttribute(`data-${name}`));
	const counts = { read: await count('read'), accepted: await count('accepted'), rejected: await count('rejected') };
	if (counts.read !== rows || counts.accepted !== rows || counts.rejected !== 0)
		throw new Error(`the import reported ${JSON.stringify(counts)}, expected ${rows} rows read and accepted`);
	// The page's own measures of the import's steps (`import:…`), summed per name.
	const steps = (await page.evaluate(`performance.getEntriesByType('measure')
		.filter((entry) => entry.name.startsWith('import:'))
		.map((entry) => [entry.name, entry.duration, entry.startTime])`)) as [string, number, number][];
	const marks = (await page.evaluate(`performance.getEntriesByType('mark')
		.filter((entry) => entry.name.startsWith('import:'))
		.map((entry) => [entry.name, 0, entry.startTime])`)) as [string, number, number][];
	if (process.env.BENCH_TIMELINE) {
		const origin = steps[0]?.[2] ?? 0;
		for (const [name, duration, start] of [...steps, ...marks]) console.log(`  ${name.padEnd(20)} at ${(start - origin).toFixed(0).padStart(6)} ms for ${duration.toFixed(0)} ms`);
	}
	return { ms: finished - started, afterConfirm: finished - confirmedAt, peak, steps };
}
