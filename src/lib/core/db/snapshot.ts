import type { Engine } from './engine';
import { CREATE_TABLES } from './schema';

/** Where snapshots live: the browser's private file system (OPFS), or memory in tests. */
export interface SnapshotStore {
	/** Only the private file system's files can also be written by a worker (`writeFromWorker`). */
	readonly kind: 'opfs' | 'memory';
	read(name: string): Promise<Uint8Array | null>;
	write(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
	list(): Promise<string[]>;
}

/** One file the user imported, as the datasets panel lists it. */
export interface DatasetFile {
	name: string;
	kind: 'cases' | 'groups';
	rows: number;
	importedAt: string;
}

export interface Manifest {
	version: 1;
	/** Each save writes its tables under a new generation; the manifest, written last, is the commit point. */
	generation: number;
	files: DatasetFile[];
}

const MANIFEST = 'manifest.json';
const TABLES = ['groups', 'cases'] as const;
type SavedTable = (typeof TABLES)[number];
const tableFile = (table: string, generation: number) => `${table}-${generation}.arrow`;

/**
 * A table of the next snapshot written ahead from bytes at hand — the imported cases, as the import made them —
 * so that `saveSnapshot` need not export it again. Until the manifest names its generation the file is part of
 * no snapshot: an import that fails leaves it for the next save to remove.
 */
export interface StagedTable {
	table: SavedTable;
	generation: number;
	/** The file to write it to, in the store. */
	file: string;
}

/** Where the next snapshot's copy of `table` goes. */
export async function nextStage(store: SnapshotStore, table: SavedTable): Promise<StagedTable> {
	const generation = await nextGeneration(store);
	return { table, generation, file: tableFile(table, generation) };
}

/**
 * Saves the analysis tables as Arrow IPC files, then the manifest that points at them. A tab closed part-way
 * leaves the previous manifest, hence the previous data, intact; files of older generations are removed last.
 * (DuckDB-WASM's own `opfs://` databases have come back empty after a reload — duckdb-wasm issues 2192, 2236.)
 * A table staged for this generation (`nextStage`, then written by the import worker) is not exported again.
 */
export async function saveSnapshot(
	engine: Engine,
	store: SnapshotStore,
	files: DatasetFile[],
	staged: StagedTable | null = null
): Promise<Manifest> {
	const generation = await nextGeneration(store);
	for (const table of TABLES) {
		if (staged?.table === table && staged.generation === generation) continue;
		await store.write(tableFile(table, generation), await engine.exportArrow(`SELECT * FROM ${table}`));
	}
	const manifest: Manifest = { version: 1, generation, files };
	await store.write(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)));
	await removeOtherGenerations(store, generation);
	return manifest;
}

/** Restores the tables of the last complete snapshot; null when there is none (first start, or cleared). */
export async function loadSnapshot(engine: Engine, store: SnapshotStore): Promise<Manifest | null> {
	const manifest = await readManifest(store);
	if (!manifest) return null;
	const contents = await Promise.all(TABLES.map((table) => store.read(tableFile(table, manifest.generation))));
	if (contents.some((bytes) => bytes === null)) return null;
	await engine.exec(CREATE_TABLES);
	await engine.exec('BEGIN TRANSACTION');
	try {
		await engine.exec('DELETE FROM cases; DELETE FROM groups;');
		for (const [index, table] of TABLES.entries()) {
			await engine.importArrow(`restored_${table}`, contents[index]!);
			await engine.exec(`INSERT INTO ${table} SELECT * FROM restored_${table}; DROP TABLE restored_${table};`);
		}
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK');
		throw error;
	}
	return manifest;
}

/** Forgets the saved data; the next start shows the demo ward again. */
export async function clearSnapshot(store: SnapshotStore): Promise<void> {
	await store.remove(MANIFEST);
	await removeOtherGenerations(store, -1);
}

/** The saved data's manifest, without loading anything: tells at start whether there is saved data. */
export async function readManifest(store: SnapshotStore): Promise<Manifest | null> {
	const bytes = await store.read(MANIFEST);
	if (!bytes) return null;
	try {
		const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
		return manifest.version === 1 && Number.isInteger(manifest.generation) ? manifest : null;
	} catch {
		return null;
	}
}

async function nextGeneration(store: SnapshotStore): Promise<number> {
	return ((await readManifest(store))?.generation ?? 0) + 1;
}

async function removeOtherGenerations(store: SnapshotStore, keep: number): Promise<void> {
	for (const name of await store.list()) {
		const generation = /-(\d+)\.arrow$/.exec(name)?.[1];
		if (generation !== undefined && Number(generation) !== keep) await store.remove(name);
	}
}

/** A store in memory, for tests and for browsers without OPFS (data then lasts until the tab closes). */
export function memoryStore(): SnapshotStore {
	const files = new Map<string, Uint8Array>();
	return {
		kind: 'memory',
		read: async (name) => files.get(name) ?? null,
		write: async (name, bytes) => void files.set(name, bytes.slice()),
		remove: async (name) => void files.delete(name),
		list: async () => [...files.keys()]
	};
}
