import { toCsv } from '$lib/core/briefing/csv';
import type { CaseMapping, ValueMaps } from '$lib/core/import/canonical';
import { EMPTY_VALUE_MAPS, unknownLabels } from '$lib/core/import/canonical';
import type { DatasetInput } from '$lib/core/import/dataset';
import { groupsFromTable, readGroupsFile, isGroupsTable, type GroupsFile } from '$lib/core/import/groupsFile';
import { casesInput, dropColumns, missingFields, prepareCases, type PreparedCases } from '$lib/core/import/pipeline';
import { readTable, sniffFormat } from '$lib/core/import/readTable';
import { ImportError, type ImportReport } from '$lib/core/import/report';
import { mappingKey, normaliseLabel } from '$lib/core/schema/dictionary';
import type { WardData } from '../dashboard/wardData.svelte';

export type ImportMode = 'append' | 'replace';

/** Why an import was refused as a whole, for the page to say in words. */
export interface Refusal {
	code: ImportError['code'] | 'needs_groups' | 'no_cases_file' | 'too_many_files' | 'failed';
	detail: string;
}

const REMEMBERED = 'ward-hotspots:mappings';

/**
 * The Data page's import, step by step: files chosen → read and looked at → the user confirms the column
 * mapping, maps unknown labels, drops personal-data columns → imported all or nothing → a report.
 * Nothing touches the database before the user confirms.
 */
export class ImportFlow {
	step = $state<'idle' | 'reading' | 'mapping' | 'importing' | 'done' | 'refused'>('idle');
	prepared = $state.raw<PreparedCases | null>(null);
	/** The groups file chosen with the cases, read and checked; null to keep the ward's groups. */
	groupsFile = $state.raw<GroupsFile | null>(null);
	mapping = $state<CaseMapping | null>(null);
	maps = $state<ValueMaps>(structuredClone(EMPTY_VALUE_MAPS));
	mode = $state<ImportMode>('append');
	refusal = $state.raw<Refusal | null>(null);
	reports = $state.raw<ImportReport[]>([]);
	readonly #ward: WardData;
	/** The cases file as chosen, kept to read another of its sheets. */
	#casesFile: { name: string; bytes: Uint8Array } | null = null;

	constructor(ward: WardData) {
		this.#ward = ward;
	}

	get missing(): string[] {
		return this.mapping ? missingFields(this.mapping) : [];
	}

	/** The workbook's sheets when it has several (the user picks the one with the cases); else empty. */
	get sheets(): string[] {
		const sheets = this.prepared?.table.sheets ?? [];
		return sheets.length > 1 ? sheets : [];
	}

	get unknown() {
		return this.prepared && this.mapping ? unknownLabels(this.prepared.table, this.mapping, this.maps) : null;
	}

