import groupsUrl from '../../../../data/demo/groups.geojson?url';
import casesUrl from '../../../../data/demo/cases.csv?url';
import { browserEngine } from '$lib/core/db/browser';
import { QueryCoordinator } from '$lib/core/db/coordinator';
import type { Engine } from '$lib/core/db/engine';
import type { CaseIndex } from '$lib/core/index/caseIndex';
import { buildIndex, indexWanted } from '../index/buildIndex';
import { opfsStore, SNAPSHOT_FOLDER } from '$lib/core/db/opfsStore';
import {
	clearSnapshot,
	DamagedSnapshot,
	loadSnapshot,
	readManifest,
	memoryStore,
	nextStage,
	saveSnapshot,
	SaveRefused,
	tidySnapshot,
	type DatasetFile,
	type StagedTable,
	type SnapshotStore
} from '$lib/core/db/snapshot';
import { appendCases, readDataset, refuseEmptyWard, replaceDataset, type DatasetInput } from '$lib/core/import/dataset';
import type { CasesInput } from '$lib/core/import/cases';
import type { GroupWithGeometry } from '$lib/core/import/groups';
import { groupLayout, type GroupLayout } from '$lib/core/geo/layout';
import { timed } from '../measure';
import type { ImportReport } from '$lib/core/import/report';
import { dataExtentQuery, groupsQuery } from '$lib/core/queries/dashboard';
import { readGroups } from '$lib/core/queries/results';
import type { DataContext } from '$lib/core/queries/view';
import { wardsOf, type Ward } from '$lib/core/schema/wards';

/**
 * The ward's data as the whole app sees it: opened once, shared by every page. At start it restores the
 * user's saved data; without any, it imports the bundled demo ward through the same path a user's files take.
 */
export class WardData {
	/** `damaged`: the saved data could not be read (`damage` says why); nothing is shown until it is cleared. */
	status = $state<'loading' | 'ready' | 'damaged' | 'error'>('loading');
	error = $state<string | null>(null);
	damage = $state.raw<DamagedSnapshot | null>(null);
	synthetic = $state(false);
	/** The imported groups file that says it holds made-up data (the demo's files imported as a user's), or null. */
	get syntheticFile(): string | null {
		return this.files.find((file) => file.synthetic)?.name ?? null;
	}
	groups = $state.raw<GroupWithGeometry[]>([]);
	context = $state.raw<DataContext | null>(null);
	files = $state.raw<DatasetFile[]>([]);
	reports = $state.raw<ImportReport[]>([]);
	/** Whether the browser promised to keep the saved data (not evicted under storage pressure). */
	persistent = $state(false);
	coordinator = $state.raw<QueryCoordinator | null>(null);
	/**
	 * The case index of the data shown, once built (`wantIndex`); null meanwhile, and as soon as the data changes,
	 * so that it never answers for other data than the database holds.
	 */
	index = $state.raw<CaseIndex | null>(null);
	/** Which data the index being built is of: a build overtaken by a change of the data is dropped. */
	#indexFor = 0;
	#indexBuilding = false;
	#engine: Engine | null = null;
	#store: SnapshotStore = memoryStore();
	#loading: Promise<void> | null = null;
	/** The generation of the saved data this tab shows (null: none saved); a save from a stale tab is refused. */
	#generation: number | null = null;
	/** Another tab has saved or cleared the data since this tab loaded it: the page offers to reload it. */
	changedElsewhere = $state(false);
	/** Tells the site's other tabs of each save and clear. */
	#channel: BroadcastChannel | null = null;
	/** An import or a reload is under way: a reload must not start a second transaction. */
	#busy = false;
	/** The database's worker stopped (crashed): nothing can be shown or saved until the page is reloaded. */
	stopped = $state(false);

	/** A district's wards, in code order; empty for a single ward. */
	wards = $derived<Ward[]>(wardsOf(this.groups));

	/** How the map shows the groups: as drawn, as cells of their centres, or on a schematic grid. */
	layout = $derived<GroupLayout>(groupLayout(this.groups));

	/** Resolves once the first load has finished (successfully or not). */
	whenLoaded(): Promise<void> {
		this.#loading ??= this.#load();
		return this.#loading;
	}

