/**
 * The scale benchmark of issue 14 (`npm run bench:scale`): generated districts of 10,000, 100,000 and 1,000,000
 * cases (`BENCH_SIZES`, comma-separated; 5,000,000 if asked), each in a fresh profile of headless Chromium, one tab:
 *
 * - import: the district's `cases.csv` and `groups.geojson` through the Data page, file given → report, against
 *   DuckDB's `read_csv` of the same file in the same tab (`tab.ts`, shared with `import.ts`);
 * - reload → first map: a new navigation to the dashboard until the map first says `data-ready="true"` (the saved
 *   snapshot read, the data loaded, the map drawn), timed in the page from the navigation's start; then again with
 *   the tab's CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate` on the page's target, as DevTools does);
 * - a scripted session (`session.ts`, ≥ 50 interactions), each timed in the page from the last input event (a
 *   capture listener) to the moment `[data-testid=dashboard]` says `data-ready="true"` for a new `data-view` (a
 *   MutationObserver), on the case index and then with `?index=off` (every panel by SQL on the raw table);
 * - memory: the tab's peak resident memory per step (renderer process with its workers: `tab.ts`), and the page's
 *   largest JavaScript heap (CDP `Performance.getMetrics` `JSHeapUsedSize`, main thread only) after each interaction.
 *
 * Prints a table and writes `bench/results/latest.json`. Timings are printed, never asserted.
 * `E2E_PORT` if 4173 is taken; `BENCH_RELOADS` (3) reloads per size, half as many slowed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_SEED } from '../../data/demo/patterns';
import { buildDistrict, generateDistrict } from '../../data/demo/district';
import startServer, { BASE_URL } from '../e2e/server';
import { openBrowser } from '../e2e/browser';
import { KINDS, sessionScript, summary, type Interaction, type Kind, type Summary } from './session';
import { buildBench, ourImport, peakMemory, rawReadCsv, resetPeakMemory } from './tab';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RELOADS = Number(process.env.BENCH_RELOADS ?? 3);
/** An interaction not shown after this long is counted as failed and the session goes on. */
const INTERACTION_TIMEOUT = 120_000;
const RESULTS = 'bench/results/latest.json';

/** The city: 30 wards × 50 groups; smaller districts for the smaller sizes. */
const districtFor = (cases: number) =>
	cases >= 1_000_000 ? { wards: 30, groupsPerWard: 50 } : cases >= 100_000 ? { wards: 10, groupsPerWard: 50 } : { wards: 3, groupsPerWard: 48 };

/** The district's two files, generated once per size into the temp directory, and its number of cases. */
function district(cases: number): { csv: string; geojson: string; rows: number; groupsOf: Map<string, string[]> } {
	const shape = districtFor(cases);
	const options = { ...shape, cases, seed: DEMO_SEED };
	const dir = join(tmpdir(), `ward-hotspots-scale-${shape.wards}x${shape.groupsPerWard}-${cases}`);
	const [csv, geojson] = [join(dir, 'cases.csv'), join(dir, 'groups.geojson')];
	if (!existsSync(csv)) {
		const { casesCsv, groupsGeojson } = generateDistrict(options);
		mkdirSync(dir, { recursive: true });
		writeFileSync(geojson, groupsGeojson);
		writeFileSync(`${csv}.${process.pid}.part`, casesCsv);
		renameSync(`${csv}.${process.pid}.part`, csv);
	}
	// One case per line after the header (no field of the generated file holds a line break).
	const bytes = readFileSync(csv);
	let lines = 0;
	for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
	const groupsOf = new Map<string, string[]>();
	for (const group of buildDistrict(options)) groupsOf.set(group.wardCode, [...(groupsOf.get(group.wardCode) ?? []), group.code]);
	return { csv, geojson, rows: lines - 1, groupsOf };
}

/**
 * Installed in every document before its scripts (as a string: tsx would wrap named functions in a helper the page
 * lacks). `lastInput`: the time of the last input event, seen first (capture, on the window). `shown`: each time the
 * dashboard turns ready or shows another view while ready, that view, when, the last input before it, and when
 * the panels last turned ready (their answers shown; the map may still have been drawing), and what answered them.
 * `firstMap`: when the map first said it had drawn, from the navigation's start.
 */
