/**
 * The import benchmark of issue 3 (`npm run bench:import`): a generated 1,000,000-row ward export (CSV, about
 * 100 MB, Vietnamese headers, dd/mm/yyyy dates) imported through the Data page in headless Chromium, validation
 * included, against a plain DuckDB `read_csv` of the same file into a table in the app's own DuckDB-WASM instance
 * (the page `/bench/read-csv`), in the same tab. Both pages come from the bench build, which this script makes
 * first (`WARD_BENCH=1`: svelte.config.js); the production build never holds the yardstick page. Target ratio ≤ 1.3.
 * Fresh profile per run, medians reported; timings are printed, never asserted. `BENCH_ROWS` chooses a smaller
 * file for a quick try, `BENCH_RUNS` the number of runs (3).
 *
 * Peak memory: the tab's renderer process, as `tab.ts` measures it.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median as d3Median } from 'd3';
import startServer from '../e2e/server';
import { openBrowser } from '../e2e/browser';
import { demoCaseFields, EXPORT_HEADERS, exportRow } from '../support/wardExport';
import { buildBench, LONG, ourImport, rawReadCsv } from './tab';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GROUPS = resolve('data/demo/groups.geojson');

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

buildBench();
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
			const raw = await rawReadCsv(page, csv, ROWS);
			results.raw.push(raw.ms);
			results.rawInPage.push(raw.inPage);
			results.rawPeak.push(raw.peak);
			const ours = await ourImport(page, [csv, GROUPS], ROWS);
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
