import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BASE_URL, waitForMap } from './browser';
import { axeViolations, seriousViolations } from './axe';
import { chooseFiles, importReport } from './importing';
import { pagePerFile } from './perFile';

/*
 * Issue 16, part 3: every screen in both languages passes axe-core without a serious or critical violation, has
 * one h1 and the header, nav and main landmarks, shows where the keyboard focus is, and the map's groups can be
 * reached and opened from the keyboard. One browser profile throughout; the data page's import, which replaces
 * the demo ward, comes last.
 */

const tab = pagePerFile();

const MODES = ['count', 'rate', 'change', 'gistar', 'lisa', 'emerging'] as const;

/** Fails with the violations printed, so a failing run says what to fix and where. */
async function expectNoSeriousViolations(screen: string) {
	const violations = await seriousViolations(tab.page);
	expect(violations, `${screen}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Opens a dashboard or briefing address and waits until its map has drawn. */
async function openDrawn(path: string) {
	await tab.page.goto(`${BASE_URL}/${path}`);
	await waitForMap(tab.page);
}

async function openDataPage(query = '') {
	await tab.page.goto(`${BASE_URL}/data${query}`);
	await tab.page.locator('[data-testid="datasets"][data-status="ready"]').waitFor({ timeout: 60_000 });
}

/** The element that has the keyboard focus, as the tests look at it. */
function focusedElement() {
	return tab.page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return null;
		// A radio drawn as its label (the trend's steps) shows its ring on the label, which is what the user sees.
		const drawn = element instanceof HTMLInputElement && element.closest('label') && getComputedStyle(element).opacity === '0'
			? (element.closest('label') as HTMLElement)
			: element;
		const style = getComputedStyle(drawn);
		const transparent = style.outlineColor === 'rgba(0, 0, 0, 0)' || style.outlineColor === 'transparent';
		return {
			description: `${element.tagName.toLowerCase()}${element.dataset.testid ? `[data-testid=${element.dataset.testid}]` : ''} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}”`,
			testid: element.dataset.testid ?? null,
			group: element.dataset.group ?? null,
			// At least 2 px: Chromium's own ring (`auto 1px`), where a control has not lost it, is too faint to count.
			ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !transparent,
			shown: drawn.checkVisibility({ opacityProperty: true, visibilityProperty: true })
		};
	});
}

/** Chooses a map mode on the dashboard and waits until the map has drawn it with its own legend. */
async function chooseMode(mode: (typeof MODES)[number]) {
	const before = await tab.page.getByTestId('map-legend').textContent();
	await tab.page.getByTestId('map-mode').selectOption(mode);
	await tab.page.waitForFunction(
		(previous) =>
			document.querySelector('[data-testid="map-legend"]')?.textContent !== previous &&
			document.querySelector('[data-testid="map"][data-ready="true"]') !== null,
		before,
		{ timeout: 30_000 }
	);
}

describe('axe-core finds no serious or critical violation', () => {
	for (const lang of ['vi', 'en'] as const) {
		test(`the dashboard in each map mode, with a group's detail, and with a compared period (${lang})`, async () => {
			await openDrawn(`?lang=${lang}`);
			for (const mode of MODES) {
				if (mode !== 'count') await chooseMode(mode);
				await expectNoSeriousViolations(`dashboard ${mode} ${lang}`);
			}
			await tab.page.locator('[data-testid="ranking"] tr[data-group="TDP01"] button').click();
			await tab.page.getByTestId('gi-series').locator('svg').first().waitFor();
			await expectNoSeriousViolations(`dashboard detail ${lang}`);
			await openDrawn(`?from=2020-07-01&to=2020-09-30&compare=2019-07-01..2019-09-30&lang=${lang}`);
			await expectNoSeriousViolations(`dashboard compare ${lang}`);
		}, 240_000);

		test(`the briefing, full and distribution copy (${lang})`, async () => {
			await openDrawn(`briefing?lang=${lang}`);
			await expectNoSeriousViolations(`briefing ${lang}`);
			await openDrawn(`briefing?dist=1&lang=${lang}`);
			await expectNoSeriousViolations(`briefing dist ${lang}`);
		}, 120_000);
	}
});

describe('one h1 and the landmarks on every page', () => {
	for (const [name, open] of [
		['dashboard', () => openDrawn('')],
		['data page', () => openDataPage()],
		['briefing', () => openDrawn('briefing')],
		[
			"dashboard with a group's detail",
			async () => {
				await openDrawn('?group=TDP01');
				await tab.page.getByTestId('group-detail').waitFor();
			}
		]
	] as const) {
		test(`the ${name} has one h1, and a header with the navigation, and a main`, async () => {
			await open();
			expect(await tab.page.getByRole('heading', { level: 1 }).count()).toBe(1);
			expect(await tab.page.getByRole('banner').count()).toBe(1);
			expect(await tab.page.getByRole('banner').getByRole('navigation').count()).toBe(1);
			expect(await tab.page.getByRole('main').count()).toBe(1);
			expect(await tab.page.getByRole('main').getByRole('heading', { level: 1 }).count()).toBe(1);
			// axe's rules on headings and landmarks, whatever their impact: nothing is outside a landmark, no two
			// landmarks of one kind share a name.
			const rules = ['page-has-heading-one', 'landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-unique', 'region'];
			expect(await axeViolations(tab.page, rules)).toEqual([]);
		});
	}
});

