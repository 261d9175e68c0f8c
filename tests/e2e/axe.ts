import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation of impact serious or critical, as the test prints it. */
export interface Violation {
	rule: string;
	impact: string;
	help: string;
	/** The CSS selectors of the elements that break it, and why, as axe words it. */
	nodes: string[];
}

/**
 * Runs axe-core (its default rules, WCAG 2.x A and AA and best practices) on the page as it is and returns the
 * serious and critical violations. The source goes in through the test driver's evaluation, not a `<script>`
 * element: the page's Content-Security-Policy would rightly refuse an inline script, and no request leaves the test.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const results = (await page.evaluate(() =>
		(window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document)
	)) as AxeResults;
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => ({
			rule: violation.id,
			impact: violation.impact!,
			help: violation.help,
			nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
		}));
}
