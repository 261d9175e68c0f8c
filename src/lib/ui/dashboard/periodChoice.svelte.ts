import { parseVietnameseDate, type Period } from '$lib/core/periods/dates';
import { periodName } from '$lib/core/periods/periodName';
import {
	CONVENTIONS,
	matchAnyPreset,
	periodConvention,
	presetPeriod,
	type Convention,
	type Preset,
	type PresetChoice
} from '$lib/core/periods/periods';
import type { View } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';

export interface PeriodChoicePage {
	view: View;
	lastDate: string;
	/** The ward's default convention: its presets come first. */
	convention: Convention;
	format: Formatter;
	onchange: (period: Period) => void;
}

/** The period select's value of a preset; calendar presets keep their plain values (`last_quarter`), so links and checks written before stay valid. */
export const presetValue = ({ convention, preset }: PresetChoice) => (convention === 'calendar' ? preset : `${convention}:${preset}`);

export function presetOfValue(value: string): PresetChoice {
	return value.startsWith('reporting:')
		? { convention: 'reporting', preset: value.slice('reporting:'.length) as Preset }
		: { convention: 'calendar', preset: value as Preset };
}

/** The filter bar's period: a preset of either convention, or two dates typed `dd/mm/yyyy`. */
export class PeriodChoice {
	customOpen = $state(false);
	typedFrom = $state('');
	typedTo = $state('');
	typedError = $state(false);
	readonly #page: () => PeriodChoicePage;

	constructor(page: () => PeriodChoicePage) {
		this.#page = page;
	}

	readonly conventions = $derived.by(() => {
		const { convention } = this.#page();
		return [convention, ...CONVENTIONS.filter((other) => other !== convention)];
	});
	readonly #chosen = $derived.by(() => matchAnyPreset(this.#page().view, this.#page().lastDate));
	/** The select's value for the view's period, null when no preset is that period. */
	readonly preset = $derived(this.#chosen && presetValue(this.#chosen));
	/** Dates as everywhere on the dashboard (dd/mm/yyyy); the briefing writes its title as reports do (`full`). */
	readonly chosenName = $derived.by(() => {
		const { view, convention } = this.#page();
		return this.#chosen && periodName(view, view.lang, periodConvention(view, convention)).shown;
	});

	choose(value: string) {
		const { view, lastDate, format, onchange } = this.#page();
		if (value === 'custom') {
			this.customOpen = true;
			this.typedFrom = format.date(view.from);
			this.typedTo = format.date(view.to);
			return;
		}
		this.customOpen = false;
		const choice = presetOfValue(value);
		onchange(presetPeriod(choice.preset, lastDate, choice.convention));
	}

	/** Typing in one date opens the custom period, the other date starting as the view's. */
	type(which: 'from' | 'to', text: string) {
		const { view, format } = this.#page();
		this.customOpen = true;
		if (which === 'from') {
			this.typedFrom = text;
			this.typedTo ||= format.date(view.to);
		} else {
			this.typedTo = text;
			this.typedFrom ||= format.date(view.from);
		}
	}

	applyTyped(event: SubmitEvent) {
		event.preventDefault();
		const from = parseVietnameseDate(this.typedFrom);
		const to = parseVietnameseDate(this.typedTo);
		this.typedError = !from || !to || from > to;
		if (from && to && !this.typedError) this.#page().onchange({ from, to });
	}
}
