import { describe, expect, it } from 'vitest';
import { queenContiguity } from '$lib/core/analysis';
import { cellsFromCentres, pointInRing, type LonLat } from '$lib/core/geo/cells';
import { drawnGroups } from '$lib/core/geo/layout';
import { readGroupsTable } from '$lib/core/import/groupsTable';
import { parseCsv } from '$lib/core/import/readCsv';
import { ImportError } from '$lib/core/import/report';

const HEADER = 'Mã tổ;Tên tổ;Số nhân khẩu;Số hộ;Vĩ độ;Kinh độ';

/** 3 × 3 groups 0.002° apart, row by row from the south-west; decimal commas as a Vietnamese export writes them. */
function gridRows(): string[] {
	return Array.from({ length: 9 }, (_, k) => {
		const lat = (21.02 + Math.floor(k / 3) * 0.002).toFixed(3).replace('.', ',');
		const lon = (105.84 + (k % 3) * 0.002).toFixed(3).replace('.', ',');
		return `TDP${k + 1};Tổ dân phố số ${k + 1};1.234;${300 + k};${lat};${lon}`;
	});
}

const csv = (lines: string[]) => parseCsv('to-dan-pho.csv', [HEADER, ...lines].join('\r\n'));
/** The shapes the map draws for the groups (the table keeps only their centres). */
const drawn = (groups: Parameters<typeof drawnGroups>[0]) => drawnGroups(groups).groups;

