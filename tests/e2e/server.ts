import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** 4173 unless `E2E_PORT` says otherwise (lets a run avoid a preview server someone else already has on 4173). */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://localhost:${PORT}`;

/** Vitest global setup: serves the built site (`vite build` runs first in `npm test`) with `vite preview`. */
export default async function setup(): Promise<() => Promise<void>> {
	// The bench build (`WARD_BENCH=1`: svelte.config.js) of `npm run bench:import` has its own folder, and no `/`.
	const BUILT = process.env.WARD_BENCH === '1' ? 'build-bench/data.html' : 'build/index.html';
	if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npx vite build\` before the e2e tests`);
	// Its own process group, so that stopping it also stops the `vite` process npx starts.
	const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	const stop = () => {
		try {
			if (server.pid) process.kill(-server.pid, 'SIGTERM');
		} catch {
			server.kill();
		}
	};
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 30_000;
	// Ready once our own server says it listens and answers. With --strictPort it exits instead when the port is
	// taken: a page answering then would be someone else's server, possibly serving another build.
	let ready = false;
	while (!ready && Date.now() < deadline) {
		if (server.exitCode !== null)
			throw new Error(`vite preview exited (is port ${PORT} in use? E2E_PORT chooses another):\n${output}`);
		if (output.replace(/\x1b\[[0-9;]*m/g, '').includes(`:${PORT}/`)) {
			try {
				ready = (await fetch(`${BASE_URL}/data`)).ok;
			} catch {
				// not answering yet
			}
		}
		if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
	}
	if (!ready) {
		stop();
		throw new Error(`vite preview did not start:\n${output}`);
	}
	return async () => {
		stop();
	};
}
