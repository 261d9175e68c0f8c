import { alertPlan, earlyWarnings, type EarlyWarning, type GroupAlertCounts } from '../analysis/earlyWarning';
import type { Row } from '../db/engine';
import { monthEnd } from '../queries/dates';
import type { Period } from '../queries/periods';
import type { View } from '../queries/view';
import { SqlCounts } from './sqlCounts';

/**
 * The early warning of a view: the month tested and its baseline (`alertPlan`), each area's counts in them
 * (`counts`: by index or SQL, groups or wards), then the flagged areas.
 */
export async function warnOf(
	view: View,
	span: { firstDate: string; lastDate: string },
	counts: (month: Period, baseline: Period) => Promise<GroupAlertCounts[]>
): Promise<EarlyWarning> {
	const plan = alertPlan(view, span.firstDate, span.lastDate);
	if (plan.kind !== 'ready') return { plan, alerts: [] };
	const areas = await counts({ from: plan.month, to: monthEnd(plan.month) }, plan.baseline);
	return { plan, alerts: earlyWarnings(areas, plan.baselineMonths) };
}

/** The early warning of a view's groups by SQL, from anything that answers it (an engine, on the command line). */
export function runEarlyWarning(
	query: (sql: string) => Promise<Row[]>,
	view: View,
	span: { firstDate: string; lastDate: string }
): Promise<EarlyWarning> {
	const sql = new SqlCounts((_key, text) => query(text));
	return warnOf(view, span, (month, baseline) => sql.alertCounts(view, month, baseline));
}