const IN_PAGE = `
	window.__bench = { lastInput: 0, shown: [], firstMap: null };
	for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown', 'input', 'change'])
		addEventListener(type, () => (window.__bench.lastInput = performance.now()), { capture: true });
	let readyView = null;
	let answered = false;
	let answeredAt = 0;
	new MutationObserver(() => {
		const now = performance.now();
		const bench = window.__bench;
		if (bench.firstMap === null && document.querySelector('[data-testid="map"][data-ready="true"]')) bench.firstMap = now;
		const figures = document.querySelector('[data-panel="key-figures"][data-ready="true"]') !== null;
		if (figures && !answered) answeredAt = now;
		answered = figures;
		const board = document.querySelector('[data-testid="dashboard"]');
		const view = board && board.getAttribute('data-ready') === 'true' ? board.getAttribute('data-view') : null;
		if (view !== null && view !== readyView)
			bench.shown.push({ view, at: now, input: bench.lastInput, answered: answeredAt, by: board.getAttribute('data-answered-by') });
		readyView = view;
	}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-view'] });
`;

interface Shown {
	view: string;
	at: number;
	input: number;
	answered: number;
	/** The dashboard's `data-answered-by`: `index` or `sql`. */
	by: string | null;
}

/** What `IN_PAGE` keeps in the page. */
interface InPage {
	__bench: { lastInput: number; shown: Shown[]; firstMap: number | null };
}

/** The dashboard's shown view once it is ready (the view before an interaction). */
async function readyView(page: Page): Promise<string> {
	const board = page.locator('[data-testid="dashboard"][data-ready="true"]');
	await board.waitFor({ timeout: INTERACTION_TIMEOUT });
	return (await board.getAttribute('data-view')) ?? '';
}

/**
 * Navigates to the dashboard; the time from the navigation's start to the map first drawn, and the page's own
 * performance marks until then (where start-up went).
 */
async function firstMap(page: Page): Promise<{ ms: number; marks: Record<string, number> }> {
	await page.goto(`${BASE_URL}/`);
	// A function, not a string: the page's Content-Security-Policy forbids evaluating strings.
	await page.waitForFunction(() => (window as unknown as InPage).__bench.firstMap !== null, undefined, { polling: 100, timeout: INTERACTION_TIMEOUT });
	const ms = (await page.evaluate('window.__bench.firstMap')) as number;
	const marks = (await page.evaluate(`performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])`)) as [string, number][];
	return { ms, marks: Object.fromEntries(marks.filter(([, at]) => at <= ms).map(([name, at]) => [name, Math.round(at)])) };
}

/** Performs one interaction as a user would, through the page's controls and stable hooks. */
async function perform(page: Page, step: Interaction): Promise<void> {
	switch (step.kind) {
		case 'category':
			await page.getByTestId(`category-${step.code}`).click();
			return;
		case 'preset':
			await page.getByTestId('period-preset').selectOption(step.preset);
			return;
		case 'brush': {
			const overlay = page.locator('[data-testid="trend"] svg g.brush rect.overlay');
			// The mouse acts only inside the window; panels above the trend can push it below the fold.
			await overlay.scrollIntoViewIfNeeded();
			const box = (await overlay.boundingBox())!;
			const y = box.y + box.height / 2;
			await page.mouse.move(box.x + box.width * step.from, y);
			await page.mouse.down();
			await page.mouse.move(box.x + box.width * step.to, y, { steps: 8 });
			await page.mouse.up();
			return;
		}
		case 'group':
			await page.locator(`[data-testid="ranking"] tr[data-group="${step.code}"]`).click();
			return;
		case 'ward':
			await (step.code === null ? page.getByTestId('clear-wards') : page.locator(`[data-testid="ranking"] tr[data-ward="${step.code}"]`)).click();
			return;
		case 'level':
			await page.getByTestId(`level-${step.level}`).click();
			return;
		case 'mode':
			await page.getByTestId('map-mode').selectOption(step.mode);
	}
}

interface SessionResult {
	perKind: Record<Kind, Summary>;
	overall: Summary;
	/**
	 * Each interaction in order: its kind, milliseconds until shown, map drawn (null: not shown within the timeout),
	 * until the panels showed their answers, and what answered them (`index`, `sql`).
	 */
	steps: { kind: Kind; ms: number | null; answered: number | null; by: string | null }[];
	/** Input until the panels' answers are shown, the map not yet drawn. */
	answered: Summary;
	failed: number;
	peakTab: number;
	peakJsHeap: number;
}

/**
 * The session from the dashboard at `query`: each interaction performed, then waited for until the dashboard is
 * ready on a view other than the one before it; its time is the page's own, from the last input event before.
 */
