/** Runs `work` as a performance measure named `name`, for the benchmarks (`npm run bench:import` prints `import:`). */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
	const start = performance.now();
	try {
		return await work();
	} finally {
		performance.measure(name, { start });
	}
}
