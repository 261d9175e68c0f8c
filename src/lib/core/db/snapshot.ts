import { MessageReader } from 'apache-arrow';
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
	/** The file's length in bytes, null when there is no such file. */
	size(name: string): Promise<number | null>;
	/** Runs `work` while no other writer of the same store (in any tab) runs. */
	exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** One file the user imported, as the datasets panel lists it. */
export interface DatasetFile {
	name: string;
	kind: 'cases' | 'groups';
	rows: number;
	importedAt: string;
	/** A groups file that says it holds made-up data: kept so that a reload still says so. */
	synthetic?: true;
}

/** A table of a snapshot: its file, and its row count, which catches a file cut short at a batch's end. */
export interface SavedTableFile {
	file: string;
	rows: number;
}

export interface Manifest {
	/** 1: files named by generation, no row counts (saved before `tables` existed; still read). */
	version: 1 | 2;
	/** Counts the saves: a tab compares it with the one it loaded before it writes (`saveSnapshot`). */
	generation: number;
	files: DatasetFile[];
	tables?: Record<SavedTable, SavedTableFile>;
}

const MANIFEST = 'manifest.json';
const TABLES = ['groups', 'cases'] as const;
type SavedTable = (typeof TABLES)[number];

/**
 * A new file name per save and writer: two tabs staging the same generation must not write the same file, and
 * a file is never rewritten once a manifest names it.
 */
function tableFile(table: SavedTable, generation: number): string {
	const token = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
	return `${table}-${generation}-${token}.arrow`;
}

/** Why the saved data could not be read at start; the files it held, when the manifest could still say. */
export class DamagedSnapshot extends Error {
	constructor(
		readonly reason: 'manifest' | 'missing' | 'unreadable' | 'empty',
		readonly files: DatasetFile[] | null,
		/** The damaged file of the saved data. */
		readonly file: string
	) {
		super(`saved data damaged (${reason}): ${file}`);
		this.name = 'DamagedSnapshot';
	}
}

/** Why a save was refused; the database is rolled back by the caller and the saved data is as it was. */
export class SaveRefused extends Error {
	constructor(
		/** `storage_full`: the browser's quota; `stale`: another tab saved since this one loaded. */
		readonly code: 'storage_full' | 'stale',
		detail: string
	) {
		super(detail);
		this.name = 'SaveRefused';
	}
}

/**
 * A table of the next snapshot written ahead from bytes at hand — the imported cases, as the import made them —
 * so that `saveSnapshot` need not export it again. Until a manifest names it the file is part of no snapshot.
 */
export interface StagedTable {
	table: SavedTable;
	/** The file to write it to, in the store. */
	file: string;
	/**
	 * Its length and rows once written. A save checks the length, since another tab's clean-up may have removed
	 * the file; the rows go in the manifest.
	 */
	written?: { bytes: number; rows: number };
}

/** Where the next snapshot's copy of `table` goes. */
export async function nextStage(store: SnapshotStore, table: SavedTable): Promise<StagedTable> {
	const generation = ((await readManifest(store).catch(() => null))?.generation ?? 0) + 1;
	return { table, file: tableFile(table, generation) };
}

export interface SaveOptions {
	/** A table written ahead (`nextStage`), not exported again when its file is whole. */
	staged?: StagedTable | null;
	/**
	 * The generation this writer's data was loaded from (null: no saved data). If the saved data has changed
	 * since (another tab saved or cleared), the save is refused as `stale` rather than overwrite it.
	 */
	expected?: number | null;
}

/**
 * Saves the analysis tables as Arrow IPC files, then the manifest that points at them, under the store's lock.
 * A tab closed part-way leaves the previous manifest, hence the previous data, intact; files the new manifest
 * does not name are removed last. A full storage is reported as `SaveRefused('storage_full')`, with the new
 * files removed. Call it inside the database's transaction and roll back if it throws: the page and the saved
 * data then agree. (DuckDB-WASM's own `opfs://` databases have come back empty after a reload — duckdb-wasm
 * issues 2192, 2236.)
 */
