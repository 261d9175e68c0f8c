import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotspots, giStar, spaceTimeGiStar, timeStepsOf, twoSidedP, type ScoredGroup } from '$lib/core/analysis';

/**
 * A series from a pattern, oldest step first: H hot (z = 2.5, p = 0.012), C cold (z = −2.5), . not
 * significant (z = 0.2, p = 0.84). The p-values are inputs, so they need only be on the right side of 0.10.
 */
function series(pattern: string): ScoredGroup[] {
	return [...pattern].map((step) => {
		if (step === 'H') return { z: 2.5, p: 0.012 };
		if (step === 'C') return { z: -2.5, p: 0.012 };
		return { z: 0.2, p: 0.84 };
	});
}

/** Every step significant on one side, with the given z-scores. */
function scores(zs: number[]): ScoredGroup[] {
	return zs.map((z) => ({ z, p: 0.01 }));
}

const rising = [2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9];
const category = (steps: ScoredGroup[]) => classifyEmerging(steps).category;

describe('emerging hot spot categories', () => {
	it.each([
		['.........H', 'new_hot'],
		['....C....H', 'new_hot'],
		['......HHHH', 'consecutive_hot'],
		['..HHHHHHHH', 'consecutive_hot'],
		['HHHHHHHHH.', 'historical_hot'],
		['HHHHH.HHHH.', 'none'], // 9 of 11 = 82 % hot: too few for historical
		['C..H.....H', 'oscillating_hot'],
		['.H...H...H', 'sporadic_hot'],
		['.........C', 'new_cold'],
		['......CCCC', 'consecutive_cold'],
		['CCCCCCCCC.', 'historical_cold'],
		['H..C.....C', 'oscillating_cold'],
		['.C...C...C', 'sporadic_cold'],
		['..........', 'none'],
		['CCCC......', 'none'],
		['', 'none']
	])('%s → %s', (pattern, expected) => {
		expect(category(series(pattern))).toBe(expected);
	});

	it('intensifying, persistent and diminishing hot by the Mann–Kendall trend of z', () => {
		// all ten hot; rising z: S = 45, Var = 10·9·25/18 = 125, Z = 44/√125 = 3.94, p ≈ 8e-5 → up
		expect(category(scores(rising))).toBe('intensifying_hot');
		expect(category(scores([...rising].reverse()))).toBe('diminishing_hot');
		// every z equal: S = 0 (Var = 0 → z 0, p 1) → no trend
		expect(category(scores(new Array(10).fill(2.5)))).toBe('persistent_hot');
	});

	it('intensifying, persistent and diminishing cold mirror the trend: colder is intensifying', () => {
		const falling = rising.map((z) => -z); // −2.0 … −2.9: colder every step
		expect(category(scores(falling))).toBe('intensifying_cold');
		expect(category(scores([...falling].reverse()))).toBe('diminishing_cold');
		expect(category(scores(new Array(10).fill(-2.5)))).toBe('persistent_cold');
	});

	it('treats exactly 90 % hot as "at least 90 %"', () => {
		// 9 of 10 hot, final hot. Trend of z = 0.2, 2.5 × 9: S = 9, Var = (2250 − 9·8·23)/18 = 33,
		// Z = 8/√33 = 1.39, p = 0.16 → no trend → persistent, not consecutive
		expect(category(series('.HHHHHHHHH'))).toBe('persistent_hot');
		expect(category(series('HHHH.HHHHH'))).toBe('persistent_hot');
		// 8 of 10 is below 90 %: an unbroken final run never hot before → consecutive; with a gap → sporadic
		expect(category(series('..HHHHHHHH'))).toBe('consecutive_hot');
		expect(category(series('H.H.HHHHHH'))).toBe('sporadic_hot');
	});

	it('a single earlier hot step makes a final hot step sporadic, not new', () => {
		expect(category(series('...H.....H'))).toBe('sporadic_hot');
	});

	it('a final run of one after earlier hot steps is sporadic; a run after an earlier hot is not consecutive', () => {
		expect(category(series('HHH......H'))).toBe('sporadic_hot');
		expect(category(series('.H....HHHH'))).toBe('sporadic_hot');
		expect(category(series('.C....HHHH'))).toBe('consecutive_hot');
	});

	it('decides in the spec order: a first cold step after a hot history is new_cold, not historical_hot', () => {
		expect(category(series('HHHHHHHHHC'))).toBe('new_cold');
		// …but an earlier cold step makes it oscillating_cold, which comes after historical
		expect(category(series('HHHHHHHHHHHHHHHHHHCHC'))).toBe('historical_hot');
	});

	it('needs p below 1 − confidence: p = 0.10 is not hot at 90 %, p = 0.07 is hot at 90 % but not at 95 %', () => {
		const ending = (p: number) => [...series('.........'), { z: 1.8, p }];
		expect(category(ending(0.1))).toBe('none');
		expect(category(ending(0.07))).toBe('new_hot');
		expect(classifyEmerging(ending(0.07), { confidence: 0.95 }).category).toBe('none');
	});

	it('counts a null z (constant step) as neither hot nor cold, and as 0 in the trend', () => {
		const steps = [{ z: null, p: null }, { z: null, p: null }, { z: 2.5, p: 0.012 }];
		const result = classifyEmerging(steps);
		expect(result.category).toBe('new_hot');
		// z series 0 0 2.5: S = 2, Var = (3·2·11 − 2·1·9)/18 = 8/3
		expect(result.trend).toMatchObject({ s: 2, variance: 8 / 3 });
		expect(result.hotSteps).toBe(1);
		expect(result.coldSteps).toBe(0);
	});
});

