import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, as the tests print it. */
export interface Violation {
	rule: string;
	impact: string;
	help: string;
	/** The CSS selectors of the elements that break it, and why, as axe words it. */
	nodes: string[];
}

/**
 * Runs axe-core on the page as it is: its default rules (WCAG 2.x A and AA, best practices), or only `rules`.
 * The source goes in through the test driver's evaluation, not a `<script>` element: the page's
 * Content-Security-Policy rightly refuses an inline script, and nothing is fetched.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<Violation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const results = (await page.evaluate(
		(only) =>
			(window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(
				document,
				only ? { runOnly: { type: 'rule', values: only } } : {}
			),
		rules ?? null
	)) as AxeResults;
	return results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact ?? '',
		help: violation.help,
		nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
	}));
}

/** The serious and critical violations of axe-core's default rules. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
	return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
