import { beforeAll, describe, expect, test } from 'vitest';
import { runEarlyWarning } from '$lib/core/view/earlyWarning';
import {
	alertPlan,
	earlyWarnings,
	expectedAttribute,
	shownAlert
} from '../../../src/lib/core/analysis/earlyWarning';
import type { Engine } from '../../../src/lib/core/db/engine';
import { alertCountsQuery } from '../../../src/lib/core/queries/dashboard';
import { readAlertCounts } from '../../../src/lib/core/queries/results';
import type { View } from '../../../src/lib/core/queries/view';
import { demoCases, engineWithDemo } from '../support/demo';

const group = (group_code: string, count: number, baselineTotal: number) => ({ group_code, count, baselineTotal });

describe('the early-warning rule', () => {
	test('3 cases against a mean of 0.5 a month: p = 1 − e^−0.5 (1 + 0.5 + 0.125) ≈ 0.014, not flagged', () => {
		expect(earlyWarnings([group('TDP1', 3, 6)], 12)).toEqual([]);
	});

	test('4 cases against a mean of 0.5 a month: p ≈ 0.0018, flagged with its count, mean and p', () => {
		const [alert] = earlyWarnings([group('TDP1', 4, 6)], 12);
		const e = Math.exp(-0.5);
		expect(alert.count).toBe(4);
		expect(alert.expected).toBe(0.5);
		expect(alert.p).toBeCloseTo(1 - e * (1 + 0.5 + 0.125 + 0.5 ** 3 / 6), 14);
	});

	test('2 cases never flag, even with no history at all (x ≥ 3)', () => {
		expect(earlyWarnings([group('TDP1', 2, 0)], 12)).toEqual([]);
	});

	test('a group with no case in its baseline and 3 in the month is flagged (λ = 0, p = 0)', () => {
		const [alert] = earlyWarnings([group('TDP1', 3, 0)], 12);
		expect(alert).toMatchObject({ group_code: 'TDP1', count: 3, expected: 0, p: 0 });
	});

	test('a busy group is not flagged for its usual count', () => {
		expect(earlyWarnings([group('TDP1', 9, 8 * 12)], 12)).toEqual([]);
	});

	test('most unusual first; equal p falls to the ranking order (larger count, then code in natural order)', () => {
		const alerts = earlyWarnings(
			[group('TDP10', 3, 0), group('TDP2', 3, 0), group('TDP5', 4, 0), group('TDP7', 6, 3), group('TDP9', 5, 3)],
			12
		);
		expect(alerts.map((a) => a.group_code)).toEqual(['TDP5', 'TDP2', 'TDP10', 'TDP7', 'TDP9']);
	});

	test('a shorter baseline divides by the months it has', () => {
		const [alert] = earlyWarnings([group('TDP1', 5, 2)], 4);
		expect(alert.expected).toBe(0.5);
	});
});

describe('which month is tested against which baseline', () => {
	const span = { first: '2018-01-01', last: '2020-12-31' };
	const plan = (from: string, to: string) => alertPlan({ from, to }, span.first, span.last);

	test('a period ending at a month end tests that month against the 12 before it', () => {
		expect(plan('2020-07-01', '2020-09-30')).toEqual({
			kind: 'ready',
			month: '2020-09-01',
			baseline: { from: '2019-09-01', to: '2020-08-31' },
			baselineMonths: 12
		});
	});

	test('a period ending mid-month tests the month before (the last whole one)', () => {
		expect(plan('2020-01-15', '2020-10-14')).toMatchObject({ month: '2020-09-01' });
	});

	test('a period of less than a whole month has no month to test', () => {
		expect(plan('2020-10-03', '2020-10-30')).toEqual({ kind: 'no_month' });
	});

	test('a period running past the data tests the data’s last month', () => {
		expect(plan('2020-10-01', '2021-03-31')).toMatchObject({ kind: 'ready', month: '2020-12-01' });
		expect(plan('2021-01-01', '2021-03-31')).toEqual({ kind: 'no_month' });
	});

	test('with less than 12 months of history, the baseline is the months there are', () => {
		expect(plan('2018-07-01', '2018-07-31')).toEqual({
			kind: 'ready',
			month: '2018-07-01',
			baseline: { from: '2018-01-01', to: '2018-06-30' },
			baselineMonths: 6
		});
	});

	test('with less than 3 months of history there is no baseline and no alert', () => {
		expect(plan('2018-03-01', '2018-03-31')).toEqual({ kind: 'short_history', month: '2018-03-01', baselineMonths: 2 });
		expect(plan('2018-04-01', '2018-04-30')).toMatchObject({ kind: 'ready', baselineMonths: 3 });
	});
});

