import { inflateSync } from 'node:zlib';

/** A decoded image: `data` holds RGBA bytes, row after row. */
export interface Image {
	width: number;
	height: number;
	data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decodes the PNGs a browser screenshot or `canvas.toDataURL()` produces: 8-bit RGBA or RGB, not interlaced, any
 * of the five row filters. Anything else throws, so a test never silently reads garbage.
 */
export function decodePng(bytes: Uint8Array): Image {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (!SIGNATURE.every((byte, index) => buffer[index] === byte)) throw new Error('not a PNG');
	let width = 0;
	let height = 0;
	let channels = 0;
	const compressed: Buffer[] = [];
	let offset = 8;
	while (offset < buffer.length) {
		const length = buffer.readUInt32BE(offset);
		const type = buffer.toString('latin1', offset + 4, offset + 8);
		const body = buffer.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const [depth, colourType, , , interlace] = body.subarray(8, 13);
			if (depth !== 8) throw new Error(`PNG bit depth ${depth} is not supported`);
			if (interlace !== 0) throw new Error('interlaced PNG is not supported');
			if (colourType === 6) channels = 4;
			else if (colourType === 2) channels = 3;
			else throw new Error(`PNG colour type ${colourType} is not supported`);
		} else if (type === 'IDAT') compressed.push(body);
		else if (type === 'IEND') break;
		offset += 12 + length;
	}
	if (!channels) throw new Error('PNG without IHDR');
	const raw = inflateSync(Buffer.concat(compressed));
	const stride = width * channels;
	if (raw.length < height * (stride + 1)) throw new Error('PNG data is truncated');
	const pixels = new Uint8Array(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const out = y * stride;
		const up = out - stride;
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? pixels[out + x - channels] : 0;
			const b = y > 0 ? pixels[up + x] : 0;
			const c = x >= channels && y > 0 ? pixels[up + x - channels] : 0;
			let predicted: number;
			switch (filter) {
				case 0:
					predicted = 0;
					break;
				case 1:
					predicted = a;
					break;
				case 2:
					predicted = b;
					break;
				case 3:
					predicted = (a + b) >> 1;
					break;
				case 4: {
					const p = a + b - c;
					const pa = Math.abs(p - a);
					const pb = Math.abs(p - b);
					const pc = Math.abs(p - c);
					predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
					break;
				}
				default:
					throw new Error(`PNG row filter ${filter} is unknown`);
			}
			pixels[out + x] = (line[x] + predicted) & 0xff;
		}
	}
	if (channels === 4) return { width, height, data: pixels };
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
		rgba[j] = pixels[i];
		rgba[j + 1] = pixels[i + 1];
		rgba[j + 2] = pixels[i + 2];
		rgba[j + 3] = 255;
	}
	return { width, height, data: rgba };
}
