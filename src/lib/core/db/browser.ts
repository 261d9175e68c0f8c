import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowToRows } from './convert';
import { OFFLINE_SETTINGS, type Engine } from './engine';

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
	const worker = new Worker(ehWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(ehWasm);
	performance.mark('duckdb:instantiated');
	await db.open({});
	const connection = await db.connect();
	await connection.query(OFFLINE_SETTINGS);
	return {
		async query(sql) {
			return arrowToRows(await connection.query(sql));
		},
		async exec(sql) {
			await connection.query(sql);
		},
		async registerText(name, text) {
			await db.registerFileText(name, text);
		},
		async registerFile(name, file) {
			// A file handle, not a buffer: `registerFileBuffer` copies the whole file (duckdb-wasm #706).
			if (file instanceof Uint8Array) await db.registerFileBuffer(name, file);
			else await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async exportArrow(sql) {
			// DuckDB's own IPC bytes, not parsed and written again on the page's thread (hundreds of ms at 1 M rows).
			const file = await connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
			return ipcFileToStream(file);
		},
		async importArrow(table, bytes) {
			await connection.insertArrowFromIPCStream(bytes, { name: table, create: true });
		},
		async appendArrow(table, bytes) {
			await connection.insertArrowFromIPCStream(bytes, { name: table, create: false });
		},
		async dropFile(name) {
			await db.dropFile(name);
		}
	};
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
