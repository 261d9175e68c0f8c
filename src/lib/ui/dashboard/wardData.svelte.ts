import groupsUrl from '../../../../data/demo/groups.geojson?url';
import casesUrl from '../../../../data/demo/cases.csv?url';
import { browserEngine } from '$lib/core/db/browser';
import { QueryCoordinator } from '$lib/core/db/coordinator';
import { readDataset, replaceDataset } from '$lib/core/import/dataset';
import type { GroupWithGeometry } from '$lib/core/import/groups';
import type { ImportReport } from '$lib/core/import/report';
import { dataExtentQuery } from '$lib/core/queries/dashboard';
import type { DataContext } from '$lib/core/queries/view';

/**
 * The ward's data as the whole app sees it: opened once, shared by every page. For now the bundled demo ward
 * is loaded at start through the same import path a user's files take.
 */
export class WardData {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state<string | null>(null);
	synthetic = $state(false);
	groups = $state.raw<GroupWithGeometry[]>([]);
	context = $state.raw<DataContext | null>(null);
	reports = $state.raw<ImportReport[]>([]);
	coordinator = $state.raw<QueryCoordinator | null>(null);

	async load(): Promise<void> {
		try {
			const engine = browserEngine().then(marked('ward:engine-open'));
			const [groupsText, casesText] = await Promise.all([fetchText(groupsUrl), fetchText(casesUrl)]);
			const dataset = readDataset({
				groups: { name: 'groups.geojson', text: groupsText },
				cases: { name: 'cases.csv', text: casesText }
			});
			// The map can draw the ward while the cases are still being imported.
			this.groups = dataset.groups;
			this.synthetic = true;
			const db = await engine;
			const loaded = await replaceDataset(db, dataset);
			performance.mark('ward:data-imported');
			this.coordinator = new QueryCoordinator(db);
			const [extent] = await this.coordinator.query(dataExtentQuery());
			if (!extent.last_date) throw new Error('cases.csv: no case was accepted');
			this.reports = loaded.reports;
			this.context = {
				firstDate: String(extent.first_date),
				lastDate: String(extent.last_date),
				groupCodes: loaded.groups.map((group) => group.group_code)
			};
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}
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
		void shared.load();
	}
	return shared;
}
