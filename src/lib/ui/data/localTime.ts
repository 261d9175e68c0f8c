/** An import time on the user's own clock: dd/mm/yyyy hh:mm. */
export function localTime(iso: string): string {
	const at = new Date(iso);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
