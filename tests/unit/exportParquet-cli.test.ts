import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCases } from './support/demo';

/** `npm run export:parquet` and `npm run analyze -- --engine node` as a user runs them: child processes. */

const DEMO = ['--cases', 'data/demo/cases.csv', '--groups', 'data/demo/groups.geojson'];
const QUARTER = ['--from', '2020-10-01', '--to', '2020-12-31'];

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
	const { status, stdout, stderr } = spawnSync('node_modules/.bin/tsx', [`scripts/${script}.ts`, ...args], { encoding: 'utf8' });
	return { status, stdout, stderr };
}

/** Every file under `dir` with its size and time of change: what a failed run must leave as it was. */
function snapshot(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.map((file) => `${file} ${statSync(file).size} ${statSync(file).mtimeMs}`)
		.sort();
}

let dir: string;
let exported: ReturnType<typeof run>;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'ward-export-'));
	exported = run('exportParquet', ['--out', join(dir, 'store'), ...DEMO, '--ward', 'W01']);
}, 120_000);

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run export:parquet', () => {
	test('the demo files are imported, reported (read = accepted + rejected) and written by ward and year', () => {
		expect(exported.status, exported.stderr).toBe(0);
		const cases = demoCases().length;
		expect(exported.stderr).toContain(`cases.csv: ${cases} read = ${cases} accepted + 0 rejected`);
		expect(exported.stderr).toContain(`wrote ${cases} cases and 48 groups of ward W01`);
		expect(readdirSync(join(dir, 'store', 'cases', 'ward_code=W01')).sort()).toEqual(['year=2018', 'year=2019', 'year=2020']);
	});

	test('a failed export (a cases file without a date column) leaves the earlier export untouched', () => {
		const before = snapshot(join(dir, 'store'));
		const broken = join(dir, 'no-dates.csv');
		writeFileSync(broken, 'case_id,group_code,category,status\nVV-1,TDP01,land,received\n');
		const failed = run('exportParquet', ['--out', join(dir, 'store'), '--cases', broken, '--groups', 'data/demo/groups.geojson']);
		expect(failed.status).toBe(2);
		expect(failed.stderr).toMatch(/import failed/);
		expect(snapshot(join(dir, 'store'))).toEqual(before);
	}, 120_000);

	test('an export whose cases are all rejected writes nothing (it would replace the ward\'s cases with none)', () => {
		const before = snapshot(join(dir, 'store'));
		const unknownGroups = join(dir, 'unknown-groups.csv');
		writeFileSync(unknownGroups, 'case_id,reported_on,group_code,category,status\nVV-1,2020-01-05,TDP99,land,received\n');
		const refused = run('exportParquet', ['--out', join(dir, 'store'), '--cases', unknownGroups, '--groups', 'data/demo/groups.geojson']);
		expect(refused.status).toBe(2);
		expect(refused.stderr).toContain('unknown-groups.csv: 1 read = 0 accepted + 1 rejected');
		expect(refused.stderr).toContain('no case was accepted; nothing written');
		expect(snapshot(join(dir, 'store'))).toEqual(before);
	}, 120_000);

	test('a ward code that is not a folder name is refused', () => {
		const refused = run('exportParquet', ['--out', join(dir, 'other'), '--ward', '../W02']);
		expect(refused.status).toBe(2);
		expect(refused.stderr).toContain('--ward: "../W02" is not a ward code');
	}, 60_000);
});

describe('npm run analyze -- --engine node --data DIR', () => {
	test('prints the same statistics from the Parquet as from the files it was exported from', () => {
		const fromFiles = run('analyze', [...DEMO, ...QUARTER]);
		const fromParquet = run('analyze', ['--engine', 'node', '--data', join(dir, 'store'), ...QUARTER]);
		expect(fromParquet.status, fromParquet.stderr).toBe(0);
		expect(fromFiles.status, fromFiles.stderr).toBe(0);
		expect(fromParquet.stdout.trim().split('\n')).toHaveLength(49);
		expect(fromParquet.stdout).toBe(fromFiles.stdout);
	}, 120_000);

	test('a ward the store does not hold, a missing folder and mixed options are bad input (exit code 2)', () => {
		const store = join(dir, 'store');
		for (const [args, message] of [
			[['--engine', 'node', '--data', store, '--ward', 'W09'], 'holds no ward W09 (it holds W01)'],
			[['--engine', 'node', '--data', join(dir, 'nowhere')], 'holds no cases/ folder'],
			[['--engine', 'node'], '--engine node reads --data DIR'],
			[['--engine', 'node', '--data', store, ...DEMO], '--cases is for --engine wasm'],
			[[...DEMO, '--data', store], '--data needs --engine node']
		] as const) {
			const failed = run('analyze', [...args]);
			expect(failed.status, args.join(' ')).toBe(2);
			expect(failed.stderr).toContain(message);
		}
	}, 120_000);
});
