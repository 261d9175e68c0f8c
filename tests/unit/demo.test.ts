import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../data/demo/generate';
import { WARD_EXTENT, WARD_OUTLINE } from '../../data/demo/outline';
import {
	DIMINISHING_CLUSTER,
	EMERGING_CLUSTER,
	PERSISTENT_CLUSTER,
	PLANTED_CLUSTERS,
	SEASONAL_SWING
} from '../../data/demo/patterns';
import { CATEGORY_CODES } from '../../src/lib/core/schema/categories';
import { CASE_COLUMNS } from '../../src/lib/core/schema/model';
import { SOURCE_CODES } from '../../src/lib/core/schema/sources';
import { STATUS_CODES } from '../../src/lib/core/schema/statuses';

type Position = [number, number];

interface GroupFeature {
	type: string;
	properties: Record<string, unknown> & { group_code: string; population: number; households: number };
	geometry: { type: string; coordinates: Position[][] };
}

interface CaseRow {
	case_id: string;
	reported_on: string;
	group_code: string;
	category: string;
	status: string;
	resolved_on: string;
	severity: string;
	source: string;
	repeat: string;
	lat: string;
	lon: string;
}

const [WEST, SOUTH, EAST, NORTH] = WARD_EXTENT;
const demo = generateDemo();
const collection = JSON.parse(demo.groupsGeojson) as {
	type: string;
	name: string;
	synthetic: boolean;
	features: GroupFeature[];
};
const features = collection.features;
const groupByCode = new Map(features.map((feature) => [feature.properties.group_code, feature]));
const csvLines = demo.casesCsv.split('\n');
const cases: CaseRow[] = csvLines.slice(1, -1).map((line) => {
	const fields = line.split(',');
	return Object.fromEntries(CASE_COLUMNS.map((column, index) => [column, fields[index]])) as unknown as CaseRow;
});

// Geometry is checked in a local equirectangular projection of its own, independent of the generator's.
const KM_PER_DEGREE = 111.195;
const KM_PER_DEGREE_LON = KM_PER_DEGREE * Math.cos((((SOUTH + NORTH) / 2) * Math.PI) / 180);

function areaKm2(ring: readonly Position[]): number {
	let twice = 0;
	for (let i = 0; i < ring.length; i++) {
		const [lon0, lat0] = ring[i];
		const [lon1, lat1] = ring[(i + 1) % ring.length];
		const [x0, y0] = [(lon0 - WEST) * KM_PER_DEGREE_LON, (lat0 - SOUTH) * KM_PER_DEGREE];
		const [x1, y1] = [(lon1 - WEST) * KM_PER_DEGREE_LON, (lat1 - SOUTH) * KM_PER_DEGREE];
		twice += x0 * y1 - x1 * y0;
	}
	return twice / 2;
}

function openRing(feature: GroupFeature): Position[] {
	return feature.geometry.coordinates[0].slice(0, -1);
}

function inside([x, y]: Position, ring: readonly Position[]): boolean {
	let result = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
	}
	return result;
}

function orientation(a: Position, b: Position, c: Position): number {
	return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
	const o1 = orientation(a, b, c);
	const o2 = orientation(a, b, d);
	const o3 = orientation(c, d, a);
	const o4 = orientation(c, d, b);
	if (o1 !== o2 && o3 !== o4) return true;
	const onSegment = (p: Position, q: Position, r: Position) =>
		Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
	return (
		(o1 === 0 && onSegment(a, b, c)) ||
		(o2 === 0 && onSegment(a, b, d)) ||
		(o3 === 0 && onSegment(c, d, a)) ||
		(o4 === 0 && onSegment(c, d, b))
	);
}

/** No two edges meet except consecutive ones at their shared vertex. */
function isSimple(ring: readonly Position[]): boolean {
	const n = ring.length;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			if (j === i + 1 || (i === 0 && j === n - 1)) continue;
			if (segmentsMeet(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return false;
		}
	}
	return true;
}

const vertexKey = ([lon, lat]: Position) => `${lon} ${lat}`;

const adjacency = (() => {
	const codesAt = new Map<string, Set<string>>();
	for (const feature of features) {
		for (const vertex of openRing(feature)) {
			const key = vertexKey(vertex);
			if (!codesAt.has(key)) codesAt.set(key, new Set());
			codesAt.get(key)!.add(feature.properties.group_code);
		}
	}
	const neighbours = new Map<string, Set<string>>(features.map((f) => [f.properties.group_code, new Set<string>()]));
	for (const codes of codesAt.values()) {
		for (const a of codes) for (const b of codes) if (a !== b) neighbours.get(a)!.add(b);
	}
	return neighbours;
})();

