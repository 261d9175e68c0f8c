/**
 * The scale benchmark's scripted session (`scale.ts`) and how its timings are summed up: pure, so that the
 * script is the same on every run and for both paths (index and raw SQL), and unit-tested.
 */
import { quantile } from 'd3-array';
import { mulberry32 } from '../../data/demo/random';
import { CATEGORY_CODES, type CategoryCode } from '../../src/lib/core/schema/categories';
import type { MapMode } from '../../src/lib/core/queries/view';

/** One user action on the dashboard, as the driver performs it; each changes the view. */
export type Interaction =
	| { kind: 'category'; code: CategoryCode }
	/** A calendar preset of the period menu (`period-preset`'s option value). */
	| { kind: 'preset'; preset: string }
	/** A drag across the trend, from and to fractions of its width. */
	| { kind: 'brush'; from: number; to: number }
	/** A ranking row at group level: chosen, or let go if it was chosen. */
	| { kind: 'group'; code: string }
	/** A ranking row at ward level (drills down to its groups), or `null`: the chosen wards cleared. */
	| { kind: 'ward'; code: string | null }
	| { kind: 'level'; level: 'group' | 'ward' }
	| { kind: 'mode'; mode: MapMode };

export type Kind = Interaction['kind'];
export const KINDS: readonly Kind[] = ['category', 'preset', 'brush', 'group', 'ward', 'level', 'mode'];

/**
 * Presets that name different periods whatever the data's last date (`last_12_months` is `this_year` when the
 * data ends on 31 December, as the generated district does).
 */
const PRESETS = ['last_month', 'this_quarter', 'last_quarter', 'first_6_months', 'last_year', 'this_year'];
const STATISTICAL_MODES: MapMode[] = ['gistar', 'lisa', 'emerging'];
const PLAIN_MODES: MapMode[] = ['count', 'rate', 'change'];

/** What the script knows of the view, to choose only actions that change it. */
interface SessionState {
	level: 'group' | 'ward';
	ward: string | null;
	group: string | null;
	categories: Set<CategoryCode>;
	preset: string | null;
	mode: MapMode;
}

/**
 * A seeded session of at least `length` interactions over a district (`groupsOf` its groups by ward code, at least
 * one each), from the dashboard's default view (groups, every ward, every category, `mode=count`). It goes round
 * as a user exploring would: to the wards, into one ward and one of its groups, a category, a period, a statistical
 * map, a brushed period, out again. Every interaction changes the view, so every one ends with a new view shown.
 */
export function sessionScript(groupsOf: ReadonlyMap<string, readonly string[]>, length = 50, seed = 14): Interaction[] {
	const wards = [...groupsOf.keys()];
	if (wards.length < 2) throw new RangeError('a session needs a district: two wards or more');
	const rng = mulberry32(seed);
	const pick = <T>(values: readonly T[], not?: T | null): T => {
		const left = values.filter((value) => value !== not);
		return left[Math.floor(rng() * left.length)];
	};
	const state: SessionState = { level: 'group', ward: null, group: null, categories: new Set(), preset: null, mode: 'count' };
	const script: Interaction[] = [];
	const act = (interaction: Interaction) => {
		apply(state, interaction);
		script.push(interaction);
	};
	while (script.length < length) {
		act({ kind: 'level', level: 'ward' });
		// At ward level only the chosen wards are listed: clear them to choose another.
		if (state.ward) act({ kind: 'ward', code: null });
		act({ kind: 'ward', code: pick(wards) });
		const group = pick(groupsOf.get(state.ward!)!);
		act({ kind: 'group', code: group });
		const category = pick(CATEGORY_CODES);
		act({ kind: 'category', code: category });
		act({ kind: 'preset', preset: pick(PRESETS, state.preset) });
		act({ kind: 'mode', mode: pick(STATISTICAL_MODES, state.mode) });
		const from = 0.05 + rng() * 0.5;
		act({ kind: 'brush', from, to: from + 0.15 + rng() * 0.25 });
		act({ kind: 'group', code: group });
		act({ kind: 'category', code: category });
		act({ kind: 'preset', preset: pick(PRESETS, state.preset) });
		act({ kind: 'mode', mode: pick(PLAIN_MODES, state.mode) });
		act({ kind: 'level', level: 'ward' });
		act({ kind: 'level', level: 'group' });
	}
	return script;
}

/**
 * The view after `interaction`, as the dashboard changes it (`src/routes/+page.svelte`, `WardControls`,
 * `FilterBar`); throws on an action the page would not offer or that would leave the view as it was.
 */
function apply(state: SessionState, interaction: Interaction): void {
	const refuse = () => {
		throw new Error(`the session cannot ${JSON.stringify(interaction)} here`);
	};
	switch (interaction.kind) {
		case 'level':
			if (interaction.level === state.level) refuse();
			state.level = interaction.level;
			state.group = null;
			return;
		case 'ward':
			if (state.level !== 'ward') refuse();
			if (interaction.code === null) {
				if (!state.ward) refuse();
				state.ward = null;
			} else {
				if (state.ward && state.ward !== interaction.code) refuse();
				state.level = 'group';
				state.ward = interaction.code;
			}
			state.group = null;
			return;
		case 'group':
			if (state.level !== 'group') refuse();
			state.group = state.group === interaction.code ? null : interaction.code;
			return;
		case 'category':
			if (state.categories.has(interaction.code)) state.categories.delete(interaction.code);
			else state.categories.add(interaction.code);
			// Every category chosen is the same view as none.
			if (state.categories.size === CATEGORY_CODES.length) state.categories.clear();
			return;
		case 'preset':
			if (interaction.preset === state.preset) refuse();
			state.preset = interaction.preset;
			return;
		case 'brush':
			if (state.preset === null) refuse();
			state.preset = null;
			return;
		case 'mode':
			if (interaction.mode === state.mode) refuse();
			state.mode = interaction.mode;
	}
}

export interface Summary {
	n: number;
	median: number;
	p95: number;
}

/**
 * Median and 95th percentile, by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7;
 * d3-array's `quantile`, R's default); NaN for no values.
 */
export function summary(values: readonly number[]): Summary {
	return { n: values.length, median: quantile(values, 0.5) ?? NaN, p95: quantile(values, 0.95) ?? NaN };
}
