import { comparedGroups } from '$lib/core/queries/compare';
import type { View } from '$lib/core/queries/view';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import { analysisAreas } from '$lib/core/geo/wardAreas';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';
import { colourCompared, colourMap } from '../map/mapColours';
import type { DashboardResults } from './dashboard.svelte';

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

	readonly shown = $derived(this.#input().results?.shownView ?? null);
	readonly level = $derived(this.shown?.level === 'ward' ? 'ward' : 'group');
	/** Kept as text, so that the map is given new areas (and redrawn) only when the level or the wards change. */
	readonly #chosenWards = $derived(this.shown?.wards?.join('\n') ?? '');
	/**
	 * Read through its own derived: `#input()` reads every input, and the areas, new on each reading, would remount
	 * the map (a district's 1,500 groups cloned and drawn anew on every click).
	 */
	readonly #groups = $derived(this.#input().groups);
	readonly areas = $derived(analysisAreas(this.#groups, this.level, this.#chosenWards ? this.#chosenWards.split('\n') : []));
	readonly names = $derived(new Map(this.areas.map((area) => [area.group_code, area.name])));
	readonly figures = $derived.by(() => {
		const results = this.#input().results;
		return (this.level === 'ward' ? results?.wardFigures : results?.groupFigures) ?? [];
	});
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
