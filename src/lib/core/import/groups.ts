import type { GroupWithGeometry } from '../schema/model';
import { wardReader } from '../schema/wards';
import { ImportError, type ImportReport, type Rejection } from './report';

/** Kept for `ui/dashboard/dashboard.svelte.ts` until it imports the model from `schema/model`. */
export type { GroupWithGeometry };

/**
 * Reads residential groups from a GeoJSON FeatureCollection (properties `group_code`, `name`, `population`,
 * `households`, and for a district `ward_code`, `ward_name`: see `wardReader`). `synthetic`: the collection says it
 * is made-up data (`"synthetic": true`, as the demo ward's), which every page then says too.
 */
export function parseGroupsGeojson(
	text: string,
	file: string
): { groups: GroupWithGeometry[]; report: ImportReport; synthetic: boolean } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new ImportError('invalid_geojson', file);
	}
	const features = (parsed as GeoJSON.FeatureCollection | null)?.features;
	if (!Array.isArray(features)) throw new ImportError('invalid_geojson', file);

	const groups: GroupWithGeometry[] = [];
	const rejections: Rejection[] = [];
	const seen = new Set<string>();
	const textOf = (value: unknown) => String(value ?? '').trim() || null;
	const readWard = wardReader(features.some((feature) => textOf(feature?.properties?.ward_code) ?? textOf(feature?.properties?.ward_name)));
	features.forEach((feature, index) => {
		const line = index + 1;
		const properties = feature?.properties ?? {};
		const code = String(properties.group_code ?? '').trim();
		const name = String(properties.name ?? '').trim();
		const population = optionalCount(properties.population);
		const households = optionalCount(properties.households);
		if (!code) rejections.push({ line, reason: 'missing_value', field: 'group_code' });
		else if (seen.has(code)) rejections.push({ line, reason: 'duplicate_id', field: 'group_code' });
		else if (population === undefined) rejections.push({ line, reason: 'invalid_number', field: 'population' });
		else if (households === undefined) rejections.push({ line, reason: 'invalid_number', field: 'households' });
		else {
			const ward = readWard(textOf(properties.ward_code), textOf(properties.ward_name));
			if ('reason' in ward) return rejections.push({ line, ...ward });
			seen.add(code);
			groups.push({ group_code: code, name: name || code, population, households, ...ward, geometry: feature.geometry ?? null });
		}
	});
	if (groups.length === 0) throw new ImportError('no_groups', file);
	return {
		groups,
		synthetic: (parsed as { synthetic?: unknown }).synthetic === true,
		report: {
			file,
			read: features.length,
			accepted: groups.length,
			rejected: rejections.length,
			updated: 0,
			rejections
		}
	};
}

/** A non-negative integer, null when absent, undefined when present but not a count. */
function optionalCount(value: unknown): number | null | undefined {
	if (value === null || value === undefined || value === '') return null;
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isInteger(number) && number >= 0 ? number : undefined;
}
