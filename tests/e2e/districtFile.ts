import { generateDistrict } from '../../data/demo/district';

/** The e2e tests' district: three wards of 12 groups, seeded. */
export const district = generateDistrict({ wards: 3, groupsPerWard: 12, seed: 3 });

/** Its cases read with a plain split, independently of the app's import: `case_id, reported_on, ward_code, group_code, …`. */
export const districtCases = district.casesCsv
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','))
	.map(([, reportedOn, ward, group]) => ({ reportedOn, ward, group }));
