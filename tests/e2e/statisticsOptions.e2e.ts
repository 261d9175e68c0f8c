import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIMINISHING_CLUSTER, EMERGING_CLUSTER } from '../../data/demo/patterns';
import { browserPerFile, openDrawnPage } from './perFile';
import { waitForMap } from './browser';

/*
 * Issue 13 §4 as a user meets it: the emerging analysis's time step (`step`, SPEC §8) and the choice of Gi*
 * inference (`gi`), each a control on the page, in the URL, and the same after a reload. Classes are read from
 * the ranking's `data-class`, the class the map colours the group by.
 */

const browser = browserPerFile();
const open = (query: string) => openDrawnPage(browser(), `/${query}`);

async function classOf(page: Page, code: string): Promise<string | null> {
	return page.locator(`[data-testid="ranking"] tr[data-group="${code}"]`).getAttribute('data-class');
}

async function legend(page: Page): Promise<{ title: string; notes: string[] }> {
	const box = page.getByTestId('map-legend');
	return {
		title: ((await box.locator('.title').textContent()) ?? '').trim(),
		notes: (await box.locator('.note').allTextContents()).map((note) => note.trim())
	};
}

describe('the emerging analysis time step', () => {
	test('mode=emerging&step=quarter shows quarters, says so, and keeps step in the URL through a reload', async () => {
		const { page, errors } = await open('?mode=emerging&step=quarter');
		await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
		expect(new URL(page.url()).searchParams.get('step')).toBe('quarter');
		expect(await page.getByTestId('step-select').inputValue()).toBe('quarter');
		expect((await legend(page)).title).toBe('Diễn biến điểm nóng theo quý');
		for (const code of EMERGING_CLUSTER.codes) expect(await classOf(page, code), code).toBe('new_hot');
		// The diminishing cluster has no ArcGIS category, but its hover and ranking label name its falling trend.
		const label = await page.locator(`[data-testid="ranking"] tr[data-group="${DIMINISHING_CLUSTER.codes[1]}"]`).textContent();
		expect(label).toContain('z giảm rõ');
		await page.reload();
		await waitForMap(page);
		await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
		expect(await page.getByTestId('step-select').inputValue()).toBe('quarter');
		expect((await legend(page)).title).toBe('Diễn biến điểm nóng theo quý');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('without step the counts choose quarters, the page says why and that each quarter counts the one before; choosing months writes step=month', async () => {
		const { page, errors } = await open('?mode=emerging');
		await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
		const select = page.getByTestId('step-select');
		expect(await select.inputValue()).toBe('auto');
		expect(await select.locator('option[value="auto"]').textContent()).toContain('quý');
		const { title, notes } = await legend(page);
		expect(title).toBe('Diễn biến điểm nóng theo quý');
		expect(notes.some((note) => note.startsWith('Tính theo quý, chọn theo số liệu'))).toBe(true);
		expect(notes.some((note) => note.startsWith('Ít vụ việc'))).toBe(true);
		// By quarter, ArcGIS's space-time neighbourhood: the page says each quarter also counts the one before.
		expect(notes.some((note) => note.startsWith('Gi* của mỗi quý tính gộp cả quý liền trước'))).toBe(true);
		await select.selectOption('month');
		await page.waitForURL(/step=month/);
		await expect.poll(async () => (await legend(page)).title).toBe('Diễn biến điểm nóng theo tháng');
		expect((await legend(page)).notes.some((note) => note.startsWith('Gi* của mỗi'))).toBe(false);
		// Monthly, as SPEC §4 defines it, the emerging cluster is consecutive (hot in its last four months).
		await expect.poll(() => classOf(page, 'TDP22')).toBe('consecutive_hot');
		await select.selectOption('auto');
		await expect.poll(() => new URL(page.url()).searchParams.has('step')).toBe(false);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the Gi* inference switch', () => {
	test('permutation by default finds the quiet corner cold in 2018; gi=normal (ArcGIS) does not; FDR still works', async () => {
		const { page, errors } = await open('?from=2018-01-01&to=2018-12-31&mode=gistar&lang=en');
		await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
		const select = page.getByTestId('gi-inference');
		expect(await select.inputValue()).toBe('permutation');
		expect((await legend(page)).notes.join(' ')).toContain('999 random permutations');
		// The planted emerging corner is at half the ward rate until August 2020.
		expect(Number(await classOf(page, 'TDP22'))).toBeLessThanOrEqual(-2);

		await select.selectOption('normal');
		await page.waitForURL(/gi=normal/);
		await expect.poll(() => legend(page).then(({ notes }) => notes.join(' '))).toContain('normal curve (as ArcGIS)');
		await expect.poll(async () => Number(await classOf(page, 'TDP22'))).toBeGreaterThan(-2);
		await page.reload();
		await waitForMap(page);
		await page.locator('[data-testid="ranking"] tr[data-class]').first().waitFor();
		expect(await page.getByTestId('gi-inference').inputValue()).toBe('normal');
		expect(Number(await classOf(page, 'TDP22'))).toBeGreaterThan(-2);

		await page.getByTestId('gi-inference').selectOption('permutation');
		await page.waitForURL(/gi=permutation/);
		await expect.poll(async () => Number(await classOf(page, 'TDP22'))).toBeLessThanOrEqual(-2);
		const significant = async () =>
			(
				await page
					.locator('[data-testid="ranking"] tbody tr')
					.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-class'))))
			).filter((bin) => bin !== 0).length;
		const withoutFdr = await significant();
		await page.getByTestId('fdr-toggle').check();
		await page.waitForURL(/fdr=1/);
		await expect.poll(() => legend(page).then(({ title }) => title)).toBe('Hot and cold spots (Gi*, FDR corrected)');
		// FDR on 48 pseudo p-values keeps some groups significant, and fewer than without it.
		const withFdr = await significant();
		expect(withFdr).toBeGreaterThan(0);
		expect(withFdr).toBeLessThan(withoutFdr);
		expect(errors).toEqual([]);
		await page.close();
	});
});
