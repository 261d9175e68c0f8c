import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelPoint } from '../../src/lib/core/geo/outline';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCsv } from '../../src/lib/core/analysis/formatRows';
import { twoSidedP } from '../../src/lib/core/analysis/normal';
import { runAnalysis } from '../../src/lib/core/view/runAnalysis';
import type { GroupHotspot } from '../../src/lib/core/analysis/hotspots';
import type { Engine } from '../../src/lib/core/db/engine';
import { openNodeEngine } from '../../src/lib/core/db/node';
import { loadDataset } from '../../src/lib/core/import/dataset';
import type { GroupWithGeometry } from '../../src/lib/core/import/groups';
import { demoCases, demoCasesText, demoGroupsText } from './support/demo';

/** The command line as a user runs it: a child process, its own DuckDB, the demo files read from disk. */

const COLUMNS = [
	'group_code', 'count', 'population', 'rate', 'eb_rate', 'gi_z', 'gi_p', 'gi_bin', 'gi_bin_fdr',
	'lisa_i', 'lisa_p', 'lisa_class', 'trend_tau', 'trend_p', 'emerging'
];
const TEXT_COLUMNS = new Set(['group_code', 'lisa_class', 'emerging']);
const DEMO = ['--cases', 'data/demo/cases.csv', '--groups', 'data/demo/groups.geojson'];
const QUARTER = ['--from', '2020-10-01', '--to', '2020-12-31'];

type PrintedRow = Record<string, string | number | null>;

