import { accessSync, constants, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { parseIsoDate, parseVietnameseDate } from '../src/lib/core/periods/dates';
import { isPeriodDate, LANGUAGES, viewToParams } from '../src/lib/core/queries/view';
import { CHROMIUM, launchChromium } from './chromium';
import { BadInput, checkSheet, parseOptions, runCommand } from './cli';
import { contentType, requestPath, siteFile } from './staticSite';

/**
 * The meeting briefing as a PDF, for a scheduled job: the built site is served on 127.0.0.1, the files are imported
 * through the real Data page in a throw-away Chromium profile, and the `/briefing` page is printed.
 */

const USAGE =
	'usage: npm run briefing -- --cases FILE --groups FILE --from DATE --to DATE --out FILE.pdf ' +
	'[--sheet NAME] [--lang vi|en] [--distribution] [--number TEXT] [--signer NAME]\n' +
	'  --sheet names the sheet of a cases workbook; by default the one whose first rows hold the header.\n' +
	'  DATE is dd/mm/yyyy or yyyy-mm-dd, both ends included; --distribution hides counts from 1 to 4.\n' +
	'  --number fills the number line ("Số: 12/BC-BCĐ"; without it, a blank to write by hand), --signer the\n' +
	'  name under the signature.\n' +
	'  Needs the built site (npx vite build) and Chromium (/usr/bin/chromium, or CHROMIUM_PATH).';


const BUILD = fileURLToPath(new URL('../build', import.meta.url));
/** Import and rendering run DuckDB-WASM and MapLibre on SwiftShader: slow, but well under this. */
const TIMEOUT = 120_000;

function readOptions(args: string[]) {
	const values = parseOptions(args, {
		cases: { type: 'string' },
		groups: { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' },
		out: { type: 'string' },
		sheet: { type: 'string' },
		lang: { type: 'string', default: 'vi' },
		distribution: { type: 'boolean', default: false },
		number: { type: 'string', default: '' },
		signer: { type: 'string', default: '' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) return null;
	for (const option of ['cases', 'groups', 'from', 'to', 'out'] as const) {
		if (!values[option]) throw new BadInput(`--${option} is required (see --help)`);
	}
	const from = date('--from', values.from!);
	const to = date('--to', values.to!);
	if (from > to) throw new BadInput(`--from ${values.from} is after --to ${values.to}`);
	const lang = LANGUAGES.find((language) => language === values.lang);
	if (!lang) throw new BadInput(`--lang: "${values.lang}" is not one of ${LANGUAGES.join(', ')}`);
	return {
		casesPath: readable('--cases', values.cases!),
		groupsPath: readable('--groups', values.groups!),
		from,
		to,
		out: writable(values.out!),
		lang,
		sheet: values.sheet,
		distribution: values.distribution,
		filing: { number: values.number!, signer: values.signer! }
	};
}

function date(option: string, text: string): string {
	const iso = parseIsoDate(text) ?? parseVietnameseDate(text);
	if (!iso) throw new BadInput(`${option}: "${text}" is not a calendar date written dd/mm/yyyy or yyyy-mm-dd`);
	if (!isPeriodDate(iso)) throw new BadInput(`${option}: "${text}" lies outside the years 1900–2100`);
	return iso;
}

/** `npm run` starts scripts in the package folder; relative paths mean the folder the user ran npm from. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

function readable(option: string, path: string): string {
	path = fromUser(path);
	try {
		accessSync(path, constants.R_OK);
		if (!statSync(path).isFile()) throw new Error('not a file');
	} catch (error) {
		throw new BadInput(`${option}: cannot read ${path} (${error instanceof Error ? error.message : error})`);
	}
	return path;
}

/** Checked before the browser starts, not after the page is rendered. */
function writable(path: string): string {
	path = fromUser(path);
	const folder = dirname(path);
	try {
		accessSync(folder, constants.W_OK);
	} catch {
		throw new BadInput(`--out: cannot write into ${folder}`);
	}
	return path;
}


/** The built site on 127.0.0.1 and a free port; paths without a file get the SPA fallback, as any static host. */
async function serve(root: string): Promise<{ server: Server; origin: string }> {
	const server = createServer((request, response) => {
		const path = requestPath(request.url);
		if (path === null) {
			response.writeHead(400).end();
			return;
		}
		const file = siteFile(root, path);
		response.writeHead(200, { 'Content-Type': contentType(file) });
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Debian's Chromium, headless, with WebGL2 on SwiftShader, in a fresh profile so no data is left between runs. */
async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'ward-briefing-'));
	const removeProfile = () => rmSync(profile, { recursive: true, force: true });
	// The profile holds the imported cases: remove it also when the run is interrupted (Playwright exits on signals).
	process.once('exit', removeProfile);
	try {
		// A profile for one run needs no offline copy of the app (40 MB), and the pages' requests must all reach
		// `context.route` below, which does not see those a service worker answers.
		const context = await launchChromium(profile, { serviceWorkers: 'block' });
		return {
			context,
			close: async () => {
				await context.close();
				removeProfile();
			}
		};
	} catch (error) {
		removeProfile();
		throw new Error(`cannot start Chromium at ${CHROMIUM} (CHROMIUM_PATH chooses another): ${error}`);
	}
}

/** What the page says in an element, one line per heading, paragraph or list item; its buttons left out. */
async function message(page: Page, selector: string): Promise<string> {
	const lines = await page
		.locator(selector)
		.first()
		.evaluate((element) => {
			const parts = [...element.querySelectorAll('h3, strong, p, li')].map((part) => part.textContent ?? '');
			return parts.length ? parts : [element.textContent ?? ''];
		});
	return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n  ');
}

/** Imports the two files on the Data page as a user would; refusals become a BadInput with the page's words. */
async function importFiles(page: Page, dataUrl: string, files: string[], sheet?: string): Promise<void> {
	await page.goto(dataUrl);
	await page.locator('[data-testid="datasets"][data-status="ready"]').waitFor();
	await page.getByTestId('import-input').setInputFiles(files);
	await page.locator('[data-testid="import-mapping"], [data-testid="import-error"]').first().waitFor();
	const chooser = page.getByTestId('import-sheet');
	if (sheet !== undefined && (await chooser.count()) && (await chooser.inputValue()) !== sheet) {
		await chooser.selectOption(sheet);
		await page.waitForFunction(
			(name) =>
				document.querySelector<HTMLSelectElement>('[data-testid="import-sheet"]')?.value === name &&
				document.querySelector('[data-testid="import-mapping"], [data-testid="import-error"]') !== null,
			sheet
		);
	}
	if (await page.getByTestId('import-error').count()) {
		throw new BadInput(`import refused:\n  ${await message(page, '[data-testid="import-error"]')}`);
	}
	if (await page.getByTestId('import-confirm').isDisabled()) {
		throw new BadInput(`import refused:\n  ${await message(page, '.error[role="alert"]')}`);
	}
	// The page would ask the user to map labels it does not know; a scheduled job cannot answer, so it stops.
	const unknownLabels = await page
		.locator('[data-testid="import-labels"] tr')
		.evaluateAll((rows) => rows.map((row) => (row.querySelector('th')?.textContent ?? '') + ': ' + (row.querySelector('td')?.textContent ?? '')));
	if (unknownLabels.length) {
		throw new BadInput(`import stopped: labels the app does not know (write them as known labels or codes):\n  ${unknownLabels.join('\n  ')}`);
	}
	await page.getByTestId('import-confirm').click();
	await page.locator('[data-testid="import-report"], [data-testid="import-error"]').first().waitFor();
	if (await page.getByTestId('import-error').count()) {
		throw new BadInput(`import refused:\n  ${await message(page, '[data-testid="import-error"]')}`);
	}
	for (const testid of ['import-report-groups', 'import-report']) {
		const report = page.getByTestId(testid);
		if (!(await report.count())) continue;
		const [file, read, accepted, rejected] = await Promise.all(
			['data-file', 'data-read', 'data-accepted', 'data-rejected'].map((name) => report.getAttribute(name))
		);
		process.stderr.write(`${file}: ${read} read, ${accepted} accepted, ${rejected} rejected\n`);
		const skipped = report.getByTestId('import-skipped');
		if (await skipped.count()) {
			const [title, footer] = await Promise.all(['data-title', 'data-footer'].map((name) => skipped.getAttribute(name)));
			process.stderr.write(`${file}: skipped ${title} title line(s) and ${footer} footer line(s), not rows read\n`);
		}
		const firstRejected = report.locator('tr[data-line]').first();
		if (await firstRejected.count()) {
			const cells = await firstRejected.locator('td').allTextContents();
			process.stderr.write(`warning: ${file}: first rejected: line ${cells.join(', ')}\n`);
		}
	}
}

/**
 * Waits for what the briefing draws last: the map, the ranking, the sentences and the served fonts. The number and
 * the signer are typed into the briefing's settings as a user would.
 */
async function printBriefing(page: Page, url: string, filing: { number: string; signer: string }): Promise<Buffer> {
	await page.goto(url);
	await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
	await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
	await page.getByTestId('briefing-sentences').waitFor();
	if (filing.number || filing.signer) {
		await page.getByTestId('settings-edit').click();
		await page.getByTestId('number-setting').fill(filing.number);
		await page.getByTestId('signer-setting').fill(filing.signer);
		await page.getByTestId('settings-save').click();
	}
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
}

async function main(args: string[]): Promise<void> {
	const options = readOptions(args);
	if (!options) {
		process.stdout.write(USAGE + '\n');
		return;
	}
	if (!existsSync(join(BUILD, 'index.html'))) {
		throw new Error(`${BUILD} has no built site: run \`npx vite build\` (or \`npm run build\`) first`);
	}
	await checkSheet({ name: basename(options.casesPath), bytes: new Uint8Array(readFileSync(options.casesPath)) }, options.sheet);
	const started = Date.now();
	const { server, origin } = await serve(BUILD);
	const browser = await openBrowser().catch((error: unknown) => {
		server.close();
		throw error;
	});
	const blocked: string[] = [];
	try {
		// Nothing may leave the machine (SPEC §6): anything not for our server is stopped and reported.
		await browser.context.route(
			(url) => url.origin !== origin,
			(route) => {
				blocked.push(route.request().url());
				return route.abort('blockedbyclient');
			}
		);
		browser.context.setDefaultTimeout(TIMEOUT);
		const page = await browser.context.newPage();
		// The Data page speaks the briefing's language, so its refusals do too.
		const language = options.lang === 'en' ? '?lang=en' : '';
		await importFiles(page, `${origin}/data${language}`, [options.casesPath, options.groupsPath], options.sheet);
		const params = viewToParams({
			from: options.from,
			to: options.to,
			categories: [],
			statuses: [],
			sources: [],
			groups: [],
			mode: 'count',
			fdr: false,
			lang: options.lang
		});
		if (options.distribution) params.set('dist', '1');
		const pdf = await printBriefing(page, `${origin}/briefing?${params}`, options.filing);
		writeFileSync(options.out, pdf);
		process.stderr.write(`wrote ${options.out} (${pdf.length} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	} finally {
		await browser.close();
		server.closeAllConnections();
		server.close();
	}
	if (blocked.length) {
		throw new Error(`the page tried to reach other hosts (blocked):\n  ${[...new Set(blocked)].join('\n  ')}`);
	}
}

runCommand('briefing', main);
