/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';

/*
 * The app offline (issue 16): every file of one build is kept in one cache, named after the build's version, and
 * every page and asset of the app is served from it. A version is installed whole or not at all, and the pages
 * come from the cache of the version that runs, so a page never mixes two builds; a new version waits until the
 * user reloads (src/lib/ui/appUpdate.svelte.ts).
 */

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'ward-hotspots-';
const CACHE = `${PREFIX}${version}`;
/**
 * adapter-static's page for unknown paths (`fallback` in svelte.config.js), not among `prerendered`; kept if the
 * host serves it (`vite preview` does not).
 */
const FALLBACK = `${base}/200.html`;
/** Hashed names: a name never holds other bytes, so the browser's HTTP cache may give them. */
const IMMUTABLE = `${base}/_app/immutable/`;
/** Every file of `_app/immutable`, written in by vite.config.ts (`unlistedFiles`): `build` lacks the import worker's chunks. */
const UNLISTED = ['__WARD_UNLISTED_FILES__'].map((file) => base + file);
/** What SvelteKit's client asks when a navigation finds no page, to know whether a new version is out. */
const VERSION_FILE = `${base}/_app/version.json`;
const SHELL = new Set([...build, ...UNLISTED, ...files, ...prerendered, FALLBACK, VERSION_FILE]);

/** A response kept under the URL asked for: a redirected one cannot answer a page's request. */
async function keepable(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	try {
		await Promise.all(
			[...SHELL].map(async (url) => {
				// Pages and static files keep their names from one build to the next: fetched past the HTTP cache.
				const response = await fetch(new Request(url, { cache: url.startsWith(IMMUTABLE) ? 'default' : 'no-cache' }));
				if (!response.ok && url === FALLBACK) return;
				if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
				await cache.put(url, await keepable(response));
			})
		);
	} catch (error) {
		// Nothing half-kept: the browser tries the install again on a later visit.
		await caches.delete(CACHE);
		throw error;
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
			// The first visit's page is served from here from now on, without a reload.
			await sw.clients.claim();
		})()
	);
});

// Sent by the page when the user chooses to reload into the new version.
sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

async function respond(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(CACHE);
	// A page's query string (the dashboard's filters) does not change the file.
	const cached = SHELL.has(path) ? await cache.match(path) : undefined;
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch (error) {
		// Offline, a page the app does not have gets the app's own "not found" page, as the host would give.
		const fallback = request.mode === 'navigate' ? await cache.match(FALLBACK) : undefined;
		if (fallback) return fallback;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	if (!SHELL.has(url.pathname) && event.request.mode !== 'navigate') return;
	event.respondWith(respond(event.request, url.pathname));
});
