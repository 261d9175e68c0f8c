import type { CaseMapping, ValueMaps } from '$lib/core/import/canonical';
import { EMPTY_VALUE_MAPS } from '$lib/core/import/canonical';
import { wardRules, type DatasetInput } from '$lib/core/import/dataset';
import type { GroupsFile } from '$lib/core/import/groupsFile';
import { rejectedCsv, type RejectedCsvWords } from '$lib/core/import/rejectedCsv';
import { missingFields, unfillableFields } from '$lib/core/import/pipeline';
import { ImportError, type ImportReport, type RefusalHint } from '$lib/core/import/report';
import { SaveRefused } from '$lib/core/db/snapshot';
import type { CasesPreview, ImportProgress, UnknownLabels } from '$lib/core/import/session';
import { mappingKey, normaliseLabel, type CaseField } from '$lib/core/schema/dictionary';
import type { WardData } from '../app/wardData.svelte';
import { ImportWorkerClient } from './importClient';
import { timed } from '../measure';

export type ImportMode = 'append' | 'replace';

/** Why an import was refused as a whole, for the page to say in words. */
export interface Refusal {
	code: ImportError['code'] | SaveRefused['code'] | 'needs_groups' | 'no_cases_file' | 'too_many_files' | 'failed';
	detail: string;
	/** What to tell the user when the code alone does not say it (then `detail` is not shown: it is English). */
	hint?: RefusalHint;
	/** The files chosen, named in the message. */
	files: string;
}

const REMEMBERED = 'ward-hotspots:mappings';

/**
 * The Data page's import, step by step: files chosen → read and looked at → the user confirms the column
 * mapping, maps unknown labels, drops personal-data columns → imported all or nothing → a report.
 * Nothing touches the database before the user confirms. The file itself is read and mapped in a worker
 * (`importWorker.ts`), so a big file never freezes the page; the page keeps only what it shows.
 */
export class ImportFlow {
	step = $state<'idle' | 'reading' | 'mapping' | 'importing' | 'done' | 'refused'>('idle');
	preview = $state.raw<CasesPreview | null>(null);
	/** The groups file chosen with the cases, read and checked; null to keep the ward's groups. */
	groupsFile = $state.raw<GroupsFile | null>(null);
	mapping = $state<CaseMapping | null>(null);
	maps = $state<ValueMaps>(structuredClone(EMPTY_VALUE_MAPS));
	/** Labels of the coded columns that neither the dictionary nor `maps` know, for the current mapping. */
	unknown = $state.raw<UnknownLabels | null>(null);
	mode = $state<ImportMode>('append');
	/** Rows read or mapped so far, while the worker reads or maps; null while the database checks the rows. */
	progress = $state.raw<ImportProgress | null>(null);
	refusal = $state.raw<Refusal | null>(null);
	reports = $state.raw<ImportReport[]>([]);
	#chosenNames = '';
	readonly #ward: WardData;
	readonly #worker = new ImportWorkerClient();
	/** Bumped by every new choice of files: answers to an older one are ignored. */
	#generation = 0;
	#labelsRequest = 0;

	constructor(ward: WardData) {
		this.#ward = ward;
		// Loaded while the user picks a file.
		this.#worker.fresh();
	}

	get missing(): string[] {
		return this.mapping ? missingFields(this.mapping) : [];
	}

	/** Missing required fields that no column of the file is left to give: the import cannot go on. */
	get unfillable(): string[] {
		return this.mapping && this.preview ? unfillableFields(this.mapping, this.preview.samples) : [];
	}

	/** The workbook's sheets when it has several (the user picks the one with the cases); else empty. */
	get sheets(): string[] {
		const sheets = this.preview?.sheets ?? [];
		return sheets.length > 1 ? sheets : [];
	}

