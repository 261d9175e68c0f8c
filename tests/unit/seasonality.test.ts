import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/lib/core/db/engine';
import { openNodeEngine } from '../../src/lib/core/db/node';
import { CREATE_TABLES } from '../../src/lib/core/db/schema';
import { monthYears, readSeasonality, seasonalityQuery } from '../../src/lib/core/queries/seasonality';
import type { View } from '../../src/lib/core/queries/view';

interface SmallCase {
	id: string;
	date: string;
	group: string;
	category: string;
	status: string;
}

/**
 * 74 cases from 20/11/2019 to early 2021: every 6 days or so (so every weekday occurs), and four more on Sunday
 * 07/06/2020 so that the weekdays are not evenly spread (a shift of the week would show).
 */
const cases: SmallCase[] = Array.from({ length: 74 }, (_, i) => {
	const day = i < 70 ? new Date(Date.UTC(2019, 10, 20 + Math.floor(i * 6.2))) : new Date(Date.UTC(2020, 5, 7));
	return {
		id: `C${i}`,
		date: day.toISOString().slice(0, 10),
		group: ['G1', 'G2', 'G3'][i % 3],
		category: ['neighbour', 'land', 'spontaneous', 'family'][i % 4],
		status: ['resolved', 'mediating'][i % 5 === 0 ? 1 : 0]
	};
});

/** Expected margins counted in plain JavaScript: the month and ISO weekday of each date, Monday = 1. */
function expected(keep: (c: SmallCase) => boolean) {
	const months = new Array<number>(12).fill(0);
	const weekdays = new Array<number>(7).fill(0);
	for (const c of cases.filter(keep)) {
		const day = new Date(`${c.date}T00:00:00Z`);
		months[day.getUTCMonth()] += 1;
		weekdays[(day.getUTCDay() + 6) % 7] += 1;
	}
	return { months, weekdays };
}

function view(overrides: Partial<View>): View {
	return { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [], groups: [], mode: 'count', fdr: false, lang: 'vi', ...overrides };
}

let engine: Engine;

beforeAll(async () => {
	engine = await openNodeEngine();
	const values = cases.map((c) => `('${c.id}', DATE '${c.date}', '${c.group}', '${c.category}', '${c.status}')`);
	await engine.exec(`${CREATE_TABLES} INSERT INTO cases (case_id, reported_on, group_code, category, status) VALUES ${values.join(', ')}`);
});

describe('seasonality on a small table, against counts made in JavaScript', () => {
	test('every case counted once by calendar month and once by ISO weekday', async () => {
		const result = readSeasonality(await engine.query(seasonalityQuery(view({}))));
		expect(result).toEqual(expected(() => true));
		expect(result.months.reduce((a, b) => a + b)).toBe(cases.length);
		expect(result.weekdays.reduce((a, b) => a + b)).toBe(cases.length);
		expect(result.weekdays.every((n) => n > 0)).toBe(true);
	});

	test('categories, statuses and groups filter; the period does not', async () => {
		const filters = { categories: ['neighbour', 'land'], statuses: ['resolved'], groups: ['G1', 'G2'] } satisfies Partial<View>;
		const keep = (c: SmallCase) =>
			['neighbour', 'land'].includes(c.category) && c.status === 'resolved' && ['G1', 'G2'].includes(c.group);
		const thisYear = readSeasonality(await engine.query(seasonalityQuery(view(filters))));
		const oneWeek = readSeasonality(await engine.query(seasonalityQuery(view({ ...filters, from: '2020-06-01', to: '2020-06-07' }))));
		expect(thisYear).toEqual(expected(keep));
		expect(oneWeek).toEqual(thisYear);
		expect(thisYear.months.reduce((a, b) => a + b)).toBeLessThan(cases.length);
	});

	test('a selection without a case gives 12 months and 7 weekdays at zero', async () => {
		const result = readSeasonality(await engine.query(seasonalityQuery(view({ groups: ['G9'] }))));
		expect(result).toEqual({ months: new Array(12).fill(0), weekdays: new Array(7).fill(0) });
	});

	test('a month the data enters or leaves part-way counts as one of its years', () => {
		// 20/11/2019 to 03/02/2021: November to February twice, March to October once.
		expect(monthYears('2019-11-20', '2021-02-03')).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
		expect(monthYears('2018-01-01', '2020-12-31')).toEqual(new Array(12).fill(3));
	});
});
