import type { ClientInit } from '@sveltejs/kit';
import { wardData } from '$lib/ui/app/wardData.svelte';

// Start the database and the data while the pages' code (MapLibre, Plot) is still loading; not awaited, so
// the app hydrates at once and shows its progress.
export const init: ClientInit = () => {
	wardData();
};
