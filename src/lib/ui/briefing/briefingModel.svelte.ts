import { briefingCounts } from '$lib/core/briefing/briefingCounts';
import { discloseBriefing } from '$lib/core/briefing/suppression';
import { comparedGroups } from '$lib/core/queries/compare';
import { ranked } from '$lib/core/queries/ranking';
import { trendStep } from '$lib/core/queries/trend';
import type { View } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';
import type { DashboardResults } from '../dashboard/dashboard.svelte';
import { ShownAreas } from '../dashboard/shownAreas.svelte';
import type { WardData } from '../app/wardData.svelte';
import { colourMap } from '../map/mapColours';
import type { BriefingSettings } from './briefingSettings.svelte';
import { areaLine, briefingText } from './briefingText';
import { briefingSheets } from './exports';

export interface BriefingSource {
	view: View;
	results: DashboardResults;
	ward: WardData;
	distribution: boolean;
	settings: BriefingSettings;
	text: Messages;
	format: Formatter;
}

/**
 * What the briefing shows for the view its results hold: every count as this copy shows it, the map's colours,
 * the written parts and the exported tables. Its areas are the groups, or at `level=ward` a district's wards, as on
 * the dashboard.
 */
export class BriefingModel {
	readonly #source: () => BriefingSource;

	constructor(source: () => BriefingSource) {
		this.#source = source;
	}

	/** Read when a value is first asked for, after construction. */
	#input(): BriefingSource {
		return this.#source();
	}

	readonly #at = new ShownAreas(() => ({ results: this.#input().results, groups: this.#input().ward.groups }));
	readonly shown = $derived(this.#at.shown);
	readonly level = $derived(this.#at.level);
	/** The areas' figures: the groups', or the wards'. */
	readonly figures = $derived(this.#at.figures);
	/** The areas the map draws: the chosen wards' groups, or the wards themselves (all without a choice). */
	readonly areas = $derived(this.#at.areas);
	/** Every count as this copy shows it: the one place distribution suppression is decided (`core/briefing`). */
	readonly disclosure = $derived.by(() => {
		const { results, distribution } = this.#input();
		if (!results.keyFigures || !results.handling || !this.shown) return null;
		return discloseBriefing(briefingCounts(this.shown, results.keyFigures, results.handling, this.figures, results.categories), distribution);
	});
	/** The areas' counts as a distribution copy shows them; until they are worked out, a copy shows no count at all. */
	readonly disclosed = $derived(this.#input().distribution ? (this.disclosure?.groups ?? null) : null);
	readonly countsReady = $derived(!this.#input().distribution || this.disclosure !== null);
	readonly colouring = $derived.by(() => {
		const { results, text, format } = this.#input();
		return this.shown && this.countsReady ? colourMap(this.shown, this.figures, results.hotspots, text, format, this.disclosed) : null;
	});
	readonly written = $derived.by(() => {
		const { results, ward, distribution, settings, text, format } = this.#input();
		if (!this.disclosure || !this.shown) return null;
		return briefingText({
			view: this.shown,
			disclosure: this.disclosure,
			level: this.level,
			groups: this.figures,
			categories: results.categories,
			hotspots: results.hotspots,
			alerts: results.alerts,
			distribution,
			firstDate: ward.context?.firstDate ?? this.shown.from,
			convention: settings.convention,
			place: settings.place,
			today: new Date(),
			text,
			format
		});
	});
	/** The compared period's counts are not protected by the suppression rule: a distribution copy leaves them out. */
	readonly compared = $derived.by(() => {
		const { results, distribution } = this.#input();
		if (distribution || !this.shown?.compare || !results.compareFigures || !results.compareGroups) return null;
		return { period: this.shown.compare, total: results.compareFigures.total, groups: comparedGroups(this.figures, results.compareGroups) };
	});
	readonly categories = $derived.by(() => {
		const { results } = this.#input();
		return this.countsReady
			? ranked(results.categories, (row) => row.category, (row) => this.disclosure?.categories.get(row.category) ?? row.total)
			: [];
	});
	readonly area = $derived.by(() => {
		const { ward, text, format } = this.#input();
		return this.shown ? areaLine(this.shown, ward.wards, text, format) : null;
	});

	/** The tables the CSV and Excel exports hold. */
	sheets() {
		const { view, results, text } = this.#input();
		if (!this.disclosure) return [];
		return briefingSheets(this.figures, results.categories, results.trend, trendStep(this.shown ?? view), this.disclosure, text, this.level);
	}
}
