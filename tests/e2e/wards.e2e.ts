import { describe, expect, test } from 'vitest';
import { district, districtCases } from './districtFile';
import { BASE_URL, waitForMap } from './browser';
import { pagePerFile } from './perFile';

/*
 * A generated district of three wards, imported as a user does on the Data page, then seen ward by ward: the
 * ranking at level=ward against counts of the generated file (read here with a plain split), a ward clicked to see
 * its groups, and a reload that keeps the drill-down.
 */

const PERIOD = { from: '2020-01-01', to: '2020-12-31' };
const cases = districtCases;
const inPeriod = cases.filter(({ reportedOn }) => reportedOn >= PERIOD.from && reportedOn <= PERIOD.to);
const countBy = (key: 'ward' | 'group', rows = inPeriod) =>
	Object.fromEntries([...new Set(rows.map((row) => row[key]))].sort().map((code) => [code, rows.filter((row) => row[key] === code).length]));

const tab = pagePerFile();

/** Rows of the ranking as `code → count`, by the attribute the level gives them. */
async function rankingRows(attribute: 'data-ward' | 'data-group'): Promise<Record<string, number>> {
	const rows = tab.page.locator(`[data-testid="ranking"] tbody tr[${attribute}]`);
	await rows.first().waitFor({ timeout: 30_000 });
	const entries = await rows.evaluateAll(
		(elements, name) => elements.map((row) => [row.getAttribute(name)!, Number(row.getAttribute('data-count'))] as const),
		attribute
	);
	return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

const kpiTotal = async () => Number((await tab.page.getByTestId('kpi-total').textContent())!.replace(/\D/g, ''));

describe('a district of several wards', () => {
	test('a generated 3-ward district imported through the Data page: every group and case accepted', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await tab.page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
		await tab.page.getByTestId('import-input').setInputFiles([
			{ name: 'groups.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(district.groupsGeojson) },
			{ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(district.casesCsv) }
		]);
		await tab.page.getByTestId('import-confirm').click();
		const report = tab.page.getByTestId('import-report');
		await report.waitFor({ timeout: 60_000 });
		expect(await report.getAttribute('data-read')).toBe(String(cases.length));
		expect(await report.getAttribute('data-accepted')).toBe(String(cases.length));
	});

	test('level=ward ranks the wards: data-ward and data-count as counted from the file, the district total above', async () => {
		await tab.page.goto(`${BASE_URL}/?from=${PERIOD.from}&to=${PERIOD.to}`);
		await waitForMap(tab.page);
		await tab.page.getByTestId('level-ward').click();
		await tab.page.waitForURL(/level=ward/);
		await waitForMap(tab.page);
		expect(await rankingRows('data-ward')).toEqual(countBy('ward'));
		expect(await kpiTotal()).toBe(inPeriod.length);
	});

	test('a ward clicked drills down to its groups (level=group&ward=W02), and a reload keeps it', async () => {
		await tab.page.locator('[data-testid="ranking"] tr[data-ward="W02"]').click();
		await tab.page.waitForURL(/level=group/);
		expect(new URL(tab.page.url()).searchParams.get('ward')).toBe('W02');
		await waitForMap(tab.page);
		const ofW02 = inPeriod.filter(({ ward }) => ward === 'W02');
		const expectedGroups = Object.fromEntries(
			Array.from({ length: 12 }, (_, i) => `W02-TDP${String(i + 1).padStart(2, '0')}`).map((code) => [code, countBy('group', ofW02)[code] ?? 0])
		);
		expect(await rankingRows('data-group')).toEqual(expectedGroups);
		expect(await kpiTotal()).toBe(ofW02.length);

		await tab.page.reload();
		await waitForMap(tab.page);
		expect(new URL(tab.page.url()).searchParams.get('ward')).toBe('W02');
		expect(await rankingRows('data-group')).toEqual(expectedGroups);
		expect(await kpiTotal()).toBe(ofW02.length);
		expect(await tab.page.getByTestId('level-group').getAttribute('aria-pressed')).toBe('true');
		expect(tab.errors).toEqual([]);
	});

	test('a ward drilled into: the page says ready only once the map has drawn that ward, not while the wards are still on screen', async () => {
		// On the SQL path (`index=off`), where the answers come a frame or more after the click, as before the index is built.
		await tab.page.goto(`${BASE_URL}/?from=${PERIOD.from}&to=${PERIOD.to}&level=ward&index=off`);
		await tab.page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
		// Each time the page turns ready from now on: when, and when the map last finished drawing.
		await tab.page.evaluate(`(() => {
			const root = document.querySelector('[data-testid="dashboard"]');
			window.readyMoments = [];
			new MutationObserver(() => {
				if (root.getAttribute('data-ready') !== 'true') return;
				const drawn = performance.getEntriesByName('map:ready').at(-1);
				window.readyMoments.push({ at: performance.now(), drawn: drawn ? drawn.startTime : -1, view: root.getAttribute('data-view') });
			}).observe(root, { attributes: true, attributeFilter: ['data-ready'] });
		})()`);
		const clicked = (await tab.page.evaluate('performance.now()')) as number;
		await tab.page.locator('[data-testid="ranking"] tr[data-ward="W03"]').click();
		await tab.page.waitForURL(/level=group/);
		await tab.page.locator('[data-testid="dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
		const moments = (await tab.page.evaluate('window.readyMoments')) as { at: number; drawn: number; view: string }[];
		expect(moments.length).toBeGreaterThan(0);
		for (const moment of moments) {
			expect(new URLSearchParams(moment.view).get('ward')).toBe('W03');
			expect(moment.drawn).toBeGreaterThan(clicked);
		}
		const labels = await tab.page.getByTestId('map-group').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-group')));
		expect(labels).toHaveLength(12);
		expect(labels.every((code) => code!.startsWith('W03-'))).toBe(true);
	});

	test('the briefing for ward=W02 names the ward and counts its cases; without ward= it names the whole district', async () => {
		await tab.page.goto(`${BASE_URL}/briefing?from=${PERIOD.from}&to=${PERIOD.to}&ward=W02`);
		await waitForMap(tab.page);
		expect(await tab.page.getByTestId('briefing-area').textContent()).toBe('Địa bàn: Phường 2 (mô phỏng).');
		expect(await kpiTotal()).toBe(inPeriod.filter(({ ward }) => ward === 'W02').length);
		await tab.page.goto(`${BASE_URL}/briefing?from=${PERIOD.from}&to=${PERIOD.to}`);
		await waitForMap(tab.page);
		expect(await tab.page.getByTestId('briefing-area').textContent()).toBe(
			'Địa bàn: toàn bộ 3 phường (Phường 1 (mô phỏng), Phường 2 (mô phỏng), Phường 3 (mô phỏng)).'
		);
		expect(await kpiTotal()).toBe(inPeriod.length);
	});

	test('the statistical modes at level=ward draw the wards with a class in every ranking row', async () => {
		for (const mode of ['gistar', 'lisa']) {
			await tab.page.goto(`${BASE_URL}/?from=${PERIOD.from}&to=${PERIOD.to}&level=ward&mode=${mode}`);
			await waitForMap(tab.page);
			expect(await rankingRows('data-ward'), mode).toEqual(countBy('ward'));
			const classes = await tab.page.locator('[data-testid="ranking"] tbody tr[data-ward]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-class')));
			expect(classes.every((value) => value !== null && value !== ''), mode).toBe(true);
		}
		expect(tab.errors).toEqual([]);
	});
});
