import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../../vite.config';
import { contentType, requestPath, siteFile } from '../../scripts/staticSite';

/**
 * `build/` served as the README's nginx snippet serves it, from any port: a file, else the same path plus `.html`,
 * else the app's `200.html`, with the security headers of `npm start`. `replace` answers a path with other bytes
 * (a new version of one file); `close` stops the server and drops its connections, as a switched-off machine.
 */
export async function staticHost(root = 'build') {
	const replaced = new Map<string, Buffer>();
	const server = createServer((request, response) => {
		const path = requestPath(request.url);
		if (path === null) {
			response.writeHead(400).end();
			return;
		}
		const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
		const other = replaced.get(path);
		if (other) {
			response.writeHead(200, { ...headers, 'Content-Type': contentType(path) });
			response.end(other);
			return;
		}
		const file = siteFile(root, path);
		response.writeHead(200, { ...headers, 'Content-Type': contentType(file) });
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