describe('the keyboard', () => {
	test('tabbing through the whole dashboard, every focused control shows a focus ring', async () => {
		await openDrawn('?mode=gistar&group=TDP01');
		await tab.page.getByTestId('case-list').locator('tbody tr').first().waitFor();
		const visited: string[] = [];
		const withoutRing: string[] = [];
		for (let step = 0; step < 500; step++) {
			await tab.page.keyboard.press('Tab');
			const focused = await focusedElement();
			// Back at the start: the page itself, or an element already visited (Tab wrapped around).
			if (!focused || (await tab.page.evaluate(() => document.activeElement!.hasAttribute('data-tabbed')))) break;
			await tab.page.evaluate(() => document.activeElement!.setAttribute('data-tabbed', ''));
			visited.push(focused.description);
			if (!focused.ring || !focused.shown) withoutRing.push(focused.description);
		}
		expect(withoutRing).toEqual([]);
		// It went through the filters, the map's groups, the 48 rows of the ranking and the group's detail.
		expect(visited.length).toBeGreaterThan(60);
		for (const part of ['map-group', 'export-png', 'group-export-cases']) expect(visited.join('\n')).toContain(part);
		expect(visited.filter((description) => description.startsWith('button “Tổ dân phố')).length).toBeGreaterThanOrEqual(48);
	});

	test('a keyboard user opens a group from the map: Tab to the groups, arrows to a neighbour, Enter', async () => {
		await openDrawn('?mode=count');
		let focused = await focusedElement();
		for (let step = 0; step < 100 && focused?.testid !== 'map-group'; step++) {
			await tab.page.keyboard.press('Tab');
			focused = await focusedElement();
		}
		expect(focused?.testid).toBe('map-group');
		const map = tab.page.getByTestId('map');
		const label = (code: string) => map.locator(`[data-testid="map-group"][data-group="${code}"]`);
		const centre = async (code: string) => {
			const box = (await label(code).boundingBox())!;
			return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		};
		const first = focused!.group!;
		// Focus shows the group's name and value, as the pointer does.
		const firstName = (await label(first).getAttribute('aria-label'))!.split(':')[0];
		expect(await map.getByRole('status').textContent()).toContain(firstName);

		await tab.page.keyboard.press('ArrowRight');
		const right = (await focusedElement())!.group!;
		expect(right).not.toBe(first);
		expect((await centre(right)).x).toBeGreaterThan((await centre(first)).x);

		await tab.page.keyboard.press('ArrowDown');
		const below = (await focusedElement())!.group!;
		expect((await centre(below)).y).toBeGreaterThan((await centre(right)).y);

		// Enter opens the group's detail as a click does: the group in the address, the detail, the ranking row.
		await tab.page.keyboard.press('Enter');
		await tab.page.locator(`[data-testid="group-detail"][data-group="${below}"]`).waitFor();
		expect(new URL(tab.page.url()).searchParams.get('group')).toBe(below);
		expect(await tab.page.locator(`[data-testid="ranking"] tr[data-group="${below}"]`).getAttribute('class')).toContain('selected');
		expect(await label(below).getAttribute('aria-pressed')).toBe('true');
		expect((await focusedElement())!.group).toBe(below);

		// Enter again closes it, as a second click does; the groups are one Tab stop, so Tab leaves them.
		await tab.page.keyboard.press('Enter');
		await tab.page.getByTestId('group-detail').waitFor({ state: 'detached' });
		expect(new URL(tab.page.url()).searchParams.get('group')).toBeNull();
		await tab.page.keyboard.press('Tab');
		expect((await focusedElement())!.testid).not.toBe('map-group');
		// Shift+Tab comes back to the group last focused; Home goes to the first.
		await tab.page.keyboard.press('Shift+Tab');
		expect((await focusedElement())!.group).toBe(below);
		await tab.page.keyboard.press('Home');
		expect((await focusedElement())!.group).toBe(first);
	});
});

describe('the data page passes axe-core at every step', () => {
	const groups = readFileSync('data/demo/groups.geojson');
	// Cases of the demo groups: one with an impossible date, so the report lists a rejected row, and one with a
	// category label the page asks the user to map.
	const cases = (id: string) =>
		Buffer.from(
			`Mã vụ việc,Ngày tiếp nhận,Tổ dân phố,Loại mâu thuẫn,Tình trạng\n${id}-1,03/07/2020,TDP05,Khác,Mới tiếp nhận\n` +
				`${id}-2,30/02/2020,TDP06,Khác,Mới tiếp nhận\n${id}-3,04/07/2020,TDP07,Tranh chấp lối đi,Mới tiếp nhận\n`
		);

	for (const lang of ['vi', 'en'] as const) {
		test(`before an import, a refused file, the mapping step and the report (${lang})`, async () => {
			const query = `?lang=${lang}`;
			await openDataPage(query);
			await expectNoSeriousViolations(`data ${lang}`);
			const garbage = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256));
			await chooseFiles(tab.page, [{ name: 'rac.csv', mimeType: 'text/csv', buffer: garbage }]);
			await tab.page.getByTestId('import-error').waitFor();
			await expectNoSeriousViolations(`data refusal ${lang}`);

			await openDataPage(query);
			const file = `a11y-${lang}.csv`;
			// The first import of real data replaces the demo ward, so it brings the groups; the next one appends.
			await chooseFiles(tab.page, [
				{ name: file, mimeType: 'text/csv', buffer: cases(lang) },
				...(lang === 'vi' ? [{ name: 'to-dan-pho.geojson', mimeType: 'application/geo+json', buffer: groups }] : [])
			]);
			await tab.page.getByTestId('import-labels').waitFor();
			await expectNoSeriousViolations(`data mapping ${lang}`);
			await tab.page.getByTestId('import-labels').getByRole('combobox').selectOption('land');
			await tab.page.getByTestId('import-confirm').click();
			expect(await importReport(tab.page, file)).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
			await expectNoSeriousViolations(`data report ${lang}`);
		}, 120_000);
	}

	test('no page logged an error', () => {
		expect(tab.errors).toEqual([]);
	});
});
