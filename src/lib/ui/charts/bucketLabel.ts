import { isoWeek, quarterOf, type TrendStep } from '$lib/core/periods/buckets';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

/** A step as the page names it: "Tuần 27/2020" (the ISO week and its year), "Tháng 07/2020", "Quý III/2020". */
export function bucketLabel(start: string, step: TrendStep, text: Messages, format: Formatter): string {
	switch (step) {
		case 'week': {
			const { week, year } = isoWeek(start);
			return text.trend.week(week, year);
		}
		case 'month':
			return text.trend.month(format.month(start.slice(0, 7)));
		case 'quarter':
			return text.trend.quarter(quarterOf(start), Number(start.slice(0, 4)));
	}
}