	/**
	 * Reads the chosen files: one table of cases and at most one groups file — a GeoJSON, or a table told from
	 * the cases by its headers (a group code and no date).
	 */
	async choose(files: File[]): Promise<void> {
		this.reset();
		this.step = 'reading';
		try {
			await this.#ward.whenLoaded();
			const read = await Promise.all(
				files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))
			);
			const names = files.map((file) => file.name).join(', ');
			const geojson = read.filter((file) => sniffFormat(file.name, file.bytes) === 'geojson');
			const tables = await Promise.all(
				read
					.filter((file) => sniffFormat(file.name, file.bytes) !== 'geojson')
					.map(async (file) => ({ file, prepared: await firstSheetWithContent(file) }))
			);
			const groupTables = tables.filter(({ prepared }) => isGroupsTable(prepared.table.headers));
			const caseTables = tables.filter((table) => !groupTables.includes(table));
			if (geojson.length + groupTables.length > 1 || caseTables.length > 1) return this.#refuse('too_many_files', names);
			if (caseTables.length === 0) return this.#refuse('no_cases_file', names);
			if (geojson.length + groupTables.length === 0 && this.#ward.synthetic) return this.#refuse('needs_groups', names);
			this.groupsFile = geojson[0]
				? await readGroupsFile(geojson[0])
				: groupTables[0]
					? groupsFromTable(groupTables[0].prepared.table)
					: null;
			this.mode = this.groupsFile || this.#ward.synthetic ? 'replace' : 'append';
			this.#casesFile = caseTables[0].file;
			this.#show(caseTables[0].prepared);
		} catch (error) {
			this.#fail(error);
		}
	}

	/** The user picked another sheet of the workbook: read it and propose its mapping afresh. */
	async chooseSheet(sheet: string): Promise<void> {
		const file = this.#casesFile;
		if (!file || sheet === this.prepared?.table.sheet) return;
		this.step = 'reading';
		try {
			this.#show(await prepareCases(file, sheet));
		} catch (error) {
			this.#fail(error);
		}
	}

	#show(prepared: PreparedCases): void {
		this.prepared = prepared;
		this.mapping = rememberedMapping(prepared.table.headers) ?? { ...prepared.mapping };
		this.maps = structuredClone(EMPTY_VALUE_MAPS);
		this.step = 'mapping';
	}

	/** The user drops the columns that look like personal data; their values never reach the database. */
	dropPersonalData(): void {
		if (!this.prepared) return;
		this.prepared = dropColumns(this.prepared, [...new Set(this.prepared.personalData.map((finding) => finding.column))]);
		this.mapping = rememberedMapping(this.prepared.table.headers) ?? { ...this.prepared.mapping };
	}

	mapLabel(field: keyof ValueMaps, label: string, code: string): void {
		const key = normaliseLabel(label);
		const next = { ...this.maps[field] } as Record<string, string>;
		if (code) next[key] = code;
		else delete next[key];
		this.maps = { ...this.maps, [field]: next };
	}

	/** The user confirmed the mapping: import all or nothing, remember the mapping for files like this one. */
	async confirm(): Promise<void> {
		const prepared = this.prepared;
		const mapping = this.mapping;
		if (!prepared || !mapping) return;
		this.step = 'importing';
		try {
			const cases = casesInput(prepared, $state.snapshot(mapping), $state.snapshot(this.maps) as ValueMaps);
			remember(prepared.table.headers, $state.snapshot(mapping));
			if (this.mode === 'append') {
				this.reports = [await this.#ward.append(cases)];
			} else {
				const input: DatasetInput = {
					groups: this.groupsFile?.groups ?? this.#ward.groups,
					groupsReport: this.groupsFile?.report ?? keptGroupsReport(this.#ward.groups.length),
					cases
				};
				this.reports = await this.#ward.replace(input);
			}
			this.step = 'done';
		} catch (error) {
			this.#fail(error);
		}
	}

	/** The rejected rows with their original values, as CSV for the user to correct and import again. */
	rejectedCsv(report: ImportReport): string {
		const table = this.prepared?.table;
		const rowByLine = new Map(table?.lines.map((line, index) => [line, table.rows[index]]) ?? []);
		return toCsv(
			['line', 'reason', 'field', ...(table?.headers ?? [])],
			report.rejections.map((rejection) => [
				rejection.line,
				rejection.reason,
				rejection.field,
				...(rowByLine.get(rejection.line) ?? [])
			])
		);
	}

	reset(): void {
		this.step = 'idle';
		this.prepared = null;
		this.groupsFile = null;
		this.#casesFile = null;
		this.mapping = null;
		this.maps = structuredClone(EMPTY_VALUE_MAPS);
		this.refusal = null;
		this.reports = [];
	}

	#refuse(code: Refusal['code'], detail: string): void {
		this.refusal = { code, detail };
		this.step = 'refused';
	}

	#fail(error: unknown): void {
		if (error instanceof ImportError) this.#refuse(error.code, error.detail);
		else this.#refuse('failed', error instanceof Error ? error.message : String(error));
	}
}

/**
 * The file read at its default sheet; when that sheet is empty (a blank "Sheet1" left in front of the data), the
 * next sheet with content, so the user lands on the chooser rather than on a refusal.
 */
async function firstSheetWithContent(file: { name: string; bytes: Uint8Array }): Promise<PreparedCases> {
	try {
		return await prepareCases(file);
	} catch (error) {
		if (!(error instanceof ImportError) || error.code !== 'empty_file' || sniffFormat(file.name, file.bytes) !== 'xlsx') throw error;
		const { sheets = [], sheet: empty } = await readTable(file);
		for (const sheet of sheets.filter((name) => name !== empty)) {
			const prepared = await prepareCases(file, sheet).catch(() => null);
			if (prepared) return prepared;
		}
		throw error;
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
