import type { GroupAlertCounts } from '../analysis/earlyWarning';
import { compareCodes } from '../queries/ranking';
import type { GroupWithGeometry } from '../schema/model';
import { wardsOf, type Ward } from '../schema/wards';
import type { GroupFigures } from '../queries/results';

/**
 * A district's groups rolled up to wards: what every ward-level panel reads (`level=ward`). One rule for both
 * ways of counting (index or SQL): a ward's counts are its groups' summed; its population is its groups' summed,
 * or null when any group's is unknown (a rate over part of a ward would be too low). Wards in code order
 * (`compareCodes`, as `wardsOf` lists them); groups without a ward are left out.
 */
export function wardFiguresOf(groups: readonly GroupFigures[], wardOf: WardOf): GroupFigures[] {
	const wards = new Map<string, GroupFigures>();
	for (const group of groups) {
		const ward = wardOf(group.group_code);
		if (!ward) continue;
		const figures = wards.get(ward.code);
		if (!figures) {
			wards.set(ward.code, { group_code: ward.code, name: ward.name, population: group.population, total: group.total, previousTotal: group.previousTotal, resolved: group.resolved });
			continue;
		}
		figures.population = figures.population === null || group.population === null ? null : figures.population + group.population;
		figures.total += group.total;
		figures.previousTotal += group.previousTotal;
		figures.resolved += group.resolved;
	}
	return [...wards.values()].sort((a, b) => compareCodes(a.group_code, b.group_code));
}

/** Each ward's series: its groups' series (of one length) added up, wards in code order. */
export function wardSeriesOf(series: ReadonlyMap<string, readonly number[]>, wardOf: WardOf): Map<string, number[]> {
	const wards = new Map<string, number[]>();
	for (const [code, counts] of series) {
		const ward = wardOf(code)?.code;
		if (!ward) continue;
		const sum = wards.get(ward);
		if (sum) counts.forEach((count, i) => (sum[i] += count));
		else wards.set(ward, [...counts]);
	}
	return new Map([...wards].sort(([a], [b]) => compareCodes(a, b)));
}

/** The early warning's counts per ward (`group_code` holds the ward's code). */
export function wardAlertCountsOf(groups: readonly GroupAlertCounts[], wardOf: WardOf): GroupAlertCounts[] {
	const series = new Map(groups.map((group) => [group.group_code, [group.count, group.baselineTotal]]));
	return [...wardSeriesOf(series, wardOf)].map(([code, [count, baselineTotal]]) => ({ group_code: code, count, baselineTotal }));
}

export type WardOf = (groupCode: string) => Pick<Ward, 'code' | 'name'> | undefined;

/** A group's ward, as `wardsOf` reads the groups file. */
export function wardLookup(groups: readonly Pick<GroupWithGeometry, 'group_code' | 'ward_code' | 'ward_name'>[]): WardOf {
	const wards = new Map(wardsOf(groups).flatMap((ward) => ward.groupCodes.map((code) => [code, ward] as const)));
	return (code) => wards.get(code);
}
