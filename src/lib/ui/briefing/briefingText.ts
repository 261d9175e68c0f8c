import type { CategoryCount, GroupFigures, Handling, KeyFigures } from '$lib/core/queries/results';
import type { Language, View } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';

export interface BriefingTextInput {
	view: View;
	figures: KeyFigures;
	handling: Handling;
	groups: GroupFigures[];
	categories: CategoryCount[];
	distribution: boolean;
	lang: Language;
	place: string;
	today: Date;
	text: Messages;
	format: Formatter;
}

export interface BriefingText {
	dateLine: string;
	summary: string;
	sentences: string[];
}

/** The briefing's written parts, deterministic from the figures (no free text is generated). */
export function briefingText(input: BriefingTextInput): BriefingText {
	const { view, format } = input;
	const range = `${format.date(view.from)} – ${format.date(view.to)}`;
	return {
		dateLine: `${input.place}, ${format.date(input.today.toISOString().slice(0, 10))}`,
		summary: range,
		sentences: []
	};
}
