import { roundCoordinate } from './cells';

/**
 * Schematic square tiles for a ward without any geometry, so the map still draws: `count` tiles in reading order
 * (west to east, then north to south) on a near-square grid of ceil(√count) columns. `origin` is the grid's
 * north-west corner as [lon, lat]; `size` is a tile's height in degrees of latitude, and its width is
 * size / cos(latitude) degrees of longitude so the tiles are square on the ground.
 *
 * Every tile corner comes from one list of grid lines, rounded to 6 decimals, so neighbouring tiles share
 * identical edges and corners and queen contiguity works (an interior tile has 8 neighbours). Rings are closed
 * and counter-clockwise.
 */
export function tileGrid(
	count: number,
	origin: readonly [number, number] = [105.8615, 20.9927],
	size = 0.0015
): GeoJSON.Polygon[] {
	if (!Number.isInteger(count) || count < 0) throw new RangeError(`tile count must be a whole number ≥ 0, got ${count}`);
	if (!(size > 0) || !Number.isFinite(size)) throw new RangeError(`tile size must be positive, got ${size}`);
	if (count === 0) return [];
	const [west, north] = origin;
	const columns = Math.ceil(Math.sqrt(count));
	const rows = Math.ceil(count / columns);
	const width = size / Math.cos((north * Math.PI) / 180);
	const xs = Array.from({ length: columns + 1 }, (_, column) => roundCoordinate(west + column * width));
	const ys = Array.from({ length: rows + 1 }, (_, row) => roundCoordinate(north - row * size));
	return Array.from({ length: count }, (_, index) => {
		const column = index % columns;
		const row = Math.floor(index / columns);
		const [w, e, n, s] = [xs[column], xs[column + 1], ys[row], ys[row + 1]];
		return {
			type: 'Polygon',
			coordinates: [
				[
					[w, s],
					[e, s],
					[e, n],
					[w, n],
					[w, s]
				]
			]
		};
	});
}