describe('readGroupsTable', () => {
	it('reads Vietnamese headers and lays groups with centres out as Voronoi cells', () => {
		const { groups, report, layout, withoutCentre, sharedCentres } = readGroupsTable(csv(gridRows()));
		expect(layout).toBe('voronoi');
		expect(withoutCentre).toEqual([]);
		expect(sharedCentres).toEqual([]);
		expect(report).toEqual({ file: 'to-dan-pho.csv', read: 9, accepted: 9, rejected: 0, updated: 0, rejections: [] });
		expect(groups[0]).toMatchObject({ group_code: 'TDP1', name: 'Tổ dân phố số 1', population: 1234, households: 300 });
		expect(groups[0].geometry).toEqual({ type: 'Point', coordinates: [105.84, 21.02] });
		const cells = drawn(groups);
		cells.forEach((group, k) => {
			expect(group.geometry?.type).toBe('Polygon');
			const centre: LonLat = [105.84 + (k % 3) * 0.002, 21.02 + Math.floor(k / 3) * 0.002];
			expect(pointInRing(centre, (group.geometry as GeoJSON.Polygon).coordinates[0] as LonLat[])).toBe(true);
		});
		const { neighbours } = queenContiguity(cells.map((group) => (group.geometry as GeoJSON.Polygon).coordinates));
		expect(neighbours.map((list) => list.length)).toEqual([3, 5, 3, 5, 8, 5, 3, 5, 3]);
	});

	it('rejects bad rows with their line and reason, keeping read = accepted + rejected', () => {
		const rows = gridRows();
		const table = csv([
			rows[0], // line 2
			';Tổ không mã;100;20;;', // line 3: no code
			rows[1], // line 4
			rows[0].replace('Tổ dân phố số 1', 'Bản sao'), // line 5: duplicate code
			'TDP20;Tổ 20;abc;10;;', // line 6: population not a number
			'TDP21;Tổ 21;100;-3;;', // line 7: negative households
			'TDP22;Tổ 22;100;10;21,02;', // line 8: lat without lon
			'TDP23;Tổ 23;100;10;abc;105,84', // line 9: lat not a number
			'TDP24;Tổ 24;100;10;105,84;21,02', // line 10: lat and lon swapped
			'TDP25;Tổ 25;100', // line 11: too few fields
			rows[2] // line 12
		]);
		const { groups, report } = readGroupsTable(table);
		expect(groups.map((group) => group.group_code)).toEqual(['TDP1', 'TDP2', 'TDP3']);
		expect(report.rejections).toEqual([
			{ line: 3, reason: 'missing_value', field: 'group_code' },
			{ line: 5, reason: 'duplicate_id', field: 'group_code' },
			{ line: 6, reason: 'invalid_number', field: 'population' },
			{ line: 7, reason: 'invalid_number', field: 'households' },
			{ line: 8, reason: 'missing_value', field: 'lon' },
			{ line: 9, reason: 'invalid_number', field: 'lat' },
			{ line: 10, reason: 'invalid_value', field: 'lat' },
			{ line: 11, reason: 'wrong_column_count', field: '' }
		]);
		expect(report).toMatchObject({ read: 11, accepted: 3, rejected: 8 });
		expect(report.read).toBe(report.accepted + report.rejected);
	});

	it('lays groups without any centre out as tiles', () => {
		const table = parseCsv('groups.csv', 'Mã tổ,Tên tổ,Số nhân khẩu\nA,Tổ A,10\nB,,\nC,Tổ C,30\nD,Tổ D,40\n');
		const { groups, layout, withoutCentre, report } = readGroupsTable(table);
		expect(layout).toBe('tiles');
		expect(withoutCentre).toEqual([]);
		expect(report).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
		expect(groups[1]).toMatchObject({ group_code: 'B', name: 'B', population: null, households: null, geometry: null });
		const { neighbours } = queenContiguity(drawn(groups).map((group) => (group.geometry as GeoJSON.Polygon).coordinates));
		expect(neighbours).toEqual([
			[1, 2, 3],
			[0, 2, 3],
			[0, 1, 3],
			[0, 1, 2]
		]);
	});

	it('falls back to tiles for all when only some groups have a centre, and says which lack one', () => {
		const rows = gridRows();
		const { groups, layout, withoutCentre } = readGroupsTable(csv([rows[0], 'TDP9;Tổ 9;100;10;;', rows[1]]));
		expect(layout).toBe('tiles');
		expect(withoutCentre).toEqual(['TDP9']);
		expect(drawn(groups).every((group) => group.geometry?.type === 'Polygon')).toBe(true);
	});

	it('falls back to tiles when two groups share a centre, naming them', () => {
		const rows = gridRows();
		const copy = rows[0].replace('TDP1;', 'TDP10;');
		const { layout, sharedCentres, report } = readGroupsTable(csv([rows[0], rows[1], copy]));
		expect(layout).toBe('tiles');
		expect(sharedCentres).toEqual([['TDP1', 'TDP10']]);
		expect(report.accepted).toBe(3);
	});

	it('rejects centres outside an outline; cells clipped to it stay inside', () => {
		const outline: LonLat[] = [
			[105.839, 21.019],
			[105.845, 21.019],
			[105.845, 21.025],
			[105.839, 21.025]
		];
		const rows = gridRows();
		const { groups, report, layout } = readGroupsTable(csv([...rows, 'TDP99;Ngoài phường;;;21,1;105,9']), undefined, {
			outline
		});
		expect(layout).toBe('voronoi');
		expect(report.rejections).toEqual([{ line: 11, reason: 'outside_ward', field: 'lat' }]);
		const centres = groups.map((group) => (group.geometry as GeoJSON.Point).coordinates as LonLat);
		for (const cell of cellsFromCentres(centres, outline)) {
			for (const [lon, lat] of cell.coordinates[0]) {
				expect(lon).toBeGreaterThanOrEqual(105.839);
				expect(lon).toBeLessThanOrEqual(105.845);
				expect(lat).toBeGreaterThanOrEqual(21.019);
				expect(lat).toBeLessThanOrEqual(21.025);
			}
		}
	});

	it('takes a confirmed mapping', () => {
		const table = parseCsv('g.csv', 'ma,ten\nX1,Tổ một\n');
		const { groups } = readGroupsTable(table, { group_code: 0, name: 1, population: null, households: null, lat: null, lon: null, ward_code: null, ward_name: null });
		expect(groups[0]).toMatchObject({ group_code: 'X1', name: 'Tổ một' });
	});

	it('refuses a table without a code column, or without any accepted row', () => {
		expect(() => readGroupsTable(parseCsv('g.csv', 'Tên tổ\nTổ 1\n'))).toThrow(ImportError);
		expect(() => readGroupsTable(parseCsv('g.csv', 'Tên tổ\nTổ 1\n'))).toThrowError(/missing_column: group_code/);
		expect(() => readGroupsTable(parseCsv('g.csv', 'Mã tổ,Tên tổ\n,Tổ 1\n'))).toThrowError(/no_groups/);
	});
});
