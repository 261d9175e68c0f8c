import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap, watchPage } from './browser';
import { browserPerFile } from './perFile';

/*
 * Issue 16, part 2: the security headers of `npm start` (vite preview). Another site's page framed `/data` while
 * the policy was only a meta tag, which cannot forbid framing.
 */

const context = browserPerFile();

/** Another origin (127.0.0.1, its own port): a page that frames `src`, and a page of its own to frame. */
let other: Server;
let otherOrigin = '';
beforeAll(async () => {
	other = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		if (url.pathname === '/own') response.end('<p id="own">a page of the other site</p>');
		else response.end(`<iframe id="framed" src="${url.searchParams.get('src')}" width="800" height="600"></iframe>`);
	});
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
	// The browser may still hold a connection open.
	other.closeAllConnections();
	await new Promise((resolve) => other.close(resolve));
});

/** Opens the other site's page framing `src`, and returns the frame once it has loaded (or failed to). */
async function framed(src: string) {
	const page = await context().newPage();
	await page.goto(`${otherOrigin}/?src=${encodeURIComponent(src)}`);
	const frame = await (await page.locator('#framed').elementHandle())!.contentFrame();
	await frame!.waitForLoadState('load');
	return { page, frame: frame! };
}

describe('served with security headers', () => {
	test('/, /data and /briefing carry the policy, nosniff and no-referrer as headers', async () => {
		for (const path of ['/', '/data', '/briefing']) {
			const response = await fetch(`${BASE_URL}${path}`);
			expect(response.status, path).toBe(200);
			const policy = response.headers.get('content-security-policy') ?? '';
			expect(policy, path).toContain("frame-ancestors 'none'");
			expect(policy, path).toContain("connect-src 'self'");
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
		}
	});

	test('another site’s page cannot frame the Data page', async () => {
		// The other site's frame works for a page of its own: the check below would see a framed page load.
		const control = await framed(`${otherOrigin}/own`);
		expect(await control.frame.locator('#own').textContent()).toBe('a page of the other site');
		await control.page.close();

		const { page, frame } = await framed(`${BASE_URL}/data`);
		// Chromium puts its error page in a frame it refused to load.
		expect(frame.url()).toMatch(/^chrome-error:/);
		expect(await frame.locator('[data-testid="import-input"]').count()).toBe(0);
		await page.close();
	});

	test('the dashboard draws with no policy violation, without unsafe-eval', async () => {
		const page = await context().newPage();
		const { errors, foreignRequests } = watchPage(page);
		const response = await page.goto(`${BASE_URL}/`);
		await waitForMap(page);
		const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(meta).toContain("'wasm-unsafe-eval'");
		expect(meta).not.toContain("'unsafe-eval'");
		expect(response?.headers()['content-security-policy'] ?? '').not.toContain("'unsafe-eval'");
		expect(Number((await page.getByTestId('kpi-total').textContent())?.trim())).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.close();
	});

	test('the benchmark page is not in the production build', async () => {
		expect(existsSync('build/index.html')).toBe(true);
		const files = readdirSync('build', { recursive: true, encoding: 'utf8' });
		expect(files.filter((file) => file.includes('bench'))).toEqual([]);
		// Nor its code in any chunk.
		const scripts = files.filter((file) => file.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.filter((file) => readFileSync(join('build', file), 'utf8').includes('bench-input'))).toEqual([]);
		expect((await fetch(`${BASE_URL}/bench/read-csv`)).status).toBe(404);
	});
});
