import { describe, expect, test } from 'vitest';
import { numberLine } from '../../../src/lib/core/briefing/filing';
import { openNodeEngine } from '../../../src/lib/core/db/node';
import { loadSnapshot, memoryStore, readManifest, saveSnapshot } from '../../../src/lib/core/db/snapshot';
import { readDataset, replaceDataset } from '../../../src/lib/core/import/dataset';
import { readGroupsFile } from '../../../src/lib/core/import/groupsFile';
import { demoCasesText, demoGroupsText } from '../support/demo';

/* Issue 15, part 9: a briefing an office can file (Decree 30/2020/NĐ-CP), and a synthetic dataset said so. */

describe('the number line', () => {
	test('a number set in the settings is written with the report’s symbol', () => {
		expect(numberLine('12', 'Số:')).toBe('Số: 12/BC-BCĐ');
		expect(numberLine(' 07 ', 'No.')).toBe('No. 07/BC-BCĐ');
	});

	test('a number typed with its own symbol is kept as typed', () => {
		expect(numberLine('12/BC-UBND', 'Số:')).toBe('Số: 12/BC-UBND');
		expect(numberLine('12/BC-BCĐ', 'Số:')).toBe('Số: 12/BC-BCĐ');
	});

	test('without a number the line leaves a blank to write it by hand', () => {
		expect(numberLine('', 'Số:')).toBe('Số:      /BC-BCĐ');
		expect(numberLine('   ', 'Số:')).toBe('Số:      /BC-BCĐ');
	});
});

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('a synthetic dataset stays marked once imported', () => {
	test('the demo’s GeoJSON says it is synthetic; a GeoJSON or table without the flag does not', async () => {
		expect((await readGroupsFile({ name: 'groups.geojson', bytes: utf8(demoGroupsText) })).synthetic).toBe(true);
		const real = JSON.parse(demoGroupsText) as Record<string, unknown>;
		delete real.synthetic;
		expect((await readGroupsFile({ name: 'to.geojson', bytes: utf8(JSON.stringify(real)) })).synthetic).toBe(false);
		// Only `true` marks it: a string "false" is not a claim of made-up data.
		const odd = { ...real, synthetic: 'false' };
		expect((await readGroupsFile({ name: 'to.geojson', bytes: utf8(JSON.stringify(odd)) })).synthetic).toBe(false);
		const table = await readGroupsFile({ name: 'to.csv', bytes: utf8('group_code,name\nTDP01,Tổ 1\n') });
		expect(table.synthetic).toBe(false);
	});

	test('the demo’s files imported as a user’s: the saved groups file keeps the mark through a reload', async () => {
		const input = await readDataset({
			groups: { name: 'groups.geojson', text: demoGroupsText },
			cases: { name: 'cases.csv', bytes: demoCasesText }
		});
		expect(input.synthetic).toBe(true);
		const engine = await openNodeEngine();
		const store = memoryStore();
		const files = [
			{ name: 'groups.geojson', kind: 'groups' as const, rows: input.groups.length, importedAt: '2021-01-01T00:00:00Z', synthetic: true as const },
			{ name: 'cases.csv', kind: 'cases' as const, rows: 0, importedAt: '2021-01-01T00:00:00Z' }
		];
		await replaceDataset(engine, input, () => saveSnapshot(engine, store, files).then(() => undefined));
		const restored = await loadSnapshot(await openNodeEngine(), store);
		expect(restored?.files.find((file) => file.kind === 'groups')?.synthetic).toBe(true);
		expect((await readManifest(store))?.files.find((file) => file.kind === 'cases')?.synthetic).toBeUndefined();
	});
});
