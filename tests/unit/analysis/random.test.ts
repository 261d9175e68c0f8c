import { describe, expect, it } from 'vitest';
import { mulberry32, sampleInPlace } from '$lib/core/analysis';

describe('seeded generator', () => {
	it('repeats its stream for a seed and differs between seeds', () => {
		const draw = (seed: number) => {
			const random = mulberry32(seed);
			return Array.from({ length: 20 }, random);
		};
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
	});

	it('is uniform on [0, 1): chi-square over 10 bins below the 0.999 quantile', () => {
		const random = mulberry32(7);
		const counts = new Array<number>(10).fill(0);
		const draws = 100_000;
		let outside = 0;
		for (let k = 0; k < draws; k++) {
			const u = random();
			if (u < 0 || u >= 1) outside++;
			else counts[Math.floor(u * 10)]++;
		}
		expect(outside).toBe(0);
		const expected = draws / 10;
		const chiSquare = counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
		// χ²(9) 0.999 quantile = 27.877 (standard tables)
		expect(chiSquare).toBeLessThan(27.877);
	});

	it('samples without replacement, each item equally often', () => {
		const random = mulberry32(1);
		const pool = [10, 11, 12, 13, 14, 15];
		const seen = new Map<number, number>();
		const rounds = 30_000;
		let repeats = 0;
		for (let round = 0; round < rounds; round++) {
			sampleInPlace(random, pool, pool.length, 3);
			const sample = pool.slice(0, 3);
			if (new Set(sample).size !== 3) repeats++;
			for (const item of sample) seen.set(item, (seen.get(item) ?? 0) + 1);
		}
		expect(repeats).toBe(0);
		expect([...pool].sort()).toEqual([10, 11, 12, 13, 14, 15]);
		// each item is in a 3-of-6 sample with probability 1/2: 15,000 expected, sd ≈ 87
		for (const item of pool) expect(Math.abs(seen.get(item)! - rounds / 2)).toBeLessThan(500);
	});

	it('gives every 3-of-6 subset of a fresh pool the same chance', () => {
		const random = mulberry32(3);
		const counts = new Map<string, number>();
		const rounds = 40_000;
		for (let round = 0; round < rounds; round++) {
			const pool = [0, 1, 2, 3, 4, 5];
			sampleInPlace(random, pool, pool.length, 3);
			const key = pool.slice(0, 3).sort().join('');
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		expect(counts.size).toBe(20);
		const expected = rounds / 20;
		const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
		// χ²(19) 0.999 quantile = 43.82 (standard tables)
		expect(chiSquare).toBeLessThan(43.82);
	});
});
