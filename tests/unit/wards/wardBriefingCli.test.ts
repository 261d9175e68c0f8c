import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatter, messages } from '$lib/i18n/format';
import { areaLine } from '$lib/ui/briefing/briefingText';
import type { View } from '$lib/core/queries/view';
import type { Ward } from '$lib/core/schema/wards';
import { generateDistrict } from '../../../data/demo/district';

const view = (wards?: string[]): View => ({
	from: '2020-01-01',
	to: '2020-12-31',
	categories: [],
	statuses: [],
	sources: [],
	groups: [],
	...(wards && { wards }),
	mode: 'count',
	fdr: false,
	lang: 'vi'
});
const wards: Ward[] = ['1', '2', '3'].map((n) => ({ code: `W0${n}`, name: `Phường ${n}`, groupCodes: [] }));

describe('the briefing names the district or the chosen wards', () => {
	test('the whole district, the chosen wards, and nothing for a single ward', () => {
		const [vi, en] = [messages('vi'), messages('en')];
		expect(areaLine(view(), wards, vi, formatter('vi'))).toBe('Địa bàn: toàn bộ 3 phường (Phường 1, Phường 2, Phường 3).');
		expect(areaLine(view(['W01', 'W03']), wards, vi, formatter('vi'))).toBe('Địa bàn: Phường 1, Phường 3.');
		expect(areaLine(view(['W02']), wards, en, formatter('en'))).toBe('Area: Phường 2.');
		expect(areaLine(view(), wards.slice(0, 1), vi, formatter('vi'))).toBeNull();
	});
});

describe('npm run analyze on a district: --ward and --level', () => {
	const folder = mkdtempSync(join(tmpdir(), 'wards-analyze-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const district = generateDistrict({ wards: 3, groupsPerWard: 6, seed: 5 });
	writeFileSync(join(folder, 'groups.geojson'), district.groupsGeojson);
	writeFileSync(join(folder, 'cases.csv'), district.casesCsv);
	const files = ['--cases', join(folder, 'cases.csv'), '--groups', join(folder, 'groups.geojson'), '--from', '2020-01-01', '--to', '2020-12-31'];
	const analyze = (args: string[]) =>
		execFileSync('node_modules/.bin/tsx', ['scripts/analyze.ts', ...files, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	const counted = (ward: string) =>
		district.casesCsv.split('\n').filter((line) => line.split(',')[2] === ward && line.split(',')[1] >= '2020-01-01' && line.split(',')[1] <= '2020-12-31').length;
	const rows = (csv: string) => csv.trim().split('\n').slice(1).map((line) => line.split(','));

	test('--level ward prints one row per ward with its count; --ward W02 prints W02’s groups only', () => {
		expect(rows(analyze(['--level', 'ward'])).map(([code, count]) => [code, Number(count)])).toEqual(
			['W01', 'W02', 'W03'].map((ward) => [ward, counted(ward)])
		);
		const ofW02 = rows(analyze(['--ward', 'W02']));
		expect(ofW02.map(([code]) => code)).toEqual(Array.from({ length: 6 }, (_, i) => `W02-TDP0${i + 1}`));
		expect(ofW02.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(counted('W02'));
	}, 120_000);

	test('an unknown ward is a bad argument (exit code 2) naming the wards there are', () => {
		try {
			analyze(['--ward', 'W09']);
			expect.unreachable();
		} catch (error) {
			const { status, stderr } = error as { status: number; stderr: string };
			expect(status).toBe(2);
			expect(stderr).toContain('unknown ward W09 (the groups name W01, W02, W03)');
		}
	}, 120_000);
});
