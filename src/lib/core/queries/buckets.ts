/** Moved to `periods/buckets`; kept for `ui/dashboard/dashboard.svelte.ts` until it imports from there. */
export * from '../periods/buckets';
