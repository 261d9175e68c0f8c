import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '$lib/core/view/runAnalysis';
import {
	chooseStep,
	emergingHotspots,
	giStar,
	medianPerStep,
	MIN_CASES_PER_STEP,
	queenContiguity,
	stepStarts,
	stepValues,
	sumSteps,
	timeStepsOf,
	type HotspotAnalysis
} from '$lib/core/analysis';
import { monthsBetween, readGroups } from '$lib/core/queries/results';
import { groupsQuery } from '$lib/core/queries/dashboard';
import {
	DEMO_FIRST_YEAR,
	DEMO_MONTH_COUNT,
	DEMO_SEED,
	DIMINISHING_CLUSTER,
	EMERGING_CLUSTER,
	PERSISTENT_CLUSTER
} from '../../../data/demo/patterns';
import { buildWard } from '../../../data/demo/ward';
import { generateCases } from '../../../data/demo/cases';
import { engineWithDemo } from '../support/demo';
import type { Engine } from '$lib/core/db/engine';
import type { GroupWithGeometry } from '$lib/core/import/groups';

describe('the emerging analysis time step', () => {
	const months = monthsBetween('2019-11', '2020-07'); // 9 months: Nov, Dec | Jan–Mar | Apr–Jun | Jul
	const monthly = [
		[1, 2, 3, 4, 5, 6, 7, 8, 9],
		[0, 0, 1, 0, 0, 0, 0, 2, 0]
	];

	it('sums calendar quarters; a quarter the data enters or leaves part-way is a shorter step', () => {
		expect(stepStarts(months, 'quarter')).toEqual(['2019-11', '2020-01', '2020-04', '2020-07']);
		expect(sumSteps(monthly, months, 'quarter')).toEqual([
			[3, 12, 21, 9],
			[0, 1, 2, 0]
		]);
	});

	it('keeps each month on its own at step=month (SPEC §4 exactly)', () => {
		expect(stepStarts(months, 'month')).toEqual(months);
		expect(sumSteps(monthly, months, 'month')).toEqual(monthly);
	});

	it('chooses months only when the median group has at least two cases a month', () => {
		// Means per month: 45/9 = 5 and 3/9; median of two groups = (5 + 1/3)/2 = 2.67 → month.
		expect(medianPerStep(monthly, 9)).toBeCloseTo(8 / 3, 12);
		expect(chooseStep(monthly, months)).toBe('month');
		// A third, quiet group moves the median to 1/3 a month → quarter.
		const quieter = [...monthly, [0, 0, 0, 1, 0, 0, 0, 0, 2]];
		expect(medianPerStep(quieter, 9)).toBeCloseTo(1 / 3, 12);
		expect(chooseStep(quieter, months)).toBe('quarter');
		expect(MIN_CASES_PER_STEP).toBe(2);
	});

	it('an export made mid-quarter does not make the last quarter read as quiet: quarters compare cases per month', () => {
		// Five groups on a line, each at its own steady rate, January to July: the third quarter holds July only.
		const rowMonths = monthsBetween('2020-01', '2020-07');
		const rates = [1, 2, 4, 2, 1];
		const monthly = rates.map((rate) => rowMonths.map(() => rate));
		const line = [[1], [0, 2], [1, 3], [2, 4], [3]];
		expect(stepValues(monthly, rowMonths, 'quarter')).toEqual(rates.map((rate) => [rate, rate, rate]));
		expect(stepValues(monthly, rowMonths, 'month')).toEqual(monthly);
		const z = (values: number[][]) =>
			emergingHotspots(values, line, { timeSteps: timeStepsOf('quarter') }).steps.map((step) =>
				step.groups.map((group) => group.z!)
			);
		const [, second, last] = z(stepValues(monthly, rowMonths, 'quarter'));
		expect(last).toEqual(second);
		// Summed, July alone is a third of a quarter: every group's last z falls.
		const summed = z(sumSteps(monthly, rowMonths, 'quarter'));
		summed[2].forEach((value, group) => expect(value).toBeLessThan(summed[1][group]));
	});

	it('computes the Gi* of each quarter on the sums of its months', () => {
		const rowMonths = monthsBetween('2020-01', '2020-12');
		const counts = [
			[0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0],
			[3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4, 3],
			[1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]
		];
		const line = [[1], [0, 2], [1]];
		const quarterly = sumSteps(counts, rowMonths, 'quarter');
		expect(quarterly).toEqual([
			[1, 1, 0, 1],
			[9, 8, 10, 9],
			[1, 1, 1, 0]
		]);
		const { steps } = emergingHotspots(quarterly, line);
		expect(steps).toHaveLength(4);
		expect(steps[2]).toEqual(giStar([0, 10, 1], line));
	});
});

