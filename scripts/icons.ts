import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { runCommand } from './cli';

/**
 * `npm run icons`: the app's PNG icons (`static/icon-192.png`, `static/icon-512.png`, named in
 * `static/manifest.webmanifest`) drawn by Chromium from `static/icon.svg`, the one drawing of the icon.
 */
async function main(): Promise<void> {
	const svg = readFileSync('static/icon.svg');
	const profile = mkdtempSync(join(tmpdir(), 'ward-icons-'));
	const context = await launchChromium(profile);
	try {
		const page = await context.newPage();
		for (const size of [192, 512]) {
			await page.setViewportSize({ width: size, height: size });
			await page.setContent(
				`<body style="margin:0"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg.toString('base64')}"></body>`
			);
			await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
			const file = `static/icon-${size}.png`;
			writeFileSync(file, await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size } }));
			process.stderr.write(`wrote ${file}\n`);
		}
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

runCommand('icons', main);