function connected(codes: readonly string[]): boolean {
	const reached = new Set([codes[0]]);
	const queue = [codes[0]];
	while (queue.length > 0) {
		const code = queue.pop()!;
		for (const next of adjacency.get(code)!) {
			if (codes.includes(next) && !reached.has(next)) {
				reached.add(next);
				queue.push(next);
			}
		}
	}
	return reached.size === codes.length;
}

const population = (codes: readonly string[]) =>
	codes.reduce((sum, code) => sum + groupByCode.get(code)!.properties.population, 0);
const totalPopulation = features.reduce((sum, feature) => sum + feature.properties.population, 0);

/** Cases per resident in the given groups (or all other groups) between two dates, inclusive. */
function rate(codes: readonly string[], from: string, to: string, others = false): number {
	const members = new Set(codes);
	const count = cases.filter(
		(row) => members.has(row.group_code) !== others && row.reported_on >= from && row.reported_on <= to
	).length;
	return count / (others ? totalPopulation - population(codes) : population(codes));
}

function daysBetween(from: string, to: string): number {
	return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function isIsoDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

describe('demo generator', () => {
	it('gives the same bytes for the same seed, and other bytes for another', () => {
		const again = generateDemo(DEMO_SEED);
		expect(again.groupsGeojson).toBe(demo.groupsGeojson);
		expect(again.casesCsv).toBe(demo.casesCsv);
		const other = generateDemo(DEMO_SEED + 1);
		expect(other.groupsGeojson).not.toBe(demo.groupsGeojson);
		expect(other.casesCsv).not.toBe(demo.casesCsv);
	});

	it('matches the committed files', () => {
		const read = (name: string) => readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8');
		expect(read('groups.geojson')).toBe(demo.groupsGeojson);
		expect(read('cases.csv')).toBe(demo.casesCsv);
	});
});

describe('demo ward outline', () => {
	it('has 12–30 vertices inside the extent, touching all four sides', () => {
		expect(WARD_OUTLINE.length).toBeGreaterThanOrEqual(12);
		expect(WARD_OUTLINE.length).toBeLessThanOrEqual(30);
		for (const [lon, lat] of WARD_OUTLINE) {
			expect(lon).toBeGreaterThanOrEqual(WEST);
			expect(lon).toBeLessThanOrEqual(EAST);
			expect(lat).toBeGreaterThanOrEqual(SOUTH);
			expect(lat).toBeLessThanOrEqual(NORTH);
		}
		const lons = WARD_OUTLINE.map(([lon]) => lon);
		const lats = WARD_OUTLINE.map(([, lat]) => lat);
		expect(Math.min(...lons) - WEST).toBeLessThan(0.0002);
		expect(EAST - Math.max(...lons)).toBeLessThan(0.0002);
		expect(Math.min(...lats) - SOUTH).toBeLessThan(0.0002);
		expect(NORTH - Math.max(...lats)).toBeLessThan(0.0002);
	});

	it('is a simple counter-clockwise ring of about 1.6 km²', () => {
		const area = areaKm2(WARD_OUTLINE as Position[]);
		expect(area).toBeGreaterThanOrEqual(1.4);
		expect(area).toBeLessThanOrEqual(1.8);
		expect(isSimple(WARD_OUTLINE as Position[])).toBe(true);
	});
});

describe('groups.geojson', () => {
	it('is a FeatureCollection marked as synthetic', () => {
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.name).toBe('Phường Vĩnh Tuy (dữ liệu mô phỏng)');
		expect(collection.synthetic).toBe(true);
		expect(demo.groupsGeojson.length).toBeLessThan(150_000);
	});

	it('has 40–60 groups numbered TDP01… with exactly the four properties', () => {
		expect(features.length).toBeGreaterThanOrEqual(40);
		expect(features.length).toBeLessThanOrEqual(60);
		features.forEach((feature, index) => {
			const number = index + 1;
			expect(feature.type).toBe('Feature');
			expect(Object.keys(feature.properties).sort()).toEqual(['group_code', 'households', 'name', 'population']);
			expect(feature.properties.group_code).toBe(`TDP${String(number).padStart(2, '0')}`);
			expect(feature.properties.name).toBe(`Tổ dân phố ${number}`);
		});
	});

	it('has populations of 500–1,600 summing to 47,000 ± 1,000, about 3.6 people a household', () => {
		for (const { properties } of features) {
			expect(Number.isInteger(properties.population)).toBe(true);
			expect(Number.isInteger(properties.households)).toBe(true);
			expect(properties.population).toBeGreaterThanOrEqual(500);
			expect(properties.population).toBeLessThanOrEqual(1600);
			expect(properties.population / properties.households).toBeGreaterThan(3.3);
			expect(properties.population / properties.households).toBeLessThan(3.9);
		}
		expect(Math.abs(totalPopulation - 47_000)).toBeLessThanOrEqual(1000);
	});

	it('has valid single-ring polygons inside the extent', () => {
		for (const feature of features) {
			expect(feature.geometry.type).toBe('Polygon');
			expect(feature.geometry.coordinates).toHaveLength(1);
			const closed = feature.geometry.coordinates[0];
			expect(closed.length).toBeGreaterThanOrEqual(4);
			expect(closed[closed.length - 1]).toEqual(closed[0]);
			const ring = openRing(feature);
			ring.forEach((vertex, i) => {
				const [lon, lat] = vertex;
				expect(vertexKey(vertex)).not.toBe(vertexKey(ring[(i + 1) % ring.length]));
				expect(lon).toBeGreaterThanOrEqual(WEST);
				expect(lon).toBeLessThanOrEqual(EAST);
				expect(lat).toBeGreaterThanOrEqual(SOUTH);
				expect(lat).toBeLessThanOrEqual(NORTH);
				expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
				expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
			});
			expect(areaKm2(ring), feature.properties.group_code).toBeGreaterThan(0);
			expect(isSimple(ring), feature.properties.group_code).toBe(true);
		}
	});

	it('tiles the outline: shared edges match exactly and the free edges trace the outline', () => {
		const groupArea = features.reduce((sum, feature) => sum + areaKm2(openRing(feature)), 0);
		const outlineArea = areaKm2(WARD_OUTLINE as Position[]);
		expect(Math.abs(groupArea - outlineArea) / outlineArea).toBeLessThan(0.001);
		const edgeUses = new Map<string, number>();
		for (const feature of features) {
			const ring = openRing(feature);
			ring.forEach((vertex, i) => {
				const key = [vertexKey(vertex), vertexKey(ring[(i + 1) % ring.length])].sort().join('|');
				edgeUses.set(key, (edgeUses.get(key) ?? 0) + 1);
			});
		}
		const freeVertices = new Set<string>();
		for (const [key, uses] of edgeUses) {
			expect(uses).toBeLessThanOrEqual(2);
			if (uses === 1) for (const vertex of key.split('|')) freeVertices.add(vertex);
		}
		for (const vertex of WARD_OUTLINE) expect(freeVertices.has(vertexKey(vertex as Position))).toBe(true);
		for (const key of freeVertices) {
			const [lon, lat] = key.split(' ').map(Number);
			const nearOutline = WARD_OUTLINE.some((a, i) => {
				const b = WARD_OUTLINE[(i + 1) % WARD_OUTLINE.length];
				const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
				const t = Math.max(0, Math.min(1, ((lon - a[0]) * dx + (lat - a[1]) * dy) / (dx * dx + dy * dy)));
				return Math.hypot(lon - (a[0] + t * dx), lat - (a[1] + t * dy)) < 2e-6;
			});
			expect(nearOutline, key).toBe(true);
		}
	});

	it('forms one connected neighbourhood graph', () => {
		expect(connected(features.map((feature) => feature.properties.group_code))).toBe(true);
		for (const neighbours of adjacency.values()) expect(neighbours.size).toBeGreaterThanOrEqual(2);
	});
});

