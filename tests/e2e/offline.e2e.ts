import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { BASE_URL, openBrowser, waitForMap, watchPage } from './browser';
import { staticHost } from './staticHost';

/*
 * Issue 16, part 1: installed once from the ward's server, the app opens and works with the network off and the
 * server gone, on the data saved before; a new version waits for the user's reload.
 */

const groupsGeojson = Buffer.from(readFileSync('data/demo/groups.geojson', 'utf8'));

/** `count` valid cases of 2021 with Vietnamese headers and labels, as rows. */
function cases(prefix: string, count: number): string[][] {
	return Array.from({ length: count }, (_, i) => {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + (i % 12)).padStart(2, '0');
		return [`${prefix}-${i + 1}`, `${day}/${month}/2021`, `TDP${String(1 + (i % 48)).padStart(2, '0')}`, 'Khác', 'Mới tiếp nhận'];
	});
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng'];

async function workbook(rows: string[][]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Vụ việc').addRows([HEADER, ...rows]);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Imports on the Data page; the report's accepted rows. */
async function importFiles(page: Page, origin: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.goto(`${origin}/data`);
	await page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
	await page.getByTestId('import-input').setInputFiles(files);
	await page.getByTestId('import-confirm').click();
	const report = page.getByTestId('import-report').first();
	await report.waitFor({ timeout: 60_000 });
	return Number(await report.getAttribute('data-accepted'));
}

/** Waits until the service worker runs the page, then gives its caches and the paths the app's cache holds. */
async function offlineCopy(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
	return page.evaluate(async () => {
		const names = await caches.keys();
		const paths = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((request) => new URL(request.url).pathname) : [];
		return { names, paths };
	});
}

/** The built site's files, as paths: what the offline copy must hold. */
function builtFiles(): string[] {
	return readdirSync('build', { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => `${entry.parentPath.slice('build'.length)}/${entry.name}`.replaceAll('\\', '/'))
		// The pages are kept under the paths that open them; the worker keeps no copy of itself.
		.map((file) => ({ '/index.html': '/', '/data.html': '/data', '/briefing.html': '/briefing' })[file] ?? file)
		.filter((file) => file !== '/service-worker.js');
}

const kpiTotal = async (page: Page) => (await page.getByTestId('kpi-total').textContent())!.trim();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const step of cleanup.reverse()) await step();
	cleanup = [];
});

async function browserAndHost(): Promise<{ context: BrowserContext; host: Awaited<ReturnType<typeof staticHost>> }> {
	const host = await staticHost();
	const browser = await openBrowser();
	cleanup.push(host.close, browser.close);
	return { context: browser.context, host };
}

// A first visit copies the whole build (40 MB) into the cache; the new-version test does it twice.
describe('installable and offline', { timeout: 180_000 }, () => {
	test('Chromium finds the app installable, with its Vietnamese name and icons (npm start)', async () => {
		const browser = await openBrowser();
		cleanup.push(browser.close);
		const page = await browser.context.newPage();
		const { errors } = watchPage(page);
		await page.goto(`${BASE_URL}/`);
		await waitForMap(page);
		// vite preview serves no 200.html: the rest of the build is kept.
		const { paths } = await offlineCopy(page);
		expect(paths.sort()).toEqual(builtFiles().filter((file) => file !== '/200.html').sort());
		const cdp = await browser.context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const { data } = await cdp.send('Page.getAppManifest');
		const manifest = JSON.parse(data!);
		expect(manifest.name).toBe('Điểm nóng mâu thuẫn');
		expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) expect((await fetch(`${BASE_URL}/${icon.src}`)).status, icon.src).toBe(200);
		expect(errors).toEqual([]);
	});

	test('after one visit the ward’s saved data opens with the network off and no server', async () => {
		const { context, host } = await browserAndHost();
		const page = await context.newPage();
		const { errors, foreignRequests } = watchPage(page);
		const rows = cases('OFF', 60);
		const accepted = await importFiles(page, host.origin, [
			{ name: 'vu-viec.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].map((row) => row.join(',')).join('\n')) },
			{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: groupsGeojson }
		]);
		expect(accepted).toBe(60);

		const { names, paths } = await offlineCopy(page);
		expect(names).toHaveLength(1);
		// Every page and asset of the build: DuckDB's wasm and worker, MapLibre's worker, the import worker's
		// chunks (ExcelJS), the fonts, the fallback page, the manifest and icons.
		expect(paths.sort()).toEqual(builtFiles().sort());

		await context.setOffline(true);
		await host.close();
		expect((await fetch(`${host.origin}/`).catch(() => null))?.status).toBeUndefined();

		await page.goto(`${host.origin}/?from=2021-01-01&to=2021-12-31`);
		await waitForMap(page);
		expect(await kpiTotal(page)).toBe('60');
		expect(await page.getByTestId('synthetic-banner').count()).toBe(0);

		// The Data page, and a workbook read offline (the import worker loads ExcelJS only then); its cases join the
		// saved ones, and a reload brings all of them back.
		const xlsx = await workbook(cases('XL', 25));
		expect(await importFiles(page, host.origin, [{ name: 'vu-viec.xlsx', mimeType: XLSX, buffer: xlsx }])).toBe(25);
		await page.goto(`${host.origin}/?from=2021-01-01&to=2021-12-31`);
		await waitForMap(page);
		expect(await kpiTotal(page)).toBe('85');
		expect(errors).toEqual([]);
		expect(foreignRequests).toEqual([]);

		// An address the app does not have gets its own page, not the browser's offline error.
		await page.goto(`${host.origin}/khong-co`);
		expect(await page.locator('h1').first().textContent()).toContain('404');
		expect(errors).toEqual([expect.stringContaining('Not found: /khong-co')]);
	});

	test('a new version is announced and taken only when the user reloads into it', async () => {
		const { context, host } = await browserAndHost();
		const page = await context.newPage();
		const { errors } = watchPage(page);
		await page.goto(`${host.origin}/`);
		await waitForMap(page);
		const first = await offlineCopy(page);
		expect(first.names).toHaveLength(1);
		expect(await page.getByTestId('app-update').count()).toBe(0);

		// The server gets a new build: its service worker names another version.
		const { version } = JSON.parse(readFileSync('build/_app/version.json', 'utf8'));
		const worker = readFileSync('build/service-worker.js', 'utf8');
		expect(worker).toContain(version);
		host.replace('/service-worker.js', Buffer.from(worker.replaceAll(version, `${version}-next`)));
		await page.reload();
		await waitForMap(page);
		await page.getByTestId('app-update').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('app-update').textContent()).toContain('Có phiên bản mới');

		// Until the user chooses, the old version runs: a reload keeps it and asks again.
		await page.reload();
		await waitForMap(page);
		await page.getByTestId('app-update').waitFor({ timeout: 30_000 });
		const waiting = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			return { waiting: registration?.waiting?.state, caches: (await caches.keys()).sort() };
		});
		expect(waiting.waiting).toBe('installed');
		expect(waiting.caches).toEqual([...first.names, `${first.names[0]}-next`].sort());

		await Promise.all([page.waitForEvent('load'), page.getByTestId('app-update-reload').click()]);
		await waitForMap(page);
		expect(await page.getByTestId('app-update').count()).toBe(0);
		const after = await page.evaluate(async () => ({
			waiting: (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
			caches: await caches.keys()
		}));
		expect(after.waiting).toBeNull();
		// The old version's copy is gone.
		expect(after.caches).toEqual([`${first.names[0]}-next`]);
		expect(errors).toEqual([]);
	});
});
