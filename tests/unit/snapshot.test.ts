import { describe, expect, test } from 'vitest';
import { openNodeEngine } from '../../src/lib/core/db/node';
import { clearSnapshot, loadSnapshot, memoryStore, saveSnapshot, nextStage } from '../../src/lib/core/db/snapshot';
import { loadDataset, readDataset } from '../../src/lib/core/import/dataset';
import { demoCasesText, demoGroupsText } from './support/demo';
import { engineWithDemo } from './support/demo';

const everything = 'SELECT * FROM cases ORDER BY case_id';
const files = [{ name: 'cases.csv', kind: 'cases' as const, rows: 1, importedAt: '2021-01-01T00:00:00Z' }];

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
		const [{ n: before }] = await source.query('SELECT count(*) AS n FROM cases');
		// The next save writes its table files, then the tab closes before the manifest is written.
		await source.exec("DELETE FROM cases WHERE reported_on < DATE '2020-01-01'");
		await store.write('cases-2.arrow', await source.exportArrow('SELECT * FROM cases'));

		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		const [{ n: after }] = await restored.query('SELECT count(*) AS n FROM cases');
		expect(after).toBe(before);
	});

	test('the imported cases saved from the bytes at hand restore the same rows as the database’s own export', async () => {
		const files = { groups: { name: 'groups.geojson', text: demoGroupsText }, cases: { name: 'cases.csv', bytes: demoCasesText } };
		const source = await openNodeEngine();
		await loadDataset(source, files);
		const input = await readDataset(files);
		const store = memoryStore();
		// As the import worker does: the staged file written from the import's own bytes.
		const staged = await nextStage(store, 'cases');
		await store.write(staged.file, input.cases.rows);
		await saveSnapshot(source, store, [], staged);
		expect(await store.list()).toEqual(expect.arrayContaining(['cases-1.arrow', 'groups-1.arrow', 'manifest.json']));

		const restored = await openNodeEngine();
		await loadSnapshot(restored, store);
		const [{ n }] = await restored.query('SELECT count(*) AS n FROM cases');
		expect(n).toBe(demoCasesText.trim().split('\n').length - 1);
		expect(await restored.query(everything)).toEqual(await source.query(everything));
	});
});