function analyze(args: string[]): string {
	return execFileSync('node_modules/.bin/tsx', ['scripts/analyze.ts', ...args], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

function analyzeFailing(args: string[]): { status: number | null; stdout: string; stderr: string } {
	try {
		analyze(args);
	} catch (error) {
		const { status, stdout, stderr } = error as { status: number | null; stdout: string; stderr: string };
		return { status, stdout, stderr };
	}
	throw new Error(`expected analyze ${args.join(' ')} to fail`);
}

/** A plain split is enough: no printed cell needs quoting (codes, numbers, class names). */
function parseCsv(text: string): { header: string[]; rows: PrintedRow[] } {
	const [header, ...lines] = text.trimEnd().split('\n').map((line) => line.split(','));
	const rows = lines.map((cells) =>
		Object.fromEntries(
			header.map((name, i) => {
				const cell = cells[i];
				return [name, cell === '' ? null : TEXT_COLUMNS.has(name) ? cell : Number(cell)];
			})
		)
	);
	return { header, rows };
}

/** The in-process rows as the CLI prints them: −0 and +0 both print as 0. */
function printed(groups: GroupHotspot[]): PrintedRow[] {
	const positiveZero = (value: PrintedRow[string]) => (value === 0 ? 0 : value);
	return groups.map((group) =>
		Object.fromEntries(COLUMNS.map((name) => [name, positiveZero(group[name as keyof GroupHotspot])]))
	);
}

let csv: { header: string[]; rows: PrintedRow[] };
let json: PrintedRow[];
let engine: Engine;
let groups: GroupWithGeometry[];

beforeAll(async () => {
	csv = parseCsv(analyze([...DEMO, ...QUARTER]));
	json = JSON.parse(analyze([...DEMO, ...QUARTER, '--format', 'json']));
	engine = await openNodeEngine();
	({ groups } = await loadDataset(engine, {
		groups: { name: 'groups.geojson', text: demoGroupsText },
		cases: { name: 'cases.csv', bytes: demoCasesText }
	}));
}, 120_000);

describe('npm run analyze on the demo ward, October–December 2020', () => {
	test('prints a header of exactly the columns and one row per group', () => {
		expect(csv.header).toEqual(COLUMNS);
		expect(csv.rows).toHaveLength(48);
		expect(new Set(csv.rows.map((row) => row.group_code)).size).toBe(48);
	});

	test('counts equal the CSV rows counted in the test', () => {
		const expected = new Map<string, number>();
		for (const c of demoCases()) {
			if (c.reported_on >= '2020-10-01' && c.reported_on <= '2020-12-31') {
				expected.set(c.group_code, (expected.get(c.group_code) ?? 0) + 1);
			}
		}
		for (const row of csv.rows) expect(row.count, String(row.group_code)).toBe(expected.get(String(row.group_code)) ?? 0);
	});

	test('groups given as a CSV table of centre points: the same groups and counts', () => {
		type Feature = { properties: { group_code: string; name: string; population: number }; geometry: GeoJSON.Geometry };
		const features: Feature[] = JSON.parse(demoGroupsText).features;
		const lines = features.map(({ properties, geometry }) => {
			const [lon, lat] = labelPoint(geometry)!;
			return [properties.group_code, properties.name, properties.population, lon, lat].join(',');
		});
		const folder = mkdtempSync(join(tmpdir(), 'ward-analyze-'));
		const path = join(folder, 'to-dan-pho.csv');
		writeFileSync(path, ['Mã tổ,Tên tổ,Dân số,Kinh độ,Vĩ độ', ...lines].join('\n'));
		try {
			const fromCentres = parseCsv(analyze(['--cases', 'data/demo/cases.csv', '--groups', path, ...QUARTER]));
			expect(fromCentres.rows.map((row) => [row.group_code, row.count, row.population])).toEqual(
				csv.rows.map((row) => [row.group_code, row.count, row.population])
			);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	test('the planted emerging cluster is a hot spot at 95 % or more', () => {
		for (const code of ['TDP22', 'TDP32', 'TDP33']) {
			const row = csv.rows.find((r) => r.group_code === code);
			expect(row?.gi_bin, code).toBeGreaterThanOrEqual(2);
		}
	});

	test('--source patrol,hotline counts only cases patrols or the hotline found, as counted in the test', () => {
		const chosen = ['patrol', 'hotline'];
		const expected = new Map<string, number>();
		for (const c of demoCases()) {
			if (c.reported_on >= '2020-10-01' && c.reported_on <= '2020-12-31' && chosen.includes(c.source)) {
				expected.set(c.group_code, (expected.get(c.group_code) ?? 0) + 1);
			}
		}
		const rows = parseCsv(analyze([...DEMO, ...QUARTER, '--source', chosen.join(',')])).rows;
		for (const row of rows) expect(row.count, String(row.group_code)).toBe(expected.get(String(row.group_code)) ?? 0);
		const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
		expect(total).toBeGreaterThan(0);
		expect(total).toBeLessThan(csv.rows.reduce((sum, row) => sum + Number(row.count), 0));
	});

	test('an unknown --source is a bad argument naming the known codes', () => {
		const { status, stdout, stderr } = analyzeFailing([...DEMO, ...QUARTER, '--source', 'patrol,police']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('--source: unknown code "police"');
		expect(stderr).toContain('mediation_team');
	});

	test('--format json gives the same numbers as CSV, in objects of exactly the columns', () => {
		expect(json.map((row) => Object.keys(row))).toEqual(json.map(() => COLUMNS));
		expect(json).toEqual(csv.rows);
	});

	test('the numbers are those of runAnalysis in-process, to the last digit', async () => {
		const analysis = await runAnalysis(engine, {
			groups,
			filter: { from: '2020-10-01', to: '2020-12-31', categories: [], statuses: [], sources: [] }
		});
		expect(csv.rows).toEqual(printed(analysis.groups));
	});

	test('defaults to the last 12 whole months and applies filters and --measure rate', async () => {
		const args = [...DEMO, '--category', 'land,neighbour', '--status', 'resolved', '--measure', 'rate'];
		const { rows } = parseCsv(analyze(args));
		const analysis = await runAnalysis(engine, {
			groups,
			filter: { from: '2020-01-01', to: '2020-12-31', categories: ['land', 'neighbour'], statuses: ['resolved'], sources: [] },
			measure: 'rate'
		});
		expect(rows).toEqual(printed(analysis.groups));
	}, 60_000);
});

describe('Gi* recomputed in the test from the printed counts', () => {
	/** Queen neighbours by exact shared vertices: the demo's neighbouring cells share byte-identical vertices. */
	type Ring = [number, number][];
	interface DemoFeature {
		properties: { group_code: string };
		geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
	}

	function sharedVertexNeighbours(): Map<string, Set<string>> {
		const features: DemoFeature[] = JSON.parse(demoGroupsText).features;
		const vertices = features.map(({ geometry }) => {
			const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
			return new Set(polygons.flat(2).map(([x, y]) => `${x} ${y}`));
		});
		const codes = features.map((feature) => feature.properties.group_code);
		const neighbours = new Map(codes.map((code) => [code, new Set<string>()]));
		vertices.forEach((mine, i) =>
			vertices.forEach((theirs, j) => {
				if (i !== j && [...mine].some((key) => theirs.has(key))) neighbours.get(codes[i])!.add(codes[j]);
			})
		);
		return neighbours;
	}

	test.each(['TDP22', 'TDP01'])('%s: z from the formula of SPEC §4 matches gi_z to 1e-9', (code) => {
		const x = new Map(csv.rows.map((row) => [String(row.group_code), Number(row.count)]));
		const values = [...x.values()];
		const n = values.length;
		const mean = values.reduce((a, b) => a + b, 0) / n;
		const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
		const neighbourhood = [code, ...sharedVertexNeighbours().get(code)!];
		const w = neighbourhood.length;
		const local = neighbourhood.reduce((sum, j) => sum + x.get(j)!, 0);
		const z = (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
		const printedZ = Number(csv.rows.find((row) => row.group_code === code)?.gi_z);
		expect(Math.abs(z - printedZ)).toBeLessThan(1e-9);
	});
});

describe('--step and --inference', () => {
	test('by default Gi* p is a seeded permutation pseudo p and the step is chosen from the counts (quarters)', () => {
		const run = spawnSync('node_modules/.bin/tsx', ['scripts/analyze.ts', ...DEMO, ...QUARTER], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stderr).toMatch(/by quarter \(chosen from the counts\)/);
		for (const row of csv.rows) {
			// (#extreme + 1)/1000: a whole number of thousandths.
			const thousandths = Number(row.gi_p) * 1000;
			expect(Math.abs(thousandths - Math.round(thousandths))).toBeLessThan(1e-9);
		}
	});

	test('--inference normal prints the same z with the normal p of ArcGIS, and --step month the monthly categories', async () => {
		const { rows } = parseCsv(analyze([...DEMO, ...QUARTER, '--inference', 'normal', '--step', 'month']));
		expect(rows.map((row) => row.gi_z)).toEqual(csv.rows.map((row) => row.gi_z));
		for (const row of rows) {
			if (row.gi_z !== null) expect(Number(row.gi_p)).toBeCloseTo(twoSidedP(Number(row.gi_z)), 14);
		}
		const analysis = await runAnalysis(engine, {
			groups,
			filter: { from: '2020-10-01', to: '2020-12-31', categories: [], statuses: [], sources: [] },
			inference: 'normal',
			step: 'month'
		});
		expect(rows).toEqual(printed(analysis.groups));
		expect(analysis.emerging.starts).toHaveLength(36);
	}, 60_000);
});

describe('bad input: exit code 2 and one line on stderr', () => {
	test.each([
		['--cases is missing', ['--groups', 'data/demo/groups.geojson'], /--cases/],
		['--from is not a date', [...DEMO, '--from=31/02/2020'], /--from.*31\/02\/2020/],
		['--from far outside any data (1000-01-01)', [...DEMO, '--from=1000-01-01'], /--from.*1000-01-01.*1900–2100/],
		['--step is not month or quarter', [...DEMO, '--step', 'year'], /--step.*year/],
		['--inference is not permutation or normal', [...DEMO, '--inference', 'bootstrap'], /--inference.*bootstrap/],
		[
			'a file does not exist',
			['--cases', 'data/demo/no-such.csv', '--groups', 'data/demo/groups.geojson'],
			/no-such\.csv/
		]
	])('%s', (_, args, message) => {
		const { status, stdout, stderr } = analyzeFailing(args);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
	}, 30_000);
});

describe('a cases workbook as offices export it: instructions first, a title block, a footer', () => {
	let folder: string;
	let path: string;

	beforeAll(async () => {
		const [header, ...lines] = demoCasesText.trim().split('\n').map((line) => line.split(','));
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Hướng dẫn').addRow(['Điền mỗi vụ việc một dòng, ngày theo dd/mm/yyyy.']);
		const cases = book.addWorksheet('Vụ việc');
		cases.addRow(['CÔNG AN PHƯỜNG VĨNH TUY']);
		cases.addRow(['BAN CHỈ ĐẠO 138']);
		cases.addRow([]);
		cases.addRow(['DANH SÁCH VỤ VIỆC 2018–2020']);
		[header, ...lines].forEach((row) => cases.addRow(row));
		cases.addRow(['Tổng cộng', lines.length]);
		cases.addRow(['Người lập biểu', null, null, 'Thủ trưởng đơn vị']);
		const sample = book.addWorksheet('Mẫu');
		[header, ...lines.slice(0, 5)].forEach((row) => sample.addRow(row));
		folder = mkdtempSync(join(tmpdir(), 'ward-analyze-'));
		path = join(folder, 'vu-viec.xlsx');
		writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
	}, 30_000);

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('the sheet with the cases is found by its header: the same numbers as the CSV, the skipped lines said', () => {
		const run = spawnSync('node_modules/.bin/tsx', ['scripts/analyze.ts', '--cases', path, '--groups', 'data/demo/groups.geojson', ...QUARTER], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(parseCsv(run.stdout).rows).toEqual(csv.rows);
		expect(run.stderr).toContain('note: vu-viec.xlsx: skipped 3 title line(s) above the header and 2 footer line(s)');
	});

	test('--sheet NAME reads that sheet instead', () => {
		const sample = parseCsv(analyze(['--cases', path, '--groups', 'data/demo/groups.geojson', ...QUARTER, '--sheet', 'Mẫu']));
		// The sample sheet holds the first five cases, all of January 2018: none in the quarter.
		expect(sample.rows).toHaveLength(48);
		expect(sample.rows.every((row) => row.count === 0)).toBe(true);
	});

	test('a --sheet the workbook does not have is a bad argument naming the sheets', () => {
		const { status, stdout, stderr } = analyzeFailing(['--cases', path, '--groups', 'data/demo/groups.geojson', '--sheet', 'Sheet1']);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/--sheet: .*"Sheet1".*Hướng dẫn, Vụ việc, Mẫu/);
	});
});

describe('formatCsv', () => {
	test('quotes cells with commas, quotes or line breaks (RFC 4180), prints null empty and numbers in full', () => {
		const rows = [{ a: 'TDP, "east"', b: 0.1 + 0.2, c: null }, { a: 'two\nlines', b: -1e-7, c: 'x' }];
		expect(formatCsv(rows, ['a', 'b', 'c'])).toBe('a,b,c\n"TDP, ""east""",0.30000000000000004,\n"two\nlines",-1e-7,x\n');
	});
});
