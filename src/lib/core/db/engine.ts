/** A row as the views see it: plain numbers, strings, booleans and ISO dates — never BigInt. */
export type Row = Record<string, number | string | boolean | null>;

/**
 * What every view's SQL runs on: the `cases` and `groups` relations, answered as plain rows. The app's own
 * database is one; a server DuckDB over partitioned Parquet (`parquet.server.ts`) is another, for data that has
 * outgrown one browser.
 */
export interface QueryEngine {
	query(sql: string): Promise<Row[]>;
	exec(sql: string): Promise<void>;
}

/**
 * The one database behind the app, whatever runs it (DuckDB-WASM in a browser worker, or the blocking
 * DuckDB-WASM build in Node for tests and the command line). Same engine, same SQL; it also takes imports.
 */
export interface Engine extends QueryEngine {
	/** Makes `text` readable by SQL as the file `name` (e.g. `read_csv('name')`). */
	registerText(name: string, text: string): Promise<void>;
	/**
	 * Makes a file readable by SQL as `name`: a browser `File` is read in place, in slices, as SQL asks for it;
	 * bytes are copied in.
	 */
	registerFile(name: string, file: File | Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** The result of `sql` as Arrow IPC stream bytes (types kept exactly), for snapshots. */
	exportArrow(sql: string): Promise<Uint8Array>;
	/** Creates `table` from Arrow IPC stream bytes made by `exportArrow`. */
	importArrow(table: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Appends Arrow IPC stream bytes to the existing `table`, column by column in order. In the browser the bytes
	 * are moved to the database's worker: the caller cannot read them afterwards.
	 */
	appendArrow(table: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Settles when the engine has stopped for good (its worker crashed or was ended): every call made since
	 * fails with `EngineStopped`. Absent where the engine cannot stop on its own (Node).
	 */
	readonly stopped?: Promise<EngineStopped>;
}

/** The database's worker is gone: nothing more can be asked of it until the page is loaded again. */
export class EngineStopped extends Error {
	constructor() {
		super('the database stopped');
	}
}

/** DuckDB downloads extensions on its own unless told not to; the app is offline (TOOLCHAIN.md). */
export const OFFLINE_SETTINGS = `
SET autoload_known_extensions = false;
SET autoinstall_known_extensions = false;
`;
