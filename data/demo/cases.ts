import { CATEGORY_CODES, type CategoryCode } from '../../src/lib/core/schema/categories';
import { CASE_COLUMNS, type CaseRecord } from '../../src/lib/core/schema/model';
import type { SourceCode } from '../../src/lib/core/schema/sources';
import type { StatusCode } from '../../src/lib/core/schema/statuses';
import { pointInRing, type Point } from './geometry';
import { DEMO_FIRST_YEAR, DEMO_MONTH_COUNT, PLANTED_CLUSTERS, SEASONAL_SWING, type PlantedClusterName } from './patterns';
import { integerBetween, mulberry32, poisson, streamSeed, weightedPick, type Rng } from './random';
import { STREAM, type DemoWard, type DemoGroup } from './ward';

/** Cases per 1,000 residents per year outside the planted clusters: ~310 a year for 47,000 people. */
const BASE_RATE_PER_1000_PER_YEAR = 6.6;

/** Shares of the categories in an ordinary month (sum 1). */
const CATEGORY_SHARES: Record<CategoryCode, number> = {
	neighbour: 0.26,
	land: 0.2,
	family: 0.15,
	spontaneous: 0.15,
	civil: 0.08,
	construction: 0.07,
	environment: 0.06,
	other: 0.03
};

/** What eventually happens to a case; `stalled` cases are never closed (open too long). */
type Outcome = 'resolved' | 'transferred' | 'escalated' | 'unresolved' | 'stalled';

const OUTCOMES: Record<CategoryCode, readonly (readonly [Outcome, number])[]> = {
	neighbour: [['resolved', 0.8], ['transferred', 0.06], ['escalated', 0.02], ['unresolved', 0.11], ['stalled', 0.01]],
	land: [['resolved', 0.6], ['transferred', 0.22], ['escalated', 0.02], ['unresolved', 0.14], ['stalled', 0.02]],
	family: [['resolved', 0.72], ['transferred', 0.07], ['escalated', 0.04], ['unresolved', 0.16], ['stalled', 0.01]],
	civil: [['resolved', 0.62], ['transferred', 0.22], ['escalated', 0.02], ['unresolved', 0.12], ['stalled', 0.02]],
	construction: [['resolved', 0.62], ['transferred', 0.25], ['escalated', 0.03], ['unresolved', 0.08], ['stalled', 0.02]],
	environment: [['resolved', 0.72], ['transferred', 0.15], ['escalated', 0.02], ['unresolved', 0.1], ['stalled', 0.01]],
	spontaneous: [['resolved', 0.78], ['transferred', 0.06], ['escalated', 0.08], ['unresolved', 0.07], ['stalled', 0.01]],
	other: [['resolved', 0.74], ['transferred', 0.1], ['escalated', 0.03], ['unresolved', 0.12], ['stalled', 0.01]]
};

const SOURCES: readonly (readonly [SourceCode | null, number])[] = [
	['resident', 0.35],
	['group_head', 0.22],
	['mediation_team', 0.17],
	['patrol', 0.12],
	['hotline', 0.06],
	['other', 0.03],
	[null, 0.05]
];

const MAX_DAYS_TO_RESOLUTION = 90;
const MISSING_LOCATION_SHARE = 0.07;
const LOCATION_DECIMALS = 4;

const DAY_MS = 86_400_000;
const LAST_DAY = Date.UTC(DEMO_FIRST_YEAR + DEMO_MONTH_COUNT / 12, 0, 1) / DAY_MS - 1;

/** `ratePerThousand`: cases per 1,000 residents per year outside the clusters (a district's generator scales it). */
export function generateCases(ward: DemoWard, seed: number, ratePerThousand = BASE_RATE_PER_1000_PER_YEAR): CaseRecord[] {
	const rng = mulberry32(streamSeed(seed, STREAM.cases));
	const clusterOf = new Map<string, PlantedClusterName>();
	for (const [name, codes] of Object.entries(ward.clusters) as [PlantedClusterName, string[]][]) {
		for (const code of codes) clusterOf.set(code, name);
	}
	const seasonal = normalisedSeasonalFactors();
	const drafts: Omit<CaseRecord, 'case_id'>[] = [];
	for (let monthIndex = 0; monthIndex < DEMO_MONTH_COUNT; monthIndex++) {
		const calendarMonth = monthIndex % 12;
		const firstDay = Date.UTC(DEMO_FIRST_YEAR, monthIndex, 1) / DAY_MS;
		const dayCount = Date.UTC(DEMO_FIRST_YEAR, monthIndex + 1, 1) / DAY_MS - firstDay;
		for (const group of ward.groups) {
			const cluster = clusterOf.get(group.code);
			const patternFactor = cluster ? PLANTED_CLUSTERS[cluster].multiplier(monthIndex) : 1;
			const perMonth = (ratePerThousand / 1000 / 12) * group.population * patternFactor;
			for (const category of CATEGORY_CODES) {
				const lambda = perMonth * CATEGORY_SHARES[category] * seasonal.ward[calendarMonth] * seasonal.category[category][calendarMonth];
				const count = poisson(rng, lambda);
				for (let n = 0; n < count; n++) {
					const reportedDay = firstDay + integerBetween(rng, 0, dayCount - 1);
					drafts.push(draftCase(rng, group, category, reportedDay, cluster === 'persistent'));
				}
			}
		}
	}
	drafts.sort(
		(a, b) =>
			a.reported_on.localeCompare(b.reported_on) ||
			a.group_code.localeCompare(b.group_code) ||
			CATEGORY_CODES.indexOf(a.category) - CATEGORY_CODES.indexOf(b.category)
	);
	const numberInYear = new Map<string, number>();
	return drafts.map((draft) => {
		const year = draft.reported_on.slice(0, 4);
		const number = (numberInYear.get(year) ?? 0) + 1;
		numberInYear.set(year, number);
		return { case_id: `VV-${year}-${String(number).padStart(4, '0')}`, ...draft };
	});
}

