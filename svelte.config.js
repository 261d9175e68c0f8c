import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * `npm run bench:import` and `bench:scale` build the app with its yardstick page (`tests/bench/routes`) apart from
 * the production build, which never holds it: its own routes, output and folder.
 */
const bench = process.env.WARD_BENCH === '1';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// A static site: every page is rendered in the browser; 200.html serves unknown paths.
		adapter: adapter(bench ? { pages: 'build-bench', assets: 'build-bench' } : { fallback: '200.html' }),
		...(bench && {
			outDir: '.svelte-kit-bench',
			files: { routes: 'tests/bench/routes' },
			// Only its pages: the app's links lead to pages the bench build lacks.
			prerender: { entries: ['/', '/data', '/bench/read-csv'], crawl: false }
		}),
		// Nothing may leave the machine (SPEC §6): the page can reach only its own origin. `wasm-unsafe-eval` lets
		// DuckDB compile WebAssembly; `unsafe-eval` is not needed (measured in Chromium: README, "Offline and
		// private"). Styles are inline because Svelte and MapLibre set style attributes. SvelteKit writes this policy
		// into every page as a meta tag with the hash of its inline script; `vite.config.ts` serves the rest as a
		// header (`cspHeader`).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				// No other site may frame the app. Left out of the meta tag by SvelteKit: only the header can carry it.
				'frame-ancestors': ['none']
			}
		},
		// Registered by the app itself (src/lib/ui/appUpdate.svelte.ts), which offers a new version to the user.
		serviceWorker: { register: false },
		// The command-line scripts are type-checked with the app.
		typescript: { config: (tsconfig) => void tsconfig.include.push('../scripts/**/*.ts') }
	}
};

export default config;
