import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForMap } from './browser';
import { pdfText } from './pdfText';
import { browserPerFile, openDrawnPage } from './perFile';

/*
 * Issue 15, part 9: the briefing as an office files it (Decree 30/2020/NĐ-CP) — the number line under the issuing
 * body, the signature block, no empty notes box on paper — read from the PDF the browser prints.
 */

const QUARTER = '?from=2020-07-01&to=2020-09-30';
const browser = browserPerFile();

async function open(query: string) {
	const opened = await openDrawnPage(browser(), `/briefing${query}`);
	await opened.page.getByTestId('ranking').locator('tbody tr').first().waitFor();
	return opened;
}

/** The printed page's lines, spaces as a reader sees them (runs of blanks are one gap). */
async function printed(page: Page): Promise<string[]> {
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	return pdfText(pdf)
		.flat()
		.map((line) => line.replace(/\s+/g, ' ').trim());
}

async function editSettings(page: Page, values: Record<string, string>) {
	await page.getByRole('button', { name: /Sửa thông tin cơ quan|Edit the agency details/ }).click();
	for (const [testid, value] of Object.entries(values)) await page.getByTestId(testid).fill(value);
	await page.getByTestId('settings-save').click();
}

describe('a briefing ready to file', () => {
	test('an unnumbered briefing prints "Số: /BC-BCĐ" with a blank for the number, and the signature block', async () => {
		const { page, errors } = await open(QUARTER);
		expect(await page.getByTestId('briefing-number').textContent()).toBe('Số:      /BC-BCĐ');
		const lines = await printed(page);
		expect(lines).toContain('Số: /BC-BCĐ');
		// The number line sits under the issuing body, before the title.
		expect(lines.indexOf('Số: /BC-BCĐ')).toBeGreaterThan(lines.indexOf('BAN CHỈ ĐẠO 138'));
		expect(lines.indexOf('Số: /BC-BCĐ')).toBeLessThan(lines.indexOf('BÁO CÁO'));
		const onBehalf = lines.indexOf('TM. BAN CHỈ ĐẠO');
		expect(onBehalf).toBeGreaterThan(lines.indexOf('Nơi nhận:'));
		expect(lines[onBehalf + 1]).toBe('TRƯỞNG BAN');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the number and signer set in the settings are printed, and kept after a reload', async () => {
		const { page } = await open(QUARTER);
		await editSettings(page, { 'number-setting': '27', 'signer-setting': 'Nguyễn Văn Bình' });
		await page.reload();
		await waitForMap(page);
		expect(await page.getByTestId('briefing-number').textContent()).toBe('Số: 27/BC-BCĐ');
		expect(await page.getByTestId('briefing-signer').textContent()).toBe('Nguyễn Văn Bình');
		const lines = await printed(page);
		expect(lines).toContain('Số: 27/BC-BCĐ');
		const onBehalf = lines.indexOf('TM. BAN CHỈ ĐẠO');
		expect(lines.slice(onBehalf, onBehalf + 3)).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nguyễn Văn Bình']);
		// The English page says the block in English; the number and name are the document's own.
		await page.goto(page.url().replace('?', '?lang=en&'));
		await waitForMap(page);
		const english = await printed(page);
		expect(english).toContain('No. 27/BC-BCĐ');
		const forCommittee = english.indexOf('FOR THE STEERING COMMITTEE');
		expect(english.slice(forCommittee, forCommittee + 3)).toEqual(['FOR THE STEERING COMMITTEE', 'HEAD', 'Nguyễn Văn Bình']);
		await editSettings(page, { 'number-setting': '', 'signer-setting': '' });
		await page.close();
	});

	test('empty notes print no notes box nor its hint; typed notes print whole', async () => {
		const { page } = await open('?from=2020-04-01&to=2020-06-30');
		expect(await page.getByTestId('briefing-notes').isVisible()).toBe(true);
		const empty = await printed(page);
		expect(empty.some((line) => line.startsWith('VII.'))).toBe(false);
		expect(empty.join(' ')).not.toContain('Ghi chú cho cuộc họp');
		const notes = ['Họp giao ban quý II.', 'Tổ 12: mời hòa giải viên.', 'Tổ 30: theo dõi thêm.', 'Báo cáo lại vào tháng 8.', 'Dòng thứ năm của ghi chú.'];
		await page.getByTestId('briefing-notes').fill(notes.join('\n'));
		await page.getByTestId('briefing-notes').blur();
		const typed = await printed(page);
		expect(typed).toContain('VII. Ghi chú');
		// All five lines, though the box on screen shows four.
		for (const line of notes) expect(typed).toContain(line);
		await page.getByTestId('briefing-notes').fill('');
		await page.getByTestId('briefing-notes').blur();
		await page.close();
	});

	test('the demo ward’s briefing says on paper that its data is synthetic', async () => {
		const { page } = await open(QUARTER);
		expect(await page.getByTestId('briefing-synthetic').textContent()).toContain('Dữ liệu mô phỏng');
		expect((await printed(page)).join(' ')).toContain('Dữ liệu mô phỏng (không phải số liệu thật)');
		await page.close();
	});
});
