/** Moved to `periods/dates`; kept while some modules (`index/caseIndex.ts`, `view/`) still import it from here. */
export * from '../periods/dates';
