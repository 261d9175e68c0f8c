import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DatasetFiles } from '../src/lib/core/import/dataset';
import { readTable, sniffFormat } from '../src/lib/core/import/readTable';
import { ImportError, type ImportReport } from '../src/lib/core/import/report';

/*
 * What the command lines (`analyze`, `briefing`, `export:parquet`) share: bad input is one line on stderr and exit
 * code 2, any other failure exit code 1, so a scheduled job can tell a wrong file from a broken machine.
 */

/** Bad arguments, or files that cannot be read or imported. */
export class BadInput extends Error {}

/** The command line's options, strictly (an unknown option or a stray word is bad input). */
export function parseOptions<const Options extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: Options) {
	try {
		return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
	} catch (error) {
		throw new BadInput(error instanceof Error ? error.message : String(error));
	}
}

/**
 * `--sheet NAME`: the sheet of the cases workbook to read (by default the one whose first rows hold a known
 * header, as on the Data page). A file that is not a workbook, or a sheet it does not have, is bad input, named
 * with the sheets there are.
 */
export async function checkSheet(file: { name: string; bytes: Uint8Array }, sheet: string | undefined): Promise<void> {
	if (sheet === undefined) return;
	if (sniffFormat(file.name, file.bytes) !== 'xlsx') throw new BadInput(`--sheet: ${file.name} is not an Excel workbook (.xlsx)`);
	try {
		await readTable(file, { sheet });
	} catch (error) {
		if (error instanceof ImportError && error.hint === 'no_sheet') throw new BadInput(`--sheet: ${error.detail}`);
		throw error;
	}
}

/** Files are read as bytes: cases and groups in any format the Data page takes. */
export function readFile(option: string, path: string): { name: string; bytes: Uint8Array } {
	try {
		return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
	} catch (error) {
		throw new BadInput(`${option}: cannot read ${path} (${error instanceof Error ? error.message : error})`);
	}
}

export function rejectionWarning(report: ImportReport, unit: 'row' | 'feature'): string | null {
	const [first] = report.rejections;
	if (!first) return null;
	const where = unit === 'row' ? 'line' : 'feature';
	const rejected = `${report.rejected} ${unit}${report.rejected === 1 ? '' : 's'} rejected`;
	return `warning: ${report.file}: ${rejected}; first: ${where} ${first.line} ${first.reason} (${first.field})`;
}

/** The title and footer lines skipped, so that the rows read can be reconciled with the file. */
export function skippedNote(report: ImportReport): string | null {
	const { title = [], footer = [] } = report.skipped ?? {};
	if (!title.length && !footer.length) return null;
	return `note: ${report.file}: skipped ${title.length} title line(s) above the header and ${footer.length} footer line(s) after the last row (not rows read)`;
}

/**
 * Imports a cases file and a groups file into a fresh in-memory DuckDB (the app's engine), as the Data page
 * would, and reports on stderr what was rejected or skipped. Bad files are bad input.
 */
export async function importFiles(paths: { cases: string; groups: string; sheet?: string }) {
	const cases = readFile('--cases', paths.cases);
	await checkSheet(cases, paths.sheet);
	const files: DatasetFiles = {
		cases: { ...cases, sheet: paths.sheet },
		groups: readFile('--groups', paths.groups)
	};
	// The engine loads only once the arguments and files are known good (~2 s saved on a typo).
	const [{ openNodeEngine }, { loadDataset }] = await Promise.all([
		import('../src/lib/core/db/node'),
		import('../src/lib/core/import/dataset')
	]);
	const engine = await openNodeEngine();
	const loaded = await loadDataset(engine, files).catch((error: unknown) => {
		// Only the missing-column error leaves out which file it is about.
		const file = error instanceof ImportError && error.code === 'missing_column' ? `${files.cases.name}: ` : '';
		throw new BadInput(`import failed: ${file}${error instanceof Error ? error.message : error}`);
	});
	const [groupsReport, casesReport] = loaded.reports;
	const groupsUnit = /\.(geo)?json$/i.test(paths.groups) ? 'feature' : 'row';
	const warnings = [rejectionWarning(groupsReport, groupsUnit), rejectionWarning(casesReport, 'row'), skippedNote(casesReport)];
	for (const warning of warnings) if (warning) process.stderr.write(warning + '\n');
	return { engine, groups: loaded.groups, reports: loaded.reports, casesName: files.cases.name };
}

/** Runs a command on the process's arguments; an error ends it with its message and exit code. */
export function runCommand(name: string, main: (args: string[]) => Promise<void>): void {
	main(process.argv.slice(2)).catch((error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`${name}: ${message}\n`);
		process.exitCode = error instanceof BadInput ? 2 : 1;
	});
}
