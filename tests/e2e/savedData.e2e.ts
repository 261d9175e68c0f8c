import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap, watchPage } from './browser';
import { dashboardTotal, importOutcome } from './importing';
import { browserPerFile } from './perFile';

/*
 * Issue 13 §2, the accidents of a ward office PC, in one browser profile: the disk fills up during a save, two
 * tabs import at once, a tab closes while writing, the saved files are damaged. What the page shows, what it
 * says and what a reload brings back must agree.
 */

const groupsGeojson = Buffer.from(readFileSync('data/demo/groups.geojson', 'utf8'));
const FOLDER = 'ward-hotspots';

/** `count` valid cases of 2021, ids `prefix-1…`, Vietnamese headers and labels. */
function casesCsv(prefix: string, count: number): Buffer {
	const lines = Array.from({ length: count }, (_, i) => {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + (i % 12)).padStart(2, '0');
		return `${prefix}-${i + 1},${day}/${month}/2021,TDP${String(1 + (i % 48)).padStart(2, '0')},Khác,Mới tiếp nhận`;
	});
	return Buffer.from(['Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng', ...lines].join('\n') + '\n');
}

const withGroups = (name: string, cases: Buffer) => [
	{ name, mimeType: 'text/csv', buffer: cases },
	{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: groupsGeojson }
];

const total2021 = (page: Page) => dashboardTotal(page, '?from=2021-01-01&to=2021-12-31');

/** The same, reached by a link inside the page: the data the open page holds, not what a reload would load. */
async function totalWithoutReload(page: Page): Promise<string> {
	await page.evaluate(() => {
		(window as unknown as { sameDocument: boolean }).sameDocument = true;
		const link = document.createElement('a');
		link.href = '/?from=2021-01-01&to=2021-12-31';
		document.body.append(link);
		link.click();
	});
	await page.waitForURL(/from=2021-01-01/);
	await waitForMap(page);
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	return (await page.getByTestId('kpi-total').textContent())!.trim();
}

/** The files of the saved data in the private file system, by name. */
function savedFiles(page: Page): Promise<string[]> {
	return page.evaluate(async (folder) => {
		const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
		const names: string[] = [];
		for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
		return names.sort();
	}, FOLDER);
}

/** Copies every file of folder `from` to folder `to` (emptied first), in the private file system. */
function copyFolder(page: Page, from: string, to: string): Promise<void> {
	return page.evaluate(
		async ([from, to]) => {
			const root = await navigator.storage.getDirectory();
			await root.removeEntry(to, { recursive: true }).catch(() => {});
			const source = await root.getDirectoryHandle(from);
			const target = await root.getDirectoryHandle(to, { create: true });
			for await (const name of (source as unknown as { keys(): AsyncIterable<string> }).keys()) {
				const bytes = await (await (await source.getFileHandle(name)).getFile()).arrayBuffer();
				const writable = await (await target.getFileHandle(name, { create: true })).createWritable();
				await writable.write(bytes);
				await writable.close();
			}
		},
		[from, to]
	);
}

/** Damages the saved data as a disk or a crash might, each `kind` one way. */
async function damage(page: Page, kind: 'truncate-cases' | 'garbage-cases' | 'empty-groups' | 'remove-cases' | 'files-null' | 'garbage-manifest') {
	await page.evaluate(
		async ([folder, kind]) => {
			const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
			const read = async (name: string) => new Uint8Array(await (await (await directory.getFileHandle(name)).getFile()).arrayBuffer());
			const write = async (name: string, bytes: Uint8Array) => {
				const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
				await writable.write(bytes as Uint8Array<ArrayBuffer>);
				await writable.close();
			};
			const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
			const cases: string = manifest.tables.cases.file;
			const groups: string = manifest.tables.groups.file;
			if (kind === 'truncate-cases') await write(cases, (await read(cases)).slice(0, 3000));
			if (kind === 'garbage-cases') await write(cases, new Uint8Array(4000).map((_, i) => (i * 37) % 256));
			if (kind === 'empty-groups') await write(groups, new Uint8Array());
			if (kind === 'remove-cases') await directory.removeEntry(cases);
			if (kind === 'files-null') await write('manifest.json', new TextEncoder().encode(JSON.stringify({ ...manifest, files: null })));
			if (kind === 'garbage-manifest') await write('manifest.json', new TextEncoder().encode('{"version": 2, "generat'));
		},
		[FOLDER, kind] as const
	);
}

