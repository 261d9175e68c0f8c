import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap } from './browser';
import { pagePerFile } from './perFile';
import { decodePng } from './png';

/*
 * Groups without polygons, and a workbook whose cases are on its second sheet, imported as a user does on the
 * Data tab.page. Expected counts come from the demo files, read here with a plain split.
 */

const demoGroups = JSON.parse(readFileSync('data/demo/groups.geojson', 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
const demoCases = readFileSync('data/demo/cases.csv', 'utf8');
const caseDates = demoCases
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',')[1]);
const BACKGROUND = [0xf3, 0xf1, 0xec];

/** Each demo group's centre: the mean of its ring's vertices (the ring is closed, so its first vertex once). */
function centre(polygon: GeoJSON.Polygon): [number, number] {
	const ring = polygon.coordinates[0].slice(1);
	const mean = (axis: 0 | 1) => ring.reduce((sum, point) => sum + point[axis], 0) / ring.length;
	return [Number(mean(0).toFixed(6)), Number(mean(1).toFixed(6))];
}

const centresCsv = [
	'Mã tổ,Tên tổ,Dân số,Kinh độ,Vĩ độ',
	...demoGroups.features.map(({ properties, geometry }) => {
		const [lon, lat] = centre(geometry);
		return [properties!.group_code, properties!.name, properties!.population, lon, lat].join(',');
	})
].join('\n');

const tab = pagePerFile();

async function choose(files: { name: string; buffer: Buffer }[]) {
	await tab.page.goto(`${BASE_URL}/data`);
	await tab.page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
	await tab.page.getByTestId('import-input').setInputFiles(files.map((file) => ({ ...file, mimeType: 'application/octet-stream' })));
}

async function report(testid: string) {
	const element = tab.page.getByTestId(testid);
	await element.waitFor({ timeout: 60_000 });
	const read = async (name: string) => Number(await element.getAttribute(`data-${name}`));
	return { read: await read('read'), accepted: await read('accepted'), rejected: await read('rejected') };
}

async function dashboard(query: string) {
	await tab.page.goto(`${BASE_URL}/${query}`);
	await waitForMap(tab.page);
	return {
		// Shown with Vietnamese digit grouping: 1.114
		total: Number((await tab.page.getByTestId('kpi-total').textContent())!.replace(/\./g, '')),
		layout: await tab.page.getByTestId('map-layout').getAttribute('data-layout')
	};
}

/** Share of the map's middle that is painted, not background: HTML overlays hidden, so only the canvas counts. */
async function paintedShare(): Promise<number> {
	await tab.page.addStyleTag({
		content: '[data-testid="map"] > :not(.map-area), .map-area > :not(.map) { visibility: hidden !important; }'
	});
	const shot = decodePng(await tab.page.getByTestId('map').screenshot());
	let painted = 0;
	let total = 0;
	for (let y = Math.floor(shot.height * 0.25); y < shot.height * 0.75; y++) {
		for (let x = Math.floor(shot.width * 0.25); x < shot.width * 0.75; x++) {
			const i = (y * shot.width + x) * 4;
			total++;
			if (BACKGROUND.some((value, channel) => Math.abs(shot.data[i + channel] - value) > 6)) painted++;
		}
	}
	return painted / total;
}