async function session(page: Page, cdp: CDPSession, script: Interaction[], query: string): Promise<SessionResult> {
	await page.goto(`${BASE_URL}/${query}`);
	let before = await readyView(page);
	resetPeakMemory();
	let peakJsHeap = 0;
	const steps: SessionResult['steps'] = [];
	// The category menu stays open while categories are toggled, as a user leaves it, and closes for anything else.
	const menu = page.locator('details:has([data-testid="category-toggle"])');
	for (const step of script) {
		const open = await menu.evaluate((details) => (details as HTMLDetailsElement).open);
		if (open !== (step.kind === 'category')) await page.getByTestId('category-toggle').click();
		const mark = (await page.evaluate('window.__bench.shown.length')) as number;
		await perform(page, step);
		let ms: number | null = null;
		let answered: number | null = null;
		let by: string | null = null;
		try {
			await page.waitForFunction(
				([mark, before]) => (window as unknown as InPage).__bench.shown.slice(mark).some((entry) => entry.view !== before),
				[mark, before] as const,
				{ polling: 50, timeout: INTERACTION_TIMEOUT }
			);
			const shown = (await page.evaluate(`window.__bench.shown.slice(${mark})`)) as Shown[];
			const entry = shown.find((entry) => entry.view !== before)!;
			ms = entry.at - entry.input;
			// Panels that turned ready within the same task as the dashboard were not seen apart from it.
			answered = entry.answered >= entry.input ? entry.answered - entry.input : ms;
			by = entry.by;
			before = await readyView(page);
		} catch (error) {
			console.error(`  ${JSON.stringify(step)} was not shown: ${(error as Error).message.split('\n')[0]}`);
			before = (await page.getByTestId('dashboard').getAttribute('data-view')) ?? '';
		}
		steps.push({ kind: step.kind, ms, answered, by });
		const { metrics } = await cdp.send('Performance.getMetrics');
		peakJsHeap = Math.max(peakJsHeap, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
	}
	const timed = (kind?: Kind) => steps.filter((step) => (kind === undefined || step.kind === kind) && step.ms !== null).map((step) => step.ms!);
	return {
		perKind: Object.fromEntries(KINDS.map((kind) => [kind, summary(timed(kind))])) as Record<Kind, Summary>,
		overall: summary(timed()),
		answered: summary(steps.flatMap((step) => (step.answered === null ? [] : [step.answered]))),
		steps,
		failed: steps.filter((step) => step.ms === null).length,
		peakTab: peakMemory(),
		peakJsHeap
	};
}

async function measureSize(cases: number) {
	const generatedAt = performance.now();
	const { csv, geojson, rows, groupsOf } = district(cases);
	console.error(`${cases}: ${rows} cases in ${groupsOf.size} wards ready (${((performance.now() - generatedAt) / 1000).toFixed(1)} s)`);
	const script = sessionScript(groupsOf);
	const { context, close } = await openBrowser({ serviceWorkers: 'block' });
	try {
		await context.addInitScript(IN_PAGE);
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(INTERACTION_TIMEOUT);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		// read_csv first: after our import the page would open on the imported rows instead of the demo.
		const raw = await rawReadCsv(page, csv, rows);
		const ours = await ourImport(page, [csv, geojson], rows);
		console.error(`  import ${ours.ms.toFixed(0)} ms, read_csv ${raw.ms.toFixed(0)} ms`);
		resetPeakMemory();
		const reloads: number[] = [];
		let marks: Record<string, number> = {};
		for (let run = 0; run < RELOADS; run++) {
			const reload = await firstMap(page);
			reloads.push(reload.ms);
			marks = reload.marks;
		}
		const slowed: number[] = [];
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		for (let run = 0; run < Math.max(1, Math.ceil(RELOADS / 2)); run++) slowed.push((await firstMap(page)).ms);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		const reloadPeak = peakMemory();
		console.error(`  reload → map ${reloads.map((ms) => ms.toFixed(0)).join(', ')} ms; slowed 4× ${slowed.map((ms) => ms.toFixed(0)).join(', ')} ms`);
		const indexed = await session(page, cdp, script, '');
		console.error(`  session on the index: median ${indexed.overall.median.toFixed(0)} ms, p95 ${indexed.overall.p95.toFixed(0)} ms`);
		const rawScan = await session(page, cdp, script, '?index=off');
		console.error(`  session on raw SQL: median ${rawScan.overall.median.toFixed(0)} ms, p95 ${rawScan.overall.p95.toFixed(0)} ms`);
		return {
			cases: rows,
			wards: groupsOf.size,
			groups: [...groupsOf.values()].reduce((sum, groups) => sum + groups.length, 0),
			csvBytes: readFileSync(csv).byteLength,
			import: {
				ms: ours.ms,
				readCsvMs: raw.ms,
				ratio: ours.ms / raw.ms,
				afterConfirmMs: ours.afterConfirm,
				/** The Data page's own measures of its steps (`import:…`). */
				steps: Object.fromEntries(ours.steps.map(([name, ms]) => [name, Math.round(ms)])),
				peakTab: ours.peak,
				readCsvPeakTab: raw.peak
			},
			reload: { ...summary(reloads), runs: reloads, lastMarks: marks, slowed4x: { ...summary(slowed), runs: slowed }, peakTab: reloadPeak },
			session: { interactions: script.length, index: indexed, raw: rawScan },
			/** How many times faster the index answers than raw SQL, medians and 95th percentiles. */
			gain: { median: rawScan.overall.median / indexed.overall.median, p95: rawScan.overall.p95 / indexed.overall.p95 }
		};
	} finally {
		await close();
	}
}

buildBench();
const stop = await startServer();
const loadBefore = loadavg();
const sizes: Awaited<ReturnType<typeof measureSize>>[] = [];
const results = {
	startedAt: new Date().toISOString(),
	/** The commit measured, and its parents (a merge measured before it is committed names both sides). */
	commit: execFileSync('git', ['log', '-1', '--format=%H %P']).toString().trim(),
	machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadBefore, loadAfter: loadBefore },
	chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	targets: { clickMedianMs: 16, clickP95Ms: 50, reloadToMapMs: 1500, modeSwitchMs: 100, tabBytes: 600e6, importRatio: 1.3 },
	sizes
};
mkdirSync('bench/results', { recursive: true });
try {
	// Written after each size, so that a size that fails or is stopped leaves the ones before it.
	for (const cases of SIZES) {
		sizes.push(await measureSize(cases));
		results.machine.loadAfter = loadavg();
		writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
	}
} finally {
	await stop();
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—');
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const both = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)}`;
const columns = sizes.map((size) => `${size.cases.toLocaleString('en')} cases, ${size.wards} × ${size.groups / size.wards}`);
const row = (label: string, cells: string[]) => `| ${label} | ${cells.join(' | ')} |`;
console.log(`Ward Hotspots scale benchmark, headless Chromium, ${results.machine.cpus} cores (load ${loadBefore[0].toFixed(1)} → ${results.machine.loadAfter[0].toFixed(1)})\n`);
console.log(row('measure (median / p95 ms)', columns));
console.log(row('---', columns.map(() => '---')));
console.log(row('import, file → report (ms)', sizes.map((s) => `${ms(s.import.ms)} (read_csv ${ms(s.import.readCsvMs)}, ×${s.import.ratio.toFixed(2)})`)));
console.log(row('reload → first map', sizes.map((s) => `${ms(s.reload.median)} (max ${ms(Math.max(...s.reload.runs))})`)));
console.log(row('  the same, CPU ×4', sizes.map((s) => ms(s.reload.slowed4x.median))));
for (const kind of KINDS)
	console.log(row(`${kind}, index`, sizes.map((s) => `${both(s.session.index.perKind[kind])} (n ${s.session.index.perKind[kind].n})`)));
console.log(row('every interaction, index', sizes.map((s) => both(s.session.index.overall))));
console.log(row('  of which until answered', sizes.map((s) => both(s.session.index.answered))));
for (const kind of KINDS) console.log(row(`${kind}, raw SQL`, sizes.map((s) => both(s.session.raw.perKind[kind]))));
console.log(row('every interaction, raw SQL', sizes.map((s) => both(s.session.raw.overall))));
console.log(row('  of which until answered', sizes.map((s) => both(s.session.raw.answered))));
console.log(row('gain of the index (×)', sizes.map((s) => `${s.gain.median.toFixed(1)} / ${s.gain.p95.toFixed(1)}`)));
const answeredBy = (result: SessionResult) => ['index', 'sql'].map((by) => result.steps.filter((step) => step.by === by).length).join(' / ');
console.log(row('answered by index / sql: index path', sizes.map((s) => answeredBy(s.session.index))));
console.log(row('answered by index / sql: raw path', sizes.map((s) => answeredBy(s.session.raw))));
console.log(row('not shown in 2 min (index, raw)', sizes.map((s) => `${s.session.index.failed}, ${s.session.raw.failed}`)));
console.log(row('peak tab MB: import / read_csv', sizes.map((s) => `${mb(s.import.peakTab)} / ${mb(s.import.readCsvPeakTab)}`)));
console.log(row('peak tab MB: reloads / index / raw', sizes.map((s) => `${mb(s.reload.peakTab)} / ${mb(s.session.index.peakTab)} / ${mb(s.session.raw.peakTab)}`)));
console.log(row('largest JS heap MB (index, raw)', sizes.map((s) => `${mb(s.session.index.peakJsHeap)}, ${mb(s.session.raw.peakJsHeap)}`)));
console.log(`\nwritten to ${RESULTS}`);
