import type { Engine, Row } from './engine';

/** Thrown to a view whose request was overtaken by a newer one from the same view before it could matter. */
export class StaleQuery extends Error {
	constructor() {
		super('superseded by a newer query from the same view');
	}
}

const CACHE_LIMIT = 500;

interface Pending {
	sql: string;
	resolve: (rows: Row[]) => void;
	reject: (error: unknown) => void;
}

/**
 * Runs the views' queries (Mosaic's coordinator habits, written small for this app):
 * - batched: requests made in the same frame are sent together, identical SQL once;
 * - stale-dropped: a view's newer request replaces its unsent one, and an answer to a request the view has
 *   since replaced is rejected with `StaleQuery` instead of being shown;
 * - cached: answers are kept by SQL text until `dataChanged()` clears them (mosaic issue 232 is the warning).
 */
export class QueryCoordinator {
	readonly #engine: Engine;
	readonly #schedule: (flush: () => void) => void;
	readonly #cache = new Map<string, Promise<Row[]>>();
	readonly #pending = new Map<string, Pending>();
	readonly #latest = new Map<string, number>();
	#ticket = 0;
	#generation = 0;
	#flushScheduled = false;

	constructor(engine: Engine, schedule: (flush: () => void) => void = defaultSchedule) {
		this.#engine = engine;
		this.#schedule = schedule;
	}

	/** The rows of `sql` for the view `viewKey`; rejects with `StaleQuery` if the view asks again meanwhile. */
	request(viewKey: string, sql: string): Promise<Row[]> {
		const ticket = ++this.#ticket;
		this.#latest.set(viewKey, ticket);
		this.#pending.get(viewKey)?.reject(new StaleQuery());
		return new Promise<Row[]>((resolve, reject) => {
			this.#pending.set(viewKey, { sql, resolve, reject });
			this.#scheduleFlush();
		}).then((rows) => {
			if (this.#latest.get(viewKey) !== ticket) throw new StaleQuery();
			return rows;
		});
	}

	/** One-off query outside any view (still cached). */
	query(sql: string): Promise<Row[]> {
		return this.#run(sql);
	}

	/** The data changed: every cached answer is now wrong. */
	dataChanged(): void {
		this.#generation++;
		this.#cache.clear();
	}

	#scheduleFlush(): void {
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		this.#schedule(() => {
			this.#flushScheduled = false;
			const batch = [...this.#pending.values()];
			this.#pending.clear();
			for (const { sql, resolve, reject } of batch) this.#run(sql).then(resolve, reject);
		});
	}

	#run(sql: string): Promise<Row[]> {
		const cached = this.#cache.get(sql);
		if (cached) return cached;
		const generation = this.#generation;
		const result = this.#engine.query(sql);
		if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
		this.#cache.set(sql, result);
		result.catch(() => {
			if (this.#generation === generation) this.#cache.delete(sql);
		});
		return result;
	}
}

function defaultSchedule(flush: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
	else setTimeout(flush, 0);
}
