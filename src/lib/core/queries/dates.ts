/** Moved to `periods/dates`; kept for `index/caseIndex.ts` until it imports from there. */
export * from '../periods/dates';
