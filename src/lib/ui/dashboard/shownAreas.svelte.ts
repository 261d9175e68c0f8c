import { analysisAreas } from '$lib/core/geo/wardAreas';
import type { GroupFigures } from '$lib/core/queries/results';
import type { GroupWithGeometry } from '$lib/core/schema/model';
import type { DashboardResults } from './dashboard.svelte';

/**
 * The areas a view's results are of, for the dashboard and the briefing alike: the residential groups, or at
 * `level=ward` a district's wards (dissolved from their groups), of the chosen wards; and their figures.
 */
export class ShownAreas {
	readonly #source: () => { results: DashboardResults | null; groups: GroupWithGeometry[] };

	constructor(source: () => { results: DashboardResults | null; groups: GroupWithGeometry[] }) {
		this.#source = source;
	}

	/** Read when a value is first asked for, after construction. */
	#input(): { results: DashboardResults | null; groups: GroupWithGeometry[] } {
		return this.#source();
	}

	readonly shown = $derived(this.#input().results?.shownView ?? null);
	readonly level = $derived(this.shown?.level === 'ward' ? 'ward' : 'group');
	/**
	 * The groups and the chosen wards (as text) read through their own deriveds, so that the areas are new, and the
	 * map is given new areas (and redrawn), only when the groups, the level or the wards change: the source reads
	 * every input, and areas new on every reading would remount the map on every click.
	 */
	readonly #groups = $derived(this.#input().groups);
	readonly #chosenWards = $derived(this.shown?.wards?.join('\n') ?? '');
	readonly areas = $derived(analysisAreas(this.#groups, this.level, this.#chosenWards ? this.#chosenWards.split('\n') : []));
	readonly figures = $derived.by((): GroupFigures[] => {
		const results = this.#input().results;
		return (this.level === 'ward' ? results?.wardFigures : results?.groupFigures) ?? [];
	});
}
