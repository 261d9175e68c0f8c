import type { Engine } from '$lib/core/db/engine';
import { CaseIndex, type IndexParts } from '$lib/core/index/caseIndex';

/**
 * The case index of the data in `engine`: the cases read by DuckDB's worker, the index built in a worker of its
 * own, so that the page stays responsive meanwhile (the dashboard answers by SQL until it is ready).
 */
export async function buildIndex(engine: Engine): Promise<CaseIndex> {
	const { groupCodes, cases } = await CaseIndex.read(engine);
	const worker = new Worker(new URL('./indexWorker.ts', import.meta.url), { type: 'module' });
	try {
		const parts = await new Promise<IndexParts>((resolve, reject) => {
			worker.onmessage = ({ data }: MessageEvent<{ parts?: IndexParts; error?: string }>) =>
				data.parts ? resolve(data.parts) : reject(new Error(data.error));
			worker.onerror = (event) => reject(new Error(event.message || 'the index worker failed'));
			worker.postMessage({ groupCodes, cases }, [cases.buffer as ArrayBuffer]);
		});
		return CaseIndex.fromParts(parts);
	} finally {
		worker.terminate();
	}
}

/**
 * `?index=off` when the page was loaded: every panel is then counted by SQL over the raw cases (the reference path
 * the scale benchmark compares with). Read once: the address is rewritten without it.
 */
export const indexWanted = typeof location === 'undefined' || new URLSearchParams(location.search).get('index') !== 'off';
