import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { vi as vietnamese } from '../../src/lib/i18n/vi';

/* Issue 16, part 1: the web app manifest a ward installs the app from. */

const manifest = JSON.parse(readFileSync('static/manifest.webmanifest', 'utf8'));

/** Width and height from a PNG's header chunk. */
function pngSize(path: string): string {
	const bytes = readFileSync(path);
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('web app manifest', () => {
	test('the installed app carries the page’s Vietnamese name and colours', () => {
		expect(manifest.name).toBe(vietnamese.appName);
		expect(manifest.description).toBe(vietnamese.appSubtitle);
		expect(manifest.lang).toBe('vi');
		expect(manifest.short_name.length).toBeLessThanOrEqual(12);
		const html = readFileSync('src/app.html', 'utf8');
		expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}" />`);
		expect(html).toContain('<link rel="manifest" href="%sveltekit.assets%/manifest.webmanifest" />');
	});

	test('each icon exists at the size it declares, 192 and 512 among them', () => {
		const sizes = manifest.icons.map((icon: { src: string; sizes: string; type: string }) => {
			if (icon.type === 'image/svg+xml') {
				expect(readFileSync(`static/${icon.src}`, 'utf8')).toContain('<svg');
				return icon.sizes;
			}
			expect(pngSize(`static/${icon.src}`), icon.src).toBe(icon.sizes);
			return icon.sizes;
		});
		expect(sizes).toEqual(expect.arrayContaining(['any', '192x192', '512x512']));
	});
});
