import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../../../src/lib/core/db/node';
import type { Engine } from '../../../src/lib/core/db/engine';
import { loadDataset } from '../../../src/lib/core/import/dataset';

export const demoGroupsText = readFileSync('data/demo/groups.geojson', 'utf8');
export const demoCasesText = readFileSync('data/demo/cases.csv', 'utf8');

/** A fresh in-memory DuckDB with the demo ward loaded through the app's own import path. */
export async function engineWithDemo(): Promise<Engine> {
	const engine = await openNodeEngine();
	await loadDataset(engine, {
		groups: { name: 'groups.geojson', text: demoGroupsText },
		cases: { name: 'cases.csv', bytes: demoCasesText }
	});
	return engine;
}

/** The demo cases read independently of the app: a plain split (the demo CSV has no quoted fields). */
export interface PlainCase {
	reported_on: string;
	group_code: string;
	category: string;
	status: string;
	/** Empty when the case has no source recorded. */
	source: string;
}

export function demoCases(): PlainCase[] {
	const [header, ...lines] = demoCasesText.trim().split('\n');
	const names = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		const field = (name: string) => cells[names.indexOf(name)];
		return {
			reported_on: field('reported_on'),
			group_code: field('group_code'),
			category: field('category'),
			status: field('status'),
			source: field('source')
		};
	});
}
