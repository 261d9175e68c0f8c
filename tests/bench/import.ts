/**
 * The import benchmark of issue 3 (`npm run bench:import`): a generated 1,000,000-row ward export (CSV, about
 * 100 MB, Vietnamese headers, dd/mm/yyyy dates) imported through the Data page in headless Chromium, validation
 * included, against a plain DuckDB `read_csv` of the same file into a table in the app's own DuckDB-WASM instance
 * (the page `/bench/read-csv`), in the same tab. Both pages come from the bench build, which this script makes
 * first (`WARD_BENCH=1`: svelte.config.js); the production build never holds the yardstick page. Target ratio ≤ 1.3.
 * Fresh profile per run, medians reported; timings are printed, never asserted. `BENCH_ROWS` chooses a smaller
 * file for a quick try, `BENCH_RUNS` the number of runs (3).
 *
 * Peak memory is the high-water mark of resident memory (`VmHWM`, /proc/<pid>/status) of the tab's renderer
 * process, reset (`clear_refs`) just before each measurement and read just after. The page's main thread and its
 * dedicated workers — DuckDB-WASM's, with all of its wasm memory — are threads of that one process (told from
 * Chromium's other, idle renderers by its `DedicatedWorker` thread); the browser, GPU and network processes are
 * left out.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median as d3Median } from 'd3';
import type { Page } from 'playwright-core';
import startServer, { BASE_URL } from '../e2e/server';
import { openBrowser } from '../e2e/browser';
import { demoCaseFields, EXPORT_HEADERS, exportRow } from '../support/wardExport';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GROUPS = resolve('data/demo/groups.geojson');
/** Generous: the import of a large file may take minutes on these shared machines. */
const LONG = 30 * 60_000;

/**
 * The demo ward's cases repeated until there are `rows` of them (`exportRow`): every row valid for the demo
 * groups. Written once per size into the temp directory and reused.
 */
function generatedCsv(rows: number): string {
	const path = join(tmpdir(), `ward-hotspots-bench-import-${rows}.csv`);
	if (existsSync(path)) return path;
	const demo = demoCaseFields();
	const partial = `${path}.${process.pid}.part`;
	const fd = openSync(partial, 'w');
	try {
		writeSync(fd, EXPORT_HEADERS.join(',') + '\n');
		let lines: string[] = [];
		for (let row = 0; row < rows; row++) {
			lines.push(exportRow(demo, row).fields.join(','));
			if (lines.length === 10_000 || row === rows - 1) {
				writeSync(fd, lines.join('\n') + '\n');
				lines = [];
			}
		}
	} finally {
		closeSync(fd);
	}
	renameSync(partial, path);
	return path;
}

