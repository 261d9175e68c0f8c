import type { Messages } from './vi';

export const en: Messages = {
	appName: 'Ward Hotspots',
	appSubtitle: 'Community conflicts by residential group',
	nav: { dashboard: 'Dashboard', data: 'Data', briefing: 'Briefing' },
	navLabel: 'Pages',
	language: 'Language',
	syntheticBanner: 'Synthetic data (not real figures) — a made-up ward on the footprint of Vĩnh Tuy.',
	syntheticFile: (file: string) => `Synthetic data (not real figures): the file ${file} says it is made-up data.`,
	loading: 'Loading data…',
	loadFailed: (detail) => `The data could not be loaded: ${detail}`,
	dataUntil: (date) => `data up to ${date}`,
	period: 'Period',
	presets: {
		this_month: 'This month',
		last_month: 'Last month',
		this_quarter: 'This quarter',
		last_quarter: 'Last quarter',
		first_6_months: 'First half of the year',
		first_9_months: 'First nine months of the year',
		this_year: 'Whole year',
		last_year: 'Last year',
		last_12_months: 'Last 12 months'
	},
	reportingPresets: {
		this_month: 'This reporting month',
		last_month: 'Last reporting month',
		this_quarter: 'This reporting quarter',
		last_quarter: 'Last reporting quarter',
		first_6_months: 'Reporting first half of the year',
		first_9_months: 'Reporting first nine months of the year',
		this_year: 'Whole reporting year',
		last_year: 'Last reporting year',
		last_12_months: 'Last 12 reporting months'
	},
	conventions: {
		calendar: 'Calendar months and quarters (from the 1st)',
		reporting: 'Reporting periods (15th of the previous month to the 14th)'
	},
	customPeriod: 'Custom',
	playback: {
		title: 'Month by month',
		play: 'Play',
		pause: 'Pause',
		back: 'Previous month',
		forward: 'Next month',
		speed: 'Speed',
		perMonth: (seconds: string) => `${seconds} s per month`,
		month: (month: string) => month
	},
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
	statuses: 'Status',
	allStatuses: 'Every status',
	status: {
		received: 'Received',
		mediating: 'Mediating',
		resolved: 'Resolved at grassroots',
		transferred: 'Transferred',
		escalated: 'Escalated',
		unresolved: 'Unresolved'
	},
	sources: 'Source',
	allSources: 'Every source',
	sourceNote: 'Once a source is chosen, cases with no source recorded are not counted.',
	withoutUnrecordedSource: 'cases with no source recorded left out',
	source: {
		resident: 'Resident',
		patrol: 'Patrol',
		mediation_team: 'Mediation team',
		group_head: 'Group head',
		hotline: 'Hotline',
		other: 'Other'
	},
	selectedGroups: 'Showing group',
	clearGroups: 'Clear group',
	wards: {
		level: 'Show by',
		levels: { group: 'Residential group', ward: 'Ward' },
		menu: 'Wards',
		all: 'All wards',
		clear: 'Whole district',
		rankingTitle: 'Wards ranked',
		rankingColumn: 'Ward',
		mapTitle: 'Wards',
		mapKeys: 'Wards on the map: arrow keys move between wards, Enter opens a ward’s groups'
	},
	clearFilters: 'Clear filters',
	mapTitle: 'Residential groups',
	mapGroups: 'Groups on the map: arrow keys move between groups, Enter opens one',
	mode: {
		count: 'Case count',
		rate: 'Rate per 1,000 residents',
		change: 'Change vs previous period',
		gistar: 'Statistical hot spots (Gi*)',
		lisa: 'High and low clusters (Local Moran)',
		emerging: 'Hot spots over time'
	},
	modeExplanation: {
		gistar: 'Red: the group and those around it have far more cases than the ward as a whole, unlikely by chance; blue: far fewer; grey: no clear difference.',
		lisa: 'Red: a busy group among busy groups; dark blue: a quiet group among quiet ones; light colours: a group unlike those around it.',
		emerging: 'The colours say whether a hot (red) or cold (blue) spot is new, lasting, growing or fading from one period to the next.'
	},
	savePng: 'Save the map (PNG)',
	legendCases: 'Cases in the period',
	legendRate: 'Cases per 1,000 residents',
	ebRate: (raw, eb) => `${raw} per 1,000 (smoothed: ${eb})`,
	ebNote: 'Hover a group for its empirical-Bayes smoothed rate: small groups’ rates swing easily and are pulled towards the ward’s overall rate.',
	legendChange: 'Change in cases vs previous period',
	legendWithheld: 'Hidden in a distribution copy (“<5”, “x”)',
	noPopulation: 'population unknown',
	hoverCases: (count) => `${count} cases`,
	kpi: {
		total: 'Cases',
		change: 'Vs previous period',
		previous: (count, from, to) => `previous period (${from} – ${to}): ${count}`,
		noPrevious: 'no cases in the previous period',
		resolved: 'Resolved at grassroots',
		resolvedOf: (resolved, total) => `${resolved} of ${total}`,
		lastYear: 'Same period last year',
		lastYearDates: (from, to) => `from ${from} to ${to}`,
		noData: 'No data',
		dataFrom: (date) => `the data starts on ${date}`
	},
	compare: {
		label: 'Compare with',
		choice: {
			none: 'No comparison',
			last_year: 'Same period last year',
			previous: 'Previous period',
			custom: 'Another range…'
		},
		total: 'Compared period',
		dates: (from, to) => `from ${from} to ${to}`,
		mapTitle: (from, to) => `${from} – ${to}`,
		countsOnly: 'When two periods are compared the maps show case counts: the statistical tests are each period\'s own.',
		sameScale: 'Both maps share one colour scale.',
		column: 'Compared',
		change: 'Change from the compared period'
	},
	caseExport: {
		csv: 'Download the cases (CSV)',
		xlsx: 'Download the cases (Excel)',
		short: 'Download the cases:',
		busy: 'Preparing the file…',
		refused: 'Distribution copies do not include the list of cases.',
		sheet: 'Cases',
		columns: {
			id: 'Case',
			reported: 'Reported',
			groupCode: 'Group code',
			group: 'Residential group',
			category: 'Category',
			status: 'Status',
			resolved: 'Resolved',
			severity: 'Severity',
			source: 'Source',
			repeat: 'Repeat'
		},
		yes: 'Yes',
		no: 'No'
	},
	trend: {
		title: { week: 'Cases by week', month: 'Cases by month', quarter: 'Cases by quarter' },
		stepControl: 'By',
		steps: { week: 'Week', month: 'Month', quarter: 'Quarter' },
		units: { week: 'week', month: 'month', quarter: 'quarter' },
		week: (week, year) => `Week ${week} ${year}`,
		month: (month) => month,
		quarter: (quarter, year) => `Q${quarter} ${year}`,
		previous: (from, to, unit) =>
			`Dashed: the previous period (${from} – ${to}), its first ${unit} drawn over this period's first ${unit}, and so on.`,
		noPrevious: (unit) =>
			`The previous period is not drawn: it lies outside the data, or both periods fall in the same ${unit}.`,
		previousPoint: (label, count) => `Previous period, ${label}: ${count} cases`,
		partial: (label, from, to) => `${label} has data only from ${from} to ${to} (lighter bar): fewer cases there is not a drop.`,
		table: 'Table of the figures',
		columns: { bucket: 'Time', count: 'Cases', previous: 'Previous period', partial: 'part only' }
	},
	trendHint: 'Drag across the chart to choose a period.',
	trendChart: (from, to) => `Bar chart: cases each month by category, ${from} to ${to}`,
	casesAxis: 'Cases',
	rankingTitle: 'Residential groups ranked',
	rankingColumns: { rank: '#', group: 'Group', count: 'Cases', change: 'Change', resolved: 'Resolved', class: 'Class' },
	rankingSparkline: {
		column: 'By month',
		label: (first, last, peakMonth, peak, lastCount) =>
			`Cases by month from ${first} to ${last}: highest month ${peakMonth} with ${peak}, last month ${lastCount}.`,
		none: (first, last) => `No case from ${first} to ${last}.`,
		partial: (months) => ` Part of the month only (lighter): ${months}.`
	},
	noCases: 'No case matches the filters.',
	corrections: 'Some parameters in the address were not valid and were corrected:',
	correction: (c) => {
		switch (c.problem) {
			case 'invalid_date':
				return `“${c.param}=${c.value}” is not a real date; the default period is shown.`;
			case 'date_format':
				return `“${c.param}=${c.value}” was read as day/month/year.`;
			case 'date_out_of_range':
				return `“${c.param}=${c.value}” lies outside 1900–2100; the data's ${(c.end ?? c.param) === 'from' ? 'first' : 'last'} date is used.`;
			case 'reversed_period':
				return c.param === 'compare'
					? "The compared period's start date was after its end date; they were swapped."
					: 'The start date was after the end date; they were swapped.';
			case 'compare_format':
				return `Could not read “compare=${c.value}” (write year-month-day..year-month-day, e.g. 2019-07-01..2019-09-30); no comparison is shown.`;
			case 'unknown_code':
				return `Ignored the unknown code “${c.param}=${c.value}”.`;
			case 'unknown_language':
				return `No language “${c.value}”; using Vietnamese.`;
			case 'distribution_value':
				return `“dist=${c.value}” is unclear; to be safe this is the distribution copy (small counts hidden). For the full copy, leave “dist” out or use “dist=0”.`;
		}
	},
	statistics: {
		fdr: 'Correct for multiple testing (FDR)',
		legendGi: 'Hot and cold spots (Getis-Ord Gi*)',
		legendGiFdr: 'Hot and cold spots (Gi*, FDR corrected)',
		inference: 'Significance by',
		inferenceOption: {
			permutation: 'Permutation (as GeoDa)',
			normal: 'Normal curve (as ArcGIS)'
		},
		inferenceNote: {
			permutation:
				'Significance from 999 random permutations (as GeoDa): right even when counts are small and skewed, so cold spots can be found too.',
			normal:
				'Significance from the normal curve (as ArcGIS), for comparison: when counts are small and skewed it often cannot show cold spots.'
		},
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
		legendEmerging: { month: 'Emerging hot spots by month', quarter: 'Emerging hot spots by quarter' },
		step: 'Time step',
		stepUnit: { month: 'months', quarter: 'quarters' },
		stepAuto: (unit) => `Automatic (${unit})`,
		stepAutoNote: (unit, median) => `By ${unit}, chosen from the data: the median group has ${median} cases per step.`,
		spaceTimeNote: (unit) =>
			`Each step's Gi* also counts the step before it, weighed against all ${unit} (ArcGIS's space-time neighbourhood): one step alone holds too few cases.`,
		sparseSteps: (unit, median) =>
			`Few cases: the median group has only ${median} per step (${unit}), below 2. Most changes cannot be told from chance; a real hot cluster may still show as “no pattern detected”.`,
		hotSteps: (hot, cold, total, unit) => `hot in ${hot}, cold in ${cold} of ${total} ${unit}`,
		trendUp: 'z rising (Mann–Kendall, p < 0.05)',
		trendDown: 'z falling (Mann–Kendall, p < 0.05)',
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
			none: 'No pattern detected'
		},
		constantField: 'Every group has the same value in this period: no hot spot can be determined.',
		shortSeries: (steps, unit) => `Only ${steps} ${unit} of data: the trend is not reliable (10 or more needed).`,
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
	alerts: {
		title: 'Early warning',
		lead: (month, months, level) =>
			`${level === 'ward' ? 'Wards' : 'Groups'} unusually high for themselves in ${month} (the period's last whole month), against the ${months} months before.`,
		tally: (flagged, total, level) => `${flagged} of ${total} ${level === 'ward' ? 'wards' : 'groups'} flagged.`,
		shortBaseline: (months) => `Only ${months} months of data come before this month (not 12): the usual level is their mean.`,
		row: (name, count, month, usual) => `${name}: ${count} cases in ${month}, ${usual}`,
		usualAbout: (mean) => `usually about ${mean} a month`,
		usualNone: (months) => `none in the ${months} months before`,
		none: (month, level) => `No ${level === 'ward' ? 'ward' : 'group'} is unusually high in ${month}.`,
		noMonth: 'The period holds no whole month with data, so there is no early warning.',
		shortHistory: (month, months) =>
			`Only ${months} ${months === 1 ? 'month' : 'months'} of data before ${month} (at least 3 are needed): no early warning yet.`,
		help: (count, level) => {
			const unit = level === 'ward' ? 'ward' : 'group';
			return `A ${unit} is flagged when it has three cases or more in the month and that many would be unlikely by chance (probability under 1 %) if it had stayed at its own monthly mean (a Poisson baseline, of the family of the CDC's EARS and Farrington et al., 1996). Computed for ${level === 'ward' ? 'the wards shown' : 'the whole ward'}, for the chosen categories and statuses. Limits: the usual level ignores a steady trend and the seasons; across ${count} ${unit}s, 1 % per ${unit} per month still gives a false alarm now and then.`;
		}
	},
	breakdownTitle: 'By category',
	breakdownHint: 'Click a category to filter by it.',
	seasonality: {
		title: 'Seasonality',
		hint: (from, to) => `The whole data from ${from} to ${to}, with the current filters except the period.`,
		byMonth: 'By month of the year',
		byWeekday: 'By day of the week',
		month: 'Month',
		weekday: 'Day',
		count: 'Cases',
		perYear: (years) => `Average per year (over ${years} ${years === '1' ? 'year' : 'years'})`,
		months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
		weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
	},
	detail: {
		title: (name) => `Detail: ${name}`,
		population: (count) => `${count} residents`,
		giSeries: (unit) => `Gi* z-score by step (${unit}; above 1.645: hot spot at 90 %)`,
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
	importing: {
		title: 'Import the ward’s data',
		hint: 'Choose a cases file (CSV, Excel .xlsx, Parquet or JSON lines) and, the first time, the residential groups: a GeoJSON of boundaries or centre points, or a CSV/Excel table of group codes (with longitude and latitude if known). The data stays on this machine.',
		choose: 'Choose files',
		dropHere: 'Drop the files here, or',
		reading: 'Reading the files…',
		importing: 'Importing and checking every row…',
		progressRead: (rows, total) => (total === null ? `read ${rows} rows` : `read ${rows} / ${total} rows`),
		progressMapped: (rows, total) => (total === null ? `processed ${rows} rows` : `processed ${rows} / ${total} rows`),
		groupsLayout: {
			voronoi: 'The groups file has centre points only: the map will estimate the groups’ boundaries from them.',
			tiles: 'The groups file does not place every group: the map will lay the groups out on a grid, not where they really are.'
		},
		sheet: 'Sheet with the cases:',
		sheetHint: 'The workbook has several sheets. If the cases are on another sheet, choose it.',
		headerLine: 'Header row:',
		headerLineOption: (line, text) => `Line ${line}: ${text}`,
		headerLineHint: 'If the column names are wrong, choose the line that holds them.',
		skippedTitle: (count, lines) => `Skipped ${count} title lines above the table (lines ${lines}).`,
		skippedFooter: (count, lines) => `Skipped ${count} footer lines below the table (totals, signatures…) (lines ${lines}).`,
		skippedNotRead: 'They are not cases, so they are not counted in the rows read.',
		mappingTitle: 'Column mapping',
		mappingHint: 'Check which column of the file each field comes from; correct it if needed. * is required.',
		noColumn: '— none —',
		sample: 'Example',
		fieldNames: {
			case_id: 'Case id',
			reported_on: 'Date reported',
			group_code: 'Residential group',
			category: 'Category',
			status: 'Status',
			resolved_on: 'Date resolved',
			severity: 'Severity',
			source: 'Source',
			repeat: 'Repeat',
			lat: 'Latitude',
			lon: 'Longitude',
			ward_code: 'Ward'
		},
		groupFieldNames: { name: 'Group name', population: 'Residents', households: 'Households' },
		missing: (fields) => `No column chosen for: ${fields}.`,
		unfillable: (fields) =>
			`The file has no column for: ${fields}. Every case needs it (id, date reported, residential group, category, status) and none of the file's other columns can give it, so this file cannot be imported. Export the file again with that column, or choose another header row if the column names were misread.`,
		labelsTitle: 'Unrecognised labels',
		labelsHint: 'These values are not in the lists. Choose the matching code; left empty, those rows are rejected and listed in the report.',
		labelRows: (count) => `${count} rows`,
		leaveOut: '— reject these rows —',
		modeTitle: 'How to import',
		modeAppend: 'Append: add new cases, update cases whose id exists',
		modeReplace: 'Replace all current data',
		replacesDemo: 'The synthetic demo data will be replaced by the ward’s data.',
		confirm: 'Confirm and import',
		cancel: 'Cancel',
		personalTitle: 'Columns that look like personal data — import stopped',
		personalColumn: (header, kind, matches, of) => `Column “${header}”: ${kind} (${matches} of ${of} values).`,
		personalByHeader: (header, kind) => `Column “${header}”: its name says ${kind}.`,
		personalKinds: { name: 'personal names', phone: 'phone numbers', citizen_id: 'citizen ID numbers', address: 'house addresses' },
		personalHint: 'The analysis tables must not hold personal data. You can drop these columns (their values are not kept) and go on.',
		dropAndContinue: 'Drop these columns and continue',
		refused: 'The file could not be imported',
		refusals: {
			missing_column: (detail) => `A required column is missing (${detail}).`,
			empty_file: (detail) => `The file is empty: ${detail}.`,
			no_valid_rows: (detail) =>
				`No row of ${detail} is valid. Importing it would replace the data in use with a ward without a single case, so it was not imported. Check the date, residential group, category and status columns and import it again.`,
			invalid_geojson: (detail) => `The groups file is not valid GeoJSON: ${detail}.`,
			no_groups: (detail) => `The groups file has no usable residential group: ${detail}.`,
			unreadable: (detail) => `The file could not be read: ${detail}`,
			binary_file: (detail) => `The file is not a text table: ${detail}`,
			unsupported_encoding: (detail) => `The file’s encoding was not recognised. Save it as “CSV UTF-8” or .xlsx. (${detail})`,
			unsupported_format: (detail) => `This file format is not supported: ${detail}`,
			personal_data: (detail) => `The file still has personal-data columns: ${detail}.`,
			needs_groups: (detail) => `The first import needs the residential groups (GeoJSON, or a CSV/Excel table of group codes) with ${detail}.`,
			no_cases_file: (detail) => `No cases file among the chosen files: ${detail}.`,
			too_many_files: (detail) => `Import one cases file and at most one groups file at a time: ${detail}.`,
			storage_full: () =>
				'The browser’s storage on this machine is full, so the new data could not be saved. Nothing changed: the previous data is kept, also after a reload. Free some disk space, then import again.',
			stale: () =>
				'The data was changed in another tab of the browser, so this file was not imported, not to overwrite that change. This tab has just loaded the latest data; check it, then import the file again if needed.',
			failed: (detail) => `The import failed; the previous data is kept. (${detail})`
		},
		refusalHints: {
			old_excel: (files) =>
				`${files}: this is an older Excel workbook (.xls) or a password-protected one. Open it in Excel, remove any password, choose "Save As" → "Excel Workbook (.xlsx)", then import the new file.`,
			geojson_as_cases: (files) =>
				`${files}: a GeoJSON file holds the residential groups' boundaries, not the cases. Choose the cases file (CSV or Excel) as well.`,
			unknown_format: (files) =>
				`${files}: the kind of file is not recognised. Import the cases as .csv, .tsv, .txt, .xlsx, .parquet or .jsonl, and the groups' boundaries as .geojson.`,
			utf32: (files) => `${files}: the file is saved as UTF-32. Open it in Excel and save it as "CSV UTF-8" or .xlsx.`,
			unknown_encoding: (files) =>
				`${files}: the text encoding is not recognised (perhaps TCVN3 or VNI). Open it in Excel and save it as "CSV UTF-8" or .xlsx.`,
			invalid_text: (files) => `${files}: the file is damaged and cannot be read as text. Export it again as "CSV UTF-8" or .xlsx.`,
			not_text: (files) => `${files}: the file is not a text table. If it is a spreadsheet, import the .xlsx itself, or save it as "CSV UTF-8".`,
			unclosed_quote_header: (files) =>
				`${files}: the header line opens a quote (") that is never closed, so the file cannot be split into columns. Close or remove that quote, then import the file again.`,
			bad_xlsx: (files) => `${files}: this Excel file cannot be opened. Open it in Excel, save it again as .xlsx and import it again.`,
			no_sheet: (files) => `${files}: the chosen sheet is no longer there. Choose the file again.`,
			bad_parquet: (files) => `${files}: this Parquet file cannot be read. Export it again, or use CSV or .xlsx.`
		},
		unchanged: 'The data in use has not changed.',
		tryAgain: 'Choose other files',
		reportTitle: 'Import report',
		reportLine: (read, accepted, rejected, updated) =>
			`Read ${read} rows: ${accepted} accepted, ${rejected} rejected, ${updated} updated.`,
		unclosedQuoteAhead: (line, lines) =>
			`A quote (") opened on line ${line} is never closed before the end of the file: if imported, ${lines === '1' ? `line ${line}` : `the ${lines} lines from line ${line} on`} will be rejected. Better close or remove that quote, then choose the file again.`,
		unclosedQuote: (line, lines) =>
			`A quote (") opened on line ${line} is never closed before the end of the file, so ${lines === '1' ? `line ${line} cannot be split into columns and is` : `the ${lines} lines from line ${line} on cannot be split into columns and are all`} rejected. Close or remove the quote on line ${line}, then import ${lines === '1' ? 'that line' : 'those lines'} again.`,
		excelSerialDates: (count) =>
			`Dates written as Excel day numbers and read as dates: ${count} (a date column saved as “General” gives 43891 for 1 March 2020).`,
		rejectedTitle: 'Rejected rows',
		columns: { line: 'Line', reason: 'Reason', code: 'Reason code', field: 'Column' },
		reasons: {
			missing_value: 'a required value is missing',
			invalid_date: 'not a valid date',
			future_date: 'date in the future',
			resolved_before_reported: 'resolved before it was reported',
			unknown_group: 'residential group not in the list',
			ward_mismatch: 'ward is not the residential group’s ward',
			unknown_category: 'category not in the list',
			unknown_status: 'status not in the list',
			unknown_source: 'source not in the list',
			invalid_number: 'not a valid number',
			invalid_value: 'not a valid value',
			outside_ward: 'coordinates outside the ward',
			wrong_column_count: 'the row does not have the header’s columns',
			unreadable_row: 'the row could not be read',
			unclosed_quote: 'a quote (") opened on this line is never closed',
			in_unclosed_quote: 'inside the quote left open on a line above',
			duplicate_id: 'case id repeated in the file'
		},
		moreRejected: (count) => `… and ${count} more (see the download).`,
		downloadRejected: 'Download the rejected rows (CSV)',
		toDashboard: 'See it on the dashboard'
	},
	mapLayout: {
		voronoi: 'Approximate map: group boundaries estimated from their centre points.',
		tiles: 'Schematic map: groups laid out on a grid, not where they really are.'
	},
	datasets: {
		title: 'Data in use',
		demo: 'The synthetic demo ward is in use. Import the ward’s own data to replace it.',
		period: (from, to) => `Cases from ${from} to ${to}`,
		groups: (count) => `${count} residential groups`,
		imported: (date) => `imported ${date}`,
		rows: (count) => `${count} rows`,
		kinds: { cases: 'cases', groups: 'groups' },
		persistent: 'The data is saved on this machine and stays after the browser is closed.',
		notPersistent: 'The browser has not promised to keep the data; it is saved but may be removed if the disk runs short.',
		clear: 'Clear the ward’s data',
		clearConfirm: 'Delete all imported data on this machine? The dashboard goes back to the demo ward.'
	},
	appUpdate: {
		message: 'A new version of the app is ready.',
		reload: 'Reload'
	},
	changedElsewhere: {
		message: 'The ward’s data was just changed in another tab of the browser; this tab still shows the old data.',
		reload: 'Load the new data'
	},
	engineStopped: {
		title: 'The page’s data engine stopped unexpectedly',
		message:
			'The page cannot show or import data until it is reloaded. The data saved on this machine is not affected: reload the page to go on.',
		reload: 'Reload the page'
	},
	damaged: {
		title: 'The data saved on this machine could not be read',
		reasons: {
			manifest: (file) => `The index of the saved data (${file}) is damaged.`,
			missing: (file) => `The file ${file} of the saved data is missing.`,
			unreadable: (file) => `The file ${file} of the saved data is damaged or cut short.`,
			empty: (file) => `The file ${file} of the saved data is empty.`
		},
		lost: 'These imported files can no longer be used:',
		lostUnknown: 'Which files were imported can no longer be told.',
		file: (name, rows, date) => `${name} (${rows} rows, imported ${date})`,
		nothingShown: 'The dashboard and the briefing show no figures until the damaged data is cleared. Once cleared, the app uses the demo ward again; import the ward’s files again.',
		clear: 'Clear the damaged data',
		clearConfirm: 'Delete the damaged saved data on this machine? The app goes back to the demo ward.'
	},
	briefing: {
		back: '← Back to the dashboard',
		print: 'Print / save as PDF',
		distribution: 'For distribution (hide counts under 5)',
		editHeader: 'Edit the agency details',
		settings: {
			agency: 'Agency (upper line)',
			committee: 'Committee (lower line)',
			place: 'Place',
			number: 'Document number (empty: written by hand later)',
			signatory: 'Signatory’s title',
			signer: 'Signer’s full name',
			recipients: 'Recipients',
			convention: 'Default periods',
			save: 'Save'
		},
		nation: 'SOCIALIST REPUBLIC OF VIETNAM',
		numberLabel: 'No.',
		motto: 'Independence - Freedom - Happiness',
		title: 'REPORT',
		suppressionOn:
			'Distribution copy: counts from 1 to 4 are shown as “<5”; “x” is a count of 5 or more hidden as well, so that no hidden count can be worked out from the totals and the other figures (when every row of a table is “x”, the whole table is hidden, zeros included). Changes and shares that would give a hidden count back are left out (“…”), and so is the monthly trend.',
		previousPeriod: (from, to) => `Previous period (${from} – ${to})`,
		sameLastYear: (from, to) => `Same period last year (${from} – ${to})`,
		comparedPeriod: (from, to) => `Compared period (${from} – ${to})`,
		compareWithheld: 'distribution copies leave the compared period out',
		noData: 'no data',
		area: (wards) => `Area: ${wards}.`,
		wholeDistrict: (count, wards) => `all ${count} wards (${wards})`,
		filters: (parts) => `Filters: ${parts}. Every figure in this report counts these cases only.`,
		sections: {
			figures: 'I. Key figures',
			facts: 'II. Main facts',
			map: 'III. Map of residential groups',
			top: 'IV. Groups with the most cases',
			mapWards: 'III. Map of wards',
			topWards: 'IV. Wards with the most cases',
			trend: { week: 'V. Cases by week', month: 'V. Cases by month', quarter: 'V. Cases by quarter' },
			categories: 'VI. By category',
			notes: 'VII. Notes'
		},
		trendWithheld: {
			week: 'Distribution copies leave out the weekly chart: a category’s count in one week is often under 5.',
			month: 'Distribution copies leave out the monthly chart: a category’s count in one month is often under 5.',
			quarter: 'Distribution copies leave out the quarterly chart: a category’s count in one quarter is often under 5.'
		},
		exportCsv: 'Download the ranking (CSV)',
		exportXlsx: 'Download the tables (Excel)',
		notesPlaceholder: 'Notes for the meeting (kept with this view on this machine).',
		signature: { onBehalf: 'FOR THE STEERING COMMITTEE', title: 'HEAD' },
		recipients: 'Recipients:'
	},
	dismiss: 'Close',
	comingSoon: 'This screen is being built.'
};
