import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { OFFLINE_SETTINGS, type QueryEngine, type Row } from './engine';
import { CREATE_TABLES } from './schema';

/*
 * The views' SQL on a server DuckDB (`@duckdb/node-api`, Parquet built in) when a city outgrows one browser: the
 * same `cases` and `groups` relations as the app's tables, served from Parquet partitioned by ward and year in
 * the hive layout a server DuckDB or MotherDuck reads from object storage (docs/deployment.md):
 *
 *   DIR/cases/ward_code=W01/year=2019/data_0.parquet
 *   DIR/groups/ward_code=W01/data_0.parquet
 *
 * Server-only (`.server`): SvelteKit refuses to bundle it into the browser app.
 */

const TABLES = ['cases', 'groups'] as const;
type Table = (typeof TABLES)[number];

/** The ward of rows whose data names none: the demo is a single ward. */
export const DEFAULT_WARD = 'W01';

/** A ward code is a directory name in the layout: letters, digits, `_` and `-` only. */
export function isWardCode(code: string): boolean {
	return /^[A-Za-z0-9_-]+$/.test(code);
}

export interface ParquetEngine extends QueryEngine {
	close(): void;
}

export interface ParquetOptions {
	/** Serve only these wards (their partitions alone are read); all wards when absent or empty. */
	wards?: readonly string[];
}

/**
 * Opens a server DuckDB whose `cases` and `groups` are views over the partitioned Parquet in `dir`, typed as the
 * app's tables (`CREATE_TABLES`): Parquet keeps an ENUM as text, and text sorts by letter where the app's ENUM
 * sorts by code order, so each column is cast back to the app's type.
 */
export async function openParquetEngine(dir: string, options: ParquetOptions = {}): Promise<ParquetEngine> {
	for (const table of TABLES) {
		if (!existsSync(join(dir, table))) {
			throw new Error(`${dir} holds no ${table}/ folder of partitioned Parquet (npm run export:parquet writes one)`);
		}
	}
	const wards = options.wards ?? [];
	const bad = wards.find((code) => !isWardCode(code));
	if (bad !== undefined) throw new Error(`"${bad}" is not a ward code (letters, digits, _ and -)`);
	const held = partitions(join(dir, 'groups')).map((partition) => partition.replace(/^ward_code=/, ''));
	const missing = wards.find((code) => !held.includes(code));
	if (missing !== undefined) throw new Error(`${dir} holds no ward ${missing} (it holds ${held.join(', ') || 'none'})`);
	const { instance, connection } = await openWithModel();
	const engine = engineOn(instance, connection);
	try {
		for (const table of TABLES) {
			const columns = await modelColumns(engine, table);
			const select = columns
				.filter((column) => column.name !== 'ward_code')
				.map(({ name, type }) => `CAST(${quote(name)} AS ${type}) AS ${quote(name)}`);
			// The chosen wards' folders only: nothing else is opened, not even its footers.
			const folders = wards.length ? wards.map((code) => `ward_code=${code}`) : ['*'];
			const globs = folders.map((folder) => text(join(resolve(dir), table, folder, '**', '*.parquet')));
			const hiveTypes = table === 'cases' ? `{'ward_code': VARCHAR, 'year': INTEGER}` : `{'ward_code': VARCHAR}`;
			const source = `read_parquet([${globs.join(', ')}], hive_partitioning = true, hive_types = ${hiveTypes})`;
			await engine.exec(`CREATE VIEW main.${table} AS SELECT ${select.join(', ')}, ward_code FROM ${source}`);
		}
	} catch (error) {
		engine.close();
		throw error;
	}
	return engine;
}

/**
 * Writes the rows of `source` (an engine holding the app's `cases` and `groups`, e.g. after `loadDataset`) to `dir`
 * in the partitioned layout. A case's ward is its own `ward_code`, else its group's, else `ward` (today's model has
 * no ward column: the whole import is one ward). The wards written replace their own earlier partitions in `dir`,
 * only once every file is written; other wards' stay as they are.
 */
