import { utcMonth } from 'd3-time';

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

/** The ticks of such an axis: the first month of every `monthTickStep` months of the calendar year. */
export function monthTicks(from: string, to: string, width: number) {
	const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
	return utcMonth.every(monthTickStep(months, width))!;
}
