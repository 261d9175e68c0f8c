import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../../vite.config';
import { MIME_TYPES as TYPES } from '../../scripts/mimeTypes';


/**
 * `build/` served as the README's nginx snippet serves it, from any port: a file, else the same path plus `.html`,
 * else the app's `200.html`, with the security headers of `npm start`. `replace` answers a path with other bytes
 * (a new version of one file); `close` stops the server and drops its connections, as a switched-off machine.
 */
export async function staticHost(root = 'build') {
	const folder = resolve(root);
	const replaced = new Map<string, Buffer>();
	const server = createServer((request, response) => {
		let path: string;
		try {
			path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		} catch {
			response.writeHead(400).end();
			return;
		}
		const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
		const other = replaced.get(path);
		if (other) {
			response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
			response.end(other);
			return;
		}
		const file =
			[path, `${path}.html`, join(path, 'index.html')]
				.map((name) => join(folder, name))
				.find((name) => name.startsWith(folder + sep) && existsSync(name) && statSync(name).isFile()) ?? join(folder, '200.html');
		response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		replace: (path: string, bytes: Buffer) => void replaced.set(path, bytes),
		close: async () => {
			server.closeAllConnections();
			await new Promise((done) => server.close(done));
		}
	};
}