	async #load(): Promise<void> {
		try {
			const engine = browserEngine().then(marked('ward:engine-open'));
			void engine.then((db) => db.stopped?.then(() => (this.stopped = true)), () => {});
			const stored = opfsStore().catch(() => ({ store: memoryStore(), persistent: false }));
			const { store, persistent } = await stored;
			this.#store = store;
			this.persistent = persistent;
			this.#listen();
			// Without saved data, the demo is fetched and read while the database's wasm compiles, and the map can
			// draw the ward before the cases are in. Damaged saved data is never replaced by the demo in silence.
			const saved = await readManifest(store).then((manifest) => manifest !== null, () => true);
			const demo = saved ? null : this.#readDemo();
			demo?.then((dataset) => (this.groups = dataset.groups)).catch(() => {});
			const db = (this.#engine = await engine);
			this.coordinator = new QueryCoordinator(db);
			if (saved) await this.#restoreSaved(db);
			else await this.#importDemo(db, demo ?? this.#readDemo());
			performance.mark('ward:data-imported');
			if (this.status === 'damaged') return;
			await this.#refresh();
			this.status = 'ready';
			void tidySnapshot(store).catch(() => {});
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}

	/**
	 * Replaces the ward's data with the user's files, all or nothing, and saves it for the next visit. On
	 * failure the previous data, in the database and in storage, is exactly as it was, and the error is thrown.
	 * `staged`: the cases as the import worker writes them to the saved data meanwhile, if it does.
	 */
	async replace(input: DatasetInput, staged: Promise<StagedTable | null> = Promise.resolve(null)): Promise<ImportReport[]> {
		const db = this.#requireEngine();
		let files: DatasetFile[] = [];
		const loaded = await this.#saving(() =>
			timed('import:database', () =>
				replaceDataset(db, input, async (replaced) => {
					refuseEmptyWard(replaced);
					const [groupsReport, casesReport] = replaced.reports;
					const importedAt = new Date().toISOString();
					const synthetic = input.synthetic ? { synthetic: true as const } : {};
					files = [
						{ name: groupsReport.file, kind: 'groups', rows: groupsReport.accepted, importedAt, ...synthetic },
						{ name: casesReport.file, kind: 'cases', rows: casesReport.accepted, importedAt }
					];
					await this.#save(db, files, await staged);
				})
			)
		);
		this.files = files;
		this.synthetic = false;
		this.reports = loaded.reports;
		this.#dataChanged();
		await timed('import:refresh', () => this.#refresh());
		return loaded.reports;
	}

	/**
	 * Adds a newer export to the user's data (a repeated case id replaces the older row) and saves it. The demo
	 * ward is never mixed with real data: the first import must replace it.
	 */
	async append(cases: CasesInput): Promise<ImportReport> {
		const db = this.#requireEngine();
		if (this.synthetic) throw new Error('the demo ward cannot be appended to');
		let files: DatasetFile[] = [];
		const report = await this.#saving(() =>
			timed('import:database', () =>
				appendCases(db, cases, async (report) => {
					const importedAt = new Date().toISOString();
					files = [...this.files, { name: report.file, kind: 'cases', rows: report.accepted, importedAt }];
					await this.#save(db, files, null);
				})
			)
		);
		this.files = files;
		this.reports = [report];
		this.#dataChanged();
		await timed('import:refresh', () => this.#refresh());
		return report;
	}

	/** Saves the database's tables (inside the import's transaction) as the next generation of the saved data. */
	async #save(db: Engine, files: DatasetFile[], staged: StagedTable | null): Promise<void> {
		const manifest = await timed('import:save', () =>
			saveSnapshot(db, this.#store, files, { staged, expected: this.#generation })
		);
		this.#generation = manifest.generation;
		this.#channel?.postMessage({ generation: manifest.generation });
	}

	#listen(): void {
		if (typeof BroadcastChannel !== 'function') return;
		this.#channel = new BroadcastChannel(SNAPSHOT_FOLDER);
		this.#channel.onmessage = ({ data }: MessageEvent<{ generation: number | null }>) => {
			if (data.generation !== this.#generation) this.changedElsewhere = true;
		};
	}

	/** Loads the data another tab saved (`changedElsewhere`), as a reload of the page would. */
	async reloadSaved(): Promise<void> {
		if (this.#busy || (this.status !== 'ready' && this.status !== 'damaged')) return;
		this.#busy = true;
		try {
			this.damage = null;
			await this.#restoreSaved(this.#requireEngine());
			this.#dataChanged();
			if (this.damage) return;
			await this.#refresh();
			this.status = 'ready';
		} finally {
			this.#busy = false;
		}
	}

	/**
	 * Runs an import whose database transaction ends with the save. If it fails, the transaction was rolled back:
	 * the page reads the data again (queries made meanwhile saw the uncommitted rows). A stale tab first takes
	 * the data the other tab saved, so that it shows what a reload would.
	 */
	async #saving<T>(work: () => Promise<T>): Promise<T> {
		const generation = this.#generation;
		this.#busy = true;
		try {
			return await work();
		} catch (error) {
			this.#generation = generation;
			if (error instanceof SaveRefused && error.code === 'stale') await this.#restoreSaved(this.#requireEngine());
			this.#dataChanged();
			if (this.status === 'ready') await this.#refresh().catch(() => {});
			throw error;
		} finally {
			this.#busy = false;
		}
	}

