import { formatLocale, type FormatLocaleObject } from 'd3-format';
import type { Language } from '../core/queries/view';
import { en } from './en';
import { vi, type Messages } from './vi';

const catalogues: Record<Language, Messages> = { vi, en };

export function messages(lang: Language): Messages {
	return catalogues[lang];
}

const locales: Record<Language, FormatLocaleObject> = {
	vi: formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'], minus: '−' }),
	en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['', ' ₫'], minus: '−' })
};

/** Formats numbers and dates as the language writes them: `1.234,5` and `30/07/2020` in Vietnamese. */
export function formatter(lang: Language) {
	const locale = locales[lang];
	const integer = locale.format(',d');
	const oneDecimal = locale.format(',.1f');
	const signedInteger = locale.format('+,d');
	return {
		integer: (value: number) => integer(value),
		decimal: (value: number) => oneDecimal(value),
		signed: (value: number) => (value === 0 ? '0' : signedInteger(value)),
		percent: (value: number) => `${oneDecimal(value * 100)} %`,
		signedPercent: (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${oneDecimal(Math.abs(value) * 100)} %`,
		/** `30/07/2020` in both languages (the users' convention). */
		date: (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
		month: (yearMonth: string) => `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`
	};
}

export type Formatter = ReturnType<typeof formatter>;