describe('cases.csv', () => {
	it('is plain UTF-8 CSV with LF endings and the exact header', () => {
		expect(demo.casesCsv.charCodeAt(0)).not.toBe(0xfeff);
		expect(demo.casesCsv).not.toContain('\r');
		expect(demo.casesCsv).not.toContain('"');
		expect(demo.casesCsv.endsWith('\n')).toBe(true);
		expect(csvLines[0]).toBe('case_id,reported_on,group_code,category,status,resolved_on,severity,source,repeat,lat,lon');
		for (const line of csvLines.slice(1, -1)) expect(line.split(',')).toHaveLength(11);
	});

	it('has unique case ids numbered within the year of report', () => {
		expect(new Set(cases.map((row) => row.case_id)).size).toBe(cases.length);
		for (const row of cases) {
			expect(row.case_id).toMatch(/^VV-\d{4}-\d{4}$/);
			expect(row.case_id.slice(3, 7)).toBe(row.reported_on.slice(0, 4));
		}
	});

	it('has valid codes, dates and optional fields', () => {
		for (const row of cases) {
			expect(isIsoDate(row.reported_on), row.case_id).toBe(true);
			expect(row.reported_on >= '2018-01-01' && row.reported_on <= '2020-12-31').toBe(true);
			expect(groupByCode.has(row.group_code), row.case_id).toBe(true);
			expect(CATEGORY_CODES).toContain(row.category);
			expect(STATUS_CODES).toContain(row.status);
			expect(['', '1', '2', '3']).toContain(row.severity);
			expect(['', ...SOURCE_CODES]).toContain(row.source);
			expect(['', 'true', 'false']).toContain(row.repeat);
		}
		for (const column of ['severity', 'source', 'repeat', 'lat'] as const) {
			const empty = cases.filter((row) => row[column] === '').length;
			expect(empty, column).toBeGreaterThan(0);
			expect(empty / cases.length, column).toBeLessThan(0.15);
		}
		expect(new Set(cases.map((row) => row.category)).size).toBe(CATEGORY_CODES.length);
		expect(new Set(cases.map((row) => row.status)).size).toBe(STATUS_CODES.length);
	});

	it('has a few hundred cases a year, small counts per group and month', () => {
		for (const year of ['2018', '2019', '2020']) {
			const count = cases.filter((row) => row.reported_on.startsWith(year)).length;
			expect(count, year).toBeGreaterThanOrEqual(330);
			expect(count, year).toBeLessThanOrEqual(420);
		}
		const perGroupMonth = new Map<string, number>();
		for (const row of cases) {
			const key = `${row.group_code} ${row.reported_on.slice(0, 7)}`;
			perGroupMonth.set(key, (perGroupMonth.get(key) ?? 0) + 1);
		}
		const cells = features.length * 36;
		expect(cases.length / cells).toBeLessThan(1);
		expect(Math.max(...perGroupMonth.values())).toBeLessThanOrEqual(12);
	});

	it('dates every resolved case 1–90 days after report, and only resolved cases', () => {
		for (const row of cases) {
			if (row.status !== 'resolved') {
				expect(row.resolved_on, row.case_id).toBe('');
				continue;
			}
			expect(isIsoDate(row.resolved_on), row.case_id).toBe(true);
			expect(row.resolved_on <= '2020-12-31').toBe(true);
			const days = daysBetween(row.reported_on, row.resolved_on);
			expect(days, row.case_id).toBeGreaterThanOrEqual(1);
			expect(days, row.case_id).toBeLessThanOrEqual(90);
		}
	});

	it('has mostly settled old cases, mostly open recent ones, and a handful open too long', () => {
		const share = (rows: CaseRow[], statuses: string[]) =>
			rows.filter((row) => statuses.includes(row.status)).length / rows.length;
		const older = cases.filter((row) => row.reported_on < '2020-10-01');
		expect(share(older, ['resolved'])).toBeGreaterThanOrEqual(0.65);
		expect(share(older, ['resolved'])).toBeLessThanOrEqual(0.75);
		expect(share(older, ['escalated'])).toBeGreaterThan(0);
		expect(share(older, ['escalated'])).toBeLessThan(0.05);
		expect(share(older, ['transferred'])).toBeGreaterThan(share(older, ['escalated']));
		const recent = cases.filter((row) => row.reported_on >= '2020-11-01');
		expect(share(recent, ['received', 'mediating'])).toBeGreaterThan(0.5);
		const openTooLong = cases.filter(
			(row) => row.reported_on < '2020-07-01' && (row.status === 'received' || row.status === 'mediating')
		).length;
		expect(openTooLong).toBeGreaterThanOrEqual(2);
		expect(openTooLong).toBeLessThanOrEqual(25);
	});

	it('locates cases, when at all, inside their group to 4 decimals', () => {
		for (const row of cases) {
			expect(row.lat === '', row.case_id).toBe(row.lon === '');
			if (row.lat === '') continue;
			expect(row.lat).toMatch(/^\d+\.\d{4}$/);
			expect(row.lon).toMatch(/^\d+\.\d{4}$/);
			const point: Position = [Number(row.lon), Number(row.lat)];
			expect(inside(point, openRing(groupByCode.get(row.group_code)!)), row.case_id).toBe(true);
		}
	});
});

