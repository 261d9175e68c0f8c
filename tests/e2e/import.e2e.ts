import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap } from './browser';
import { chooseFiles, dashboardTotal as totalOf, importReport, type ChosenFile } from './importing';
import { pagePerFile } from './perFile';

/*
 * Issue 3 as a user does it, in one browser profile (so storage persists between steps, as on a ward PC):
 * import a Vietnamese-header .xlsx with the groups, reload, append a `;`-separated CSV with a BOM, meet a
 * personal-data refusal and a broken file, and clear back to the demo. Expected counts are written here.
 */

const groupsGeojson = readFileSync('data/demo/groups.geojson', 'utf8');
const HEADERS = ['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng', 'Ngày giải quyết'];

/** 40 cases in 2021, all valid, Vietnamese labels; the dates are real Excel date cells. */
function xlsxRows(): (string | Date | null)[][] {
	const categories = ['Đất đai, ranh giới, lối đi chung', 'Hôn nhân và gia đình', 'Hàng xóm, sinh hoạt (điện, nước, vệ sinh)'];
	return Array.from({ length: 40 }, (_, i) => {
		const reported = new Date(Date.UTC(2021, i % 6, 1 + (i % 27)));
		const resolved = i % 2 === 0 ? new Date(reported.getTime() + 5 * 86_400_000) : null;
		return [
			`HS-${1000 + i}`,
			reported,
			`TDP${String(1 + (i % 48)).padStart(2, '0')}`,
			categories[i % 3],
			resolved ? 'Hòa giải thành' : 'Đang hòa giải',
			resolved
		];
	});
}

async function xlsxBytes(): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Vụ việc');
	sheet.addRow(HEADERS);
	for (const row of xlsxRows()) sheet.addRow(row);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 5 rows: 2 new, 2 updating HS-1000 and HS-1001, 1 with an impossible date (line 6). BOM, `;`, CRLF. */
const appendCsv =
	'\uFEFF' +
	[
		'Mã vụ việc;Ngày tiếp nhận;Tổ dân phố;Loại mâu thuẫn;Tình trạng',
		'HS-2000;03/07/2021;TDP05;Khác;Mới tiếp nhận',
		'HS-2001;04/07/2021;TDP06;Khác;Mới tiếp nhận',
		'HS-1000;01/01/2021;TDP01;Đất đai, ranh giới, lối đi chung;Chuyển cơ quan chức năng',
		'HS-1001;02/02/2021;TDP02;Hôn nhân và gia đình;Hòa giải không thành',
		'HS-2002;30/02/2021;TDP07;Khác;Mới tiếp nhận'
	].join('\r\n') +
	'\r\n';

const tab = pagePerFile();

const choose = (files: ChosenFile[]) => chooseFiles(tab.page, files);
const report = (file: string) => importReport(tab.page, file);
const dashboardTotal = (query: string) => totalOf(tab.page, query);