	/**
	 * Where the imported cases may be written ahead of `replace`, by whoever holds their bytes (the import
	 * worker); null when the data is kept in memory only (no private file system).
	 */
	async nextStage(): Promise<StagedTable | null> {
		return this.#store.kind === 'opfs' ? nextStage(this.#store, 'cases') : null;
	}

	/** Forgets the user's data, even damaged, and goes back to the demo ward. */
	async clear(): Promise<void> {
		const db = this.#requireEngine();
		await clearSnapshot(this.#store);
		this.#channel?.postMessage({ generation: null });
		await this.#importDemo(db, this.#readDemo());
		this.#dataChanged();
		await this.#refresh();
		this.damage = null;
		this.status = 'ready';
	}

	/** Loads the saved data, or the demo when there is none; damaged saved data sets `damage`. */
	async #restoreSaved(db: Engine): Promise<void> {
		try {
			const manifest = await loadSnapshot(db, this.#store);
			if (!manifest) return this.#importDemo(db, this.#readDemo());
			this.files = manifest.files;
			this.synthetic = false;
			this.#generation = manifest.generation;
			this.changedElsewhere = false;
		} catch (error) {
			if (!(error instanceof DamagedSnapshot)) throw error;
			this.damage = error;
			this.files = [];
			this.synthetic = false;
			this.groups = [];
			this.context = null;
			this.status = 'damaged';
		}
	}

	/** The bundled demo ward, read through the same path as a user's files. */
	async #readDemo(): Promise<DatasetInput> {
		const [groupsText, casesText] = await Promise.all([fetchText(groupsUrl), fetchText(casesUrl)]);
		return readDataset({
			groups: { name: 'groups.geojson', text: groupsText },
			cases: { name: 'cases.csv', bytes: casesText }
		});
	}

	async #importDemo(db: Engine, demo: Promise<DatasetInput>): Promise<void> {
		const loaded = await replaceDataset(db, await demo);
		this.reports = loaded.reports;
		this.files = [];
		this.synthetic = true;
		this.#generation = null;
		this.changedElsewhere = false;
	}

	/**
	 * Builds the case index of the data shown, unless it is built or being built (or `?index=off`). The dashboard
	 * asks for it once it has shown its first view by SQL, so that reading the cases for the index does not hold up
	 * the first map in the database's queue.
	 */
	wantIndex(): void {
		if (!indexWanted || this.index || this.#indexBuilding || this.status !== 'ready' || !this.#engine) return;
		const data = this.#indexFor;
		this.#indexBuilding = true;
		void timed('index:build', () => buildIndex(this.#engine!))
			.then((index) => {
				if (data === this.#indexFor) this.index = index;
			})
			.catch(() => {}) // the dashboard keeps answering by SQL
			.finally(() => {
				if (data === this.#indexFor) this.#indexBuilding = false;
			});
	}

	/** The data changed: cached answers and the index are of the old data. */
	#dataChanged(): void {
		this.coordinator?.dataChanged();
		this.#indexFor++;
		this.#indexBuilding = false;
		this.index = null;
	}

	/** Reads back what the pages derive from the data: its groups and its date range. */
	async #refresh(): Promise<void> {
		const coordinator = this.coordinator!;
		const [[extent], groupRows] = await Promise.all([
			coordinator.query(dataExtentQuery()),
			coordinator.query(groupsQuery())
		]);
		if (!extent.last_date) throw new Error('no case was accepted');
		const groups = readGroups(groupRows);
		if (!sameGroups(groups, this.groups)) this.groups = groups;
		this.context = {
			firstDate: String(extent.first_date),
			lastDate: String(extent.last_date),
			groupCodes: groups.map((group) => group.group_code),
			wardCodes: wardsOf(groups).map((ward) => ward.code)
		};
	}

	#requireEngine(): Engine {
		if (!this.#engine) throw new Error('the database is not open yet');
		return this.#engine;
	}
}

/** Same codes and geometry: keep the array the map already drew, so it is not rebuilt. */
function sameGroups(a: GroupWithGeometry[], b: GroupWithGeometry[]): boolean {
	return a.length === b.length && a.every((group, i) => JSON.stringify(group) === JSON.stringify(b[i]));
}

/** Performance marks let the benchmark see where start-up time goes. */
function marked<T>(name: string): (value: T) => T {
	return (value) => {
		performance.mark(name);
		return value;
	};
}

async function fetchText(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url.split('/').pop()}: ${response.status} ${response.statusText}`);
	return response.text();
}

let shared: WardData | undefined;

/** The one `WardData` of the app, loading on first use (`hooks.client.ts` starts it before the pages load). */
export function wardData(): WardData {
	if (!shared) {
		shared = new WardData();
		void shared.whenLoaded();
	}
	return shared;
}
