import { comparedGroups } from '$lib/core/queries/compare';
import type { View } from '$lib/core/queries/view';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';
import { colourCompared, colourMap } from '../map/mapColours';
import type { DashboardResults } from './dashboard.svelte';
import { ShownAreas } from './shownAreas.svelte';

export interface AreaSource {
	/** The view in the address bar (what is selected). */
	view: View | null;
	results: DashboardResults | null;
	groups: GroupWithGeometry[];
	text: Messages;
	format: Formatter;
}

/**
 * The areas the dashboard's map and ranking show for the view the results hold: the residential groups, or at
 * `level=ward` a district's wards (dissolved from their groups), of the chosen wards; their figures and colours,
 * and with `compare=` the compared period beside them at either level.
 */
export class AreaView {
	readonly #source: () => AreaSource;

	constructor(source: () => AreaSource) {
		this.#source = source;
	}

	/** Read when a value is first asked for, after construction. */
	#input(): AreaSource {
		return this.#source();
	}

	readonly #at = new ShownAreas(() => this.#input());
	readonly shown = $derived(this.#at.shown);
	readonly level = $derived(this.#at.level);
	readonly areas = $derived(this.#at.areas);
	readonly names = $derived(new Map(this.areas.map((area) => [area.group_code, area.name])));
	readonly figures = $derived(this.#at.figures);
	/** The areas selected in the address bar: wards at the ward level, else groups. */
	readonly selected = $derived.by(() => {
		const view = this.#input().view;
		return (this.level === 'ward' ? view?.wards : view?.groups) ?? [];
	});
	readonly colouring = $derived.by(() => {
		const { results, text, format } = this.#input();
		return this.shown && results ? colourMap(this.shown, this.figures, results.hotspots, text, format) : null;
	});
	/** The compared period's figures: the coordinator gives them at the level shown (wards at `level=ward`). */
	readonly compared = $derived.by(() => {
		const compareGroups = this.#input().results?.compareGroups;
		return this.shown?.compare && compareGroups ? { period: this.shown.compare, areas: compareGroups } : null;
	});
	/** Two maps on one colour scale. */
	readonly pair = $derived.by(() => {
		const { text, format } = this.#input();
		return this.compared && this.shown ? colourCompared(this.shown, this.figures, this.compared.areas, text, format) : null;
	});
	/** Each area's count in the compared period, for the ranking. */
	readonly comparedRows = $derived(this.compared ? comparedGroups(this.figures, this.compared.areas) : null);
}
