/** Case statuses of SPEC §2.1. */
export const STATUS_CODES = [
	'received',
	'mediating',
	'resolved',
	'transferred',
	'escalated',
	'unresolved'
] as const;

export type StatusCode = (typeof STATUS_CODES)[number];

/** Still being handled: counts towards "open too long". */
export const OPEN_STATUSES: readonly StatusCode[] = ['received', 'mediating'];

export function isStatusCode(value: string): value is StatusCode {
	return (STATUS_CODES as readonly string[]).includes(value);
}