describe('groups without polygons, and a workbook of several sheets', () => {
	test('a groups CSV of centre points with the demo cases: cells on the map, every case counted', async () => {
		await choose([
			{ name: 'to-dan-pho.csv', buffer: Buffer.from(centresCsv) },
			{ name: 'cases.csv', buffer: Buffer.from(demoCases) }
		]);
		expect(await tab.page.getByTestId('import-groups-layout').getAttribute('data-layout')).toBe('voronoi');
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('import-report-groups')).toEqual({ read: 48, accepted: 48, rejected: 0 });
		expect(await report('import-report')).toEqual({ read: caseDates.length, accepted: caseDates.length, rejected: 0 });
		expect(await tab.page.getByTestId('datasets-layout').getAttribute('data-layout')).toBe('voronoi');

		const in2019 = caseDates.filter((date) => date.startsWith('2019-')).length;
		expect(await dashboard('?from=2019-01-01&to=2019-12-31')).toEqual({ total: in2019, layout: 'voronoi' });
		expect(await paintedShare()).toBeGreaterThan(0.5);
	});

	test('on a map drawn from centre points the "approximate map" note covers no group', async () => {
		for (const path of ['/?from=2019-01-01&to=2019-12-31', '/briefing?from=2019-01-01&to=2019-12-31']) {
			await tab.page.goto(`${BASE_URL}${path}`);
			await waitForMap(tab.page);
			const note = (await tab.page.getByTestId('map-layout').boundingBox())!;
			const canvas = (await tab.page.getByTestId('map').locator('canvas').boundingBox())!;
			expect(note.y + note.height, path).toBeLessThanOrEqual(canvas.y + 0.5);
			const labels = await tab.page.getByTestId('map').locator('.label').evaluateAll((spans) =>
				spans.map((span) => {
					const box = span.getBoundingClientRect();
					return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
				})
			);
			expect(labels.length, path).toBe(48);
			const covered = labels.filter(({ x, y }) => x >= note.x && x <= note.x + note.width && y >= note.y && y <= note.y + note.height);
			expect(covered, path).toEqual([]);
		}
	});

	test('a workbook whose cases are on the second sheet: that sheet is preselected, the user may pick another', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Hướng dẫn').addRow(['Danh sách vụ việc ở trang tính bên cạnh.']);
		const sheet = workbook.addWorksheet('Vụ việc');
		sheet.addRow(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng']);
		for (let i = 0; i < 12; i++) sheet.addRow([`XL-${i}`, new Date(Date.UTC(2021, 0, 2 + i)), `TDP${String(i + 1).padStart(2, '0')}`, 'Khác', 'Mới tiếp nhận']);
		await choose([{ name: 'hai-trang.xlsx', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) }]);

		const chooser = tab.page.getByTestId('import-sheet');
		await chooser.waitFor();
		expect(await chooser.inputValue()).toBe('Vụ việc');
		expect(await tab.page.getByTestId('mapping-reported_on').inputValue()).toBe('1');
		await chooser.selectOption('Hướng dẫn');
		await expect.poll(() => tab.page.getByTestId('mapping-reported_on').inputValue()).toBe('');
		expect(await tab.page.getByTestId('import-confirm').isDisabled()).toBe(true);
		await tab.page.getByTestId('import-sheet').selectOption('Vụ việc');
		await expect.poll(() => tab.page.getByTestId('mapping-reported_on').inputValue()).toBe('1');
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('import-report')).toEqual({ read: 12, accepted: 12, rejected: 0 });
		expect((await dashboard('?from=2021-01-01&to=2021-12-31')).total).toBe(12);
	});

	test('a groups table of codes alone: the map still draws, on a schematic grid', async () => {
		const codes = ['Mã tổ,Tên tổ', ...demoGroups.features.map(({ properties }) => `${properties!.group_code},${properties!.name}`)].join('\n');
		await choose([
			{ name: 'to.csv', buffer: Buffer.from(codes) },
			{ name: 'cases.csv', buffer: Buffer.from(demoCases) }
		]);
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('import-report')).toEqual({ read: caseDates.length, accepted: caseDates.length, rejected: 0 });
		expect(await dashboard('?from=2018-01-01&to=2020-12-31')).toEqual({ total: caseDates.length, layout: 'tiles' });
		expect(await paintedShare()).toBeGreaterThan(0.5);
		// Without positions the groups have no neighbours; the hotspot modes still draw.
		for (const mode of ['gistar', 'lisa', 'emerging']) {
			expect((await dashboard(`?from=2020-01-01&to=2020-12-31&mode=${mode}`)).layout, mode).toBe('tiles');
		}
		expect(tab.errors).toEqual([]);
	});
});
