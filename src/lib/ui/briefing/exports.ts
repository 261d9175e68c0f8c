import { toCsv } from '$lib/core/briefing/csv';
import type { Disclosure } from '$lib/core/briefing/suppression';
import { ranked } from '$lib/core/queries/ranking';
import { toXlsx, type Sheet } from '$lib/core/briefing/xlsx';
import type { CaseRow, CategoryCount, GroupFigures } from '$lib/core/queries/results';
import { bucketCode, type TrendStep } from '$lib/core/periods/buckets';
import type { TrendCount } from '$lib/core/queries/trend';
import type { Level } from '$lib/core/queries/view';
import type { Formatter } from '$lib/i18n/format';
import type { Messages } from '$lib/i18n/vi';
import { saveBlob } from '../download';

/**
 * The briefing's tables as sheets, with the counts and changes the page shows (`discloseBriefing`) in its ranking
 * order. A distribution copy leaves the trend out, as its page does; its steps are named in ISO 8601 (`2020-W27`,
 * `2020-07`, `2020-Q3`) under the step's name.
 */
export function briefingSheets(
	groups: GroupFigures[],
	categories: CategoryCount[],
	trend: TrendCount[],
	step: TrendStep,
	disclosure: Disclosure,
	text: Messages,
	/** `ward`: the rows of `groups` are a district's wards. */
	level: Level = 'group'
): Sheet[] {
	const shownGroup = (group: GroupFigures) => disclosure.groups.get(group.group_code) ?? { count: group.total, change: null };
	const shownCategory = (row: CategoryCount) => disclosure.categories.get(row.category) ?? row.total;
	const columns = text.rankingColumns;
	const sheets: Sheet[] = [
		{
			name: level === 'ward' ? text.wards.rankingTitle : text.rankingTitle,
			headers: [`${level}_code`, level === 'ward' ? text.wards.rankingColumn : columns.group, columns.count, columns.change],
			rows: ranked(groups, (group) => group.group_code, (group) => shownGroup(group).count).map((group) => [
				group.group_code,
				group.name,
				shownGroup(group).count,
				shownGroup(group).change
			])
		},
		{
			name: text.breakdownTitle,
			headers: [text.categories, columns.count],
			rows: ranked(categories, (row) => row.category, shownCategory).map((row) => [text.category[row.category], shownCategory(row)])
		}
	];
	if (disclosure.distribution) return sheets;
	return [
		...sheets,
		{
			name: text.trend.title[step],
			headers: [step, text.categories, columns.count],
			rows: trend.map((row) => [bucketCode(row.bucket, step), text.category[row.category], row.total])
		}
	];
}

/**
 * The selection's cases as one sheet: the anonymised fields the case list reads (never the coordinates), with
 * labels and dates as the page writes them. Distribution copies carry no case list at all (`CaseExport.svelte`).
 */
export function caseSheet(cases: CaseRow[], groupNames: ReadonlyMap<string, string>, text: Messages, format: Formatter): Sheet {
	const columns = text.caseExport.columns;
	return {
		name: text.caseExport.sheet,
		headers: [
			columns.id,
			columns.reported,
			columns.groupCode,
			columns.group,
			columns.category,
			columns.status,
			columns.resolved,
			columns.severity,
			columns.source,
			columns.repeat
		],
		rows: cases.map((row) => [
			row.case_id,
			format.date(row.reported_on),
			row.group_code,
			groupNames.get(row.group_code) ?? row.group_code,
			text.category[row.category],
			text.status[row.status],
			row.resolved_on === null ? null : format.date(row.resolved_on),
			row.severity,
			row.source === null ? null : text.source[row.source],
			row.repeat === null ? null : row.repeat ? text.caseExport.yes : text.caseExport.no
		])
	};
}

export function downloadCsv(sheet: Sheet, file: string): void {
	saveBlob(new Blob([toCsv(sheet.headers, sheet.rows)], { type: 'text/csv;charset=utf-8' }), file);
}

export async function downloadXlsx(sheets: Sheet[], file: string): Promise<void> {
	const bytes = await toXlsx(sheets);
	saveBlob(
		new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
		file
	);
}