	/** Hands the chosen files to the worker, which reads them and tells the cases from the groups. */
	async choose(files: File[]): Promise<void> {
		this.reset();
		// A fresh worker per choice: whatever the previous one was still reading is dropped with it.
		this.#worker.fresh();
		const generation = ++this.#generation;
		this.step = 'reading';
		this.#chosenNames = files.map((file) => file.name).join(', ');
		try {
			const onProgress = (progress: ImportProgress) => {
				if (generation === this.#generation) this.progress = progress;
			};
			const [opened] = await Promise.all([
				timed('import:open', () => this.#worker.call('open', { files }, onProgress)),
				this.#ward.whenLoaded()
			]);
			if (generation !== this.#generation) return;
			if (opened.kind === 'refused') return this.#refuse(opened.code, opened.detail);
			if (!opened.groupsFile && this.#ward.synthetic) return this.#refuse('needs_groups', this.#chosenNames);
			this.groupsFile = opened.groupsFile;
			this.mode = this.groupsFile || this.#ward.synthetic ? 'replace' : 'append';
			this.#show(opened.cases);
		} catch (error) {
			if (generation === this.#generation) this.#fail(error);
		}
	}

	/** The user picked another sheet of the workbook: read it and propose its mapping afresh. */
	async chooseSheet(sheet: string): Promise<void> {
		if (!this.preview || sheet === this.preview.sheet) return;
		const generation = this.#generation;
		this.step = 'reading';
		try {
			const preview = await this.#worker.call('sheet', { sheet }, (progress) => (this.progress = progress));
			if (generation === this.#generation) this.#show(preview);
		} catch (error) {
			if (generation === this.#generation) this.#fail(error);
		}
	}

	/** The user picked another line as the header (the guess was wrong): read the table again from it. */
	async chooseHeader(line: number): Promise<void> {
		if (!this.preview || line === this.preview.headerLine) return;
		const generation = this.#generation;
		this.step = 'reading';
		try {
			const preview = await this.#worker.call('header', { line }, (progress) => (this.progress = progress));
			if (generation === this.#generation) this.#show(preview);
		} catch (error) {
			if (generation === this.#generation) this.#fail(error);
		}
	}

	#show(preview: CasesPreview): void {
		this.preview = preview;
		this.mapping = rememberedMapping(preview.headers) ?? { ...preview.mapping };
		this.maps = structuredClone(EMPTY_VALUE_MAPS);
		this.progress = null;
		this.step = 'mapping';
		void this.#findUnknownLabels();
	}

	/** The user drops the columns that look like personal data; their values never reach the database. */
	async dropPersonalData(): Promise<void> {
		if (!this.preview) return;
		const generation = this.#generation;
		try {
			const preview = await this.#worker.call('dropPersonalData', {});
			if (generation !== this.#generation) return;
			this.preview = preview;
			this.mapping = rememberedMapping(preview.headers) ?? { ...preview.mapping };
			void this.#findUnknownLabels();
		} catch (error) {
			if (generation === this.#generation) this.#fail(error);
		}
	}

	/** The user chose the column of a field (null: none). */
	setColumn(field: CaseField, column: number | null): void {
		if (!this.mapping) return;
		this.mapping[field] = column;
		void this.#findUnknownLabels();
	}

	mapLabel(field: keyof ValueMaps, label: string, code: string): void {
		const key = normaliseLabel(label);
		const next = { ...this.maps[field] } as Record<string, string>;
		if (code) next[key] = code;
		else delete next[key];
		this.maps = { ...this.maps, [field]: next };
		void this.#findUnknownLabels();
	}

	/** Asks the worker which labels are unknown under the current mapping; only the latest answer counts. */
	async #findUnknownLabels(): Promise<void> {
		if (!this.mapping) return;
		const request = ++this.#labelsRequest;
		const mapping = $state.snapshot(this.mapping);
		const maps = $state.snapshot(this.maps) as ValueMaps;
		try {
			const unknown = await this.#worker.call('unknownLabels', { mapping, maps });
			if (request === this.#labelsRequest) this.unknown = unknown;
		} catch {
			// A worker stopped by a new choice of files: that choice asks again.
		}
	}

	/** The user confirmed the mapping: import all or nothing, remember the mapping for files like this one. */
	async confirm(): Promise<void> {
		const preview = this.preview;
		const mapping = this.mapping;
		if (!preview || !mapping) return;
		const generation = this.#generation;
		this.step = 'importing';
		await timed('import:confirm', () => this.#import(preview, mapping, generation));
	}

	async #import(preview: CasesPreview, mapping: CaseMapping, generation: number): Promise<void> {
		try {
			// A replaced ward is saved whole: the worker writes its copy of the accepted rows to the saved data while
			// the database takes the page's.
			const stage = this.mode === 'replace' ? await this.#ward.nextStage() : null;
			const request = {
				mapping: $state.snapshot(mapping),
				maps: $state.snapshot(this.maps) as ValueMaps,
				rules: wardRules(this.groupsFile?.groups ?? this.#ward.groups),
				keep: stage !== null
			};
			const mapped = await timed('import:mapping', () =>
				this.#worker.call('casesInput', request, (progress) => (this.progress = progress))
			);
			const written = { bytes: mapped.rows.byteLength, rows: mapped.read - mapped.rejections.length };
			const staged = stage
				? this.#worker.call('stage', { file: stage.file }).then((done) => (done ? { ...stage, written } : null), () => null)
				: Promise.resolve(null);
			this.progress = null;
			const cases = { ...mapped, rows: new Uint8Array(mapped.rows) };
			remember(preview.headers, $state.snapshot(mapping));
			if (this.mode === 'append') {
				this.reports = [await this.#ward.append(cases)];
			} else {
				const input: DatasetInput = {
					groups: this.groupsFile?.groups ?? this.#ward.groups,
					groupsReport: this.groupsFile?.report ?? keptGroupsReport(this.#ward.groups.length),
					cases,
					synthetic: this.groupsFile ? this.groupsFile.synthetic : this.#ward.syntheticFile !== null
				};
				this.reports = await this.#ward.replace(input, staged);
			}
			if (generation === this.#generation) this.step = 'done';
		} catch (error) {
			if (generation === this.#generation) this.#fail(error);
		}
	}

	/**
	 * The rejected rows as CSV to correct and import again: a cases file's with their original values (kept by the
	 * worker); a groups file's by line and reason only (the worker holds the cases table, not the groups file).
	 */
	rejectedCsv(report: ImportReport, words: RejectedCsvWords): Promise<string> {
		if (report !== this.reports.at(-1)) return Promise.resolve(rejectedCsv(report.rejections, words));
		return this.#worker.call('rejectedCsv', { rejections: report.rejections, words });
	}

	reset(): void {
		if (this.preview) void this.#worker.call('release', {}).catch(() => {});
		this.step = 'idle';
		this.preview = null;
		this.groupsFile = null;
		this.mapping = null;
		this.maps = structuredClone(EMPTY_VALUE_MAPS);
		this.unknown = null;
		this.progress = null;
		this.refusal = null;
		this.reports = [];
	}

	/** The page is gone: so is its worker. */
	dispose(): void {
		this.#generation += 1;
		this.#worker.terminate();
	}

	#refuse(code: Refusal['code'], detail: string, hint?: RefusalHint): void {
		this.refusal = { code, detail, hint, files: this.#chosenNames };
		this.progress = null;
		this.step = 'refused';
	}

	#fail(error: unknown): void {
		if (error instanceof ImportError) this.#refuse(error.code, error.detail, error.hint);
		else if (error instanceof SaveRefused) this.#refuse(error.code, error.message);
		else this.#refuse('failed', error instanceof Error ? error.message : String(error));
	}
}

function keptGroupsReport(count: number): ImportReport {
	return { file: 'groups', read: count, accepted: count, rejected: 0, updated: 0, rejections: [] };
}

function rememberedMapping(headers: string[]): CaseMapping | null {
	try {
		const saved = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}') as Record<string, CaseMapping>;
		return saved[`cases:${mappingKey(headers)}`] ?? null;
	} catch {
		return null;
	}
}

function remember(headers: string[], mapping: CaseMapping): void {
	try {
		const saved = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}') as Record<string, CaseMapping>;
		saved[`cases:${mappingKey(headers)}`] = mapping;
		localStorage.setItem(REMEMBERED, JSON.stringify(saved));
	} catch {
		// Remembering is a convenience; a full or disabled storage must not stop the import.
	}
}
