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
		// The command-line scripts are type-checked with the app.
		typescript: { config: (tsconfig) => void tsconfig.include.push('../scripts/**/*.ts') }
	}
};

export default config;
