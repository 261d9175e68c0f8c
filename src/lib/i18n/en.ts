import type { Messages } from './vi';

export const en: Messages = {
	appName: 'Ward Hotspots',
	appSubtitle: 'Community conflicts by residential group',
	nav: { dashboard: 'Dashboard', data: 'Data', briefing: 'Briefing' },
	language: 'Language',
	syntheticBanner: 'Synthetic data (not real figures) — a made-up ward on the footprint of Vĩnh Tuy.',
	loading: 'Loading data…',
	loadFailed: (detail) => `The data could not be loaded: ${detail}`,
	dataUntil: (date) => `data up to ${date}`,
	period: 'Period',
	presets: {
		this_month: 'This month',
		last_month: 'Last month',
		this_quarter: 'This quarter',
		last_quarter: 'Last quarter',
		last_6_months: '6 months',
		last_9_months: '9 months',
		this_year: 'This year',
		last_12_months: 'Last 12 months'
	},
	customPeriod: 'Custom',
	from: 'From',
	to: 'To',
	apply: 'Apply',
	datePlaceholder: 'dd/mm/yyyy',
	invalidTypedDate: 'Not a valid date; type it as dd/mm/yyyy.',
	categories: 'Category',
	allCategories: 'All categories',
	category: {
		land: 'Land, boundaries, shared passageways',
		family: 'Marriage and family',
		neighbour: 'Neighbours and daily life',
		civil: 'Civil: loans, contracts, inheritance',
		construction: 'Construction and urban order',
		environment: 'Environment and noise',
		spontaneous: 'Spontaneous clashes',
		other: 'Other'
	},
	status: {
		received: 'Received',
		mediating: 'Mediating',
		resolved: 'Resolved at grassroots',
		transferred: 'Transferred',
		escalated: 'Escalated',
		unresolved: 'Unresolved'
	},
	selectedGroups: 'Showing group',
	clearGroups: 'Clear group',
	clearFilters: 'Clear filters',
	mapTitle: 'Residential groups',
	mode: {
		count: 'Case count',
		rate: 'Rate per 1,000 residents',
		change: 'Change vs previous period',
		gistar: 'Hot spots (Gi*)',
		lisa: 'Clusters (Local Moran)',
		emerging: 'Emerging hot spots'
	},
	legendCases: 'Cases in the period',
	legendRate: 'Cases per 1,000 residents',
	legendChange: 'Change in cases vs previous period',
	noPopulation: 'population unknown',
	hoverCases: (count) => `${count} cases`,
	kpi: {
		total: 'Cases',
		change: 'Vs previous period',
		previous: (count, from, to) => `previous period (${from} – ${to}): ${count}`,
		noPrevious: 'no cases in the previous period',
		resolved: 'Resolved at grassroots',
		resolvedOf: (resolved, total) => `${resolved} of ${total}`
	},
	trendTitle: 'Cases by month',
	trendHint: 'Drag across the chart to choose a period.',
	casesAxis: 'Cases',
	rankingTitle: 'Residential groups ranked',
	rankingColumns: { rank: '#', group: 'Group', count: 'Cases', change: 'Change', resolved: 'Resolved', class: 'Class' },
	noCases: 'No case matches the filters.',
	corrections: 'Some parameters in the address were not valid and were corrected:',
	correction: (c) => {
		switch (c.problem) {
			case 'invalid_date':
				return `“${c.param}=${c.value}” is not a real date; the default period is shown.`;
			case 'date_format':
				return `“${c.param}=${c.value}” was read as day/month/year.`;
			case 'reversed_period':
				return 'The start date was after the end date; they were swapped.';
			case 'unknown_code':
				return `Ignored the unknown code “${c.param}=${c.value}”.`;
			case 'unknown_language':
				return `No language “${c.value}”; using Vietnamese.`;
		}
	},
	dataPage: {
		title: 'Data in use',
		demoNote: 'This is a demo ward with synthetic data, loaded automatically on first start.',
		file: 'File',
		read: 'Rows read',
		accepted: 'Accepted',
		rejected: 'Rejected',
		updated: 'Updated',
		importSoon: 'Importing the ward’s own files (CSV, Excel…) comes in a later version.'
	},
	statistics: {
		fdr: 'Correct for multiple testing (FDR)',
		legendGi: 'Hot and cold spots (Getis-Ord Gi*)',
		legendGiFdr: 'Hot and cold spots (Gi*, FDR corrected)',
		giBin: {
			'3': 'Hot spot, 99 % confidence',
			'2': 'Hot spot, 95 % confidence',
			'1': 'Hot spot, 90 % confidence',
			'0': 'Not significant',
			'-1': 'Cold spot, 90 % confidence',
			'-2': 'Cold spot, 95 % confidence',
			'-3': 'Cold spot, 99 % confidence'
		},
		legendLisa: 'Local Moran clusters (p < 0.05)',
		lisa: {
			HH: 'High cluster (High–High)',
			LL: 'Low cluster (Low–Low)',
			HL: 'High among low',
			LH: 'Low among high',
			ns: 'Not significant'
		},
		legendEmerging: 'Emerging hot spots by month',
		emerging: {
			new_hot: 'New hot spot',
			consecutive_hot: 'Consecutive hot spot',
			intensifying_hot: 'Intensifying hot spot',
			persistent_hot: 'Persistent hot spot',
			diminishing_hot: 'Diminishing hot spot',
			sporadic_hot: 'Sporadic hot spot',
			oscillating_hot: 'Oscillating hot spot',
			historical_hot: 'Historical hot spot',
			new_cold: 'New cold spot',
			consecutive_cold: 'Consecutive cold spot',
			intensifying_cold: 'Intensifying cold spot',
			persistent_cold: 'Persistent cold spot',
			diminishing_cold: 'Diminishing cold spot',
			sporadic_cold: 'Sporadic cold spot',
			oscillating_cold: 'Oscillating cold spot',
			historical_cold: 'Historical cold spot',
			none: 'No clear pattern'
		},
		constantField: 'Every group has the same value in this period: no hot spot can be determined.',
		shortSeries: (months) => `Only ${months} months of data: the trend is not reliable (10 or more needed).`,
		emergingNote: 'Computed over every month of the data, for the chosen categories and statuses.',
		zScore: (z) => `z = ${z}`
	},
	handling: {
		title: 'Handling',
		medianDays: 'Days to resolution (median)',
		days: (days) => `${days} days`,
		noResolved: 'no case resolved yet',
		withoutDate: (count) => `${count} resolved without a date, left out`,
		openLonger: 'Open too long',
		openBreakdown: (d30, d60, d90) => `over 30 days: ${d30} · over 60: ${d60} · over 90: ${d90}`,
		asOf: (date) => `as of ${date}`,
		escalated: 'Escalated',
		repeat: 'Repeat cases'
	},
	breakdownTitle: 'By category',
	breakdownHint: 'Click a category to filter by it.',
	detail: {
		title: (name) => `Detail: ${name}`,
		population: (count) => `${count} residents`,
		giSeries: 'Gi* z-score by month (above 1.645: hot spot at 90 %)',
		cases: 'Cases (anonymised)',
		columns: {
			id: 'Case',
			reported: 'Reported',
			category: 'Category',
			status: 'Status',
			resolved: 'Resolved',
			severity: 'Severity'
		},
		previousPage: 'Previous',
		nextPage: 'Next',
		page: (page, pages) => `Page ${page} of ${pages}`,
		close: 'Close detail'
	},
	dismiss: 'Close',
	comingSoon: 'This screen is being built.'
};
