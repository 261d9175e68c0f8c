import { ImportError } from '$lib/core/import/report';
import type { ImportProgress } from '$lib/core/import/session';
import type { ImportCall, ImportCalls, ImportReply, ImportRequest } from './importProtocol';

interface Pending {
	resolve: (answer: unknown) => void;
	reject: (error: Error) => void;
	onProgress?: (progress: ImportProgress) => void;
}

/**
 * The page's side of the import worker: each call is a request answered once, with progress on the way. A
 * refusal comes back as the `ImportError` the core threw, so the page handles it as before.
 */
export class ImportWorkerClient {
	#worker: Worker | null = null;
	/** Whether the worker has been asked anything: one that has not is as good as a new one. */
	#used = false;
	#nextId = 0;
	#pending = new Map<number, Pending>();

	call<Call extends ImportCall>(
		call: Call,
		request: ImportCalls[Call]['request'],
		onProgress?: (progress: ImportProgress) => void
	): Promise<ImportCalls[Call]['answer']> {
		const id = ++this.#nextId;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (answer: unknown) => void, reject, onProgress });
			const worker = this.#start();
			this.#used = true;
			worker.postMessage({ id, call, ...request } as ImportRequest);
		});
	}

	/**
	 * A worker that has done nothing yet, started now if need be: whatever an older one was doing is dropped, and
	 * the next call does not wait for the worker's code to load.
	 */
	fresh(): void {
		if (this.#worker && !this.#used) return;
		this.terminate();
		this.#start();
	}

	/** Stops the worker and whatever it was doing; the next call starts a fresh one. */
	terminate(reason = new Error('the import was cancelled')): void {
		this.#worker?.terminate();
		this.#worker = null;
		for (const pending of this.#pending.values()) pending.reject(reason);
		this.#pending.clear();
	}

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
		this.#used = false;
		worker.onmessage = ({ data: reply }: MessageEvent<ImportReply>) => this.#receive(reply);
		worker.onerror = (event) => {
			event.preventDefault();
			this.terminate(new Error(event.message || 'the import worker stopped'));
		};
		this.#worker = worker;
		return worker;
	}

	#receive(reply: ImportReply): void {
		const pending = this.#pending.get(reply.id);
		if (!pending) return;
		if (reply.type === 'progress') {
			pending.onProgress?.(reply.progress);
			return;
		}
		this.#pending.delete(reply.id);
		if (reply.type === 'answer') pending.resolve(reply.answer);
		else pending.reject(reply.code ? new ImportError(reply.code, reply.detail, reply.hint) : new Error(reply.detail));
	}
}
