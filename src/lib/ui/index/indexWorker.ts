/// <reference lib="webworker" />
import { CaseIndex } from '$lib/core/index/caseIndex';

/**
 * Builds the case index off the page's thread: at a million cases it takes most of a second (longer on a ward
 * PC), which the page would otherwise spend frozen. Its arrays are moved back, not copied.
 */
self.onmessage = ({ data }: MessageEvent<{ groupCodes: string[]; cases: Uint8Array }>) => {
	try {
		const { parts } = CaseIndex.fromArrow(data.groupCodes, data.cases);
		self.postMessage({ parts }, CaseIndex.buffers(parts));
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) });
	}
};
