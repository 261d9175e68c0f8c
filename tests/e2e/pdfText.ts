import { inflateSync } from 'node:zlib';

/*
 * The text of a PDF printed by Chromium, read without a PDF library: Skia writes each page's text as BT … ET runs
 * of hex glyph codes, one font per run, and a ToUnicode map per font. Runs that start at the same text matrix
 * belong to one line (Skia splits a line wherever the font subset changes), so a new matrix starts a new line.
 * Enough for the PDFs of this app, not a general PDF reader.
 */

export const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** The lines of text on each page, in page order. */
export function pdfText(pdf: Buffer): string[][] {
	const source = pdf.toString('latin1');
	const objects = new Map<string, string>();
	for (const [, id, body] of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(id, body);
	const object = (id: string) => objects.get(id) ?? '';
	const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
	return [...kids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
		const page = object(pageId);
		const fonts = new Map<string, Font>();
		const fontDictionary = /\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '';
		for (const [, name, id] of fontDictionary.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fonts.set(name, readFont(object(id), object));
		const contents = /\/Contents\s+(\d+) 0 R/.exec(page)?.[1];
		return contents ? pageLines(streamText(object(contents)), fonts) : [];
	});
}

interface Font {
	bytesPerCode: number;
	unicode: Map<number, string>;
}

function streamText(body: string): string {
	const start = /stream\r?\n/.exec(body);
	if (!start) return '';
	const end = body.lastIndexOf('endstream');
	const bytes = Buffer.from(body.slice(start.index + start[0].length, end), 'latin1');
	return /\/FlateDecode/.test(body.slice(0, start.index)) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
}

function readFont(font: string, object: (id: string) => string): Font {
	const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font)?.[1];
	const cmap = toUnicode ? streamText(object(toUnicode)) : '';
	const unicode = new Map<number, string>();
	const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
	for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const [, code, text] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) unicode.set(parseInt(code, 16), utf16(text));
	}
	for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const [, low, high, first] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
			for (let code = parseInt(low, 16); code <= parseInt(high, 16); code++) {
				unicode.set(code, String.fromCodePoint(parseInt(first, 16) + code - parseInt(low, 16)));
			}
		}
	}
	// Type0 fonts with Identity-H use two-byte codes; Skia's Type3 fonts use one.
	return { bytesPerCode: /\/Subtype\s*\/Type0/.test(font) ? 2 : 1, unicode };
}

function pageLines(content: string, fonts: Map<string, Font>): string[] {
	const lines: string[] = [];
	let matrix = '';
	for (const [, run] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
		const font = fonts.get(/\/(\w+)\s+[\d.]+\s+Tf/.exec(run)?.[1] ?? '');
		const runMatrix = /((?:[-\d.]+\s+){6})Tm/.exec(run)?.[1] ?? '';
		let text = '';
		for (const [, hex] of run.matchAll(/<([0-9A-Fa-f]*)>/g)) {
			const width = (font?.bytesPerCode ?? 1) * 2;
			for (let at = 0; at + width <= hex.length; at += width) {
				text += font?.unicode.get(parseInt(hex.slice(at, at + width), 16)) ?? '';
			}
		}
		if (runMatrix !== matrix || lines.length === 0) lines.push(text);
		else lines[lines.length - 1] += text;
		matrix = runMatrix;
	}
	return lines;
}