export async function writePartitionedParquet(
	source: QueryEngine,
	dir: string,
	ward: string = DEFAULT_WARD
): Promise<{ wards: string[]; cases: number; groups: number }> {
	if (!isWardCode(ward)) throw new Error(`"${ward}" is not a ward code (letters, digits, _ and -)`);
	const staging = join(dir, `.export-${process.pid}-${Date.now()}`);
	const { instance, connection } = await openWithModel();
	const engine = engineOn(instance, connection);
	try {
		mkdirSync(staging, { recursive: true });
		const staged = {
			cases: await stageRows(source, engine, connection, 'cases'),
			groups: await stageRows(source, engine, connection, 'groups')
		};
		const groupWard = staged.groups.columns.includes('ward_code') ? 'g.ward_code' : null;
		const caseWard = staged.cases.columns.includes('ward_code') ? 'c.ward_code' : null;
		const wardOf = (...columns: (string | null)[]) => `coalesce(${[...columns.filter(Boolean), text(ward)].join(', ')})`;
		// The group's ward only when cases have none: group codes may repeat across wards once cases name theirs.
		const joinGroups = !caseWard && groupWard;
		const copies = {
			cases:
				`SELECT ${await typed(engine, 'cases', 'c')}, ${wardOf(caseWard ?? groupWard)} AS ward_code, ` +
				`year(CAST(c.reported_on AS DATE)) AS year FROM staged_cases c` +
				(joinGroups ? ' LEFT JOIN staged_groups g ON g.group_code = c.group_code' : ''),
			groups: `SELECT ${await typed(engine, 'groups', 'g')}, ${wardOf(groupWard)} AS ward_code FROM staged_groups g`
		};
		for (const table of TABLES) {
			const by = table === 'cases' ? 'ward_code, year' : 'ward_code';
			await engine.exec(`COPY (${copies[table]}) TO ${text(join(staging, table))} (FORMAT parquet, PARTITION_BY (${by}))`);
		}
		// A ward's cases and groups are replaced together, even where one of them has no partition now.
		const wards = [...new Set(TABLES.flatMap((table) => partitions(join(staging, table))))].sort();
		for (const table of TABLES) {
			for (const partition of wards) {
				const target = join(dir, table, partition);
				rmSync(target, { recursive: true, force: true });
				if (!existsSync(join(staging, table, partition))) continue;
				mkdirSync(dirname(target), { recursive: true });
				renameSync(join(staging, table, partition), target);
			}
		}
		const written = wards.map((partition) => partition.replace(/^ward_code=/, ''));
		return { wards: written, cases: staged.cases.rows, groups: staged.groups.rows };
	} finally {
		rmSync(staging, { recursive: true, force: true });
		engine.close();
	}
}

/** The `ward_code=…` folders under `dir`, none if it does not exist. */
function partitions(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('ward_code=')) : [];
}

/** A fresh in-memory DuckDB, offline, with the app's empty tables (and their ENUM types) in the schema `model`. */
async function openWithModel(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	await connection.run(`${OFFLINE_SETTINGS} CREATE SCHEMA model; SET schema = 'model'; ${CREATE_TABLES} SET schema = 'main';`);
	return { instance, connection };
}

function engineOn(instance: DuckDBInstance, connection: DuckDBConnection): ParquetEngine {
	return {
		async query(sql) {
			return readerToRows(await connection.runAndReadAll(sql));
		},
		async exec(sql) {
			await connection.run(sql);
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}

/** The columns of the app's table, with their SQL types (an ENUM spelled out: `ENUM('land', …)`). */
async function modelColumns(engine: QueryEngine, table: Table): Promise<{ name: string; type: string }[]> {
	const rows = await engine.query(
		`SELECT column_name, data_type FROM duckdb_columns() ` +
			`WHERE schema_name = 'model' AND table_name = ${text(table)} ORDER BY column_index`
	);
	return rows.map((row) => ({ name: String(row.column_name), type: String(row.data_type) }));
}

/**
 * Copies `table` from `source` into the text table `staged_<table>`: dates as ISO strings, numbers in their
 * shortest round-trip form, so that casting them back (`typed`) gives the same values.
 */
async function stageRows(
	source: QueryEngine,
	engine: QueryEngine,
	target: DuckDBConnection,
	table: Table
): Promise<{ rows: number; columns: string[] }> {
	const rows = await source.query(`SELECT * FROM ${table}`);
	const columns = rows.length ? Object.keys(rows[0]) : (await modelColumns(engine, table)).map(({ name }) => name);
	await target.run(`CREATE TABLE main.staged_${table} (${columns.map((name) => `${quote(name)} VARCHAR`).join(', ')})`);
	const appender = await target.createAppender(`staged_${table}`, 'main');
	for (const row of rows) {
		for (const name of columns) {
			const value = row[name];
			if (value === null) appender.appendNull();
			else appender.appendVarchar(String(value));
		}
		appender.endRow();
	}
	appender.closeSync();
	return { rows: rows.length, columns };
}

/** The model's columns but the ward's, from the staged text of `alias`, cast to the app's types. */
async function typed(engine: QueryEngine, table: Table, alias: string): Promise<string> {
	return (await modelColumns(engine, table))
		.filter((column) => column.name !== 'ward_code')
		.map(({ name, type }) => `CAST(${alias}.${quote(name)} AS ${type}) AS ${quote(name)}`)
		.join(', ');
}

/**
 * Plain rows as the app's engines give them (`convert.ts`): 64-bit integers and decimals as numbers, dates as ISO
 * `YYYY-MM-DD`, timestamps as ISO strings, so a view cannot tell the engines apart.
 */
function readerToRows(reader: DuckDBResultReader): Row[] {
	const names = reader.columnNames();
	const types = names.map((_, index) => reader.columnTypeId(index));
	return reader.getRowObjectsJS().map((values) => {
		const row: Row = {};
		names.forEach((name, index) => {
			row[name] = plain(values[name], types[index]);
		});
		return row;
	});
}

function plain(value: unknown, type: DuckDBTypeId): Row[string] {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return type === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
	return String(value);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
