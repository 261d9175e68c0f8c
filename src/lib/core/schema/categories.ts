/** Conflict categories of SPEC §2.3, in display order. */
export const CATEGORY_CODES = [
	'land',
	'family',
	'neighbour',
	'civil',
	'construction',
	'environment',
	'spontaneous',
	'other'
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

export function isCategoryCode(value: string): value is CategoryCode {
	return (CATEGORY_CODES as readonly string[]).includes(value);
}