describe("the demo's default emerging view finds the three planted clusters (as data/demo/README.md describes them)", () => {
	let analysis: HotspotAnalysis;
	let codes: string[];
	let engine: Engine;
	let groups: GroupWithGeometry[];
	const detail = (code: string) => analysis.emerging.groups[codes.indexOf(code)];

	beforeAll(async () => {
		engine = await engineWithDemo();
		groups = readGroups(await engine.query(groupsQuery()));
		codes = groups.map((group) => group.group_code);
		analysis = await runAnalysis(engine, {
			groups,
			filter: { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [] }
		});
	}, 60_000);

	it("is quarterly, each quarter's Gi* counting the previous one (ArcGIS's space-time neighbourhood): the median group has about one case every two months, under two a quarter", () => {
		expect(analysis.emerging.automatic).toBe(true);
		expect(analysis.emerging.step).toBe('quarter');
		expect(analysis.emerging.timeSteps).toBe(1);
		expect(analysis.emerging.starts).toHaveLength(12);
		expect(analysis.emerging.medianPerStep).toBeGreaterThan(1);
		expect(analysis.emerging.sparse).toBe(true);
	});

	it('finds the emerging cluster as new hot spots', () => {
		for (const code of EMERGING_CLUSTER.codes) {
			expect(['new_hot', 'consecutive_hot'], code).toContain(analysis.groups[codes.indexOf(code)].emerging);
		}
	});

	it('finds the persistent cluster hot far more often than the rest of the ward, and never cold', () => {
		const planted = new Set([...PERSISTENT_CLUSTER.codes, ...EMERGING_CLUSTER.codes, ...DIMINISHING_CLUSTER.codes]);
		const share = (list: string[]) =>
			list.reduce((sum, code) => sum + detail(code).hotSteps, 0) / (list.length * analysis.emerging.starts.length);
		const cluster = share([...PERSISTENT_CLUSTER.codes]);
		const rest = share(codes.filter((code) => !planted.has(code)));
		for (const code of PERSISTENT_CLUSTER.codes) {
			expect(detail(code).hotSteps, code).toBeGreaterThanOrEqual(2);
			expect(detail(code).coldSteps, code).toBe(0);
		}
		expect(cluster).toBeGreaterThan(0.3);
		expect(cluster).toBeGreaterThan(4 * rest);
	});

	it('finds the diminishing cluster hot only before 2020, its z-scores falling significantly', () => {
		const in2020 = analysis.emerging.starts.map((start) => start >= '2020-01');
		for (const code of DIMINISHING_CLUSTER.codes) {
			const z = analysis.emerging.z[codes.indexOf(code)];
			expect(detail(code).hotSteps, code).toBeGreaterThanOrEqual(3);
			expect(z.filter((value, step) => in2020[step] && value !== null && value >= 1.645), code).toEqual([]);
			expect(detail(code).trend!.tau, code).toBeLessThan(0);
			expect(detail(code).trend!.p, code).toBeLessThan(0.05);
		}
	});

	it('cannot name all three by ArcGIS category at any strength with each step on its own: hot together in the last step, the clusters mask their edge groups', () => {
		// Persistent, diminishing and new hot spots must all be hot at the final step, and each step's S widens with
		// every cluster. Expected counts (no Poisson noise), every planted group at the same factor.
		const planted = [...PERSISTENT_CLUSTER.codes, ...DIMINISHING_CLUSTER.codes, ...EMERGING_CLUSTER.codes];
		for (const factor of [5, 8, 13, 21, 100]) {
			const expected = groups.map((group) => group.population! * (planted.includes(group.group_code) ? factor : 1));
			const scores = giStar(expected, analysis.weights.neighbours).groups;
			const belowHot = planted.filter((code) => scores[codes.indexOf(code)].z! < 1.645);
			expect(belowHot, `${factor}×`).toEqual(['TDP15', 'TDP24', 'TDP37']);
		}
	});

	it('at step=month (SPEC §4 as written) the same data loses the persistent and diminishing clusters', async () => {
		const monthly = await runAnalysis(engine, {
			groups,
			filter: { from: '2020-01-01', to: '2020-12-31', categories: [], statuses: [], sources: [] },
			step: 'month'
		});
		expect(monthly.emerging.starts).toHaveLength(36);
		expect(monthly.emerging.automatic).toBe(false);
		expect(monthly.emerging.timeSteps).toBe(0);
		expect(monthly.emerging.automaticStep).toBe('quarter');
		for (const code of [...PERSISTENT_CLUSTER.codes, ...DIMINISHING_CLUSTER.codes]) {
			expect(monthly.groups[codes.indexOf(code)].emerging, code).toBe('none');
		}
	});
});

