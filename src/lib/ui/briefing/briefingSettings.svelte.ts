import { CONVENTIONS, type Convention } from '$lib/core/periods/periods';

/** What the briefing's header says about the ward: typed once by the user, kept on this machine. */
export interface BriefingSettings {
	/** "ỦY BAN NHÂN DÂN PHƯỜNG VĨNH TUY" */
	agency: string;
	/** "BAN CHỈ ĐẠO 138" */
	committee: string;
	/** The place of the place-and-date line: "Vĩnh Tuy" */
	place: string;
	/** "Nơi nhận" lines. */
	recipients: string;
	/** The signatory's title; empty: the catalogue's ("TRƯỞNG BAN", "HEAD"). */
	signatory: string;
	/** The signer's full name under the signature; empty leaves the line to be written by hand. */
	signer: string;
	/** The report's number on its number line ("Số: 12/BC-BCĐ"); empty leaves a blank (`numberLine`). */
	number: string;
	/** The ward's default periods: the filter bar offers its presets first, and a range that is neither is named in it. */
	convention: Convention;
}

const KEY = 'ward-hotspots:briefing-settings';

const DEFAULTS: BriefingSettings = {
	agency: 'ỦY BAN NHÂN DÂN PHƯỜNG VĨNH TUY',
	committee: 'BAN CHỈ ĐẠO 138',
	place: 'Vĩnh Tuy',
	recipients: '- Thường trực Đảng ủy phường;\n- Thành viên Ban chỉ đạo;\n- Lưu: VT.',
	signatory: '',
	signer: '',
	number: '',
	convention: 'calendar'
};

export class BriefingSettingsStore {
	value = $state<BriefingSettings>(loadBriefingSettings());
	notes = $state('');
	readonly #notesKey: string;

	/** Notes are kept per view (the same URL shows the same notes). */
	constructor(viewKey: string) {
		this.#notesKey = `ward-hotspots:briefing-notes:${viewKey}`;
		this.notes = read(this.#notesKey) ?? '';
	}

	save(): void {
		write(KEY, JSON.stringify($state.snapshot(this.value)));
	}

	saveNotes(): void {
		write(this.#notesKey, this.notes);
	}
}

/** The settings as saved on this machine (the dashboard reads the ward's convention from them). */
export function loadBriefingSettings(): BriefingSettings {
	try {
		const stored = { ...DEFAULTS, ...(JSON.parse(read(KEY) ?? '{}') as Partial<BriefingSettings>) };
		return CONVENTIONS.includes(stored.convention) ? stored : { ...stored, convention: DEFAULTS.convention };
	} catch {
		return { ...DEFAULTS };
	}
}

function read(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

function write(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Keeping the settings is a convenience; the page works without storage.
	}
}
