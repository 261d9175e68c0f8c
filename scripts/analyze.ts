import { BadInput, importFiles, parseOptions, runCommand } from './cli';
import { formatCsv, formatJson } from '../src/lib/core/analysis/formatRows';
import type { GroupWithGeometry } from '../src/lib/core/import/groups';
import type { QueryEngine } from '../src/lib/core/db/engine';
import { parseIsoDate } from '../src/lib/core/queries/dates';
import { MIN_CASES_PER_STEP } from '../src/lib/core/analysis/emerging';
import { DEFAULT_GI_INFERENCE } from '../src/lib/core/analysis/hotspots';
import { defaultView, EMERGING_STEPS, GI_INFERENCES, isPeriodDate, LEVELS } from '../src/lib/core/queries/view';
import { analysisAreas } from '../src/lib/core/geo/wardAreas';
import { wardsOf } from '../src/lib/core/schema/wards';
import { CATEGORY_CODES, isCategoryCode } from '../src/lib/core/schema/categories';
import { isStatusCode, STATUS_CODES } from '../src/lib/core/schema/statuses';
import { isSourceCode, SOURCE_CODES } from '../src/lib/core/schema/sources';

/**
 * The hotspot statistics of SPEC §4, one row per group, with the dashboard's own code path: from files imported
 * into the app's engine, or (`--engine node --data DIR`) from the partitioned Parquet of `npm run export:parquet`
 * on a server DuckDB.
 */

const USAGE =
	'usage: npm run analyze -- (--cases FILE --groups FILE [--sheet NAME] | --engine node --data DIR) ' +
	'[--from YYYY-MM-DD] [--to YYYY-MM-DD] ' +
	'[--category a,b] [--status a,b] [--source a,b] [--measure count|rate] [--inference permutation|normal] ' +
	'[--step month|quarter] [--ward W01,W02] [--level group|ward] [--format csv|json]';


