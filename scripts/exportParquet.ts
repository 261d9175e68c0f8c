import { BadInput, importFiles, parseOptions, runCommand } from './cli';

/**
 * A ward's data as partitioned Parquet for a server DuckDB (docs/deployment.md): the files are imported as the
 * Data page imports them (same checks, same report), then written by ward and year under `--out`.
 */

const USAGE = 'usage: npm run export:parquet -- --out DIR [--cases FILE --groups FILE [--sheet NAME]] [--ward CODE]';

async function main(args: string[]): Promise<void> {
	const values = parseOptions(args, {
		out: { type: 'string' },
		cases: { type: 'string' },
		groups: { type: 'string' },
		sheet: { type: 'string' },
		ward: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) {
		process.stdout.write(USAGE + '\n');
		return;
	}
	if (!values.out) throw new BadInput('--out DIR is required (see --help)');
	if ((values.cases === undefined) !== (values.groups === undefined)) {
		throw new BadInput('--cases and --groups go together (neither: the demo ward)');
	}
	const { DEFAULT_WARD, isWardCode, writePartitionedParquet } = await import('../src/lib/core/db/parquet.server');
	const ward = values.ward ?? DEFAULT_WARD;
	if (!isWardCode(ward)) throw new BadInput(`--ward: "${ward}" is not a ward code (letters, digits, _ and -)`);
	if (values.cases === undefined) {
		process.stderr.write(`note: no --cases and --groups: the demo ward (synthetic data) as ward ${ward}\n`);
	}

	const { engine, reports } = await importFiles({
		cases: values.cases ?? 'data/demo/cases.csv',
		groups: values.groups ?? 'data/demo/groups.geojson',
		sheet: values.sheet
	});
	for (const report of reports) {
		process.stderr.write(`${report.file}: ${report.read} read = ${report.accepted} accepted + ${report.rejected} rejected\n`);
	}
	// An export without cases would replace the ward's earlier cases with none.
	if (!reports[1].accepted) throw new BadInput(`${reports[1].file}: no case was accepted; nothing written`);
	const written = await writePartitionedParquet(engine, values.out, ward);
	const what = `${written.cases} cases and ${written.groups} groups of ward ${written.wards.join(', ')}`;
	process.stderr.write(`wrote ${what} to ${values.out} (cases/ward_code=…/year=…, groups/ward_code=…)\n`);
}

runCommand('export:parquet', main);
