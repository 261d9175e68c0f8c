import type { CategoryCode } from '$lib/core/schema/categories';

/** Okabe–Ito colours (distinguishable with the common colour-blindnesses), one per category. */
export const CATEGORY_COLOURS: Record<CategoryCode, string> = {
	land: '#E69F00',
	family: '#CC79A7',
	neighbour: '#0072B2',
	civil: '#009E73',
	construction: '#D55E00',
	environment: '#56B4E9',
	spontaneous: '#F0E442',
	other: '#999999'
};