function readOptions(args: string[]) {
	const values = parseOptions(args, {
		engine: { type: 'string', default: 'wasm' },
		data: { type: 'string' },
		ward: { type: 'string' },
		cases: { type: 'string' },
		groups: { type: 'string' },
		sheet: { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' },
		category: { type: 'string' },
		status: { type: 'string' },
		source: { type: 'string' },
		measure: { type: 'string', default: 'count' },
		inference: { type: 'string', default: DEFAULT_GI_INFERENCE },
		step: { type: 'string' },
		level: { type: 'string', default: 'group' },
		format: { type: 'string', default: 'csv' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) return null;
	const engine = oneOf('--engine', values.engine, ['wasm', 'node'] as const);
	if (engine === 'node') {
		if (!values.data) throw new BadInput('--engine node reads --data DIR, the folder npm run export:parquet wrote (see --help)');
		const fileOption = (['cases', 'groups', 'sheet'] as const).find((name) => values[name] !== undefined);
		if (fileOption) throw new BadInput(`--${fileOption} is for --engine wasm; --engine node reads --data DIR`);
	} else {
		if (values.data !== undefined) throw new BadInput('--data needs --engine node');
		if (!values.cases) throw new BadInput('--cases FILE is required (see --help)');
		if (!values.groups) throw new BadInput('--groups FILE is required (see --help)');
	}
	const wards = (values.ward ?? '').split(',').map((code) => code.trim()).filter(Boolean);
	return {
		source: engine === 'node'
			? ({ engine, data: values.data!, wards } as const)
			: ({ engine, cases: values.cases!, groups: values.groups!, sheet: values.sheet } as const),
		from: values.from === undefined ? undefined : isoDate('--from', values.from),
		to: values.to === undefined ? undefined : isoDate('--to', values.to),
		categories: codes('--category', values.category, CATEGORY_CODES, isCategoryCode),
		statuses: codes('--status', values.status, STATUS_CODES, isStatusCode),
		sources: codes('--source', values.source, SOURCE_CODES, isSourceCode),
		measure: oneOf('--measure', values.measure, ['count', 'rate'] as const),
		inference: oneOf('--inference', values.inference, GI_INFERENCES),
		step: values.step === undefined ? undefined : oneOf('--step', values.step, EMERGING_STEPS),
		wards,
		level: oneOf('--level', values.level, LEVELS),
		format: oneOf('--format', values.format, ['csv', 'json'] as const)
	};
}

function isoDate(option: string, text: string): string {
	const iso = parseIsoDate(text);
	if (!iso) throw new BadInput(`${option}: "${text}" is not a calendar date written YYYY-MM-DD`);
	if (!isPeriodDate(iso)) throw new BadInput(`${option}: "${text}" lies outside the years 1900–2100`);
	return iso;
}

function codes<T extends string>(
	option: string,
	list: string | undefined,
	known: readonly T[],
	isKnown: (code: string) => code is T
): T[] {
	const chosen: T[] = [];
	for (const code of (list ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
		if (!isKnown(code)) throw new BadInput(`${option}: unknown code "${code}" (one of ${known.join(', ')})`);
		if (!chosen.includes(code)) chosen.push(code);
	}
	return chosen;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
	const found = allowed.find((item) => item === value);
	if (!found) throw new BadInput(`${option}: "${value}" is not one of ${allowed.join(', ')}`);
	return found;
}

async function main(args: string[]): Promise<void> {
	const options = readOptions(args);
	if (!options) {
		process.stdout.write(USAGE + '\n');
		return;
	}
	if (options.from && options.to && options.from > options.to) {
		throw new BadInput(`--from ${options.from} is after --to ${options.to}`);
	}
	const { engine, groups, dataName } = await openSource(options.source);
	// The SQL builders load only once the arguments and files are known good.
	const [{ dataExtentQuery }, { HOTSPOT_COLUMNS, runAnalysis }] = await Promise.all([
		import('../src/lib/core/queries/dashboard'),
		import('../src/lib/core/view/runAnalysis')
	]);

	let { from, to } = options;
	if (!from || !to) {
		const [extent] = await engine.query(dataExtentQuery());
		if (!extent?.last_date) throw new BadInput(`${dataName}: no case was accepted; give --from and --to`);
		const fallback = defaultView({
			firstDate: String(extent.first_date),
			lastDate: String(extent.last_date),
			groupCodes: groups.map((group) => group.group_code)
		});
		from ??= fallback.from;
		to ??= fallback.to;
		if (from > to) throw new BadInput(`the period ${from}..${to} is reversed`);
	}

	const wards = wardsOf(groups).map((ward) => ward.code);
	const unknown = options.wards.filter((code) => !wards.includes(code));
	if (unknown.length) throw new BadInput(`--ward: unknown ward ${unknown.join(', ')} (the groups name ${wards.join(', ') || 'no ward'})`);
	if (options.level === 'ward' && wards.length < 2) throw new BadInput('--level ward needs groups of two wards or more (ward_code)');
	const analysis = await runAnalysis(engine, {
		groups: analysisAreas(groups, options.level, options.wards),
		level: options.level,
		filter: { from, to, categories: options.categories, statuses: options.statuses, sources: options.sources, wards: options.wards },
		measure: options.measure,
		inference: options.inference,
		step: options.step
	});
	if (analysis.constant) {
		process.stderr.write('warning: every group has the same value: Gi* and Local Moran have no z\n');
	}
	const { step, automatic, starts, medianPerStep, sparse } = analysis.emerging;
	const perStep = `the median group has ${medianPerStep.toFixed(1)} case(s) a ${step}`;
	process.stderr.write(`note: emerging hot spots by ${step}${automatic ? ' (chosen from the counts)' : ''}: ${perStep}\n`);
	if (sparse) {
		process.stderr.write(`warning: below ${MIN_CASES_PER_STEP} cases per group and ${step}, most patterns cannot stand out\n`);
	}
	if (starts.length < 10) {
		process.stderr.write(`warning: the data span ${starts.length} ${step}(s); below 10 the trend test is unreliable\n`);
	}
	const format = options.format === 'json' ? formatJson : formatCsv;
	process.stdout.write(format(analysis.groups, HOTSPOT_COLUMNS));
}

type Source = NonNullable<ReturnType<typeof readOptions>>['source'];

/** The engine the statistics read, and the groups in the order their permutations are seeded. */
async function openSource(
	source: Source
): Promise<{ engine: QueryEngine; groups: readonly GroupWithGeometry[]; dataName: string }> {
	if (source.engine === 'wasm') {
		const { engine, groups, casesName } = await importFiles(source);
		return { engine, groups, dataName: casesName };
	}
	const [{ openParquetEngine }, { groupsQuery }, { readGroups }] = await Promise.all([
		import('../src/lib/core/db/parquet.server'),
		import('../src/lib/core/queries/dashboard'),
		import('../src/lib/core/queries/results')
	]);
	const engine = await openParquetEngine(source.data, { wards: source.wards }).catch((error: unknown) => {
		throw new BadInput(`--data: ${error instanceof Error ? error.message : error}`);
	});
	// The groups as the dashboard reads them back from its tables: in code order.
	const groups = readGroups(await engine.query(groupsQuery()));
	if (!groups.length) throw new BadInput(`--data: ${source.data} holds no group`);
	return { engine, groups, dataName: source.data };
}

runCommand('analyze', main);