const browser = browserPerFile();
let tabA: Page;
let errorsA: string[];

describe('saved data never lies', () => {
	test('a ward’s own data is imported and saved', async () => {
		tabA = await browser().newPage();
		errorsA = watchPage(tabA).errors;
		expect(await importOutcome(tabA, withGroups('ban-dau.csv', casesCsv('A', 40)))).toEqual({ accepted: 40 });
		expect(await total2021(tabA)).toBe('40');
	});

	test('a save that fails on full storage keeps the previous data on the page and after reload', async () => {
		const cdp = await browser().newCDPSession(tabA);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL, quotaSize: 1 });
		try {
			// Append, then replace: both refused in words, the page still on the 40 cases.
			for (const files of [
				[{ name: 'them.csv', mimeType: 'text/csv', buffer: casesCsv('T', 5) }],
				withGroups('thay-the.csv', casesCsv('R', 70))
			]) {
				const outcome = await importOutcome(tabA, files);
				expect(outcome).toMatchObject({ refused: 'storage_full' });
				expect(outcome.message).toContain('Bộ nhớ của trình duyệt trên máy này đã đầy');
				expect(outcome.message).toContain('Không có gì thay đổi');
				const datasets = (await tabA.getByTestId('datasets').textContent()) ?? '';
				expect(datasets).toContain('ban-dau.csv');
				expect(datasets).not.toMatch(/them\.csv|thay-the\.csv/);
				// The open page, without a reload, shows the data that is saved.
				expect(await totalWithoutReload(tabA)).toBe('40');
			}
		} finally {
			await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL });
			await cdp.detach();
		}
		expect(await total2021(tabA)).toBe('40');
		// Nothing of the refused saves is left behind: the manifest and its two files.
		expect(await savedFiles(tabA)).toHaveLength(3);
	});

	test('a stale tab refuses to append over another tab’s import', async () => {
		await tabA.goto(`${BASE_URL}/data`);
		await tabA.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
		const tabB = await browser().newPage();
		const errorsB = watchPage(tabB).errors;
		expect(await importOutcome(tabB, withGroups('the-b.csv', casesCsv('B', 60)))).toEqual({ accepted: 60 });
		// Tab A is told at once, and still shows the old data until asked.
		await tabA.getByTestId('data-changed-elsewhere').waitFor({ timeout: 10_000 });
		expect(await tabA.getByTestId('datasets').textContent()).toContain('ban-dau.csv');
		// Tab A, still open on the old data, appends without a reload.
		const outcome = await importOutcome(tabA, [{ name: 'the-a.csv', mimeType: 'text/csv', buffer: casesCsv('A2', 5) }], false);
		expect(outcome).toMatchObject({ refused: 'stale' });
		expect(outcome.message).toContain('một thẻ khác');
		// Tab A now shows what the other tab saved, as a reload would.
		const datasets = (await tabA.getByTestId('datasets').textContent()) ?? '';
		expect(datasets).toContain('the-b.csv');
		expect(datasets).not.toContain('ban-dau.csv');
		expect(await tabA.getByTestId('data-changed-elsewhere').count()).toBe(0);
		expect(await totalWithoutReload(tabA)).toBe('60');
		expect(await total2021(tabA)).toBe('60');
		expect(await total2021(tabB)).toBe('60');
		await tabB.close();
		expect(errorsB).toEqual([]);
	});

	test('a stale tab refuses to replace another tab’s import', async () => {
		await tabA.goto(`${BASE_URL}/data`);
		await tabA.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
		const tabB = await browser().newPage();
		expect(await importOutcome(tabB, [{ name: 'the-b2.csv', mimeType: 'text/csv', buffer: casesCsv('C', 3) }])).toEqual({
			accepted: 3
		});
		expect(await importOutcome(tabA, withGroups('the-a2.csv', casesCsv('D', 10)), false)).toMatchObject({ refused: 'stale' });
		expect(await total2021(tabA)).toBe('63');
		await tabB.close();
	});

	test('a tab told of another tab’s import loads it when asked', async () => {
		await tabA.goto(`${BASE_URL}/?from=2021-01-01&to=2021-12-31`);
		await waitForMap(tabA);
		const tabB = await browser().newPage();
		expect(await importOutcome(tabB, [{ name: 'the-b3.csv', mimeType: 'text/csv', buffer: casesCsv('E', 2) }])).toEqual({
			accepted: 2
		});
		await tabB.close();
		const notice = tabA.getByTestId('data-changed-elsewhere');
		await notice.waitFor({ timeout: 10_000 });
		expect(await notice.textContent()).toContain('một thẻ khác');
		expect((await tabA.getByTestId('kpi-total').textContent())!.trim()).toBe('63');
		await tabA.getByTestId('reload-data').click();
		await notice.waitFor({ state: 'detached' });
		await expect.poll(async () => (await tabA.getByTestId('kpi-total').textContent())!.trim()).toBe('65');
	});

	test('swap files left by a tab closed while saving are removed at the next start', async () => {
		const before = await savedFiles(tabA);
		await tabA.evaluate(async (folder) => {
			const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
			for (const name of ['cases-9-0badc0de.arrow.crswap', 'groups-9-0badc0de.arrow', 'manifest.json.crswap']) {
				const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
				await writable.write(new Uint8Array(50_000));
				await writable.close();
			}
		}, FOLDER);
		expect(await savedFiles(tabA)).toHaveLength(before.length + 3);
		expect(await total2021(tabA)).toBe('65');
		await expect.poll(() => savedFiles(tabA), { timeout: 10_000 }).toEqual(before);
		await copyFolder(tabA, FOLDER, 'backup');
	});

	const kinds = [
		['a truncated cases file at start says so and can be cleared', 'truncate-cases', 'unreadable'],
		['a cases file of garbage at start says so', 'garbage-cases', 'unreadable'],
		['an emptied groups file at start says so', 'empty-groups', 'empty'],
		['a manifest that points at a missing file at start says so', 'remove-cases', 'missing'],
		['a manifest with `files: null` at start says so', 'files-null', 'manifest'],
		['a damaged manifest at start says so and can be cleared', 'garbage-manifest', 'manifest']
	] as const;
	for (const [name, kind, reason] of kinds) {
		test(name, async () => {
			await copyFolder(tabA, 'backup', FOLDER);
			await damage(tabA, kind);
			await tabA.goto(`${BASE_URL}/`);
			const notice = tabA.getByTestId('saved-data-damaged');
			await notice.waitFor({ timeout: 60_000 });
			expect(await notice.getAttribute('data-reason')).toBe(reason);
			const text = (await notice.textContent()) ?? '';
			expect(text).toContain('Không đọc được dữ liệu đã lưu trên máy này');
			// What was lost, when the manifest can still say.
			if (reason === 'manifest') expect(text).toContain('Không còn biết được những tệp nào đã nhập');
			else expect(text).toMatch(/the-b\.csv \(60 dòng.*the-b2\.csv \(3 dòng/);
			// Never the demo in silence, never a half-loaded ward.
			expect(await tabA.getByTestId('synthetic-banner').count()).toBe(0);
			expect(await tabA.getByTestId('map').count()).toBe(0);
			expect(await tabA.getByTestId('kpi-total').count()).toBe(0);
			expect(errorsA).toEqual([]);
			if (!name.endsWith('can be cleared')) return;
			tabA.once('dialog', (dialog) => void dialog.accept());
			await notice.getByTestId('clear-damaged').click();
			await tabA.getByTestId('synthetic-banner').waitFor({ timeout: 60_000 });
			await waitForMap(tabA);
			expect(await tabA.getByTestId('saved-data-damaged').count()).toBe(0);
			expect(await savedFiles(tabA)).toEqual([]);
			await tabA.reload();
			await waitForMap(tabA);
			expect(await tabA.getByTestId('synthetic-banner').count()).toBe(1);
		});
	}

	test('the damaged notice is in English with lang=en', async () => {
		await copyFolder(tabA, 'backup', FOLDER);
		await damage(tabA, 'remove-cases');
		await tabA.goto(`${BASE_URL}/data?lang=en`);
		const notice = tabA.getByTestId('saved-data-damaged');
		await notice.waitFor({ timeout: 60_000 });
		expect(await notice.textContent()).toContain('The data saved on this machine could not be read');
		expect(await tabA.getByTestId('import-input').count()).toBe(0);
	});
});
