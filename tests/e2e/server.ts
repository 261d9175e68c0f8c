import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PORT = 4173;
export const BASE_URL = `http://localhost:${PORT}`;

/** Vitest global setup: serves the built site (`vite build` runs first in `npm test`) with `vite preview`. */
export default async function setup(): Promise<() => Promise<void>> {
	if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npx vite build` before the e2e tests');
	const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(BASE_URL)).ok) break;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	if (Date.now() >= deadline) {
		server.kill();
		throw new Error(`vite preview did not start:\n${output}`);
	}
	return async () => {
		server.kill();
	};
}
