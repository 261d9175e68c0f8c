/** A uniform generator on [0, 1). */
export type Random = () => number;

/**
 * Seeded generator: Mulberry32 (Tommy Ettinger, public domain), a 32-bit state with period 2^32 —
 * ample for a few million draws per analysis, and the same stream in every JavaScript engine.
 */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A uniform integer in [0, size). */
export function randomIndex(random: Random, size: number): number {
	return Math.floor(random() * size);
}

/**
 * Moves a uniform random ordered sample of `count` items, drawn without replacement from
 * `pool[0..size)`, into `pool[0..count)` (partial Fisher–Yates; Knuth, TAOCP vol. 2, Algorithm P).
 * Any starting order of the pool gives a uniform sample, so the pool can be reused between draws.
 */
export function sampleInPlace<T>(random: Random, pool: { [index: number]: T }, size: number, count: number): void {
	for (let position = 0; position < count; position++) {
		const pick = position + randomIndex(random, size - position);
		const held = pool[position];
		pool[position] = pool[pick];
		pool[pick] = held;
	}
}
