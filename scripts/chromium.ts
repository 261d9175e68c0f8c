import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium unless `CHROMIUM_PATH` names another (no browser download works here: TOOLCHAIN.md). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium in the profile folder `profile`, with WebGL2 on SwiftShader for MapLibre and nothing that
 * calls home; used by the tests, the benchmarks and `npm run briefing` alike. `serviceWorkers: 'block'` keeps the
 * app's service worker (its offline copy) out.
 */
export function launchChromium(profile: string, { serviceWorkers = 'allow' as 'allow' | 'block' } = {}): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		serviceWorkers,
		viewport: { width: 1400, height: 1100 },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader'
		]
	});
}
