import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { BASE_URL } from './server';

export { BASE_URL };

/** Chromium (`launchChromium`, with its options) in a fresh profile, removed on close. */
export async function openBrowser(
	options?: Parameters<typeof launchChromium>[1]
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'ward-e2e-'));
	const context = await launchChromium(profile, options);
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Console errors, uncaught exceptions and every request that left localhost, collected while a page runs. */
export function watchPage(page: Page) {
	const errors: string[] = [];
	const foreignRequests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(String(error)));
	page.on('request', (request) => {
		const url = new URL(request.url());
		const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
		if (!local && !['data:', 'blob:'].includes(url.protocol)) foreignRequests.push(request.url());
	});
	return { errors, foreignRequests };
}

/**
 * Waits until the map says it has drawn the current view. Through a locator: `page.waitForSelector` returns an
 * element handle that DevTools keeps alive, and with it every page left since (`leaks.e2e.ts`).
 */
export async function waitForMap(page: Page): Promise<void> {
	await page.locator('[data-testid="map"][data-ready="true"]').first().waitFor({ timeout: 30_000 });
}

