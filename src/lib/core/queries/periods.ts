/**
 * Moved to `periods/periods` (`Period` to `periods/dates`); kept while some modules (`index/caseIndex.ts`, `view/`,
 * the dashboard and briefing pages) still import it from here.
 */
export * from '../periods/periods';
export type { Period } from '../periods/dates';