export function saveSnapshot(
	engine: Engine,
	store: SnapshotStore,
	files: DatasetFile[],
	{ staged = null, expected }: SaveOptions = {}
): Promise<Manifest> {
	return store.exclusive(async () => {
		const written: string[] = staged ? [staged.file] : [];
		let manifest: Manifest;
		try {
			const current = await readManifest(store).catch(() => undefined);
			const generation = current === undefined ? undefined : (current?.generation ?? null);
			if (expected !== undefined && generation !== expected)
				throw new SaveRefused('stale', `the saved data is at generation ${generation}, not ${expected}`);
			const next = (generation ?? 0) + 1;
			const tables = {} as Record<SavedTable, SavedTableFile>;
			for (const table of TABLES) {
				const ahead = staged?.table === table ? staged.written : undefined;
				if (ahead && (await store.size(staged!.file)) === ahead.bytes) {
					tables[table] = { file: staged!.file, rows: ahead.rows };
					continue;
				}
				const file = tableFile(table, next);
				const bytes = await engine.exportArrow(`SELECT * FROM ${table}`);
				written.push(file);
				await store.write(file, bytes);
				// Counted from the bytes: a count(*) of the rows still in the transaction cost DuckDB 20–100 ms.
				tables[table] = { file, rows: arrowRows(bytes) ?? -1 };
			}
			manifest = { version: 2, generation: next, files, tables };
			await store.write(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)));
		} catch (error) {
			for (const file of written) await store.remove(file);
			if (error instanceof DOMException && error.name === 'QuotaExceededError')
				throw new SaveRefused('storage_full', error.message);
			throw error;
		}
		await removeUnnamed(store, manifest);
		return manifest;
	});
}

/**
 * Restores the tables of the last complete snapshot; null when there is none (first start, or cleared). Saved
 * data that cannot be read whole throws `DamagedSnapshot`, with the database's tables as they were.
 */
export async function loadSnapshot(engine: Engine, store: SnapshotStore): Promise<Manifest | null> {
	const manifest = await readManifest(store);
	if (!manifest) return null;
	const tables = savedTables(manifest);
	const contents: Uint8Array[] = [];
	for (const table of TABLES) {
		const { file } = tables[table];
		const bytes = await store.read(file).catch(() => null);
		if (bytes === null) throw new DamagedSnapshot('missing', manifest.files, file);
		if (bytes.length === 0) throw new DamagedSnapshot('empty', manifest.files, file);
		// Checked before DuckDB sees them: a stream cut short has hung its reader rather than failed.
		const counted = arrowRows(bytes);
		const expected = tables[table].rows;
		if (counted === null || (expected >= 0 && counted !== expected))
			throw new DamagedSnapshot(counted === 0 ? 'empty' : 'unreadable', manifest.files, file);
		contents.push(bytes);
	}
	await engine.exec(CREATE_TABLES);
	await engine.exec('BEGIN TRANSACTION');
	try {
		await engine.exec('DELETE FROM cases; DELETE FROM groups;');
		for (const [index, table] of TABLES.entries()) {
			try {
				await engine.importArrow(`restored_${table}`, contents[index]);
				// By name: data saved before a column was added (the groups' wards) reads with it empty.
				await engine.exec(`INSERT INTO ${table} BY NAME SELECT * FROM restored_${table}; DROP TABLE restored_${table};`);
			} catch {
				throw new DamagedSnapshot('unreadable', manifest.files, tables[table].file);
			}
		}
		await engine.exec('COMMIT');
	} catch (error) {
		await engine.exec('ROLLBACK').catch(() => {});
		throw error;
	}
	return manifest;
}

/**
 * The rows of an Arrow IPC stream, read from its messages' headers without decoding a column; null when the
 * bytes are not a whole stream (cut short, or not Arrow at all).
 */
function arrowRows(bytes: Uint8Array): number | null {
	try {
		const reader = new MessageReader(bytes);
		let rows = 0;
		let schema = false;
		for (let message = reader.readMessage(); message; message = reader.readMessage()) {
			reader.readMessageBody(message.bodyLength);
			if (message.isSchema()) schema = true;
			else if (!schema) return null;
			else if (message.isRecordBatch()) rows += Number(message.header().length);
		}
		return schema ? rows : null;
	} catch {
		return null;
	}
}

