import type { Page } from 'playwright-core';
import { BASE_URL, waitForMap } from './browser';

/** A file as the Data page's input takes it. */
export type ChosenFile = { name: string; mimeType: string; buffer: Buffer };

/** Gives the Data page's input these files, once the saved data has loaded. */
export async function chooseFiles(page: Page, files: ChosenFile[]): Promise<void> {
	await page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
	await page.getByTestId('import-input').setInputFiles(files);
}

/** The counts of the finished import report of `file` (SPEC §8 `import-report`). */
export async function importReport(page: Page, file: string) {
	const element = page.locator(`[data-testid="import-report"][data-file="${file}"]`);
	await element.waitFor({ timeout: 60_000 });
	const read = async (name: string) => Number(await element.getAttribute(`data-${name}`));
	return { read: await read('read'), accepted: await read('accepted'), rejected: await read('rejected'), updated: await read('updated') };
}

/** The dashboard's `kpi-total` for a query, once the map has drawn it. */
export async function dashboardTotal(page: Page, query: string): Promise<string> {
	await page.goto(`${BASE_URL}/${query}`);
	await waitForMap(page);
	return (await page.getByTestId('kpi-total').textContent())!.trim();
}

/** Imports on the Data page as a user does (opening it afresh unless `reload` is false): the report's `accepted`, or the refusal's code and words. */
export async function importOutcome(page: Page, files: ChosenFile[], reload = true) {
	if (reload) await page.goto(`${BASE_URL}/data`);
	await chooseFiles(page, files);
	await page.getByTestId('import-confirm').click();
	await page.locator('[data-testid="import-report"], [data-testid="import-error"]').first().waitFor({ timeout: 60_000 });
	const report = page.getByTestId('import-report');
	if (await report.count()) return { accepted: Number(await report.getAttribute('data-accepted')) };
	const error = page.getByTestId('import-error');
	return { refused: await error.getAttribute('data-code'), message: (await error.textContent()) ?? '' };
}
