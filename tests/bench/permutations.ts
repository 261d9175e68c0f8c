import { giStar } from '../../src/lib/core/analysis/gistar';
import { localMoran } from '../../src/lib/core/analysis/localMoran';
import { mulberry32 } from '../../src/lib/core/analysis/random';

/**
 * `npx tsx tests/bench/permutations.ts`: Local Moran's and Gi*'s 999 conditional permutations in Node at 1,500 and
 * 6,000 groups (README, Statistics). The groups are a square grid with queen contiguity (up to 8 neighbours, as
 * residential groups have 4–8) and skewed counts like a year of cases; medians of `BENCH_RUNS` runs (default 7).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function queenGrid(count: number): number[][] {
	const side = Math.ceil(Math.sqrt(count));
	return Array.from({ length: count }, (_, k) => {
		const [row, col] = [Math.floor(k / side), k % side];
		const list: number[] = [];
		for (let dr = -1; dr <= 1; dr++)
			for (let dc = -1; dc <= 1; dc++) {
				const [r, c] = [row + dr, col + dc];
				const j = r * side + c;
				if ((dr || dc) && r >= 0 && c >= 0 && c < side && j < count) list.push(j);
			}
		return list;
	});
}

function skewedCounts(count: number): number[] {
	const random = mulberry32(99);
	return Array.from({ length: count }, () => Math.floor(-Math.log(1 - random()) * 20));
}

function median(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The median CPU time of a run, in ms: on a machine shared with other work, CPU time moves less than wall time. */
function time(run: () => unknown): number {
	run();
	const times: number[] = [];
	for (let k = 0; k < RUNS; k++) {
		const start = process.cpuUsage();
		run();
		const used = process.cpuUsage(start);
		times.push((used.user + used.system) / 1000);
	}
	return median(times);
}

for (const count of [1_500, 6_000]) {
	const neighbours = queenGrid(count);
	const values = skewedCounts(count);
	const moran = time(() => localMoran(values, neighbours));
	const gi = time(() => giStar(values, neighbours, { inference: 'permutation' }));
	console.log(
		`${count} groups: Local Moran ${moran.toFixed(1)} ms, Gi* (permutation) ${gi.toFixed(1)} ms ` +
			`(median CPU time of ${RUNS} runs)`
	);
}
