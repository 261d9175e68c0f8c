import { bucketsOf } from '$lib/core/periods/buckets';
import { utcDate } from '$lib/core/periods/dates';

/** Room for one month label ("01/2018", "Jan 2018" at Plot's 10 px) and the gap before the next. */
const LABEL_WIDTH = 56;
const STEPS = [1, 2, 3, 6, 12, 24, 60];

/**
 * Every how many months a time axis `width` pixels wide over `months` months is labelled, so that its labels do
 * not run together (Plot's own choice, one tick per 80 px, still gave quarters at 1,024 px: 12 labels in 380 px).
 */
export function monthTickStep(months: number, width: number): number {
	return STEPS.find((step) => Math.ceil(months / step) * LABEL_WIDTH <= width) ?? STEPS[STEPS.length - 1];
}

/**
 * The ticks of such an axis: the first day of every `monthTickStep` months of the calendar year (January and July
 * at 6; January alone from 12 on), as dates for Plot.
 */
export function monthTicks(from: string, to: string, width: number): Date[] {
	const months = bucketsOf({ from, to }, 'month');
	const step = monthTickStep(months.length, width);
	return months
		.filter(({ start }) => (Number(start.slice(5, 7)) - 1) % step === 0)
		.map(({ start }) => utcDate(start));
}
