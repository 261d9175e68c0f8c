import { describe, expect, it } from 'vitest';
import { buildDistrict } from '../../../data/demo/district';
import { KINDS, sessionScript, summary } from '../../bench/session';

/** The generated district's groups by ward, as the scale benchmark reads them. */
function districtGroups(wards: number, groupsPerWard: number): Map<string, string[]> {
	const byWard = new Map<string, string[]>();
	for (const group of buildDistrict({ wards, groupsPerWard, seed: 1 }))
		byWard.set(group.wardCode, [...(byWard.get(group.wardCode) ?? []), group.code]);
	return byWard;
}

describe('the scale benchmark’s session script', () => {
	const groups = districtGroups(30, 50);

	it('holds at least 50 interactions, of every kind the issue names', () => {
		const script = sessionScript(groups);
		expect(script.length).toBeGreaterThanOrEqual(50);
		expect(new Set(script.map((step) => step.kind))).toEqual(new Set(KINDS));
	});

	it('is the same for the same seed, and another for another seed', () => {
		expect(sessionScript(groups, 50, 3)).toEqual(sessionScript(groups, 50, 3));
		expect(sessionScript(groups, 50, 3)).not.toEqual(sessionScript(groups, 50, 4));
	});

	it('clicks only groups of the ward it drilled into, and drills into wards of the district', () => {
		let ward: string | null = null;
		for (const step of sessionScript(groups, 120)) {
			if (step.kind === 'ward' && step.code) {
				expect(groups.has(step.code)).toBe(true);
				ward = step.code;
			}
			if (step.kind === 'group') expect(groups.get(ward!)).toContain(step.code);
		}
	});

	it('brushes inside the trend, from left to right', () => {
		for (const step of sessionScript(groups, 200))
			if (step.kind === 'brush') expect(0 < step.from && step.from < step.to && step.to < 1).toBe(true);
	});

	it('never repeats the preset or map mode it already shows (an action that changes nothing is never timed)', () => {
		const script = sessionScript(groups, 200);
		const presets = script.flatMap((step) => (step.kind === 'preset' ? [step.preset] : step.kind === 'brush' ? ['brushed'] : []));
		const modes = ['count', ...script.flatMap((step) => (step.kind === 'mode' ? [step.mode] : []))];
		for (const list of [presets, modes]) for (let i = 1; i < list.length; i++) expect(list[i]).not.toBe(list[i - 1]);
	});

	it('needs a district', () => {
		expect(() => sessionScript(districtGroups(1, 4))).toThrow(/district/);
	});
});

describe('median and 95th percentile of timings', () => {
	it('interpolate between order statistics as R’s default does', () => {
		// R: quantile(1:20, c(0.5, 0.95)) gives 10.5 and 19.05.
		const values = Array.from({ length: 20 }, (_, i) => 20 - i);
		expect(summary(values)).toEqual({ n: 20, median: 10.5, p95: expect.closeTo(19.05, 10) });
	});

	it('is one value for one run, and NaN for none', () => {
		expect(summary([7])).toEqual({ n: 1, median: 7, p95: 7 });
		expect(summary([])).toEqual({ n: 0, median: NaN, p95: NaN });
	});
});
