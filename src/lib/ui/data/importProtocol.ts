import type { CaseMapping, ValueMaps } from '$lib/core/import/canonical';
import type { CaseRules } from '$lib/core/import/checkCases';
import type { ImportError, RefusalHint, Rejection, SkippedLines } from '$lib/core/import/report';
import type { RejectedCsvWords } from '$lib/core/import/rejectedCsv';
import type { CasesPreview, ImportProgress, OpenedFiles, UnknownLabels } from '$lib/core/import/session';

/*
 * The messages between the Data page and its import worker. The worker keeps the table being imported; the
 * page sends small requests and gets back small answers, progress while it waits, and the canonical rows as a
 * transferred buffer (moved, not copied).
 */

/** Each request by its type, with the answer it gets. */
export interface ImportCalls {
	open: { request: { files: File[] }; answer: OpenedFiles };
	sheet: { request: { sheet: string }; answer: CasesPreview };
	header: { request: { line: number }; answer: CasesPreview };
	dropPersonalData: { request: Record<never, never>; answer: CasesPreview };
	unknownLabels: { request: { mapping: CaseMapping; maps: ValueMaps }; answer: UnknownLabels };
	/** `keep`: whether the worker keeps a copy of the rows for `stage`. */
	casesInput: { request: { mapping: CaseMapping; maps: ValueMaps; rules: CaseRules; keep: boolean }; answer: MappedCases };
	/**
	 * Writes the rows the last `casesInput` kept to `file` of the saved data (see `StagedTable`), while the page
	 * gives them to the database: whether they were written.
	 */
	stage: { request: { file: string }; answer: boolean };
	rejectedCsv: { request: { rejections: Rejection[]; words: RejectedCsvWords }; answer: string };
	release: { request: Record<never, never>; answer: null };
}

export type ImportCall = keyof ImportCalls;

/** `CasesInput` with its Arrow IPC bytes as a buffer the worker hands over. */
export interface MappedCases {
	file: string;
	read: number;
	rows: ArrayBuffer;
	rejections: Rejection[];
	excelSerialDates: number;
	skipped?: SkippedLines;
}

/** Page → worker. */
export type ImportRequest = { [Call in ImportCall]: { id: number; call: Call } & ImportCalls[Call]['request'] }[ImportCall];

/** Worker → page: progress of a request, then its answer or why it failed. */
export type ImportReply =
	| { id: number; type: 'progress'; progress: ImportProgress }
	| { id: number; type: 'answer'; answer: ImportCalls[ImportCall]['answer'] }
	| { id: number; type: 'failed'; code: ImportError['code'] | null; detail: string; hint?: RefusalHint };
