import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BASE_URL, openBrowser, waitForMap, watchPage } from './browser';

/** One browser for a whole test file: opened before its tests, closed after them. */
export function browserPerFile(): () => BrowserContext {
	let context: BrowserContext | undefined;
	let close: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		({ context, close } = await openBrowser());
	}, 60_000);
	afterAll(async () => {
		await close?.();
	});
	return () => {
		if (!context) throw new Error('the browser is not open yet');
		return context;
	};
}

/** A new page at `path`, watched for errors and foreign requests, once its map has drawn. */
export async function openDrawnPage(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	const { errors } = watchPage(page);
	await page.goto(`${BASE_URL}${path}`);
	await waitForMap(page);
	return { page, errors };
}

/** One browser and one page, watched for errors and foreign requests, shared by a test file's tests in order. */
export function pagePerFile(): { readonly page: Page; readonly errors: string[] } {
	let opened: { page: Page; errors: string[] } | undefined;
	let close: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		const browser = await openBrowser();
		close = browser.close;
		const page = await browser.context.newPage();
		opened = { page, errors: watchPage(page).errors };
	}, 60_000);
	afterAll(async () => {
		await close?.();
	});
	const current = () => {
		if (!opened) throw new Error('the browser is not open yet');
		return opened;
	};
	return {
		get page() {
			return current().page;
		},
		get errors() {
			return current().errors;
		}
	};
}
