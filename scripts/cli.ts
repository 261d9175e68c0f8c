import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readTable, sniffFormat } from '../src/lib/core/import/readTable';
import { ImportError } from '../src/lib/core/import/report';

/*
 * What the command lines (`analyze`, `briefing`) share: bad input is one line on stderr and exit code 2, any other
 * failure exit code 1, so a scheduled job can tell a wrong file from a broken machine.
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

/** Runs a command on the process's arguments; an error ends it with its message and exit code. */
export function runCommand(name: string, main: (args: string[]) => Promise<void>): void {
	main(process.argv.slice(2)).catch((error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`${name}: ${message}\n`);
		process.exitCode = error instanceof BadInput ? 2 : 1;
	});
}
