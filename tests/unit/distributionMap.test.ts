import { describe, expect, test } from 'vitest';
import { discloseBriefing, type BriefingCounts } from '../../src/lib/core/briefing/suppression';
import type { GroupFigures } from '../../src/lib/core/queries/results';
import type { View } from '../../src/lib/core/queries/view';
import { formatter, messages } from '../../src/lib/i18n/format';
import { colourMap, WITHHELD_COLOUR } from '../../src/lib/ui/map/mapColours';

/** The distribution copy's map shows what its tables show: no colour, label or break tells a hidden count. */

const figures = (code: string, total: number, previousTotal: number): GroupFigures => ({
	group_code: code,
	name: code,
	population: 1000,
	total,
	previousTotal,
	resolved: 0
});
// One "<5" group (3) beside 7, 9 and 21: the 7 is withheld with it, and the change of every hidden group goes too.
const groups = [figures('TDP1', 21, 20), figures('TDP2', 9, 8), figures('TDP3', 7, 6), figures('TDP4', 3, 9), figures('TDP5', 0, 0)];
const counts: BriefingCounts = {
	total: 40,
	previousTotal: 43,
	lastYearTotal: 40,
	resolved: 0,
	groups: groups.map((group) => ({ key: group.group_code, count: group.total, previous: group.previousTotal, linked: true })),
	categories: [{ key: 'land', count: 40, linked: true }],
	handling: { open30: 0, open60: 0, open90: 0, escalated: 0 }
};
const view = (mode: View['mode']): View => ({
	from: '2020-01-01',
	to: '2020-03-31',
	categories: [],
	statuses: [],
	sources: [],
	groups: [],
	mode,
	fdr: false,
	lang: 'vi'
});
const text = messages('vi');
const format = formatter('vi');
const disclosed = discloseBriefing(counts, true).groups;

describe('the map of a distribution copy', () => {
	test('counts: "<5" has its class, the withheld count its own colour, both labelled by their mark', () => {
		const map = colourMap(view('count'), groups, null, text, format, disclosed);
		expect(disclosed.get('TDP3')?.count).toBe('x');
		expect(map.labels.get('TDP4')).toBe('<5');
		expect(map.labels.get('TDP3')).toBe('x');
		expect(map.colours.get('TDP3')).toBe(WITHHELD_COLOUR);
		expect(map.colours.get('TDP4')).not.toBe(WITHHELD_COLOUR);
		expect(map.legend.map((entry) => entry.label)).toContain('<5');
		expect(map.legend.at(-1)).toEqual({ colour: WITHHELD_COLOUR, label: text.legendWithheld });
	});

	test('rates and changes that would give a hidden count back are not drawn', () => {
		const rates = colourMap(view('rate'), groups, null, text, format, disclosed);
		expect(rates.colours.get('TDP4')).toBe(WITHHELD_COLOUR);
		expect(rates.labels.get('TDP4')).toBe('<5');
		expect(rates.labels.get('TDP1')).toBe(format.decimal(21));
		const changes = colourMap(view('change'), groups, null, text, format, disclosed);
		for (const code of ['TDP3', 'TDP4']) {
			expect(changes.colours.get(code)).toBe(WITHHELD_COLOUR);
			expect(changes.labels.get(code)).toBe('…');
		}
		expect(changes.labels.get('TDP1')).toBe(format.signed(1));
	});

	test('a leadership copy draws every count', () => {
		const map = colourMap(view('count'), groups, null, text, format);
		expect(map.labels.get('TDP4')).toBe('3');
		expect([...map.colours.values()]).not.toContain(WITHHELD_COLOUR);
	});
});
