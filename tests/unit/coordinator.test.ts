import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { QueryCoordinator, StaleQuery } from '../../src/lib/core/db/coordinator';
import { openNodeEngine } from '../../src/lib/core/db/node';

/** A real engine that counts the SQL it is sent. */
function counted(engine: Engine) {
	const sent: string[] = [];
	return {
		sent,
		engine: { ...engine, query: (sql: string) => (sent.push(sql), engine.query(sql)) } satisfies Engine
	};
}

/** Flushes only when the test says so, standing in for the next animation frame. */
function manualFrames() {
	let pending: (() => void) | null = null;
	return {
		schedule: (flush: () => void) => (pending = flush),
		nextFrame: () => {
			const flush = pending;
			pending = null;
			flush?.();
		}
	};
}

describe('query coordinator', () => {
	let real: Engine;
	beforeAll(async () => {
		real = await openNodeEngine();
		await real.exec('CREATE TABLE t AS SELECT range AS x FROM range(10)');
	});

	test('requests of one frame are sent together, identical SQL once', async () => {
		const { sent, engine } = counted(real);
		const frames = manualFrames();
		const coordinator = new QueryCoordinator(engine, frames.schedule);
		const a = coordinator.request('a', 'SELECT count(*) AS n FROM t');
		const b = coordinator.request('b', 'SELECT count(*) AS n FROM t');
		expect(sent).toEqual([]);
		frames.nextFrame();
		expect(await a).toEqual([{ n: 10 }]);
		expect(await b).toEqual([{ n: 10 }]);
		expect(sent).toHaveLength(1);
	});

	test("a view's newer request replaces its unsent one, which is never sent", async () => {
		const { sent, engine } = counted(real);
		const frames = manualFrames();
		const coordinator = new QueryCoordinator(engine, frames.schedule);
		const old = coordinator.request('kpi', 'SELECT 1 AS v');
		const latest = coordinator.request('kpi', 'SELECT 2 AS v');
		frames.nextFrame();
		await expect(old).rejects.toBeInstanceOf(StaleQuery);
		expect(await latest).toEqual([{ v: 2 }]);
		expect(sent).toEqual(['SELECT 2 AS v']);
	});

	test('an answer overtaken by a newer request of the same view is dropped', async () => {
		const frames = manualFrames();
		const coordinator = new QueryCoordinator(real, frames.schedule);
		const old = coordinator.request('kpi', 'SELECT 1 AS v');
		frames.nextFrame();
		const latest = coordinator.request('kpi', 'SELECT 3 AS v');
		frames.nextFrame();
		await expect(old).rejects.toBeInstanceOf(StaleQuery);
		expect(await latest).toEqual([{ v: 3 }]);
	});

	test('answers are cached until the data changes', async () => {
		const { sent, engine } = counted(real);
		const coordinator = new QueryCoordinator(engine, (flush) => flush());
		expect(await coordinator.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 45 }]);
		await real.exec('INSERT INTO t VALUES (100)');
		expect(await coordinator.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 45 }]);
		expect(sent).toHaveLength(1);
		coordinator.dataChanged();
		expect(await coordinator.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 145 }]);
		expect(sent).toHaveLength(2);
	});

	test('a failed query is not cached', async () => {
		const { sent, engine } = counted(real);
		const coordinator = new QueryCoordinator(engine, (flush) => flush());
		await expect(coordinator.query('SELECT * FROM missing_table')).rejects.toThrow();
		await expect(coordinator.query('SELECT * FROM missing_table')).rejects.toThrow();
		expect(sent).toHaveLength(2);
	});
});
