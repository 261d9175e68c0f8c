import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BadInput, checkSheet, parseOptions, runCommand } from './cli';
import { formatCsv, formatJson } from '../src/lib/core/analysis/formatRows';
import type { DatasetFiles } from '../src/lib/core/import/dataset';
import { ImportError, type ImportReport } from '../src/lib/core/import/report';
import { parseIsoDate } from '../src/lib/core/queries/dates';
import { MIN_CASES_PER_STEP } from '../src/lib/core/analysis/emerging';
import { DEFAULT_GI_INFERENCE } from '../src/lib/core/analysis/hotspots';
import { defaultView, EMERGING_STEPS, GI_INFERENCES, isPeriodDate, LEVELS } from '../src/lib/core/queries/view';
import { analysisAreas } from '../src/lib/core/geo/wardAreas';
import { wardsOf } from '../src/lib/core/schema/wards';
import { CATEGORY_CODES, isCategoryCode } from '../src/lib/core/schema/categories';
import { isStatusCode, STATUS_CODES } from '../src/lib/core/schema/statuses';
import { isSourceCode, SOURCE_CODES } from '../src/lib/core/schema/sources';

/** The hotspot statistics of SPEC §4 from files, one row per group, with the dashboard's own code path. */

const USAGE =
	'usage: npm run analyze -- --cases FILE --groups FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] ' +
	'[--sheet NAME] [--category a,b] [--status a,b] [--source a,b] [--measure count|rate] [--inference permutation|normal] ' +
	'[--step month|quarter] [--ward W01,W02] [--level group|ward] [--format csv|json]';


function readOptions(args: string[]) {
	const values = parseOptions(args, {
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
		ward: { type: 'string' },
		level: { type: 'string', default: 'group' },
		format: { type: 'string', default: 'csv' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) return null;
	if (!values.cases) throw new BadInput('--cases FILE is required (see --help)');
	if (!values.groups) throw new BadInput('--groups FILE is required (see --help)');
	return {
		casesPath: values.cases,
		groupsPath: values.groups,
		sheet: values.sheet,
		from: values.from === undefined ? undefined : isoDate('--from', values.from),
		to: values.to === undefined ? undefined : isoDate('--to', values.to),
		categories: codes('--category', values.category, CATEGORY_CODES, isCategoryCode),
		statuses: codes('--status', values.status, STATUS_CODES, isStatusCode),
		sources: codes('--source', values.source, SOURCE_CODES, isSourceCode),
		measure: oneOf('--measure', values.measure, ['count', 'rate'] as const),
		inference: oneOf('--inference', values.inference, GI_INFERENCES),
		step: values.step === undefined ? undefined : oneOf('--step', values.step, EMERGING_STEPS),
		wards: (values.ward ?? '').split(',').map((code) => code.trim()).filter(Boolean),
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

/** Files are read as bytes: cases and groups in any format the Data page takes. */
function readFile(option: string, path: string): { name: string; bytes: Uint8Array } {
	try {
		return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
	} catch (error) {
		throw new BadInput(`${option}: cannot read ${path} (${error instanceof Error ? error.message : error})`);
	}
}

function rejectionWarning(report: ImportReport, unit: 'row' | 'feature'): string | null {
	const [first] = report.rejections;
	if (!first) return null;
	const where = unit === 'row' ? 'line' : 'feature';
	const rejected = `${report.rejected} ${unit}${report.rejected === 1 ? '' : 's'} rejected`;
	return `warning: ${report.file}: ${rejected}; first: ${where} ${first.line} ${first.reason} (${first.field})`;
}

/** The title and footer lines skipped, so that the rows read can be reconciled with the file. */
function skippedNote(report: ImportReport): string | null {
	const { title = [], footer = [] } = report.skipped ?? {};
	if (!title.length && !footer.length) return null;
	return `note: ${report.file}: skipped ${title.length} title line(s) above the header and ${footer.length} footer line(s) after the last row (not rows read)`;
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
	const cases = readFile('--cases', options.casesPath);
	await checkSheet(cases, options.sheet);
	const files: DatasetFiles = {
		cases: { ...cases, sheet: options.sheet },
		groups: readFile('--groups', options.groupsPath)
	};
	// The engine and the SQL builders load only once the arguments and files are known good (~2 s saved on a typo).
	const [{ openNodeEngine }, { loadDataset }, { dataExtentQuery }, { HOTSPOT_COLUMNS, runAnalysis }] =
		await Promise.all([
			import('../src/lib/core/db/node'),
			import('../src/lib/core/import/dataset'),
			import('../src/lib/core/queries/dashboard'),
			import('../src/lib/core/analysis/runAnalysis')
		]);
	const engine = await openNodeEngine();
	const loaded = await loadDataset(engine, files).catch((error: unknown) => {
		// Only the missing-column error leaves out which file it is about.
		const file = error instanceof ImportError && error.code === 'missing_column' ? `${files.cases.name}: ` : '';
		throw new BadInput(`import failed: ${file}${error instanceof Error ? error.message : error}`);
	});
	const [groupsReport, casesReport] = loaded.reports;
	const groupsUnit = /\.(geo)?json$/i.test(options.groupsPath) ? 'feature' : 'row';
	for (const warning of [rejectionWarning(groupsReport, groupsUnit), rejectionWarning(casesReport, 'row'), skippedNote(casesReport)]) {
		if (warning) process.stderr.write(warning + '\n');
	}

	let { from, to } = options;
	if (!from || !to) {
		const [extent] = await engine.query(dataExtentQuery());
		if (!extent?.last_date) throw new BadInput(`${files.cases.name}: no case was accepted; give --from and --to`);
		const fallback = defaultView({
			firstDate: String(extent.first_date),
			lastDate: String(extent.last_date),
			groupCodes: loaded.groups.map((group) => group.group_code)
		});
		from ??= fallback.from;
		to ??= fallback.to;
		if (from > to) throw new BadInput(`the period ${from}..${to} is reversed`);
	}

	const wards = wardsOf(loaded.groups).map((ward) => ward.code);
	const unknown = options.wards.filter((code) => !wards.includes(code));
	if (unknown.length) throw new BadInput(`--ward: unknown ward ${unknown.join(', ')} (the groups name ${wards.join(', ') || 'no ward'})`);
	if (options.level === 'ward' && wards.length < 2) throw new BadInput('--level ward needs groups of two wards or more (ward_code)');
	const analysis = await runAnalysis(engine, {
		groups: analysisAreas(loaded.groups, options.level, options.wards),
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

runCommand('analyze', main);
