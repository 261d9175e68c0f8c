/** How a case was detected (SPEC §2.1). */
export const SOURCE_CODES = ['resident', 'patrol', 'mediation_team', 'group_head', 'hotline', 'other'] as const;

export type SourceCode = (typeof SOURCE_CODES)[number];

export function isSourceCode(value: string): value is SourceCode {
	return (SOURCE_CODES as readonly string[]).includes(value);
}
