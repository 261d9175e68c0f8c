import type { Language } from '$lib/core/queries/view';

/** The language of a URL (`lang=en`), Vietnamese otherwise. */
export function languageOf(url: URL): Language {
	return url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
}

/** The same URL in another language, every other parameter kept. */
export function withLanguage(url: URL, lang: Language): string {
	const params = new URLSearchParams(url.searchParams);
	if (lang === 'vi') params.delete('lang');
	else params.set('lang', lang);
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}`;
}
