import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
};

/** Every `.ts`, `.js` and `.svelte` file under `dir`. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && /\.(ts|js|svelte)$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The packages a source file names: static imports and re-exports (over several lines too), side-effect imports,
 * `import()` and `require()`. Relative paths and SvelteKit's `$lib`/`$app` aliases are not packages; a deep path
 * or a `?url` suffix names its package.
 */
function importedPackages(source: string): string[] {
	const specifiers = [
		...source.matchAll(/^\s*(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/gm),
		...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
		...source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)
	].map((match) => match[1]);
	return specifiers
		.filter((specifier) => !/^[./$]/.test(specifier) && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
		.map((specifier) => specifier.split('?')[0].split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

/** SvelteKit's server-only modules (`*.server.ts`, `$lib/server/`): it refuses to put them in the browser app. */
const serverOnly = (file: string) => /\.server\.[jt]s$/.test(file) || /(^|\/)lib\/server\//.test(file);

function undeclared(dirs: string[], declared: Set<string>, keep: (file: string) => boolean = () => true): string[] {
	const missing = dirs.flatMap((dir) =>
		sources(dir).filter(keep).flatMap((file) =>
			importedPackages(readFileSync(file, 'utf8'))
				.filter((name) => !declared.has(name))
				.map((name) => `${name} (in ${file})`)
		)
	);
	return [...new Set(missing)].sort();
}

describe('declared dependencies', () => {
	it('reads the import forms the sources use', () => {
		const sample = [
			"import * as maplibregl from 'maplibre-gl';",
			"import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';",
			"\timport '@fontsource/tinos/400.css';",
			'import {\n\tand,\n\tcolumn\n} from "@uwdata/mosaic-sql";',
			"type ExcelModule = typeof import('exceljs');",
			"const { tableToIPC } = require('apache-arrow');",
			"export { x } from 'd3-array';",
			"import { wardData } from '$lib/ui/app/wardData.svelte';",
			"import { readFileSync } from 'node:fs';",
			"import { resolve } from './paths';",
			"const sql = `SELECT * FROM 'cases'`;"
		].join('\n');
		expect(importedPackages(sample).sort()).toEqual(
			['@fontsource/tinos', '@uwdata/mosaic-sql', 'apache-arrow', 'd3-array', 'exceljs', 'maplibre-gl', 'maplibre-gl'].sort()
		);
	});

	it('every package the app imports is one of its dependencies, not reached through another package', () => {
		// Svelte and SvelteKit build the app: development dependencies, as SvelteKit sets them up.
		const declared = new Set([...Object.keys(manifest.dependencies), 'svelte', '@sveltejs/kit']);
		expect(undeclared(['src'], declared, (file) => !serverOnly(file))).toEqual([]);
	});

	it('every package a server-only module imports is declared (the server engine is no part of the browser app)', () => {
		const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
		expect(undeclared(['src'], declared, serverOnly)).toEqual([]);
	});

	it('every package the command lines import is declared', () => {
		const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
		expect(undeclared(['scripts'], declared)).toEqual([]);
	});
});
