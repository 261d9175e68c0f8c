/**
 * Makes an Observable Plot chart one image for assistive technology: its `<svg>` (Plot returns it alone, or inside
 * a `<figure>` beside the legend) gets `role="img"`, named by the `ariaLabel` given to `Plot.plot`. Plot also names
 * each mark's `<g>` by its kind ("bar", "rule"), where ARIA allows no name (axe: `aria-prohibited-attr`); the
 * parts of an image are presentational (WAI-ARIA 1.2, role `img`: "Children Presentational: True"), so those
 * groups are hidden from assistive technology rather than given a role of their own. Hover titles stay.
 */
export function chartAsImage(chart: Element): void {
	const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')];
	for (const svg of svgs) {
		if (!svg.hasAttribute('aria-label')) continue;
		svg.setAttribute('role', 'img');
		for (const group of svg.querySelectorAll('g[aria-label], g[aria-description]')) group.setAttribute('aria-hidden', 'true');
	}
}
