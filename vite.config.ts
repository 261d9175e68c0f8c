import { sveltekit } from '@sveltejs/kit/vite';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);

/**
 * The Content-Security-Policy header: the policy of svelte.config.js without `default-src` and `script-src`.
 * SvelteKit writes the policy into each page as a meta tag, with the hash of that build's inline bootstrap script;
 * the browser enforces the header and the meta tag both, so the header carries what a meta tag cannot
 * (`frame-ancestors`) and what needs no hash, and stays the same from one build to the next (nginx and IIS serve
 * this text too: README, Hosting). Without the hash, its own `script-src` would block the bootstrap script.
 */
function cspHeader(directives = svelteConfig.kit?.csp?.directives ?? {}): string {
	return Object.entries(directives)
		.filter(([name]) => name !== 'default-src' && name !== 'script-src')
		.map(([name, sources]) => [name, ...(sources as string[]).map((source) => (KEYWORDS.has(source) ? `'${source}'` : source))].join(' '))
		.join('; ');
}

/** What `npm start` and `vite preview` send with every response. */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': cspHeader(),
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

/**
 * Sets `SECURITY_HEADERS` on every response of `vite preview`. Vite's own `preview.headers` reach only the files
 * Vite serves itself, not the pages and assets SvelteKit's preview serves.
 */
function securityHeaders(): Plugin {
	return {
		name: 'ward-security-headers',
		configurePreviewServer(server) {
			server.middlewares.use((_request, response, next) => {
				for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
				next();
			});
		}
	};
}

/** Stands in `src/service-worker.ts` for the files `unlistedFiles` writes there. */
const UNLISTED = /[`'"]__WARD_UNLISTED_FILES__[`'"]/;

/**
 * Completes the service worker's list of files to keep offline. `$service-worker`'s `build` lists what the pages
 * import (Vite's client manifest), not the chunks of the import worker (ExcelJS, hyparquet), which a workbook or
 * Parquet file opened offline needs: after SvelteKit has built the service worker, every file under `_app/immutable`
 * is written into it.
 */
function unlistedFiles(): Plugin {
	return {
		name: 'ward-unlisted-files',
		writeBundle: {
			order: 'post',
			sequential: true,
			handler() {
				// SvelteKit builds the client and the service worker from the server build's `writeBundle`.
				if (!this.environment.config.build.ssr) return;
				const client = `${svelteConfig.kit?.outDir ?? '.svelte-kit'}/output/client`;
				const worker = `${client}/service-worker.js`;
				if (!existsSync(worker)) return;
				const code = readFileSync(worker, 'utf8');
				if (!UNLISTED.test(code)) throw new Error(`${worker} has no list of unlisted files to fill in`);
				const files = readdirSync(`${client}/_app/immutable`, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile())
					.map((entry) => `${entry.parentPath.slice(client.length)}/${entry.name}`.replaceAll('\\', '/'));
				writeFileSync(worker, code.replace(UNLISTED, files.map((file) => JSON.stringify(file)).join(',')));
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), securityHeaders(), unlistedFiles()],
	build: { chunkSizeWarningLimit: 2000 },
	// Module workers, so that a worker's dynamic imports stay separate files: the import worker starts without
	// ExcelJS and hyparquet, and loads them only for a workbook or a Parquet file.
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/server.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
