/// <reference lib="webworker" />
import { writeFromWorker } from '$lib/core/db/opfsStore';
import { ImportError } from '$lib/core/import/report';
import { ImportSession, type ProgressListener } from '$lib/core/import/session';
import type { ImportCall, ImportCalls, ImportReply, ImportRequest } from './importProtocol';

/* The import worker: reads and maps the cases file off the page's thread (see importProtocol.ts). */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new ImportSession();

/**
 * Reading ahead while the user looks at the mapping: one column per task, so that a request waits at most for
 * the column being read. Any request but a question about labels stops it; the labels' question restarts it with
 * the mapping the page shows.
 */
let ahead: (() => void)[] = [];

function readAhead(): void {
	const next = ahead.shift();
	if (!next) return;
	next();
	setTimeout(readAhead, 0);
}

/** The accepted rows of the last import, kept for `stage`: the page's copy goes to the database. */
let kept: Uint8Array | null = null;

scope.onmessage = async ({ data: request }: MessageEvent<ImportRequest>) => {
	const { id } = request;
	ahead = [];
	const onProgress: ProgressListener = (progress) => post({ id, type: 'progress', progress });
	try {
		const answer = await run(request, onProgress);
		// The canonical rows are moved to the page, not copied.
		const transfer = answer && typeof answer === 'object' && 'rows' in answer ? [answer.rows] : [];
		post({ id, type: 'answer', answer }, transfer);
	} catch (error) {
		const code = error instanceof ImportError ? error.code : null;
		const detail = error instanceof ImportError ? error.detail : error instanceof Error ? error.message : String(error);
		post({ id, type: 'failed', code, detail, hint: error instanceof ImportError ? error.hint : undefined });
	}
};

async function run(
	request: ImportRequest,
	onProgress: ProgressListener
): Promise<ImportCalls[ImportCall]['answer']> {
	switch (request.call) {
		case 'open': {
			const files = await Promise.all(
				request.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))
			);
			return session.open(files, onProgress);
		}
		case 'sheet':
			return session.chooseSheet(request.sheet, onProgress);
		case 'header':
			return session.chooseHeader(request.line, onProgress);
		case 'dropPersonalData':
			return session.dropPersonalData();
		case 'unknownLabels': {
			const unknown = session.unknownLabels(request.mapping, request.maps);
			ahead = session.readAhead(request.mapping);
			setTimeout(readAhead, 0);
			return unknown;
		}
		case 'casesInput': {
			const { rows, ...checked } = session.casesInput(request.mapping, request.maps, request.rules, onProgress);
			kept = request.keep ? rows.slice() : null;
			return { ...checked, rows: ownBuffer(rows) };
		}
		case 'stage': {
			const rows = kept;
			kept = null;
			return rows !== null && (await writeFromWorker(request.file, rows).then(() => true, () => false));
		}
		case 'rejectedCsv':
			return session.rejectedCsv(request.rejections, request.words);
		case 'release':
			session.release();
			kept = null;
			return null;
	}
}

/** The bytes as a buffer of their own, so that transferring it moves exactly them. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
	return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

function post(reply: ImportReply, transfer: Transferable[] = []): void {
	scope.postMessage(reply, transfer);
}