/** Seasonal factors rescaled to average 1 over the year, so they shift cases between months only. */
function normalisedSeasonalFactors(): { ward: number[]; category: Record<CategoryCode, number[]> } {
	const normalise = (factors: readonly number[]) => {
		const mean = factors.reduce((sum, factor) => sum + factor, 0) / factors.length;
		return factors.map((factor) => factor / mean);
	};
	const flat = new Array<number>(12).fill(1);
	const category = {} as Record<CategoryCode, number[]>;
	for (const code of CATEGORY_CODES) category[code] = normalise(SEASONAL_SWING.categoryFactors[code] ?? flat);
	return { ward: normalise(SEASONAL_SWING.wardFactors), category };
}

function draftCase(
	rng: Rng,
	group: DemoGroup,
	category: CategoryCode,
	reportedDay: number,
	inPersistentCluster: boolean
): Omit<CaseRecord, 'case_id'> {
	const outcome = weightedPick(rng, OUTCOMES[category]);
	const { status, closedDay } = statusAtExport(rng, outcome, reportedDay);
	const repeatDraw = rng();
	const repeatShare = inPersistentCluster ? 0.26 : 0.13;
	return {
		reported_on: isoDate(reportedDay),
		group_code: group.code,
		category,
		status,
		// Only a resolved case carries a date: SPEC §2.1 defines `resolved_on` as the settlement date.
		resolved_on: status === 'resolved' ? isoDate(closedDay!) : null,
		severity: severity(rng, category, status),
		source: weightedPick(rng, SOURCES),
		repeat: repeatDraw < 0.06 ? null : repeatDraw < 0.06 + repeatShare,
		...location(rng, group.ring)
	};
}

/**
 * The case's state on the export date (the demo's last day). A case whose closing date falls after it is
 * still open: `received` in its first days, `mediating` afterwards. Settling takes about five weeks on
 * average (rarely under one), so most cases of the last two months are still open.
 */
function statusAtExport(rng: Rng, outcome: Outcome, reportedDay: number): { status: StatusCode; closedDay: number | null } {
	const age = LAST_DAY - reportedDay;
	if (outcome === 'stalled') return { status: rng() < 0.4 ? 'received' : 'mediating', closedDay: null };
	let delay: number;
	if (outcome === 'resolved') {
		do delay = 1 + Math.floor(erlang2(rng, 18)); while (delay > MAX_DAYS_TO_RESOLUTION);
	} else if (outcome === 'escalated') {
		delay = integerBetween(rng, 1, 30);
	} else if (outcome === 'transferred') {
		delay = integerBetween(rng, 5, 45);
	} else {
		delay = integerBetween(rng, 15, 90);
	}
	if (delay <= age) return { status: outcome, closedDay: reportedDay + delay };
	return { status: age < 10 && rng() < 0.7 ? 'received' : 'mediating', closedDay: null };
}

/** Sum of two exponential draws with the given mean each: a delay with a mode above zero. */
function erlang2(rng: Rng, mean: number): number {
	return -mean * Math.log((1 - rng()) * (1 - rng()));
}

function severity(rng: Rng, category: CategoryCode, status: StatusCode): CaseRecord['severity'] {
	const draw = rng();
	if (draw < 0.05) return null;
	const risky = status === 'escalated' ? 0.7 : category === 'spontaneous' || category === 'family' ? 0.18 : 0.09;
	if (draw < 0.05 + risky) return 3;
	return draw < 0.05 + risky + 0.33 ? 2 : 1;
}

/** A point inside the group, already coarsened to 4 decimals (~10 m), as an export would carry it. */
function location(rng: Rng, ring: readonly Point[]): { lat: number | null; lon: number | null } {
	if (rng() < MISSING_LOCATION_SHARE) return { lat: null, lon: null };
	let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of ring) {
		minLon = Math.min(minLon, lon);
		maxLon = Math.max(maxLon, lon);
		minLat = Math.min(minLat, lat);
		maxLat = Math.max(maxLat, lat);
	}
	const scale = 10 ** LOCATION_DECIMALS;
	for (;;) {
		const lon = Math.round((minLon + (maxLon - minLon) * rng()) * scale) / scale;
		const lat = Math.round((minLat + (maxLat - minLat) * rng()) * scale) / scale;
		if (pointInRing([lon, lat], ring)) return { lat, lon };
	}
}

export function isoDate(dayNumber: number): string {
	return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The cases as the demo's CSV; with `wardOf`, each case's ward beside its group, as a district's export has it. */
export function casesToCsv(cases: readonly CaseRecord[], wardOf?: ReadonlyMap<string, string>): string {
	const columns: string[] = [...CASE_COLUMNS];
	if (wardOf) columns.splice(columns.indexOf('group_code'), 0, 'ward_code');
	const lines = [columns.join(',')];
	for (const record of cases) {
		lines.push(
			[
				record.case_id,
				record.reported_on,
				...(wardOf ? [wardOf.get(record.group_code)] : []),
				record.group_code,
				record.category,
				record.status,
				record.resolved_on ?? '',
				record.severity ?? '',
				record.source ?? '',
				record.repeat ?? '',
				record.lat?.toFixed(LOCATION_DECIMALS) ?? '',
				record.lon?.toFixed(LOCATION_DECIMALS) ?? ''
			].join(',')
		);
	}
	return lines.join('\n') + '\n';
}
