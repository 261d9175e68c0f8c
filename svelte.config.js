import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// A static site: every page is rendered in the browser; 200.html serves unknown paths.
		adapter: adapter({ fallback: '200.html' }),
		// Nothing may leave the machine (SPEC §6): the page can reach only its own origin. `wasm-unsafe-eval` lets
		// DuckDB compile WebAssembly, and `unsafe-eval` is needed by its Emscripten bindings (embind builds its
		// invokers with `new Function`); styles are inline because Svelte and MapLibre set style attributes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', 'unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// The command-line scripts are type-checked with the app.
		typescript: { config: (tsconfig) => void tsconfig.include.push('../scripts/**/*.ts') }
	}
};

export default config;
