import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowToRows } from './convert';
import { EngineStopped, OFFLINE_SETTINGS, type Engine } from './engine';

let shared: Promise<Engine> | undefined;

/**
 * The app's one database: DuckDB-WASM in a Web Worker, its wasm and worker served by the app (no CDN).
 * Every caller awaits the same promise, so nothing opens a second instance (Mosaic's `wasm.ts` habit).
 * Only the exception-handling bundle ships: every current browser supports it, and it halves the build.
 */
export function browserEngine(): Promise<Engine> {
	shared ??= openBrowserEngine();
	return shared;
}

async function openBrowserEngine(): Promise<Engine> {
	performance.mark('duckdb:start');
	const { worker, stopped } = watchedWorker(new URL(ehWorker, location.href).href);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A dead worker never answers: every call races its end, so that nothing waits forever.
	const ended = stopped.then((error) => Promise.reject(error));
	ended.catch(() => {});
	const guard = <T>(call: Promise<T>): Promise<T> => Promise.race([call, ended]);
	// Absolute: the worker runs from a blob: address, against which a path cannot be resolved.
	await guard(db.instantiate(new URL(ehWasm, location.href).href));
	performance.mark('duckdb:instantiated');
	await guard(db.open({}));
	const connection = await guard(db.connect());
	await guard(connection.query(OFFLINE_SETTINGS));
	return {
		stopped,
		async query(sql) {
			return arrowToRows(await guard(connection.query(sql)));
		},
		async exec(sql) {
			await guard(connection.query(sql));
		},
		async registerText(name, text) {
			await guard(db.registerFileText(name, text));
		},
		async registerFile(name, file) {
			// A file handle, not a buffer: `registerFileBuffer` copies the whole file (duckdb-wasm #706).
			if (file instanceof Uint8Array) await guard(db.registerFileBuffer(name, file));
			else await guard(db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true));
		},
		async exportArrow(sql) {
			// DuckDB's own IPC bytes, not parsed and written again on the page's thread (hundreds of ms at 1 M rows).
			const file = await guard(connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql)));
			return ipcFileToStream(file);
		},
		async importArrow(table, bytes) {
			await guard(connection.insertArrowFromIPCStream(bytes, { name: table, create: true }));
		},
		async appendArrow(table, bytes) {
			await guard(connection.insertArrowFromIPCStream(bytes, { name: table, create: false }));
		},
		async dropFile(name) {
			await guard(db.dropFile(name));
		}
	};
}

/**
 * DuckDB's worker, started by a two-line wrapper that first takes a Web Lock of its own and holds it for as long
 * as it lives. The browser releases a lock when its holder ends, however it ends (a crash, `terminate()`,
 * `close()`), and a worker's end raises no event on the page: the page's request for the same lock, queued after
 * the worker's, is granted exactly then. Without Web Locks (an old browser) the end goes unnoticed.
 */
function watchedWorker(script: string): { worker: Worker; stopped: Promise<EngineStopped> } {
	const lock = `ward-hotspots:duckdb:${crypto.randomUUID()}`;
	const source = `navigator.locks?.request(${JSON.stringify(lock)}, () => new Promise(() => {}));\nimportScripts(${JSON.stringify(script)});\n`;
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	const worker = new Worker(url);
	const stopped = new Promise<EngineStopped>((resolve) => {
		if (!navigator.locks) return;
		void (async () => {
			// The worker's request must be first in the queue: wait until it holds the lock (it takes it before
			// anything else, so a worker that never does within a minute never started, and `instantiate` says so).
			for (let tries = 0; !(await navigator.locks.query()).held?.some((held) => held.name === lock); tries++) {
				if (tries === 1200) return;
				await new Promise((wait) => setTimeout(wait, 50));
			}
			URL.revokeObjectURL(url);
			await navigator.locks.request(lock, async () => {});
			resolve(new EngineStopped());
		})();
	});
	return { worker, stopped };
}

/**
 * The stream inside an Arrow IPC file: the file is the magic `ARROW1` padded to 8 bytes, the stream (ending in
 * its end-of-stream marker), the footer, the footer's length (int32) and `ARROW1` again (Arrow columnar format,
 * "IPC File Format"). A view, not a copy.
 */
function ipcFileToStream(file: Uint8Array): Uint8Array {
	const footerLength = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(file.byteLength - 10, true);
	return file.subarray(8, file.byteLength - 10 - footerLength);
}