describe("ArcGIS's space-time neighbourhood on the demo generator, over 30 seeds (data/demo/README.md)", () => {
	const ward = buildWard(DEMO_SEED);
	const codes = ward.groups.map((group) => group.code);
	const { neighbours } = queenContiguity(ward.groups.map((group) => [[...group.ring, group.ring[0]]]));
	const months = monthsBetween(`${DEMO_FIRST_YEAR}-01`, `${DEMO_FIRST_YEAR + 2}-12`);
	const seeds = Array.from({ length: 30 }, (_, i) => (i === 0 ? DEMO_SEED : 1000 + i));
	const tally = { perStep: new Map<string, number>(), spaceTime: new Map<string, number>() };
	const emergingFound = { perStep: 0, spaceTime: 0 };

	beforeAll(() => {
		expect(months).toHaveLength(DEMO_MONTH_COUNT);
		for (const seed of seeds) {
			const monthly = codes.map(() => new Array<number>(DEMO_MONTH_COUNT).fill(0));
			for (const record of generateCases(ward, seed)) {
				monthly[codes.indexOf(record.group_code)][months.indexOf(record.reported_on.slice(0, 7))]++;
			}
			const quarterly = stepValues(monthly, months, 'quarter');
			for (const [name, timeSteps] of [['perStep', 0], ['spaceTime', 1]] as const) {
				const { groups } = emergingHotspots(quarterly, neighbours, { timeSteps });
				const category = (code: string) => groups[codes.indexOf(code)].category;
				for (const [cluster, list] of [['P', PERSISTENT_CLUSTER], ['D', DIMINISHING_CLUSTER]] as const) {
					for (const code of list.codes) {
						const key = `${cluster}:${category(code)}`;
						tally[name].set(key, (tally[name].get(key) ?? 0) + 1);
					}
				}
				if (EMERGING_CLUSTER.codes.every((code) => ['new_hot', 'consecutive_hot'].includes(category(code)))) {
					emergingFound[name]++;
				}
			}
		}
	}, 60_000);

	/** Persistent-cluster groups (of 150) hot in the last quarter: a category other than none or historical. */
	const hotAtEnd = (counts: Map<string, number>) =>
		[...counts].filter(([key]) => key.startsWith('P:') && !/none|historical/.test(key)).reduce((sum, [, n]) => sum + n, 0);

	it('finds the persistent cluster hot in the last quarter far more often than each quarter alone, sometimes named persistent', () => {
		expect(hotAtEnd(tally.spaceTime)).toBeGreaterThan(10 * hotAtEnd(tally.perStep));
		expect(hotAtEnd(tally.spaceTime)).toBeGreaterThan(150 / 2);
		expect(tally.perStep.get('P:persistent_hot') ?? 0).toBe(0);
		expect(tally.spaceTime.get('P:persistent_hot') ?? 0).toBeGreaterThan(0);
	});

	it('still finds the emerging cluster as new or consecutive hot spots in every seed', () => {
		expect(emergingFound).toEqual({ perStep: seeds.length, spaceTime: seeds.length });
	});

	it('cannot name the diminishing cluster diminishing: it has cooled off to the ward rate, and ArcGIS asks a last hot step', () => {
		expect(tally.perStep.get('D:diminishing_hot') ?? 0).toBe(0);
		expect(tally.spaceTime.get('D:diminishing_hot') ?? 0).toBe(0);
	});
});
