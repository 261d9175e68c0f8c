import { openNodeEngine } from '../../src/lib/core/db/node';
import type { Engine } from '../../src/lib/core/db/engine';
import { CREATE_TABLES } from '../../src/lib/core/db/schema';
import { loadDataset } from '../../src/lib/core/import/dataset';
import { CaseIndex, casesQuery, indexFilter, type IndexFilter } from '../../src/lib/core/index/caseIndex';
import { groupFiguresQuery } from '../../src/lib/core/queries/dashboard';
import { addDays } from '../../src/lib/core/periods/dates';
import type { FilterScope } from '../../src/lib/core/queries/predicates';
import type { View } from '../../src/lib/core/queries/view';
import { CATEGORY_CODES } from '../../src/lib/core/schema/categories';
import { SOURCE_CODES } from '../../src/lib/core/schema/sources';
import { STATUS_CODES } from '../../src/lib/core/schema/statuses';
import { readFileSync } from 'node:fs';

/**
 * `npx tsx tests/bench/caseIndex.ts`: the case index (src/lib/core/index) in Node on DuckDB-WASM — its build from
 * `cases` and its bytes on the demo ward and on a generated city of `BENCH_CASES` cases (default 1,000,000) in
 * 1,500 groups over six years, then the median and 95th percentile of its answers to random views, against the
 * map's SQL on the raw table. Times are CPU time (the blocking DuckDB-WASM build runs on this thread).
 */

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const GROUPS = 1_500;
const DAYS = 2_192;

const listed = (codes: readonly string[]) => `[${codes.map((code) => `'${code}'`).join(', ')}]`;

/** A city: groups G0000…G1499, busier groups first (a skew like real wards), every field from a hash of the row. */
async function cityEngine(): Promise<Engine> {
	const engine = await openNodeEngine();
	await engine.exec(CREATE_TABLES);
	await engine.exec(`INSERT INTO groups SELECT printf('G%04d', i), 'Tổ ' || i, 1000, NULL, NULL FROM range(${GROUPS}) t(i)`);
	const unit = (salt: number) => `((hash(i, ${salt}) % 1000000) / 1000000.0)`;
	await engine.exec(`
		INSERT INTO cases (case_id, reported_on, group_code, category, status, source)
		SELECT 'c' || i,
			DATE '2015-01-01' + floor(${unit(1)} * ${DAYS})::INTEGER,
			printf('G%04d', floor(${GROUPS} * pow(${unit(2)}, 1.5))::INTEGER),
			(${listed(CATEGORY_CODES)})[1 + floor(${unit(3)} * ${CATEGORY_CODES.length})::INTEGER]::category_code,
			(${listed(STATUS_CODES)})[1 + floor(${unit(4)} * ${STATUS_CODES.length})::INTEGER]::status_code,
			CASE WHEN ${unit(5)} < 0.1 THEN NULL
				ELSE (${listed(SOURCE_CODES)})[1 + floor(${unit(6)} * ${SOURCE_CODES.length})::INTEGER]::source_code END
		FROM range(${CASES}) t(i)`);
	return engine;
}

async function demoEngine(): Promise<Engine> {
	const engine = await openNodeEngine();
	await loadDataset(engine, {
		groups: { name: 'groups.geojson', text: readFileSync('data/demo/groups.geojson', 'utf8') },
		cases: { name: 'cases.csv', bytes: readFileSync('data/demo/cases.csv', 'utf8') }
	});
	return engine;
}

