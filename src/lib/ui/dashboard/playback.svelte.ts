import type { Period } from '$lib/core/periods/dates';
import { nextMonth, playbackStart, previousMonth } from '$lib/core/periods/playback';

/** Seconds each month stays on screen once drawn. */
export const PLAY_SPEEDS = [0.5, 1, 2] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

export interface PlaybackPage {
	/** The period in the URL. */
	period(): Period;
	/** The data's first and last dates. */
	span(): Period;
	/** Whether every panel shows `period` as the URL has it and the map has drawn it. */
	drawn(period: Period): boolean;
	/** Shows a period: `replace` replaces the history entry instead of adding one. */
	go(period: Period, replace: boolean): void;
}

const POLL_MS = 50;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

/**
 * Steps the dashboard's period month by month. Each month waits until the page has drawn it and then stays
 * `speed` seconds, so a slow computer shows every month rather than skipping some. The first month of a playback
 * adds one history entry and the next ones replace it: the browser's Back leaves the playback in one step.
 */
export class Playback {
	playing = $state(false);
	speed = $state<PlaySpeed>(1);
	readonly #page: PlaybackPage;
	/** Each playback's number: a loop whose number is no longer current stops. */
	#run = 0;

	constructor(page: PlaybackPage) {
		this.#page = page;
	}

	get canGoBack(): boolean {
		return previousMonth(this.#page.period(), this.#page.span()) !== null;
	}

	get canGoForward(): boolean {
		return nextMonth(this.#page.period(), this.#page.span()) !== null;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else void this.#play();
	}

	pause(): void {
		this.playing = false;
		this.#run += 1;
	}

	back(): void {
		this.pause();
		const month = previousMonth(this.#page.period(), this.#page.span());
		if (month) this.#page.go(month, false);
	}

	forward(): void {
		this.pause();
		const month = nextMonth(this.#page.period(), this.#page.span());
		if (month) this.#page.go(month, false);
	}

	async #play(): Promise<void> {
		const run = ++this.#run;
		this.playing = true;
		let shown = playbackStart(this.#page.period(), this.#page.span());
		let replace = false;
		if (!samePeriod(shown, this.#page.period())) {
			this.#page.go(shown, replace);
			replace = true;
		}
		const current = () => run === this.#run;
		while (current()) {
			while (current() && !this.#page.drawn(shown)) await wait(POLL_MS);
			if (current()) await wait(this.speed * 1000);
			// The user chose another period meanwhile: the playback gives way.
			if (!current() || !samePeriod(shown, this.#page.period())) break;
			const next = nextMonth(shown, this.#page.span());
			if (!next) break;
			this.#page.go(next, replace);
			replace = true;
			shown = next;
		}
		if (current()) this.pause();
	}
}
