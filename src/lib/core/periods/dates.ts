/** Calendar arithmetic on ISO `YYYY-MM-DD` strings, in UTC so no time zone ever shifts a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MS = 86_400_000;

/** A range of days, both included, as ISO dates. */
export interface Period {
	from: string;
	to: string;
}

/** The ISO date if `text` is a real calendar date in `YYYY-MM-DD`, else null (`2020-02-30` is null). */
export function parseIsoDate(text: string): string | null {
	const match = ISO_DATE.exec(text.trim());
	return match ? validDate(+match[1], +match[2], +match[3]) : null;
}

/** The ISO date of a `dd/mm/yyyy` text (never month-first), else null. */
export function parseVietnameseDate(text: string): string | null {
	const match = VN_DATE.exec(text.trim());
	return match ? validDate(+match[3], +match[2], +match[1]) : null;
}

function validDate(year: number, month: number, day: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real ? toIso(date) : null;
}

export function toIso(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** The ISO date as a `Date` at its midnight UTC: how the charts' time axes take a day. */
export function utcDate(iso: string): Date {
	return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
	return toIso(new Date(utcDate(iso).getTime() + days * DAY_MS));
}

/** Days since 1970-01-01 of an ISO date: how Arrow and DuckDB hold a DATE. */
export function epochDay(iso: string): number {
	return utcDate(iso).getTime() / DAY_MS;
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
	return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / DAY_MS) + 1;
}

/** First day of the month `offset` months from the month of `iso`. */
export function monthStart(iso: string, offset = 0): string {
	const date = utcDate(iso);
	return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1)));
}

/** Last day of the month `offset` months from the month of `iso`. */
export function monthEnd(iso: string, offset = 0): string {
	return addDays(monthStart(iso, offset + 1), -1);
}

/** Whole calendar months from `from` to `to`, or null when the range is not made of whole months. */
export function wholeMonths(from: string, to: string): number | null {
	if (from !== monthStart(from) || to !== monthEnd(to)) return null;
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Today on the user's own calendar (a case reported today in Hà Nội is not in the future). */
export function localToday(now = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
