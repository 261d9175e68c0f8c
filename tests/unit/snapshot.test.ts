import { describe, expect, test } from 'vitest';
import { openNodeEngine } from '../../src/lib/core/db/node';
import type { Engine } from '../../src/lib/core/db/engine';
import {
	clearSnapshot,
	DamagedSnapshot,
	loadSnapshot,
	memoryStore,
	nextStage,
	readManifest,
	saveSnapshot,
	SaveRefused,
	tidySnapshot,
	type SnapshotStore
} from '../../src/lib/core/db/snapshot';
import { appendCases, loadDataset, readDataset, replaceDataset, wardRules } from '../../src/lib/core/import/dataset';
import { readCasesFile } from '../../src/lib/core/import/pipeline';
import { demoCasesText, demoGroupsText } from './support/demo';
import { engineWithDemo } from './support/demo';

const everything = 'SELECT * FROM cases ORDER BY case_id';
const files = [{ name: 'cases.csv', kind: 'cases' as const, rows: 1, importedAt: '2021-01-01T00:00:00Z' }];
const demoFiles = { groups: { name: 'groups.geojson', text: demoGroupsText }, cases: { name: 'cases.csv', bytes: demoCasesText } };

async function count(engine: Engine, table = 'cases'): Promise<number> {
	return Number((await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n);
}

/** The names the manifest gives the two tables' files. */
async function tableFiles(store: SnapshotStore): Promise<{ groups: string; cases: string }> {
	const manifest = await readManifest(store);
	return { groups: manifest!.tables!.groups.file, cases: manifest!.tables!.cases.file };
}

/** A store whose writes fail as a browser's do when its quota is used up. */
function fullStore(store: SnapshotStore): SnapshotStore {
	return {
		...store,
		write: async () => {
			throw new DOMException('The operation failed because it would exceed the quota.', 'QuotaExceededError');
		}
	};
}

describe('snapshots keep the data across a reload', () => {
	test('a saved snapshot restores every row and type exactly in a fresh engine', async () => {
		const source = await engineWithDemo();
		const store = memoryStore();
		await saveSnapshot(source, store, files);

		const restored = await openNodeEngine();
		const manifest = await loadSnapshot(restored, store);
		expect(manifest?.files).toEqual(files);
		expect(await restored.query(everything)).toEqual(await source.query(everything));
		expect(await restored.query('SELECT * FROM groups ORDER BY group_code')).toEqual(
			await source.query('SELECT * FROM groups ORDER BY group_code')
		);
		const [types] = await restored.query(
			"SELECT typeof(reported_on) AS d, typeof(severity) AS s, typeof(repeat) AS r FROM cases LIMIT 1"
		);
		expect(types).toEqual({ d: 'DATE', s: 'TINYINT', r: 'BOOLEAN' });
	});

	test('data saved before groups had wards restores, every group in no ward', async () => {
		const source = await engineWithDemo();
		// The groups table as it was saved before `ward_code` and `ward_name` existed.
		await source.exec('ALTER TABLE groups DROP COLUMN ward_code; ALTER TABLE groups DROP COLUMN ward_name;');
		const store = memoryStore();
		await saveSnapshot(source, store, files);

		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		expect(await restored.query(everything)).toEqual(await source.query(everything));
		const [groups] = await restored.query('SELECT count(*) AS groups, count(ward_code) AS in_wards FROM groups');
		expect([Number(groups.groups), Number(groups.in_wards)]).toEqual([48, 0]);
	});

	test('nothing saved, or cleared: there is no snapshot', async () => {
		const engine = await openNodeEngine();
		const store = memoryStore();
		expect(await loadSnapshot(engine, store)).toBeNull();
		await saveSnapshot(await engineWithDemo(), store, files);
		await clearSnapshot(store);
		expect(await loadSnapshot(engine, store)).toBeNull();
		expect(await store.list()).toEqual([]);
	});

	test('a save interrupted before its manifest leaves the previous snapshot in force', async () => {
		const source = await engineWithDemo();
		const store = memoryStore();
		await saveSnapshot(source, store, files);
		const before = await count(source);
		// The next save writes its table files, then the tab closes before the manifest is written.
		await source.exec("DELETE FROM cases WHERE reported_on < DATE '2020-01-01'");
		await store.write('cases-2-00000000.arrow', await source.exportArrow('SELECT * FROM cases'));

		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		expect(await count(restored)).toBe(before);
	});

	test('the imported cases saved from the bytes at hand restore the same rows as the database’s own export', async () => {
		const source = await openNodeEngine();
		await loadDataset(source, demoFiles);
		const input = await readDataset(demoFiles);
		const store = memoryStore();
		// As the import worker does: the staged file written from the import's own bytes.
		const staged = await nextStage(store, 'cases');
		await store.write(staged.file, input.cases.rows);
		const rows = input.cases.read - input.cases.rejections.length;
		await saveSnapshot(source, store, [], { staged: { ...staged, written: { bytes: input.cases.rows.length, rows } } });
		expect((await tableFiles(store)).cases).toBe(staged.file);

		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		expect(await count(restored)).toBe(demoCasesText.trim().split('\n').length - 1);
		expect(await restored.query(everything)).toEqual(await source.query(everything));
	});

	test('a staged file removed by another tab’s clean-up is exported again, not named missing', async () => {
		const source = await engineWithDemo();
		const store = memoryStore();
		const staged = await nextStage(store, 'cases');
		await store.write(staged.file, new Uint8Array(10));
		await tidySnapshot(store);
		expect(await store.list()).toEqual([]);
		await saveSnapshot(source, store, [], { staged: { ...staged, written: { bytes: 10, rows: 1 } } });
		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		expect(await count(restored)).toBe(await count(source));
	});
});

describe('a save that fails leaves the database and the saved data as they were', () => {
	test('a replace whose save fails on full storage rolls the database back, and a reload brings back the same data', async () => {
		const engine = await engineWithDemo();
		const store = memoryStore();
		await saveSnapshot(engine, store, files);
		const saved = await store.list();
		const before = await engine.query(everything);
		const input = await readDataset(demoFiles);
		input.cases.rows = input.cases.rows.slice();
		const attempt = replaceDataset(engine, { ...input, groups: input.groups.slice(0, 10) }, async () => {
			await saveSnapshot(engine, fullStore(store), files, { expected: 1 });
		});
		await expect(attempt).rejects.toMatchObject({ name: 'SaveRefused', code: 'storage_full' });
		expect(await engine.query(everything)).toEqual(before);
		expect(await count(engine, 'groups')).toBe(48);
		expect((await store.list()).sort()).toEqual(saved.sort());
		const reloaded = await openNodeEngine();
		await loadSnapshot(reloaded, store);
		expect(await reloaded.query(everything)).toEqual(before);
	});

	test('an append whose save fails on full storage rolls the database back', async () => {
		const engine = await engineWithDemo();
		const store = memoryStore();
		await saveSnapshot(engine, store, files);
		const before = await count(engine);
		const { groups } = await readDataset(demoFiles);
		const csv = 'case_id,reported_on,group_code,category,status\nNEW-1,2020-12-01,TDP01,other,received\n';
		const cases = await readCasesFile('new.csv', new TextEncoder().encode(csv), { rules: wardRules(groups, '2021-01-01') });
		const attempt = appendCases(engine, cases, async (report) => {
			expect(report.accepted).toBe(1);
			expect(await count(engine)).toBe(before + 1);
			await saveSnapshot(engine, fullStore(store), files, { expected: 1 });
		});
		await expect(attempt).rejects.toBeInstanceOf(SaveRefused);
		expect(await count(engine)).toBe(before);
	});
});

describe('two writers of the same saved data', () => {
	test('a stale writer is refused and the other writer’s data stays saved', async () => {
		const store = memoryStore();
		const tabA = await engineWithDemo();
		const { generation } = await saveSnapshot(tabA, store, files);
		// Tab B, opened on the same saved data, replaces it with fewer cases.
		const tabB = await openNodeEngine();
		await loadSnapshot(tabB, store);
		await tabB.exec("DELETE FROM cases WHERE reported_on < DATE '2020-01-01'");
		await saveSnapshot(tabB, store, files, { expected: generation });
		const bRows = await tabB.query(everything);
		// Tab A still shows the old data and saves on top of it.
		await expect(saveSnapshot(tabA, store, files, { expected: generation })).rejects.toMatchObject({ code: 'stale' });
		const reloaded = await openNodeEngine();
		expect((await loadSnapshot(reloaded, store))?.generation).toBe(generation + 1);
		expect(await reloaded.query(everything)).toEqual(bRows);
	});

	test('a tab opened before any import is refused once another tab has saved', async () => {
		const store = memoryStore();
		const engine = await engineWithDemo();
		await saveSnapshot(engine, store, files, { expected: null });
		await expect(saveSnapshot(engine, store, files, { expected: null })).rejects.toMatchObject({ code: 'stale' });
	});
});

describe('damaged saved data is reported, never taken for no data', () => {
	async function damaged(damage: (store: SnapshotStore) => Promise<void>): Promise<{ error: unknown; engine: Engine; store: SnapshotStore }> {
		const store = memoryStore();
		await saveSnapshot(source, store, files);
		await damage(store);
		const engine = await openNodeEngine();
		const error = await loadSnapshot(engine, store).then(() => null, (error: unknown) => error);
		return { error, engine, store };
	}
	let source: Engine;

	test('a truncated cases file', async () => {
		source = await engineWithDemo();
		const { error, engine } = await damaged(async (store) => {
			const { cases } = await tableFiles(store);
			const bytes = (await store.read(cases))!;
			await store.write(cases, bytes.slice(0, Math.floor(bytes.length / 2)));
		});
		expect(error).toBeInstanceOf(DamagedSnapshot);
		expect(error).toMatchObject({ reason: 'unreadable', files });
		// Found before anything is loaded: no half-loaded table stays behind.
		expect(await engine.query('SELECT table_name FROM duckdb_tables()')).toEqual([]);
	});

	test('a cases file of garbage', async () => {
		const { error } = await damaged(async (store) => {
			const { cases } = await tableFiles(store);
			await store.write(cases, new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)));
		});
		expect(error).toMatchObject({ reason: 'unreadable', files });
	});

	test('an emptied groups file', async () => {
		const { error } = await damaged(async (store) => store.write((await tableFiles(store)).groups, new Uint8Array()));
		expect(error).toMatchObject({ reason: 'empty' });
		expect((error as DamagedSnapshot).file).toMatch(/^groups-/);
	});

	test('a manifest of garbage', async () => {
		const { error } = await damaged((store) => store.write('manifest.json', new Uint8Array([0xff, 0xfe, 0x00, 0x41])));
		expect(error).toMatchObject({ reason: 'manifest', files: null });
	});

	test('a manifest that points at missing files', async () => {
		const { error } = await damaged(async (store) => store.remove((await tableFiles(store)).cases));
		expect(error).toMatchObject({ reason: 'missing', files });
	});

	test('a manifest with `files: null`', async () => {
		const { error, store } = await damaged(async (store) => {
			const manifest = await readManifest(store);
			await store.write('manifest.json', new TextEncoder().encode(JSON.stringify({ ...manifest, files: null })));
		});
		expect(error).toMatchObject({ reason: 'manifest', files: null });
		// The clean-up leaves damaged data alone; clearing removes it all.
		await tidySnapshot(store);
		expect(await store.list()).toHaveLength(3);
		await clearSnapshot(store);
		expect(await store.list()).toEqual([]);
	});
});

describe('leftovers', () => {
	test('swap files of a save cut short and unnamed files are removed, the snapshot’s own files kept', async () => {
		const engine = await engineWithDemo();
		const store = memoryStore();
		await saveSnapshot(engine, store, files);
		const kept = (await store.list()).sort();
		await store.write('cases-2-0badc0de.arrow.crswap', new Uint8Array(100));
		await store.write('cases-2-0badc0de.arrow', new Uint8Array(100));
		await store.write('manifest.json.crswap', new Uint8Array(10));
		await tidySnapshot(store);
		expect((await store.list()).sort()).toEqual(kept);
		await store.write('groups-9-12345678.arrow.crswap', new Uint8Array(100));
		await saveSnapshot(engine, store, files);
		expect(await store.list()).toHaveLength(3);
		expect(await store.list()).not.toContain('groups-9-12345678.arrow.crswap');
	});
});
