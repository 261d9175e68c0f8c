import { StaleQuery, type QueryCoordinator } from '$lib/core/db/coordinator';
import { caseListQuery } from '$lib/core/queries/dashboard';
import { readCaseRows, type CaseRow } from '$lib/core/queries/results';
import type { View } from '$lib/core/queries/view';

export const CASES_PER_PAGE = 15;

/** One page of the selection's case list, fetched through the coordinator like every other panel. */
export class CaseList {
	rows = $state.raw<CaseRow[]>([]);
	page = $state(0);
	readonly #coordinator: QueryCoordinator;

	constructor(coordinator: QueryCoordinator) {
		this.#coordinator = coordinator;
	}

	async show(view: View, page: number): Promise<void> {
		try {
			const rows = await this.#coordinator.request('case-list', caseListQuery(view, page, CASES_PER_PAGE));
			this.rows = readCaseRows(rows);
			this.page = page;
		} catch (error) {
			if (!(error instanceof StaleQuery)) throw error;
		}
	}
}
