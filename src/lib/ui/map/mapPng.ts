import { isDark, type LegendEntry } from './mapColours';

/** What the PNG holds besides the map's own pixels: everything a slide needs to be read without the app. */
export interface MapPicture {
	title: string;
	subtitle: string;
	legendTitle: string;
	legend: LegendEntry[];
	/** The plain-words lines under the legend (what the colours mean, caveats). */
	notes: string[];
	/** Each group's number where the map shows it (CSS pixels of the map), and the colour of its cell. */
	labels: { text: string; x: number; y: number; fill: string | undefined }[];
}

/** The part of the canvas 2D context the picture is drawn with (so a test can record what is drawn). */
export type PictureContext = Pick<
	CanvasRenderingContext2D,
	'fillRect' | 'strokeRect' | 'fillText' | 'strokeText' | 'drawImage' | 'measureText'
> & {
	fillStyle: CanvasRenderingContext2D['fillStyle'];
	strokeStyle: CanvasRenderingContext2D['strokeStyle'];
	lineWidth: number;
	lineJoin: CanvasLineJoin;
	font: string;
};

const LEGEND_WIDTH = 260;
const HEADER = 64;

/** A row of the legend column, `y` its baseline in CSS pixels below the map's top. */
type LegendRow = { kind: 'title' | 'entry' | 'note'; text: string; colour?: string; y: number };

/** The legend column as drawn: title, entries 22 px apart, then the notes wrapped to the column, 16 px apart. */
function legendRows(picture: MapPicture, measure: (text: string) => number): LegendRow[] {
	let y = 20;
	const rows: LegendRow[] = [{ kind: 'title', text: picture.legendTitle, y }];
	for (const entry of picture.legend) rows.push({ kind: 'entry', text: entry.label, colour: entry.colour, y: (y += 22) });
	y += 10;
	for (const line of wrap(picture.notes, measure)) rows.push({ kind: 'note', text: line, y: (y += 16) });
	return rows;
}

/** The PNG's size for a map canvas: the map below a header, the legend in a column beside it. */
export function pictureSize(
	map: { width: number; height: number; ratio: number },
	picture: MapPicture,
	measure: (text: string) => number
): { width: number; height: number } {
	const rows = legendRows(picture, measure);
	const legendHeight = rows[rows.length - 1].y + 16;
	return {
		width: map.width + LEGEND_WIDTH * map.ratio,
		height: Math.max(map.height, legendHeight * map.ratio) + HEADER * map.ratio
	};
}

/**
 * Draws the picture: title and subtitle above the map, the group numbers over it (white on dark cells, as the
 * page shows them), and the legend with its notes beside it, never over a group. Text is drawn, never parsed, so
 * data cannot inject markup.
 */
export function drawPicture(
	context: PictureContext,
	map: { image: CanvasImageSource; width: number; height: number; ratio: number },
	picture: MapPicture,
	size: { width: number; height: number }
): void {
	const r = map.ratio;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, size.width, size.height);
	context.fillStyle = '#111111';
	context.font = `bold ${18 * r}px serif`;
	context.fillText(picture.title, 12 * r, 26 * r);
	context.font = `${14 * r}px serif`;
	context.fillText(picture.subtitle, 12 * r, 50 * r);
	context.drawImage(map.image, 0, HEADER * r);

	context.font = `600 ${11 * r}px sans-serif`;
	context.lineJoin = 'round';
	context.lineWidth = 3 * r;
	for (const label of picture.labels) {
		if (label.x < 0 || label.y < 0 || label.x * r > map.width || label.y * r > map.height) continue;
		const dark = label.fill !== undefined && isDark(label.fill);
		const x = label.x * r - context.measureText(label.text).width / 2;
		const y = HEADER * r + label.y * r + 4 * r;
		context.strokeStyle = dark ? '#1a1a1a' : '#ffffff';
		context.strokeText(label.text, x, y);
		context.fillStyle = dark ? '#ffffff' : '#222222';
		context.fillText(label.text, x, y);
	}

	const x = map.width + 12 * r;
	context.lineWidth = 1 * r;
	// Notes are measured in the font they are drawn in.
	context.font = `${11 * r}px sans-serif`;
	for (const row of legendRows(picture, (text) => context.measureText(text).width / r)) {
		const y = (HEADER + row.y) * r;
		if (row.kind === 'title') {
			context.fillStyle = '#111111';
			context.font = `bold ${13 * r}px sans-serif`;
			context.fillText(row.text, x, y, (LEGEND_WIDTH - 16) * r);
		} else if (row.kind === 'entry') {
			context.fillStyle = row.colour!;
			context.fillRect(x, y - 12 * r, 18 * r, 12 * r);
			context.strokeStyle = '#888888';
			context.strokeRect(x, y - 12 * r, 18 * r, 12 * r);
			context.fillStyle = '#111111';
			context.font = `${12 * r}px sans-serif`;
			context.fillText(row.text, x + 26 * r, y, (LEGEND_WIDTH - 40) * r);
		} else {
			context.fillStyle = '#444444';
			context.font = `${11 * r}px sans-serif`;
			context.fillText(row.text, x, y);
		}
	}
}

/** Words to lines no wider than the legend column (measured in CSS pixels at 11 px). */
function wrap(notes: string[], measure: (text: string) => number): string[] {
	const lines: string[] = [];
	for (const note of notes) {
		let line = '';
		for (const word of note.split(/\s+/)) {
			const next = line ? `${line} ${word}` : word;
			if (line && measure(next) > LEGEND_WIDTH - 24) {
				lines.push(line);
				line = word;
			} else line = next;
		}
		if (line) lines.push(line);
	}
	return lines;
}

/** The map as a PNG for a report or a slide. */
export async function mapPng(canvas: HTMLCanvasElement, picture: MapPicture): Promise<Blob> {
	const ratio = canvas.width / canvas.clientWidth || 1;
	const out = document.createElement('canvas');
	const context = out.getContext('2d')!;
	context.font = `${11 * ratio}px sans-serif`;
	const map = { image: canvas, width: canvas.width, height: canvas.height, ratio };
	const size = pictureSize(map, picture, (text) => context.measureText(text).width / ratio);
	out.width = size.width;
	out.height = size.height;
	drawPicture(context, map, picture, size);
	return new Promise((resolve, reject) =>
		out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map could not be drawn as PNG'))), 'image/png')
	);
}
