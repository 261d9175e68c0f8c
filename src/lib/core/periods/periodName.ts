/**
 * Names of periods and the place-and-date line as Vietnamese administrative documents write them: "Quý III/2020",
 * "6 tháng đầu năm 2020", reporting periods of Decree 09/2019/NĐ-CP Art. 12 as "Báo cáo tháng 7/2020", and the
 * date line of Decree 30/2020/NĐ-CP (Appendix I: days below 10 and months 1 and 2 take a leading zero).
 */
import type { Language } from '../queries/view';
import { wholeMonths, type Period } from './dates';
import type { Convention } from './periods';
import { reportingMonthOf, wholeReportingMonths } from './reportingPeriods';

export type { Convention };

export interface PeriodName {
	/** Standalone, capitalised: "Quý III/2020", "Báo cáo tháng 7/2020", "Từ 05/03/2020 đến 20/04/2020". */
	title: string;
	/** "từ 01/07/2020 đến 31/07/2020". */
	range: string;
	/** Inside a sentence, after "Trong" / "so với" (vi) or "In" / "on" (en): "quý III/2020", "kỳ báo cáo tháng 7/2020". */
	phrase: string;
	/** The title with its range, written as the reports write it: "Báo cáo tháng 7/2020 (từ 15/6/2020 đến 14/7/2020)". */
	full: string;
	/** As the dashboard shows it: the title with its `dd/mm/yyyy` range, or the range alone if the period has no name. */
	shown: string;
}

type Kind = 'month' | 'quarter' | 'firstHalf' | 'secondHalf' | 'nineMonths' | 'year';
interface Named {
	kind: Kind;
	year: number;
	month: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = [
	'January', 'February', 'March', 'April', 'May', 'June',
	'July', 'August', 'September', 'October', 'November', 'December'
];

/** Dates are written `dd/mm/yyyy` throughout the app (SPEC §5), so reporting ranges are too. */
function dmy(iso: string): string {
	return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `d/m/yyyy`, without leading zeros, as a report's period is written in its title (issue 5). */
function dm(iso: string): string {
	return `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
}

function classify(year: number, month: number, months: number): Named | null {
	const kind: Kind | null =
		months === 1 ? 'month'
		: months === 3 && month % 3 === 1 ? 'quarter'
		: months === 6 && month === 1 ? 'firstHalf'
		: months === 6 && month === 7 ? 'secondHalf'
		: months === 9 && month === 1 ? 'nineMonths'
		: months === 12 && month === 1 ? 'year'
		: null;
	return kind && { kind, year, month };
}

function named(period: Period, convention: Convention): Named | null {
	if (convention === 'reporting') {
		const months = wholeReportingMonths(period);
		if (months === null) return null;
		const first = reportingMonthOf(period.from);
		return classify(first.year, first.month, months);
	}
	const months = wholeMonths(period.from, period.to);
	if (months === null) return null;
	return classify(Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7)), months);
}

function nameVi({ kind, year, month }: Named): string {
	switch (kind) {
		case 'month': return `tháng ${month}/${year}`;
		case 'quarter': return `quý ${ROMAN[(month - 1) / 3]}/${year}`;
		case 'firstHalf': return `6 tháng đầu năm ${year}`;
		case 'secondHalf': return `6 tháng cuối năm ${year}`;
		case 'nineMonths': return `9 tháng đầu năm ${year}`;
		case 'year': return `năm ${year}`;
	}
}

function nameEn({ kind, year, month }: Named): string {
	switch (kind) {
		case 'month': return `${EN_MONTHS[month - 1]} ${year}`;
		case 'quarter': return `Q${(month + 2) / 3} ${year}`;
		case 'firstHalf': return `the first half of ${year}`;
		case 'secondHalf': return `the second half of ${year}`;
		case 'nineMonths': return `the first nine months of ${year}`;
		case 'year': return `${year}`;
	}
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function periodName(period: Period, lang: Language, convention: Convention): PeriodName {
	const vi = lang === 'vi';
	const range = vi ? `từ ${dmy(period.from)} đến ${dmy(period.to)}` : `from ${dmy(period.from)} to ${dmy(period.to)}`;
	const found = named(period, convention);
	if (!found) {
		const title = capitalise(range);
		return { title, range, phrase: vi ? `giai đoạn ${range}` : `the period ${range}`, full: title, shown: title };
	}
	const name = vi ? nameVi(found) : nameEn(found);
	let title: string;
	let phrase: string;
	if (convention === 'reporting') {
		title = vi ? `Báo cáo ${name}` : `Report for ${name}`;
		phrase = vi ? `kỳ báo cáo ${name}` : `the reporting period for ${name}`;
	} else {
		title = !vi && found.kind === 'year' ? `Year ${name}` : capitalise(name.replace(/^the /, ''));
		phrase = name;
	}
	const shortRange = vi ? `từ ${dm(period.from)} đến ${dm(period.to)}` : `from ${dm(period.from)} to ${dm(period.to)}`;
	return { title, range, phrase, full: `${title} (${shortRange})`, shown: `${title} (${range})` };
}

/** "Vĩnh Tuy, ngày 05 tháng 8 năm 2020" (Decree 30/2020/NĐ-CP); "Vĩnh Tuy, 5 August 2020" in English. */
export function dateLine(place: string, iso: string, lang: Language = 'vi'): string {
	const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
	if (lang === 'en') return `${place}, ${day} ${EN_MONTHS[month - 1]} ${year}`;
	const dd = String(day).padStart(2, '0');
	const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
	return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}
