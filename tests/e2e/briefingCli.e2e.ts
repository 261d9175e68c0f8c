import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { pdfPages, pdfText } from './pdfText';

/*
 * `npm run briefing` (issue 5, part 7) as a scheduled job runs it: a child process that serves the built site,
 * imports the demo files through the Data page in its own Chromium and prints the briefing. Expected counts come
 * from the CSV, not from the app.
 */

// Absolute: under `npm test` the script resolves relative paths from the folder npm was started in.
const CASES = resolve('data/demo/cases.csv');
const GROUPS = resolve('data/demo/groups.geojson');
const rows = readFileSync(CASES, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const casesIn = (from: string, to: string) => rows.filter(([, reported]) => reported >= from && reported <= to).length;

const scratch = mkdtempSync(join(tmpdir(), 'ward-briefing-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function briefing(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
	const started = Date.now();
	const child = spawn('node_modules/.bin/tsx', ['scripts/briefing.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	return new Promise((done) =>
		child.on('close', (code) => done({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 }))
	);
}

const QUARTER = ['--cases', CASES, '--groups', GROUPS, '--from', '01/07/2020', '--to', '30/09/2020'];

/** Lines from the one starting with `first` up to the one starting with `next` (or `Nơi nhận`: empty notes are not printed). */
function section(lines: string[], first: string, next: string): string[] {
	const start = lines.findIndex((line) => line.startsWith(first));
	const end = lines.findIndex((line, index) => index > start && (line.startsWith(next) || line.startsWith('Nơi nhận')));
	return lines.slice(start, end);
}

/**
 * Counts from 1 to 4 in the key figures, facts and category table. Group names, percentages and changes are not
 * counts (a change is shown only between two counts of 5 or more).
 */
function smallCounts(lines: string[]): string[] {
	const counted = [...section(lines, 'I. ', 'III. '), ...section(lines, 'VI. ', 'VII. ')];
	const notCounts = /Tổ dân phố \d+|(tăng|giảm) \d+/g;
	return counted.filter((line) => /(?<![\d.,/])[1-4](?![\d.,/]|\s?%)/.test(line.replace(notCounts, '')));
}

describe('the briefing from the command line', () => {
	let quarterLines: string[] = [];

	test('prints the quarter’s briefing to a 1–2 page PDF with the count from the CSV', async () => {
		const out = join(scratch, 'quy-3.pdf');
		const run = await briefing([...QUARTER, '--out', out]);
		expect(run.code, run.stderr).toBe(0);
		console.info(`npm run briefing: ${run.seconds.toFixed(1)} s`);
		expect(run.stderr).toContain(`cases.csv: ${rows.length} read, ${rows.length} accepted, 0 rejected`);

		const pdf = readFileSync(out);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
		expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
		quarterLines = pdfText(pdf).flat();
		const expected = new Intl.NumberFormat('vi-VN').format(casesIn('2020-07-01', '2020-09-30'));
		expect(section(quarterLines, 'I. ', 'II. ')).toContain(expected);
		expect(quarterLines.join(' ')).toContain(`Trong quý III/2020, toàn phường tiếp nhận ${expected} vụ việc`);
		expect(quarterLines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(quarterLines).toContain('Độc lập - Tự do - Hạnh phúc');
	}, 180_000);

	test('the demo’s files printed from the command line are marked synthetic, as the browser marks the demo', () => {
		// The demo's GeoJSON says `"synthetic": true`; the run imports it as a user's file.
		expect(quarterLines.join(' ')).toContain('Dữ liệu mô phỏng (không phải số liệu thật): tệp groups.geojson tự ghi là dữ liệu mô phỏng.');
		// Filed as Decree 30/2020/NĐ-CP lays it out: the number left blank to write by hand, the signature block.
		const lines = quarterLines.map((line) => line.replace(/\s+/g, ' ').trim());
		expect(lines).toContain('Số: /BC-BCĐ');
		const onBehalf = lines.indexOf('TM. BAN CHỈ ĐẠO');
		expect(lines[onBehalf + 1]).toBe('TRƯỞNG BAN');
	});

	test('a cases workbook: --sheet picks the sheet on the Data page, title and footer lines skipped', async () => {
		const [header] = readFileSync(CASES, 'utf8').split('\n', 1).map((line) => line.split(','));
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Hướng dẫn').addRow(['Mỗi vụ việc một dòng.']);
		const all = book.addWorksheet('Vụ việc');
		[header, ...rows].forEach((row) => all.addRow(row));
		const july = book.addWorksheet('Tháng 7');
		july.addRow(['BAN CHỈ ĐẠO 138']);
		july.addRow(['DANH SÁCH VỤ VIỆC THÁNG 7/2020']);
		[header, ...rows.filter(([, reported]) => reported.startsWith('2020-07'))].forEach((row) => july.addRow(row));
		july.addRow(['Người lập biểu', null, null, 'Thủ trưởng đơn vị']);
		const workbook = join(scratch, 'vu-viec.xlsx');
		writeFileSync(workbook, new Uint8Array(await book.xlsx.writeBuffer()));
		const inJuly = casesIn('2020-07-01', '2020-07-31');
		const run = await briefing(['--cases', workbook, '--groups', GROUPS, '--from', '01/07/2020', '--to', '30/09/2020', '--sheet', 'Tháng 7', '--out', join(scratch, 'thang-7.pdf')]);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toContain(`vu-viec.xlsx: ${inJuly} read, ${inJuly} accepted, 0 rejected`);
		expect(run.stderr).toContain('vu-viec.xlsx: skipped 2 title line(s) and 1 footer line(s)');
	}, 180_000);

	test('a distribution copy shows no count from 1 to 4 where the full copy has them; --number and --signer fill the filing lines', async () => {
		expect(smallCounts(quarterLines)).not.toEqual([]);
		const out = join(scratch, 'quy-3-phat-hanh.pdf');
		const run = await briefing([...QUARTER, '--out', out, '--distribution', '--number', '12', '--signer', 'Nguyễn Văn An']);
		expect(run.code, run.stderr).toBe(0);
		const lines = pdfText(readFileSync(out)).flat();
		expect(lines).toContain('<5');
		expect(smallCounts(lines)).toEqual([]);
		// --number and --signer: the copy filed as number 12, signed by the name given.
		expect(lines).toContain('Số: 12/BC-BCĐ');
		const onBehalf = lines.indexOf('TM. BAN CHỈ ĐẠO');
		expect(lines.slice(onBehalf, onBehalf + 3)).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nguyễn Văn An']);
	}, 180_000);

	test('bad arguments stop before the browser starts, with a message and exit code 2', async () => {
		const missing = await briefing(['--cases', join(scratch, 'none.csv'), '--groups', GROUPS, '--from', '2020-07-01', '--to', '2020-09-30', '--out', join(scratch, 'x.pdf')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/--cases: cannot read .*none\.csv/);
		const reversed = await briefing(['--cases', CASES, '--groups', GROUPS, '--from', '30/09/2020', '--to', '01/07/2020', '--out', join(scratch, 'x.pdf')]);
		expect(reversed.code).toBe(2);
		expect(reversed.stderr).toContain('--from 30/09/2020 is after --to 01/07/2020');
		const badDate = await briefing(['--cases', CASES, '--groups', GROUPS, '--from', '31/02/2020', '--to', '01/07/2020', '--out', join(scratch, 'x.pdf')]);
		expect(badDate.code).toBe(2);
		expect(badDate.stderr).toContain('--from: "31/02/2020" is not a calendar date');
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Hướng dẫn').addRow(['Mỗi vụ việc một dòng.']);
		book.addWorksheet('Vụ việc').addRow(['Mã vụ việc', 'Ngày tiếp nhận', 'Tổ dân phố', 'Loại mâu thuẫn', 'Tình trạng']);
		const workbook = join(scratch, 'vu-viec.xlsx');
		writeFileSync(workbook, new Uint8Array(await book.xlsx.writeBuffer()));
		const noSheet = await briefing(['--cases', workbook, '--groups', GROUPS, '--from', '2020-07-01', '--to', '2020-09-30', '--sheet', 'Sheet1', '--out', join(scratch, 'x.pdf')]);
		expect(noSheet.code).toBe(2);
		expect(noSheet.stderr).toMatch(/--sheet: .*"Sheet1".*Hướng dẫn, Vụ việc/);
	});

	test('files the Data page refuses stop the run with the page’s own words and exit code 2', async () => {
		const phones = join(scratch, 'co-sdt.csv');
		writeFileSync(phones, 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng,Liên hệ\nHS-1,05/07/2020,TDP09,Khác,Mới tiếp nhận,0912 345 678\n');
		const personal = await briefing(['--cases', phones, '--groups', GROUPS, '--from', '2020-07-01', '--to', '2020-09-30', '--out', join(scratch, 'x.pdf')]);
		expect(personal.code).toBe(2);
		expect(personal.stderr).toContain('Liên hệ');
		expect(personal.stderr).not.toContain('0912');

		const noDate = join(scratch, 'thieu-cot.csv');
		writeFileSync(noDate, 'Mã vụ việc,Tổ dân phố,Loại mâu thuẫn\nHS-1,TDP09,Khác\n');
		const missing = await briefing(['--cases', noDate, '--groups', GROUPS, '--from', '2020-07-01', '--to', '2020-09-30', '--out', join(scratch, 'x.pdf')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('Ngày tiếp nhận');

		// Labels the page would ask a user to map: nobody is there to answer, so the run names them and stops.
		const oddLabel = join(scratch, 'nhan-la.csv');
		writeFileSync(oddLabel, 'Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng\nHS-1,05/07/2020,TDP09,Chuyện lạ,Mới tiếp nhận\n');
		const unknown = await briefing(['--cases', oddLabel, '--groups', GROUPS, '--from', '2020-07-01', '--to', '2020-09-30', '--out', join(scratch, 'x.pdf')]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('“Chuyện lạ”');
	}, 120_000);
});
