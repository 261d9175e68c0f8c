/** A uniform draw in [0, 1). Every random choice of the demo goes through one of these. */
export type Rng = () => number;

/**
 * Mulberry32: a 32-bit state generator, small and fast, good enough for synthetic data (not for anything
 * that needs unpredictability). Integer arithmetic only, so the same seed gives the same stream on any engine.
 */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seed for an independent stream, so changing how cases are drawn never moves the map. */
export function streamSeed(seed: number, stream: number): number {
	let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Poisson draw by multiplying uniforms until the product falls below e^-λ (Knuth). The demo's λ are well
 * below 1, where this is exact and cheap; large λ are split into chunks so e^-λ never underflows.
 */
export function poisson(rng: Rng, lambda: number): number {
	if (!(lambda >= 0)) throw new RangeError(`poisson: bad lambda ${lambda}`);
	let count = 0;
	let remaining = lambda;
	while (remaining > 0) {
		const chunk = Math.min(remaining, 20);
		remaining -= chunk;
		const limit = Math.exp(-chunk);
		let product = rng();
		while (product > limit) {
			count += 1;
			product *= rng();
		}
	}
	return count;
}

/** An integer in [min, max], both inclusive. */
export function integerBetween(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

/** Picks a value with probability proportional to its weight. */
export function weightedPick<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
	let total = 0;
	for (const [, weight] of options) total += weight;
	let target = rng() * total;
	for (const [value, weight] of options) {
		target -= weight;
		if (target < 0) return value;
	}
	return options[options.length - 1][0];
}