/** d3's median, a number even for no runs (printed as NaN). */
const median = (values: number[]) => d3Median(values) ?? NaN;

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
	const threadNames = (pid: number) => readdirSync(`/proc/${pid}/task`).map((task) => readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8'));
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
function resetPeakMemory(): void {
	for (const pid of tabPids()) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The tab's peak resident memory since the last reset, in bytes. */
function peakMemory(): number {
	let kilobytes = 0;
	for (const pid of tabPids()) {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		kilobytes += Number(match?.[1] ?? 0);
	}
	return kilobytes * 1024;
}

interface Measured {
	ms: number;
	peak: number;
}

/**
 * Waits until an element matching `selector` is in the page, checking at every animation frame. A locator's
 * `waitFor` checks less and less often the longer it waits (up to every 500 ms), which would time the driver's
 * polling rather than the page: both measurements wait this way.
 */
async function appears(page: Page, selector: string): Promise<void> {
	await page.waitForFunction((wanted) => document.querySelector(wanted) !== null, selector, { polling: 'raf', timeout: LONG });
}

/** `/bench/read-csv`: the file given to its input until the table's rows are counted. */
async function rawReadCsv(page: Page, csv: string): Promise<Measured & { inPage: number }> {
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
	const rows = Number(await shown.getAttribute('data-rows'));
	if (rows !== ROWS) throw new Error(`read_csv read ${rows} rows, expected ${ROWS}`);
	return { ms, peak, inPage: Number(await shown.getAttribute('data-ms')) };
}

/** The Data page: the export and the demo groups given to `import-input`, mapping confirmed, until the report. */
async function ourImport(page: Page, csv: string): Promise<Measured & { afterConfirm: number; steps: [string, number, number][] }> {
	await page.goto(`${BASE_URL}/data`);
	await page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 120_000 });
	resetPeakMemory();
	const started = performance.now();
	await page.getByTestId('import-input').setInputFiles([csv, GROUPS]);
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
	const count = async (name: string) => Number(await reportOrError.getAttribute(`data-${name}`));
	const counts = { read: await count('read'), accepted: await count('accepted'), rejected: await count('rejected') };
	if (counts.read !== ROWS || counts.accepted !== ROWS || counts.rejected !== 0)
		throw new Error(`the import reported ${JSON.stringify(counts)}, expected ${ROWS} rows read and accepted`);
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

process.env.WARD_BENCH = '1';
// Quiet unless it fails (its error holds the output): SvelteKit warns that tsconfig.json extends the other outDir's.
execFileSync('npx', ['vite', 'build'], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
const csv = generatedCsv(ROWS);
const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const stop = await startServer();
const results = {
	raw: [] as number[],
	rawInPage: [] as number[],
	ours: [] as number[],
	afterConfirm: [] as number[],
	rawPeak: [] as number[],
	oursPeak: [] as number[],
	steps: {} as Record<string, number[]>
};
try {
	for (let run = 0; run < RUNS; run++) {
		// The offline copy (39 MB) is made once per installation: its first-visit download is no part of the timings.
		const { context, close } = await openBrowser({ serviceWorkers: 'block' });
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			page.setDefaultTimeout(LONG);
			// read_csv first: after our import the page would open on the imported rows instead of the demo.
			const raw = await rawReadCsv(page, csv);
			results.raw.push(raw.ms);
			results.rawInPage.push(raw.inPage);
			results.rawPeak.push(raw.peak);
			const ours = await ourImport(page, csv);
			results.ours.push(ours.ms);
			results.afterConfirm.push(ours.afterConfirm);
			results.oursPeak.push(ours.peak);
			for (const [name, duration] of ours.steps) results.steps[name] = [...(results.steps[name] ?? []), duration];
		} finally {
			await close();
		}
	}
} finally {
	await stop();
}

const size = readFileSync(csv).byteLength;
const line = (label: string, values: number[]) =>
	`${label.padEnd(40)} median ${median(values).toFixed(0).padStart(7)} ms   ${(ROWS / (median(values) / 1000)).toFixed(0).padStart(8)} rows/s   (n = ${values.length}: ${values.map((v) => v.toFixed(0)).join(', ')})`;
const memory = (label: string, values: number[]) =>
	`${label.padEnd(40)} median ${mebibytes(median(values)).padStart(7)} MiB  (n = ${values.length}: ${values.map(mebibytes).join(', ')})`;
console.log(`Ward Hotspots import benchmark, ${ROWS} rows (${(size / 1e6).toFixed(0)} MB CSV), headless Chromium, ${RUNS} runs`);
console.log(line('our import, file given → report', results.ours));
console.log(line('  of which confirm → report', results.afterConfirm));
for (const [name, values] of Object.entries(results.steps)) console.log(line(`    step ${name}`, values));
console.log(line('DuckDB read_csv, file given → counted', results.raw));
console.log(line('  the same, as the page timed it', results.rawInPage));
console.log(`ratio (our import / read_csv)${' '.repeat(11)} ${(median(results.ours) / median(results.raw)).toFixed(2)}   target 1.3`);
console.log(memory('peak memory of the tab, our import', results.oursPeak));
console.log(memory('peak memory of the tab, read_csv', results.rawPeak));