/** Forgets the saved data, every file of it, damaged or not; the next start shows the demo ward again. */
export function clearSnapshot(store: SnapshotStore): Promise<void> {
	return store.exclusive(async () => {
		await store.remove(MANIFEST);
		await removeUnnamed(store, null);
	});
}

/**
 * Removes what no snapshot uses: files of saves that failed or were cut short, and the swap files (`*.crswap`)
 * a browser leaves when a tab closes while writing. Nothing is removed while the manifest cannot be read: the
 * user decides about damaged data.
 */
export function tidySnapshot(store: SnapshotStore): Promise<void> {
	return store.exclusive(async () => {
		const manifest = await readManifest(store).catch(() => undefined);
		if (manifest !== undefined) await removeUnnamed(store, manifest);
	});
}

/**
 * The saved data's manifest, without loading anything: null when there is none; `DamagedSnapshot` when it
 * cannot be read or does not describe a snapshot.
 */
export async function readManifest(store: SnapshotStore): Promise<Manifest | null> {
	const bytes = await store.read(MANIFEST);
	if (!bytes) return null;
	let manifest: unknown;
	try {
		manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw new DamagedSnapshot('manifest', null, MANIFEST);
	}
	if (!isManifest(manifest)) {
		const files = (manifest as { files?: unknown } | null)?.files;
		throw new DamagedSnapshot('manifest', Array.isArray(files) && files.every(isDatasetFile) ? files : null, MANIFEST);
	}
	return manifest;
}

function isManifest(value: unknown): value is Manifest {
	if (typeof value !== 'object' || value === null) return false;
	const manifest = value as Partial<Manifest>;
	if (manifest.version !== 1 && manifest.version !== 2) return false;
	if (!Number.isInteger(manifest.generation) || manifest.generation! < 1) return false;
	if (!Array.isArray(manifest.files) || !manifest.files.every(isDatasetFile)) return false;
	if (manifest.version === 1) return true;
	const tables = manifest.tables as Record<string, Partial<SavedTableFile>> | undefined;
	return TABLES.every((table) => {
		const entry = tables?.[table];
		return typeof entry?.file === 'string' && /^[\w-]+\.arrow$/.test(entry.file) && Number.isInteger(entry.rows);
	});
}

function isDatasetFile(value: unknown): value is DatasetFile {
	const file = value as Partial<DatasetFile> | null;
	return (
		typeof file?.name === 'string' &&
		(file.kind === 'cases' || file.kind === 'groups') &&
		typeof file.rows === 'number' &&
		typeof file.importedAt === 'string'
	);
}

/** The files of a manifest's tables; a version 1 manifest named them by generation and kept no counts (-1). */
function savedTables(manifest: Manifest): Record<SavedTable, SavedTableFile> {
	if (manifest.tables) return manifest.tables;
	const v1 = (table: SavedTable) => ({ file: `${table}-${manifest.generation}.arrow`, rows: -1 });
	return { groups: v1('groups'), cases: v1('cases') };
}

async function removeUnnamed(store: SnapshotStore, manifest: Manifest | null): Promise<void> {
	const named = new Set(manifest ? [MANIFEST, ...Object.values(savedTables(manifest)).map((table) => table.file)] : []);
	for (const name of await store.list()) if (!named.has(name)) await store.remove(name);
}

/** A store in memory, for tests and for browsers without OPFS (data then lasts until the tab closes). */
export function memoryStore(): SnapshotStore {
	const files = new Map<string, Uint8Array>();
	let queue: Promise<unknown> = Promise.resolve();
	return {
		kind: 'memory',
		read: async (name) => files.get(name) ?? null,
		write: async (name, bytes) => void files.set(name, bytes.slice()),
		remove: async (name) => void files.delete(name),
		list: async () => [...files.keys()],
		size: async (name) => files.get(name)?.length ?? null,
		exclusive<T>(work: () => Promise<T>): Promise<T> {
			const run = queue.then(work, work);
			queue = run.catch(() => {});
			return run;
		}
	};
}