describe('a distribution copy', () => {
	const [alert] = earlyWarnings([group('TDP1', 4, 3)], 12);

	test('a count under 5 reads "<5", and a baseline of 1–4 cases only as a bound on the mean', () => {
		const shown = shownAlert(alert, 12, true);
		expect(shown.count).toBe('<5');
		// λ = 3/12 = 0.25 < 5/12 ≈ 0.417, rounded up so the bound stays true.
		expect(shown.expected).toEqual({ below: 0.5 });
		expect(expectedAttribute(shown.expected)).toBe('<0.5');
	});

	test('the full copy shows both, the mean to one decimal with a point', () => {
		const shown = shownAlert(alert, 12, false);
		expect(shown.count).toBe(4);
		expect(expectedAttribute(shown.expected)).toBe('0.3');
	});

	test('counts of 5 or more and an empty baseline are shown as they are', () => {
		const [big] = earlyWarnings([group('TDP1', 7, 0)], 12);
		expect(shownAlert(big, 12, true)).toEqual({ count: 7, expected: { value: 0 } });
	});
});

describe('the counts query on the demo ward, against the CSV', () => {
	let engine: Engine;
	const cases = demoCases();
	beforeAll(async () => {
		engine = await engineWithDemo();
	});

	const view = (overrides: Partial<View> = {}): View => ({
		from: '2020-07-01', to: '2020-09-30', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides
	});
	const month = { from: '2020-09-01', to: '2020-09-30' };
	const baseline = { from: '2019-09-01', to: '2020-08-31' };

	function expected(keep: (c: (typeof cases)[number]) => boolean) {
		const byGroup = new Map<string, { count: number; baselineTotal: number }>();
		for (const c of cases.filter(keep)) {
			const inMonth = c.reported_on >= month.from && c.reported_on <= month.to;
			const inBaseline = c.reported_on >= baseline.from && c.reported_on <= baseline.to;
			if (!inMonth && !inBaseline) continue;
			const counts = byGroup.get(c.group_code) ?? { count: 0, baselineTotal: 0 };
			if (inMonth) counts.count += 1;
			else counts.baselineTotal += 1;
			byGroup.set(c.group_code, counts);
		}
		return [...byGroup].map(([group_code, counts]) => ({ group_code, ...counts })).sort((a, b) => (a.group_code < b.group_code ? -1 : 1));
	}

	test('every group’s cases in the month and in its baseline', async () => {
		const rows = readAlertCounts(await engine.query(alertCountsQuery(view(), month, baseline)));
		expect(rows).toEqual(expected(() => true));
		expect(rows.length).toBeGreaterThan(40);
	});

	test('the category and status filters apply; the group filter does not', async () => {
		const filtered = view({ categories: ['land', 'neighbour'], statuses: ['received', 'mediating', 'resolved'], groups: ['TDP14'] });
		const rows = readAlertCounts(await engine.query(alertCountsQuery(filtered, month, baseline)));
		expect(rows).toEqual(
			expected((c) => ['land', 'neighbour'].includes(c.category) && ['received', 'mediating', 'resolved'].includes(c.status))
		);
		expect(rows.some((row) => row.group_code !== 'TDP14')).toBe(true);
	});

	test('the whole path flags the groups the rule picks from the CSV’s own counts', async () => {
		const warning = await runEarlyWarning((sql) => engine.query(sql), view(), { firstDate: '2018-01-01', lastDate: '2020-12-31' });
		expect(warning.plan).toMatchObject({ kind: 'ready', month: '2020-09-01', baselineMonths: 12 });
		expect(warning.alerts).toEqual(earlyWarnings(expected(() => true), 12));
		expect(warning.alerts.length).toBeGreaterThan(0);
	});
});