/** CPU time since `start`, in ms: on a machine shared with other work, wall-clock time measures the others too. */
function cpuMs(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

function quantile(times: number[], q: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const ms = (value: number) => (value < 1 ? value.toFixed(3) : value.toFixed(1));

/** A seeded stream of views: a period of 1 day to 2 years, a few categories, sometimes groups. */
function randomViews(count: number, first: string, overrides: Partial<View> = {}): View[] {
	let state = 7;
	const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
	return Array.from({ length: count }, () => {
		const from = addDays(first, Math.floor(next() * 1500));
		const categories = CATEGORY_CODES.filter(() => next() < 0.4);
		return {
			from,
			to: addDays(from, Math.floor(next() * 730)),
			categories,
			statuses: [],
			sources: [],
			groups: next() < 0.3 ? [`G${String(Math.floor(next() * GROUPS)).padStart(4, '0')}`] : [],
			mode: 'count',
			fdr: false,
			lang: 'vi',
			...overrides
		};
	});
}

/** Times `answer` on each view's filter for `scope`, and prints the median and 95th percentile. */
function timeEach(label: string, views: View[], scope: FilterScope, answer: (filter: IndexFilter) => unknown): void {
	const times = views.map((view) => {
		const filter = indexFilter(view, scope.period === null ? scope : { ...scope, period: view });
		const start = process.cpuUsage();
		answer(filter);
		return cpuMs(start);
	});
	if (label) console.log(`  ${label}: median ${ms(quantile(times, 0.5))} ms, p95 ${ms(quantile(times, 0.95))} ms`);
}

/** The map's scope, the key figures' (with the group filter), and the whole span's (the trend, the statistics). */
const MAP: FilterScope = { categories: true, statuses: true };
const KEY_FIGURES: FilterScope = { categories: true, statuses: true, groups: true };
const WHOLE_SPAN: FilterScope = { period: null, categories: true, statuses: true, groups: true };

async function measure(name: string, engine: Engine, first: string, runs: number): Promise<void> {
	const builds: number[] = [];
	const queries: number[] = [];
	let index!: CaseIndex;
	for (let run = 0; run < runs; run++) {
		let start = process.cpuUsage();
		index = await CaseIndex.build(engine);
		builds.push(cpuMs(start));
		start = process.cpuUsage();
		await engine.exportArrow(casesQuery());
		queries.push(cpuMs(start));
	}
	console.log(`\n${name}: ${index.groupCodes.length} groups, ${index.days} days, ${index.months.length} months`);
	console.log(
		`  build, median of ${runs}: ${ms(quantile(builds, 0.5))} ms, of which the query to Arrow bytes ` +
			`${ms(quantile(queries, 0.5))} ms; typed arrays ${(index.bytes / 2 ** 20).toFixed(1)} MiB`
	);
	const views = randomViews(300, first);
	const open = randomViews(300, first, { statuses: ['received', 'mediating'] });
	const patrol = randomViews(300, first, { sources: ['patrol'] });
	timeEach('', views, MAP, (filter) => index.groupCounts(filter)); // warm-up
	timeEach('per-group counts, period × categories', views, MAP, (filter) => index.groupCounts(filter));
	timeEach('per-group counts, open cases (status filter)', open, MAP, (filter) => index.groupCounts(filter));
	timeEach('per-group counts, patrol (source filter)', patrol, MAP, (filter) => index.groupCounts(filter));
	timeEach('total of the chosen groups', views, KEY_FIGURES, (filter) => index.total(filter));
	timeEach('trend (month × category, whole span)', views, WHOLE_SPAN, (filter) => index.monthlyByCategory(filter));
	const wholeSpan = { ...WHOLE_SPAN, groups: false };
	timeEach('per-group monthly series (whole span)', views.slice(0, 60), wholeSpan, (filter) => index.groupMonthly(filter));
	timeEach('per-group monthly series, open cases', open.slice(0, 60), wholeSpan, (filter) => index.groupMonthly(filter));
	timeEach('daily series of the period', views, KEY_FIGURES, (filter) => index.dailyCounts(filter));
	const sqlTimes: number[] = [];
	for (const view of views.slice(0, 10)) {
		const start = process.cpuUsage();
		await engine.query(groupFiguresQuery(view));
		sqlTimes.push(cpuMs(start));
	}
	console.log(`  the map's SQL on the raw table (groupFiguresQuery), median of 10: ${ms(quantile(sqlTimes, 0.5))} ms`);
}

await measure('demo ward', await demoEngine(), '2018-01-01', 5);
await measure(`generated city, ${CASES.toLocaleString('en')} cases`, await cityEngine(), '2015-01-01', 3);
