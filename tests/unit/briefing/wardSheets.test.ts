import { describe, expect, test } from 'vitest';
import { briefingCounts } from '../../../src/lib/core/briefing/briefingCounts';
import { discloseBriefing, isHidden, type Shown } from '../../../src/lib/core/briefing/suppression';
import type { GroupFigures } from '../../../src/lib/core/queries/results';
import type { View } from '../../../src/lib/core/queries/view';
import { en } from '../../../src/lib/i18n/en';
import { vi } from '../../../src/lib/i18n/vi';
import { briefingSheets } from '../../../src/lib/ui/briefing/exports';

const view: View = { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], level: 'ward', mode: 'count', fdr: false, lang: 'vi' };
const ward = (code: string, total: number, previousTotal: number): GroupFigures => ({
	group_code: code,
	name: `Phường ${Number(code.slice(1))}`,
	population: null,
	total,
	previousTotal,
	resolved: 0
});
const wards = [ward('W01', 94, 68), ward('W02', 308, 314), ward('W03', 3, 1)];
const keyFigures = { total: 405, previousTotal: 383, lastYearTotal: 383, resolved: 0 };
const handling = { medianDays: null, resolvedWithoutDate: 0, open30: 0, open60: 0, open90: 0, escalated: 0, repeat: 0 };

describe('the briefing’s ranking export at level=ward', () => {
	test('the district chair exports the wards ranked: ward_code, the ward column, counts and changes in ranking order', () => {
		const disclosure = discloseBriefing(briefingCounts(view, keyFigures, handling, wards, []), false);
		const [ranking] = briefingSheets(wards, [], [], 'month', disclosure, vi, 'ward');
		expect(ranking.name).toBe('Xếp hạng các phường');
		expect(ranking.headers.slice(0, 2)).toEqual(['ward_code', 'Phường']);
		expect(ranking.rows).toEqual([
			['W02', 'Phường 2', 308, -6],
			['W01', 'Phường 1', 94, 26],
			['W03', 'Phường 3', 3, 2]
		]);
		expect(briefingSheets(wards, [], [], 'month', disclosure, en, 'ward')[0].headers.slice(0, 2)).toEqual(['ward_code', 'Ward']);
	});

	test('a distribution copy at level=ward exports each ward as the page shows it, a small count hidden', () => {
		const disclosure = discloseBriefing(briefingCounts(view, keyFigures, handling, wards, []), true);
		const [ranking] = briefingSheets(wards, [], [], 'month', disclosure, vi, 'ward');
		for (const [code, , count, change] of ranking.rows) expect([count, change]).toEqual([disclosure.groups.get(String(code))!.count, disclosure.groups.get(String(code))!.change]);
		const w03 = ranking.rows.find((row) => row[0] === 'W03')!;
		expect(isHidden(w03[2] as Shown)).toBe(true);
		expect(w03[3]).toBeNull();
	});
});
