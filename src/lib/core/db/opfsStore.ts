import type { SnapshotStore } from './snapshot';

/** The folder of the saved data in the Origin Private File System. */
export const SNAPSHOT_FOLDER = 'ward-hotspots';

/**
 * Snapshots in the Origin Private File System: private to this site on this machine, kept across reloads and
 * restarts until the user clears the data. Asks the browser to make storage persistent (not evicted under
 * pressure); the answer is returned so the UI can say whether it was granted.
 */
export async function opfsStore(folder = SNAPSHOT_FOLDER): Promise<{ store: SnapshotStore; persistent: boolean }> {
	const root = await navigator.storage.getDirectory();
	const directory = await root.getDirectoryHandle(folder, { create: true });
	const persistent = (await navigator.storage.persisted()) || (await navigator.storage.persist().catch(() => false));
	const store: SnapshotStore = {
		kind: 'opfs',
		async read(name) {
			try {
				const file = await (await directory.getFileHandle(name)).getFile();
				return new Uint8Array(await file.arrayBuffer());
			} catch (error) {
				if (error instanceof DOMException && error.name === 'NotFoundError') return null;
				throw error;
			}
		},
		async write(name, bytes) {
			const writable = await (await directory.getFileHandle(name, { create: true })).createWritable();
			await writable.write(bytes as Uint8Array<ArrayBuffer>);
			await writable.close();
		},
		async remove(name) {
			await directory.removeEntry(name).catch(() => {});
		},
		async size(name) {
			try {
				return (await (await directory.getFileHandle(name)).getFile()).size;
			} catch {
				return null;
			}
		},
		exclusive(work) {
			// Every tab of the site shares the saved data: one writer at a time. Without Web Locks (an old
			// browser) each tab still checks the manifest's generation before it writes.
			return navigator.locks ? navigator.locks.request(`${folder}:write`, work) : work();
		},
		async list() {
			const names: string[] = [];
			for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
			return names;
		}
	};
	return { store, persistent };
}

/**
 * Writes a file of the saved data from a worker, through a synchronous access handle: the bytes go straight to
 * the file from the worker's thread. Written from the page through a writable stream, they were copied through
 * the browser process, which slowed DuckDB on the other core as it took in the same rows.
 */
export async function writeFromWorker(name: string, bytes: Uint8Array, folder = SNAPSHOT_FOLDER): Promise<void> {
	const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
	const handle = await (await directory.getFileHandle(name, { create: true })).createSyncAccessHandle();
	try {
		handle.truncate(0);
		let written = 0;
		while (written < bytes.length) written += handle.write(bytes.subarray(written), { at: written });
		handle.flush();
	} finally {
		handle.close();
	}
}
