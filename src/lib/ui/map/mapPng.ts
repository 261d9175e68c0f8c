import type { LegendEntry } from './mapColours';

/**
 * The map as a PNG for a report: a title and subtitle above the map's own pixels (its canvas keeps the drawing
 * buffer), and the legend drawn beside it. Text is drawn, never parsed, so data cannot inject markup.
 */
export async function mapPng(
	canvas: HTMLCanvasElement,
	title: string,
	subtitle: string,
	legendTitle: string,
	legend: LegendEntry[]
): Promise<Blob> {
	const ratio = canvas.width / canvas.clientWidth || 1;
	const header = 64 * ratio;
	const legendWidth = 240 * ratio;
	const out = document.createElement('canvas');
	out.width = canvas.width + legendWidth;
	out.height = Math.max(canvas.height, (legend.length + 2) * 22 * ratio) + header;
	const context = out.getContext('2d')!;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, out.width, out.height);
	context.fillStyle = '#111111';
	context.font = `bold ${18 * ratio}px serif`;
	context.fillText(title, 12 * ratio, 26 * ratio);
	context.font = `${14 * ratio}px serif`;
	context.fillText(subtitle, 12 * ratio, 50 * ratio);
	context.drawImage(canvas, 0, header);
	const x = canvas.width + 12 * ratio;
	let y = header + 20 * ratio;
	context.font = `bold ${13 * ratio}px sans-serif`;
	context.fillText(legendTitle, x, y, legendWidth - 16 * ratio);
	context.font = `${12 * ratio}px sans-serif`;
	for (const entry of legend) {
		y += 22 * ratio;
		context.fillStyle = entry.colour;
		context.fillRect(x, y - 12 * ratio, 18 * ratio, 12 * ratio);
		context.strokeStyle = '#888888';
		context.strokeRect(x, y - 12 * ratio, 18 * ratio, 12 * ratio);
		context.fillStyle = '#111111';
		context.fillText(entry.label, x + 26 * ratio, y, legendWidth - 40 * ratio);
	}
	return new Promise((resolve, reject) =>
		out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map could not be drawn as PNG'))), 'image/png')
	);
}
