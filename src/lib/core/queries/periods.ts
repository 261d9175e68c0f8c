/** Moved to `periods/periods` (and `Period` to `periods/dates`); kept for `index/caseIndex.ts` until it imports from there. */
export * from '../periods/periods';
export type { Period } from '../periods/dates';
