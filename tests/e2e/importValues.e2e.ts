import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap } from './browser';
import { chooseFiles, dashboardTotal as totalOf, importReport, type ChosenFile } from './importing';
import { pagePerFile } from './perFile';

/*
 * Issue 13 §1 as a ward clerk meets it, in one browser profile: a CSV whose date columns were saved as "General"
 * in Excel (day numbers instead of dates), then a CSV with a quote left open. What the report says, what the
 * dashboard counts and what a reload brings back must agree. Expected counts are written here.
 */

const groupsGeojson = readFileSync('data/demo/groups.geojson', 'utf8');
const HEADER = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Ngày giải quyết';

/**
 * 8 cases: three on 43891 (01/03/2020), one on 43892 (02/03/2020), one on 43893.5 (a date and time, 03/03/2020),
 * two written as dates, one on 12345 (1933: not a plausible serial, rejected at line 9). Two resolved on 43900
 * (10/03/2020). Serial cells read as dates: 5 reported + 2 resolved = 7.
 */
const serialCsv = [
	HEADER,
	'HS-1,43891,TDP01,Đất đai,Hòa giải thành,43900',
	'HS-2,43891,TDP02,Đất đai,Hòa giải thành,43900',
	'HS-3,43891,TDP03,Đất đai,Đang hòa giải,',
	'HS-4,43892,TDP04,Đất đai,Đang hòa giải,',
	'HS-5,43893.5,TDP05,Đất đai,Đang hòa giải,',
	'HS-6,15/03/2020,TDP06,Đất đai,Đang hòa giải,',
	'HS-7,2020-03-16,TDP07,Đất đai,Đang hòa giải,',
	'HS-8,12345,TDP08,Đất đai,Đang hòa giải,'
].join('\r\n');

/** A legitimately quoted note over lines 2–3, then a quote opened on line 4 and never closed: lines 4–6 rejected. */
const quoteCsv = [
	`${HEADER},Ghi chú`,
	'HS-20,01/04/2020,TDP05,Khác,Mới tiếp nhận,,"tranh chấp lối đi,',
	'đã mời hòa giải"',
	'HS-21,02/04/2020,TDP06,Khác,Mới tiếp nhận,,"chưa đóng',
	'HS-22,03/04/2020,TDP07,Khác,Mới tiếp nhận,,',
	'',
	'HS-23,04/04/2020,TDP08,Khác,Mới tiếp nhận,,'
].join('\n');

const tab = pagePerFile();

const choose = (files: ChosenFile[]) => chooseFiles(tab.page, files);
const report = (file: string) => importReport(tab.page, file);
const dashboardTotal = (query: string) => totalOf(tab.page, query);

describe('values and records of real exports', () => {
	test('a date column saved as General in Excel reads 43891 as 01/03/2020, and the report says how many were read so', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await tab.page.getByTestId('datasets-demo').waitFor();
		await choose([
			{ name: 'ngay-so.csv', mimeType: 'text/csv', buffer: Buffer.from(serialCsv) },
			{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(groupsGeojson) }
		]);
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('ngay-so.csv')).toEqual({ read: 8, accepted: 7, rejected: 1, updated: 0 });
		const serials = tab.page.getByTestId('import-serial-dates');
		expect(await serials.getAttribute('data-count')).toBe('7');
		expect(await serials.textContent()).toContain('7 ô ngày được ghi bằng số ngày của Excel');
		const rejected = tab.page.locator('[data-testid="import-report"] tr[data-line]');
		expect([await rejected.getAttribute('data-line'), await rejected.getAttribute('data-reason')]).toEqual(['9', 'invalid_date']);
		// Each day as Excel counts it: an epoch off by one day would move these counts.
		expect(await dashboardTotal('?from=2020-03-01&to=2020-03-01')).toBe('3');
		expect(await dashboardTotal('?from=2020-03-02&to=2020-03-03')).toBe('2');
		expect(await dashboardTotal('?from=2020-02-01&to=2020-02-29')).toBe('0');
		expect(await dashboardTotal('?from=2020-03-01&to=2020-03-31')).toBe('7');
	});

	test('the dates read from day numbers are the ones a reload brings back', async () => {
		await tab.page.reload();
		await waitForMap(tab.page);
		expect((await tab.page.getByTestId('kpi-total').textContent())!.trim()).toBe('7');
		expect(await dashboardTotal('?from=2020-03-01&to=2020-03-01')).toBe('3');
	});

	test('an unclosed quote names the line it opened on; the lines it took are read and rejected, the rows before it kept', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await choose([{ name: 'ngoac-kep.csv', mimeType: 'text/csv', buffer: Buffer.from(quoteCsv) }]);
		// Told before confirming, so that a clerk can fix the file rather than import a part of it.
		const ahead = tab.page.getByTestId('import-unclosed-quote-ahead');
		await ahead.waitFor();
		expect([await ahead.getAttribute('data-line'), await ahead.getAttribute('data-lines')]).toEqual(['4', '3']);
		expect(await ahead.textContent()).toContain('3 dòng từ dòng 4 trở đi sẽ bị loại');
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('ngoac-kep.csv')).toEqual({ read: 4, accepted: 1, rejected: 3, updated: 0 });
		const quote = tab.page.getByTestId('import-unclosed-quote');
		expect([await quote.getAttribute('data-line'), await quote.getAttribute('data-lines')]).toEqual(['4', '3']);
		const message = (await quote.textContent()) ?? '';
		expect(message).toContain('mở ở dòng 4');
		expect(message).toContain('3 dòng');
		const rows = tab.page.locator('[data-testid="import-report"] tr[data-line]');
		const lines = await rows.evaluateAll((found) => found.map((row) => [row.getAttribute('data-line'), row.getAttribute('data-reason')]));
		expect(lines).toEqual([
			['4', 'unclosed_quote'],
			['5', 'in_unclosed_quote'],
			['7', 'in_unclosed_quote']
		]);
		expect(await dashboardTotal('?from=2020-04-01&to=2020-04-30')).toBe('1');
		await tab.page.reload();
		await waitForMap(tab.page);
		expect((await tab.page.getByTestId('kpi-total').textContent())!.trim()).toBe('1');
		expect(tab.errors).toEqual([]);
	});

	test('in English, the report says the same in English', async () => {
		await tab.page.goto(`${BASE_URL}/data?lang=en`);
		await choose([{ name: 'ngoac-kep.csv', mimeType: 'text/csv', buffer: Buffer.from(quoteCsv.replace('01/04/2020', '43922')) }]);
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('ngoac-kep.csv')).toEqual({ read: 4, accepted: 1, rejected: 3, updated: 1 });
		expect(await tab.page.getByTestId('import-unclosed-quote').textContent()).toContain('opened on line 4 is never closed');
		expect(await tab.page.getByTestId('import-serial-dates').textContent()).toContain('Excel day numbers and read as dates: 1');
		expect(tab.errors).toEqual([]);
	});
});
