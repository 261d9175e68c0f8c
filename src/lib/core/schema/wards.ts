import { compareCodes } from '../queries/ranking';
import type { GroupRecord } from './model';

/** A ward (phường) of a district: its code, its name, and its residential groups in code order. */
export interface Ward {
	code: string;
	name: string;
	groupCodes: string[];
}

/**
 * The wards the groups name, in natural code order ("W2" before "W10"); empty when no group names a ward (a single
 * ward's data, whose groups all belong to one implicit ward).
 */
export function wardsOf(groups: readonly Pick<GroupRecord, 'group_code' | 'ward_code' | 'ward_name'>[]): Ward[] {
	const wards = new Map<string, Ward>();
	for (const group of groups) {
		if (!group.ward_code) continue;
		let ward = wards.get(group.ward_code);
		if (!ward) wards.set(group.ward_code, (ward = { code: group.ward_code, name: group.ward_name || group.ward_code, groupCodes: [] }));
		ward.groupCodes.push(group.group_code);
	}
	for (const ward of wards.values()) ward.groupCodes.sort(compareCodes);
	return [...wards.values()].sort((a, b) => compareCodes(a.code, b.code));
}

/** Data of several wards: only then does the dashboard offer the ward level and the ward filter. */
export const isDistrict = (wards: readonly Ward[]) => wards.length >= 2;

export type WardProblem = { reason: 'missing_value' | 'invalid_value'; field: 'ward_code' | 'ward_name' };

/**
 * The ward of each row of a groups file, checked row by row (call it last, for a row that passed every other
 * check: the first accepted row of a ward gives its name). When any row of the file names a ward (`named`), every
 * row must: a row without one is `missing_value`. A ward code is read from its code column or, without one, from
 * its name (a file with only a "Phường" column of names); a ward whose code came with another name before is
 * `invalid_value` on the name (two spellings of one ward would split the ward's label and briefing line).
 */
export function wardReader(named: boolean) {
	const names = new Map<string, string>();
	return (code: string | null, name: string | null): Pick<GroupRecord, 'ward_code' | 'ward_name'> | WardProblem => {
		if (!named) return {};
		const wardCode = code ?? name;
		if (wardCode === null) return { reason: 'missing_value', field: 'ward_code' };
		const known = names.get(wardCode);
		if (known !== undefined && name !== null && known !== name) return { reason: 'invalid_value', field: 'ward_name' };
		const wardName = known ?? name ?? wardCode;
		names.set(wardCode, wardName);
		return { ward_code: wardCode, ward_name: wardName };
	};
}
