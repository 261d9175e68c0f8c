/**
 * A synthetic district for tests and the benchmark: `npm run district -- --wards N --out DIR` writes
 * `groups.geojson` and `cases.csv` into DIR. N wards laid side by side on a grid, each a rectangle cut into a grid of
 * residential groups, so that neighbouring wards share their border vertex for vertex (queen contiguity holds
 * across wards, as between real wards). Seeded: the same options always give the same bytes.
 *
 * Options: `--wards N` (default 3), `--groups G` groups per ward (default 48), `--cases C` about C cases over the
 * three years (default: the demo ward's rate, about 400 a year per ward), `--seed S`, `--out DIR` (required).
 */
import { casesToCsv, generateCases } from './cases';
import type { Point } from './geometry';
import { WARD_EXTENT } from './outline';
import { DEMO_MONTH_COUNT, DEMO_SEED } from './patterns';
import { integerBetween, mulberry32, streamSeed } from './random';
import { isRunAsScript } from './script';
import type { DemoGroup, DemoWard } from './ward';

export interface DistrictOptions {
	wards: number;
	groupsPerWard: number;
	/** About this many cases in all; absent: the demo ward's rate. */
	cases?: number;
	seed: number;
}

export const DEFAULT_DISTRICT: DistrictOptions = { wards: 3, groupsPerWard: 48, seed: DEMO_SEED };

/** The ward whose every group has 3× the district's rate in every month, so that ward statistics find it. */
export const HOT_WARD = 'W02';

export interface DistrictGroup extends DemoGroup {
	wardCode: string;
	wardName: string;
}

/** Each ward the size of the demo ward's extent (≈ 1.8 × 1.2 km), on the demo ward's footprint and eastwards. */
const [WEST, SOUTH, EAST, NORTH] = WARD_EXTENT;
const WARD_WIDTH = EAST - WEST;
const WARD_HEIGHT = NORTH - SOUTH;
const POPULATION_RANGE: [number, number] = [520, 1580];
const COORDINATE_SCALE = 1e6;

export const wardCode = (number: number) => `W${String(number).padStart(2, '0')}`;

export function buildDistrict({ wards, groupsPerWard, seed }: DistrictOptions): DistrictGroup[] {
	if (!(Number.isInteger(wards) && wards >= 1 && Number.isInteger(groupsPerWard) && groupsPerWard >= 1))
		throw new RangeError('wards and groups per ward must be whole numbers from 1');
	const [rows, columns] = gridOf(groupsPerWard);
	const wardColumns = Math.ceil(Math.sqrt(wards));
	const rng = mulberry32(streamSeed(seed, 2));
	// Every vertex from its whole-number position on the district's grid, so two wards compute a shared one alike.
	const vertex = (x: number, y: number): Point => [
		Math.round((WEST + (x * WARD_WIDTH) / columns) * COORDINATE_SCALE) / COORDINATE_SCALE,
		Math.round((NORTH - (y * WARD_HEIGHT) / rows) * COORDINATE_SCALE) / COORDINATE_SCALE
	];
	const groups: DistrictGroup[] = [];
	for (let w = 0; w < wards; w++) {
		const [wardX, wardY] = [(w % wardColumns) * columns, Math.floor(w / wardColumns) * rows];
		for (let g = 0; g < groupsPerWard; g++) {
			const [x, y] = [wardX + (g % columns), wardY + Math.floor(g / columns)];
			const population = integerBetween(rng, ...POPULATION_RANGE);
			groups.push({
				code: `${wardCode(w + 1)}-TDP${String(g + 1).padStart(2, '0')}`,
				name: `Tổ dân phố ${g + 1}`,
				population,
				households: Math.round(population / 3.6),
				// Counter-clockwise, as RFC 7946 asks of outer rings.
				ring: [vertex(x, y + 1), vertex(x + 1, y + 1), vertex(x + 1, y), vertex(x, y)],
				wardCode: wardCode(w + 1),
				wardName: `Phường ${w + 1} (mô phỏng)`
			});
		}
	}
	return groups;
}

/** Rows × columns of a ward's groups: the most nearly square whole grid (50 → 5 × 10, 48 → 6 × 8). */
function gridOf(count: number): [number, number] {
	let rows = Math.floor(Math.sqrt(count));
	while (count % rows !== 0) rows -= 1;
	return [rows, count / rows];
}

export function generateDistrict(options: DistrictOptions = DEFAULT_DISTRICT): { groupsGeojson: string; casesCsv: string } {
	const groups = buildDistrict(options);
	const hot = groups.filter((group) => group.wardCode === HOT_WARD).map((group) => group.code);
	const ward: DemoWard = { groups, clusters: { persistent: hot, emerging: [], diminishing: [] } };
	// The hot ward's groups count three times, so that about `cases` are drawn in all.
	const weighted = groups.reduce((sum, group) => sum + group.population * (group.wardCode === HOT_WARD ? 3 : 1), 0);
	const rate = options.cases ? (options.cases / weighted / (DEMO_MONTH_COUNT / 12)) * 1000 : undefined;
	const cases = generateCases(ward, options.seed, rate);
	const wardOf = new Map(groups.map((group) => [group.code, group.wardCode]));
	return { groupsGeojson: groupsToGeojson(groups), casesCsv: casesToCsv(cases, wardOf) };
}

function groupsToGeojson(groups: readonly DistrictGroup[]): string {
	const features = groups.map((group) =>
		JSON.stringify({
			type: 'Feature',
			properties: {
				group_code: group.code,
				name: group.name,
				population: group.population,
				households: group.households,
				ward_code: group.wardCode,
				ward_name: group.wardName
			},
			geometry: { type: 'Polygon', coordinates: [[...group.ring, group.ring[0]]] }
		})
	);
	return `{\n"type": "FeatureCollection",\n"synthetic": true,\n"features": [\n${features.join(',\n')}\n]\n}\n`;
}

/** `--name value` pairs of the command line; a bad one is an error naming it. */
function readArguments(args: readonly string[]): DistrictOptions & { out: string } {
	const options: DistrictOptions & { out?: string } = { ...DEFAULT_DISTRICT };
	const whole = (name: string, raw: string | undefined) => {
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number from 1, not ${raw}`);
		return value;
	};
	for (let i = 0; i < args.length; i += 2) {
		const [name, value] = [args[i], args[i + 1]];
		if (name === '--wards') options.wards = whole(name, value);
		else if (name === '--groups') options.groupsPerWard = whole(name, value);
		else if (name === '--cases') options.cases = whole(name, value);
		else if (name === '--seed') options.seed = whole(name, value);
		else if (name === '--out' && value) options.out = value;
		else throw new Error(`unknown or incomplete option: ${name}`);
	}
	if (!options.out) throw new Error('--out DIR is required');
	return options as DistrictOptions & { out: string };
}

async function main(): Promise<void> {
	const { mkdirSync, writeFileSync } = await import('node:fs');
	const { join, resolve } = await import('node:path');
	let options;
	try {
		options = readArguments(process.argv.slice(2));
	} catch (error) {
		console.error(`district: ${(error as Error).message}`);
		process.exit(2);
	}
	// npm runs scripts from the project's folder; INIT_CWD is where the user typed the command.
	const out = resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
	const { groupsGeojson, casesCsv } = generateDistrict(options);
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'groups.geojson'), groupsGeojson);
	writeFileSync(join(out, 'cases.csv'), casesCsv);
	console.error(`district: ${options.wards} wards × ${options.groupsPerWard} groups, ${casesCsv.split('\n').length - 2} cases → ${out}`);
}

if (await isRunAsScript(import.meta.url)) await main();