describe('emergingHotspots', () => {
	it('runs Gi* at each step and classifies', () => {
		// Steps 1–2 constant (no z anywhere); step 3 is the rook grid of the Gi* test:
		//   group 7 z = √6 (p 0.014) and group 6 z = 7/√15 = 1.807 (p 0.071) → new_hot;
		//   group 2 z = −9/√15 = −2.324 (p 0.020) → new_cold; group 4 z = 0 → none.
		const last = [3, 1, 0, 4, 6, 2, 8, 7, 5];
		const values = last.map((x) => [1, 1, x]);
		const rook = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];
		const { groups, steps } = emergingHotspots(values, rook);
		expect(steps.map((step) => step.constant)).toEqual([true, true, false]);
		expect(steps[2].groups[7].z).toBeCloseTo(Math.sqrt(6), 12);
		expect(groups[7].category).toBe('new_hot');
		expect(groups[6].category).toBe('new_hot');
		expect(groups[2].category).toBe('new_cold');
		expect(groups[4].category).toBe('none');
		// group 0: z = −4/√15 = −1.033, p 0.30 → none
		expect(groups[0].category).toBe('none');
		expect(() => emergingHotspots([[1, 2], [3]], [[1], [0]])).toThrow(RangeError);
	});
});

describe("ArcGIS's space-time Gi* (neighbourhood time step, the whole cube as global window)", () => {
	// Three groups on a line, two steps: the cube's six bins 0, 2 | 3, 1 | 0, 6 have mean 2 and S² = 50/6 − 4 = 13/3.
	const line = [[1], [0, 2], [1]];
	const values = [
		[0, 2],
		[3, 1],
		[0, 6]
	];
	const S = Math.sqrt(13 / 3);
	const z = (sum: number, w: number) => (sum - 2 * w) / (S * Math.sqrt((w * (6 - w)) / 5));

	it('counts the neighbourhood in the previous step too, against the mean and spread of every bin', () => {
		const [first, second] = spaceTimeGiStar(values, line, 1);
		// Step 2 of group 1: groups 1 and 2 at both steps, 3 + 1 + 0 + 6 = 10 over 4 bins.
		expect(second.groups[2].z).toBeCloseTo(z(10, 4), 12);
		expect(second.groups[0].z).toBeCloseTo(z(0 + 2 + 3 + 1, 4), 12);
		// Its neighbourhood is the whole cube: no z, as for a group whose neighbours are every group.
		expect(second.groups[1].z).toBeNull();
		// p is the normal one, as in ArcGIS: z = 0.76 is far from significant.
		expect(second.groups[2].p).toBe(twoSidedP(second.groups[2].z!));
		expect(second.groups[2].bin).toBe(0);
		expect(first.groups[0].z).toBeCloseTo(z(0 + 3, 2), 12);
	});

	it('gives the first step, which has no earlier step, a neighbourhood of its own step only', () => {
		const [first] = spaceTimeGiStar(values, line, 2);
		expect(first.groups[2].z).toBeCloseTo(z(3 + 0, 2), 12);
		expect(first.groups[1].z).toBeCloseTo(z(0 + 3 + 0, 3), 12);
	});

	it('is what quarters use; months keep each step on its own (SPEC §4)', () => {
		expect(timeStepsOf('quarter')).toBe(1);
		expect(timeStepsOf('month')).toBe(0);
		expect(emergingHotspots(values, line, { timeSteps: 1 }).steps).toEqual(spaceTimeGiStar(values, line, 1));
		expect(emergingHotspots(values, line).steps[1]).toEqual(giStar([2, 1, 6], line));
	});

	it('refuses a neighbourhood time step that is not a whole number ≥ 0, and has no z in a constant cube', () => {
		expect(() => spaceTimeGiStar(values, line, -1)).toThrow(RangeError);
		expect(() => spaceTimeGiStar(values, line, 1.5)).toThrow(RangeError);
		const flat = spaceTimeGiStar([[1, 1], [1, 1], [1, 1]], line, 1);
		expect(flat.every((step) => step.constant && step.groups.every((group) => group.z === null))).toBe(true);
	});
});
