/** Where a group's label sits on the map, in screen pixels (y grows downwards). */
export interface LabelPoint {
	x: number;
	y: number;
}

export const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
export type Arrow = (typeof ARROWS)[number];

const DIRECTION: Record<Arrow, [number, number]> = {
	ArrowLeft: [-1, 0],
	ArrowRight: [1, 0],
	ArrowUp: [0, -1],
	ArrowDown: [0, 1]
};

/**
 * The label an arrow key moves to from label `from`: of those lying ahead in the arrow's direction, the nearest,
 * a step sideways counting twice a step ahead, so that Right goes to the neighbour on the right rather than to a
 * closer one above it. Null when none lies ahead (the focus stays where it is).
 */
export function nextInDirection(points: readonly LabelPoint[], from: number, arrow: Arrow): number | null {
	const [dx, dy] = DIRECTION[arrow];
	const origin = points[from];
	let best: number | null = null;
	let bestCost = Infinity;
	points.forEach((point, index) => {
		const ahead = (point.x - origin.x) * dx + (point.y - origin.y) * dy;
		if (index === from || ahead <= 0) return;
		const sideways = Math.abs((point.x - origin.x) * dy - (point.y - origin.y) * dx);
		const cost = ahead + 2 * sideways;
		if (cost < bestCost) [best, bestCost] = [index, cost];
	});
	return best;
}
