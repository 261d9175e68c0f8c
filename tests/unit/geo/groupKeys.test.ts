import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { labelPoint } from '$lib/core/geo/outline';
import { ARROWS, nextInDirection, type LabelPoint } from '$lib/ui/map/groupKeys';

describe('arrow keys over the map’s group labels', () => {
	//   0 . 1
	//   . 2 .      2 is up-right of 0 and nearer than 1, yet Right from 0 goes to 1, level with it.
	//   3 . .
	const grid: LabelPoint[] = [
		{ x: 0, y: 0 },
		{ x: 40, y: 0 },
		{ x: 20, y: 12 },
		{ x: 0, y: 30 }
	];

	test('an arrow goes to the nearest label ahead, a step sideways costing twice a step ahead', () => {
		expect(nextInDirection(grid, 0, 'ArrowRight')).toBe(1);
		expect(nextInDirection(grid, 0, 'ArrowDown')).toBe(3);
		expect(nextInDirection(grid, 3, 'ArrowUp')).toBe(0);
		expect(nextInDirection(grid, 3, 'ArrowRight')).toBe(2);
		expect(nextInDirection(grid, 1, 'ArrowLeft')).toBe(0);
		expect(nextInDirection(grid, 2, 'ArrowDown')).toBe(3);
	});

	test('with no label ahead the focus stays: null', () => {
		expect(nextInDirection(grid, 0, 'ArrowUp')).toBeNull();
		expect(nextInDirection(grid, 0, 'ArrowLeft')).toBeNull();
		expect(nextInDirection([{ x: 5, y: 5 }], 0, 'ArrowRight')).toBeNull();
	});

	test('every group of the demo ward can be reached from every other with the arrow keys', () => {
		const groups = (JSON.parse(readFileSync('data/demo/groups.geojson', 'utf8')) as GeoJSON.FeatureCollection).features;
		// North up, as the map shows it: y grows downwards on the screen.
		const points = groups.map((feature) => {
			const [lon, lat] = labelPoint(feature.geometry)!;
			return { x: lon, y: -lat };
		});
		expect(points).toHaveLength(48);
		for (let start = 0; start < points.length; start++) {
			const reached = new Set([start]);
			const queue = [start];
			while (queue.length) {
				const at = queue.shift()!;
				for (const arrow of ARROWS) {
					const next = nextInDirection(points, at, arrow);
					if (next !== null && !reached.has(next)) {
						reached.add(next);
						queue.push(next);
					}
				}
			}
			expect(reached.size, `from group ${start}`).toBe(points.length);
		}
	});
});
