import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from './convert';
import { OFFLINE_SETTINGS, type Engine } from './engine';

const require = createRequire(import.meta.url);
// The blocking build `require`s Arrow's CommonJS copy; its tables must be written by that same copy
// (an ESM import would be a second module instance whose `instanceof` checks fail).
const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');

/**
 * The same DuckDB-WASM build as the browser, run blocking in Node (unit tests, command line). Synchronous
 * underneath; wrapped in promises so callers are written once for both.
 */
export async function openNodeEngine(): Promise<Engine> {
	const bundles = {
		mvp: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs')
		}
	};
	const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({});
	const connection = db.connect();
	connection.query(OFFLINE_SETTINGS);
	return {
		async query(sql) {
			return arrowToRows(connection.query(sql));
		},
		async exec(sql) {
			connection.query(sql);
		},
		async registerText(name, text) {
			db.registerFileText(name, text);
		},
		async registerFile(name, file) {
			db.registerFileBuffer(name, file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()));
		},
		async exportArrow(sql) {
			return tableToIPC(connection.query(sql), 'stream');
		},
		async importArrow(table, bytes) {
			connection.insertArrowFromIPCStream(bytes, { name: table, create: true });
		},
		async appendArrow(table, bytes) {
			connection.insertArrowFromIPCStream(bytes, { name: table, create: false });
		},
		async dropFile(name) {
			db.dropFile(name);
		}
	};
}