describe('importing a ward’s own exports', () => {
	test('a Vietnamese-header .xlsx with the groups replaces the demo ward', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await tab.page.getByTestId('datasets-demo').waitFor();
		await choose([
			{ name: 'vu-viec.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsxBytes() },
			{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(groupsGeojson) }
		]);
		// The proposed mapping found every Vietnamese header.
		const mapped = tab.page.getByTestId('import-mapping');
		await mapped.waitFor();
		for (const [field, header] of [
			['case_id', 0],
			['reported_on', 1],
			['group_code', 2],
			['category', 3],
			['status', 4],
			['resolved_on', 5]
		] as const) {
			expect(await tab.page.getByTestId(`mapping-${field}`).inputValue(), field).toBe(String(header));
		}
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('vu-viec.xlsx')).toEqual({ read: 40, accepted: 40, rejected: 0, updated: 0 });
		expect(await tab.page.getByTestId('datasets-demo').count()).toBe(0);
		expect(await dashboardTotal('?from=2021-01-01&to=2021-12-31')).toBe('40');
		expect(await tab.page.getByTestId('synthetic-banner').count()).toBe(0);
	});

	test('the data is still there after a reload', async () => {
		await tab.page.reload();
		await waitForMap(tab.page);
		expect((await tab.page.getByTestId('kpi-total').textContent())!.trim()).toBe('40');
		expect(await tab.page.getByTestId('synthetic-banner').count()).toBe(0);
	});

	test('appending a `;` CSV with a BOM: new rows added, repeated ids updated, a bad date rejected by line', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await choose([{ name: 'thang-7.csv', mimeType: 'text/csv', buffer: Buffer.from(appendCsv) }]);
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('thang-7.csv')).toEqual({ read: 5, accepted: 4, rejected: 1, updated: 2 });
		const rejected = tab.page.locator('[data-testid="import-report"] tr[data-line]');
		expect(await rejected.getAttribute('data-line')).toBe('6');
		expect(await rejected.getAttribute('data-reason')).toBe('invalid_date');
		expect(await dashboardTotal('?from=2021-01-01&to=2021-12-31')).toBe('42');
	});

	test('a column of phone numbers stops the import, names the column, and can be dropped', async () => {
		const csv = 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Liên hệ\nHS-3000,05/07/2021,TDP09,Khác,Mới tiếp nhận,0912 345 678\n';
		await tab.page.goto(`${BASE_URL}/data`);
		await choose([{ name: 'co-sdt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
		const refusal = tab.page.getByTestId('import-error');
		await refusal.waitFor();
		const message = (await refusal.textContent()) ?? '';
		expect(message).toContain('Liên hệ');
		expect(message).not.toContain('0912');
		await tab.page.getByTestId('drop-personal-data').click();
		await tab.page.getByTestId('import-confirm').click();
		expect(await report('co-sdt.csv')).toEqual({ read: 1, accepted: 1, rejected: 0, updated: 0 });
	});

	test('a file without a required column is refused and leaves the data as it was', async () => {
		const before = await dashboardTotal('?from=2021-01-01&to=2021-12-31');
		await tab.page.goto(`${BASE_URL}/data`);
		await choose([{ name: 'thieu-cot.csv', mimeType: 'text/csv', buffer: Buffer.from('Mã vụ việc,Tổ dân phố\nX1,TDP01\n') }]);
		await tab.page.getByTestId('import-mapping').waitFor();
		expect(await tab.page.getByTestId('import-confirm').isDisabled()).toBe(true);
		expect(await dashboardTotal('?from=2021-01-01&to=2021-12-31')).toBe(before);
	});

	test('binary garbage is refused with a message, nothing crashes', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		const garbage = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256));
		await choose([{ name: 'rac.csv', mimeType: 'text/csv', buffer: garbage }]);
		await tab.page.getByTestId('import-error').waitFor();
		// In the page's language, naming the file and what to do; the core's English account stays out of it.
		const message = (await tab.page.getByTestId('import-error').textContent()) ?? '';
		expect(message).toContain('rac.csv: tệp không phải là bảng chữ');
		expect(message).toContain('CSV UTF-8');
		expect(message).not.toMatch(/the file|import the/);
		expect(tab.errors).toEqual([]);
	});

	test('a file dropped on the panel is read like a chosen one', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		await tab.page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
		const dataTransfer = await tab.page.evaluateHandle(() => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array([0, 1, 2, 3, 0, 0, 7, 255])], 'keo-tha.csv', { type: 'text/csv' }));
			return transfer;
		});
		await tab.page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer });
		await tab.page.getByTestId('import-error').waitFor();
		expect(await tab.page.getByTestId('import-error').textContent()).toContain('keo-tha.csv');
		expect(tab.errors).toEqual([]);
	});

	test('clearing the data goes back to the demo ward', async () => {
		await tab.page.goto(`${BASE_URL}/data`);
		tab.page.once('dialog', (dialog) => void dialog.accept());
		await tab.page.getByTestId('clear-data').click();
		await tab.page.getByTestId('datasets-demo').waitFor();
		await tab.page.reload();
		await tab.page.getByTestId('datasets-demo').waitFor();
	});
});
