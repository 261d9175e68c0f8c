/** Moved to `periods/buckets`; kept while some modules (`ui/dashboard/dashboard.svelte.ts`, `view/`) still import it from here. */
export * from '../periods/buckets';