describe('planted patterns', () => {
	const clusters = Object.values(PLANTED_CLUSTERS);

	it('name existing, disjoint, connected clusters of the planned sizes', () => {
		expect(PERSISTENT_CLUSTER.codes.length).toBeGreaterThanOrEqual(3);
		expect(PERSISTENT_CLUSTER.codes.length).toBeLessThanOrEqual(5);
		for (const cluster of [EMERGING_CLUSTER, DIMINISHING_CLUSTER]) {
			expect(cluster.codes.length).toBeGreaterThanOrEqual(2);
			expect(cluster.codes.length).toBeLessThanOrEqual(4);
		}
		const all = clusters.flatMap((cluster) => [...cluster.codes]);
		expect(new Set(all).size).toBe(all.length);
		for (const cluster of clusters) {
			expect(cluster.explanation.length).toBeGreaterThan(20);
			for (const code of cluster.codes) expect(groupByCode.has(code), code).toBe(true);
			for (const code of cluster.codes) {
				const touchesAnother = cluster.codes.some((other) => other !== code && adjacency.get(code)!.has(other));
				expect(touchesAnother, code).toBe(true);
			}
			expect(connected(cluster.codes)).toBe(true);
		}
	});

	it('keeps the clusters apart: none touches another', () => {
		for (const a of clusters) {
			for (const b of clusters) {
				if (a === b) continue;
				for (const code of a.codes) {
					for (const other of b.codes) expect(adjacency.get(code)!.has(other), `${code}–${other}`).toBe(false);
				}
			}
		}
	});

	it('persistent: at least twice the rest of the ward per resident, every year', () => {
		for (const year of ['2018', '2019', '2020']) {
			const from = `${year}-01-01`;
			const to = `${year}-12-31`;
			const ratio = rate(PERSISTENT_CLUSTER.codes, from, to) / rate(PERSISTENT_CLUSTER.codes, from, to, true);
			expect(ratio, year).toBeGreaterThanOrEqual(2);
		}
	});

	it('emerging: ordinary until mid-2020, then at least three times its own rate in Sep–Dec 2020', () => {
		const codes = EMERGING_CLUSTER.codes;
		const before = rate(codes, '2018-01-01', '2020-06-30') / 30;
		const after = rate(codes, '2020-09-01', '2020-12-31') / 4;
		expect(after / before).toBeGreaterThanOrEqual(3);
		const restBefore = rate(codes, '2018-01-01', '2020-06-30', true) / 30;
		expect(before / restBefore).toBeLessThan(1.5);
	});

	it('diminishing: at least twice as high in 2018 as in 2020, ordinary by 2020', () => {
		const codes = DIMINISHING_CLUSTER.codes;
		const in2018 = rate(codes, '2018-01-01', '2018-12-31');
		const in2020 = rate(codes, '2020-01-01', '2020-12-31');
		expect(in2018 / in2020).toBeGreaterThanOrEqual(2);
		expect(in2018 / rate(codes, '2018-01-01', '2018-12-31', true)).toBeGreaterThanOrEqual(2);
		expect(in2020 / rate(codes, '2020-01-01', '2020-12-31', true)).toBeLessThan(1.5);
	});

	it('seasonal: peak months are at least 1.5× the trough months', () => {
		const monthlyMean = (months: readonly number[], category?: string) =>
			cases.filter(
				(row) => months.includes(Number(row.reported_on.slice(5, 7))) && (!category || row.category === category)
			).length / months.length;
		const complement = (months: readonly number[]) =>
			[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((month) => !months.includes(month));
		expect(monthlyMean(SEASONAL_SWING.peakMonths) / monthlyMean(SEASONAL_SWING.troughMonths)).toBeGreaterThanOrEqual(1.5);
		const { neighbourPeakMonths, spontaneousPeakMonths } = SEASONAL_SWING;
		expect(
			monthlyMean(neighbourPeakMonths, 'neighbour') / monthlyMean(complement(neighbourPeakMonths), 'neighbour')
		).toBeGreaterThanOrEqual(1.5);
		expect(
			monthlyMean(spontaneousPeakMonths, 'spontaneous') / monthlyMean(complement(spontaneousPeakMonths), 'spontaneous')
		).toBeGreaterThanOrEqual(1.5);
	});
});
