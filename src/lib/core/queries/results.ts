import type { Row } from '../db/engine';
import type { CategoryCode } from '../schema/categories';

/** The typed shapes of the dashboard queries' rows, read once at the door. */

export interface KeyFigures {
	total: number;
	previousTotal: number;
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

export interface MonthCount {
	/** `YYYY-MM` */
	month: string;
	category: CategoryCode;
	total: number;
}

export function readKeyFigures([row]: Row[]): KeyFigures {
	return { total: Number(row.total), previousTotal: Number(row.previous_total), resolved: Number(row.resolved) };
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

export function readMonthCounts(rows: Row[]): MonthCount[] {
	return rows.map((row) => ({
		month: String(row.month),
		category: row.category as CategoryCode,
		total: Number(row.total)
	}));
}
