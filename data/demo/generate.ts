/**
 * The synthetic demo ward: `npx tsx data/demo/generate.ts` (or `npm run demo`) writes `groups.geojson` and
 * `cases.csv` beside this file. The same seed always gives the same bytes.
 */
import { casesToCsv, generateCases } from './cases';
import { WARD_EXTENT, WARD_NAME } from './outline';
import { DEMO_SEED, PLANTED_CLUSTERS, type PlantedClusterName } from './patterns';
import { isRunAsScript } from './script';
import { buildWard, type DemoWard } from './ward';

export { DEMO_SEED };

export function generateDemo(seed = DEMO_SEED): { groupsGeojson: string; casesCsv: string } {
	const ward = buildWard(seed);
	if (seed === DEMO_SEED) assertPatternCodesCurrent(ward);
	return { groupsGeojson: groupsToGeojson(ward), casesCsv: casesToCsv(generateCases(ward, seed)) };
}

/** patterns.ts names the planted groups for readers and tests; it must name the ones actually planted. */
function assertPatternCodesCurrent(ward: DemoWard): void {
	for (const name of Object.keys(PLANTED_CLUSTERS) as PlantedClusterName[]) {
		const listed = PLANTED_CLUSTERS[name].codes.join(',');
		const planted = ward.clusters[name].join(',');
		if (listed !== planted) {
			throw new Error(`patterns.ts: the ${name} cluster is ${planted} on this layout, but lists ${listed}`);
		}
	}
}

/** One feature per line: small, diffable, and readable. */
function groupsToGeojson(ward: DemoWard): string {
	const features = ward.groups.map((group) =>
		JSON.stringify({
			type: 'Feature',
			properties: {
				group_code: group.code,
				name: group.name,
				population: group.population,
				households: group.households
			},
			geometry: { type: 'Polygon', coordinates: [[...group.ring, group.ring[0]]] }
		})
	);
	return [
		'{',
		'"type": "FeatureCollection",',
		`"name": ${JSON.stringify(WARD_NAME)},`,
		'"synthetic": true,',
		`"bbox": ${JSON.stringify(WARD_EXTENT)},`,
		'"features": [',
		features.join(',\n'),
		']',
		'}',
		''
	].join('\n');
}

async function writeDemoFiles(): Promise<void> {
	const { writeFileSync } = await import('node:fs');
	const { groupsGeojson, casesCsv } = generateDemo();
	writeFileSync(new URL('./groups.geojson', import.meta.url), groupsGeojson);
	writeFileSync(new URL('./cases.csv', import.meta.url), casesCsv);
}

if (await isRunAsScript(import.meta.url)) await writeDemoFiles();
