import { expect, test } from 'vitest';
import { openNodeEngine } from '$lib/core/db/node';
import { monthsOf } from '$lib/core/periods/buckets';

test('the months of a monthly series are the months DuckDB files the range’s days under, across two year ends', async () => {
	const engine = await openNodeEngine();
	const rows = await engine.query(`
		SELECT DISTINCT strftime(day, '%Y-%m') AS month
		FROM generate_series(DATE '2019-11-20', DATE '2021-02-03', INTERVAL 1 DAY) AS days(day)
		ORDER BY month`);
	const months = monthsOf({ from: '2019-11-20', to: '2021-02-03' });
	expect(months).toEqual(rows.map((row) => String(row.month)));
	expect([months.length, months[0], months.at(-1)]).toEqual([16, '2019-11', '2021-02']);
	expect(monthsOf({ from: '2020-02-29', to: '2020-02-29' })).toEqual(['2020-02']);
});
