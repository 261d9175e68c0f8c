import type { GroupAlertCounts } from '../analysis/earlyWarning';
import type { Row } from '../db/engine';
import type { GroupWithGeometry } from '../import/groups';
import type { CategoryCode } from '../schema/categories';
import type { StatusCode } from '../schema/statuses';
import type { CaseRecord } from '../schema/model';

/** The typed shapes of the dashboard queries' rows, read once at the door. */

export interface KeyFigures {
	total: number;
	previousTotal: number;
	/** The same dates one year earlier (`samePeriodLastYear`). */
	lastYearTotal: number;
	resolved: number;
}

export interface GroupFigures {
	group_code: string;
	name: string;
	population: number | null;
	total: number;
	previousTotal: number;
	resolved: number;
}

export interface Handling {
	/** Median days from report to resolution; null when no resolved case has a date. */
	medianDays: number | null;
	resolvedWithoutDate: number;
	open30: number;
	open60: number;
	open90: number;
	escalated: number;
	repeat: number;
}

export interface CategoryCount {
	category: CategoryCode;
	total: number;
}

/** A case as the case list shows it: the record without its coordinates. */
export type CaseRow = Omit<CaseRecord, 'lat' | 'lon'>;

/** Groups as stored in the `groups` table, geometry parsed back from its GeoJSON text. */
export function readGroups(rows: Row[]): GroupWithGeometry[] {
	return rows.map((row) => ({
		group_code: String(row.group_code),
		name: String(row.name),
		population: row.population === null ? null : Number(row.population),
		households: row.households === null ? null : Number(row.households),
		...(row.ward_code != null && { ward_code: String(row.ward_code), ward_name: String(row.ward_name ?? row.ward_code) }),
		geometry: row.geometry === null ? null : (JSON.parse(String(row.geometry)) as GeoJSON.Geometry)
	}));
}

export function readKeyFigures([row]: Row[]): KeyFigures {
	return {
		total: Number(row.total),
		previousTotal: Number(row.previous_total),
		lastYearTotal: Number(row.last_year_total),
		resolved: Number(row.resolved)
	};
}

export function readGroupFigures(rows: Row[]): GroupFigures[] {
	return rows.map((row) => ({
		group_code: String(row.group_code),
		name: String(row.name),
		population: row.population === null ? null : Number(row.population),
		total: Number(row.total),
		previousTotal: Number(row.previous_total),
		resolved: Number(row.resolved)
	}));
}

export function readHandling([row]: Row[]): Handling {
	return {
		medianDays: row.median_days === null ? null : Number(row.median_days),
		resolvedWithoutDate: Number(row.resolved_without_date),
		open30: Number(row.open_30),
		open60: Number(row.open_60),
		open90: Number(row.open_90),
		escalated: Number(row.escalated),
		repeat: Number(row.repeat)
	};
}

export function readAlertCounts(rows: Row[]): GroupAlertCounts[] {
	return rows.map((row) => ({
		group_code: String(row.group_code),
		count: Number(row.total),
		baselineTotal: Number(row.baseline_total)
	}));
}

export function readCategoryCounts(rows: Row[]): CategoryCount[] {
	return rows.map((row) => ({ category: row.category as CategoryCode, total: Number(row.total) }));
}

export function readCaseRows(rows: Row[]): CaseRow[] {
	return rows.map((row) => ({
		case_id: String(row.case_id),
		reported_on: String(row.reported_on),
		group_code: String(row.group_code),
		category: row.category as CategoryCode,
		status: row.status as StatusCode,
		resolved_on: row.resolved_on === null ? null : String(row.resolved_on),
		severity: row.severity === null ? null : (Number(row.severity) as CaseRow['severity']),
		source: row.source === null ? null : (String(row.source) as CaseRow['source']),
		repeat: row.repeat === null ? null : Boolean(row.repeat)
	}));
}

export function monthsBetween(firstMonth: string, lastMonth: string): string[] {
	const months: string[] = [];
	let [year, month] = firstMonth.split('-').map(Number);
	const [lastYear, lastMonthNumber] = lastMonth.split('-').map(Number);
	while (year < lastYear || (year === lastYear && month <= lastMonthNumber)) {
		months.push(`${year}-${String(month).padStart(2, '0')}`);
		month === 12 ? ((year += 1), (month = 1)) : (month += 1);
	}
	return months;
}
