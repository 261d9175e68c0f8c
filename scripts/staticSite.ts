import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files a build holds. */
const MIME_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm'
};

/** The content type a static host sends for `file`. */
export function contentType(file: string): string {
	return MIME_TYPES[extname(file)] ?? 'application/octet-stream';
}

/** A request's path, decoded; null when it cannot be (the host answers 400). */
export function requestPath(url: string | undefined): string | null {
	try {
		return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
	} catch {
		return null;
	}
}

/**
 * The file of the built site `root` a static host serves for `path`, as the README's nginx snippet does: the file,
 * else the path plus `.html`, else its `index.html`, else the app's `200.html`; never outside `root`.
 */
export function siteFile(root: string, path: string): string {
	const folder = resolve(root);
	return (
		[path, `${path}.html`, join(path, 'index.html')]
			.map((name) => join(folder, name))
			.find((name) => name.startsWith(folder + sep) && existsSync(name) && statSync(name).isFile()) ?? join(folder, '200.html')
	);
}
