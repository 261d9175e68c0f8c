/**
 * What makes the briefing a document an office can file, by Decree 30/2020/NĐ-CP, Appendix I: the number and
 * symbol under the issuing body ("Số: 12/BC-BCĐ": the document's number, then the abbreviations of its kind,
 * BC = báo cáo, and of the body, BCĐ = ban chỉ đạo).
 */

export const REPORT_SYMBOL = 'BC-BCĐ';

/**
 * Blank where the number goes while the report has none, as offices print it to write the number by hand once the
 * clerk registers the document (Decree 30, Art. 15: numbered on the day it is issued).
 */
const UNNUMBERED = '      ';

/**
 * "Số: 12/BC-BCĐ" from the number set in the briefing's settings; a number written with its own symbol
 * ("12/BC-UBND") is kept as written; an empty one leaves the blank. `label` is the catalogue's "Số:" / "No.".
 */
export function numberLine(number: string, label: string): string {
	const typed = number.trim();
	if (!typed) return `${label}${UNNUMBERED}/${REPORT_SYMBOL}`;
	return `${label} ${typed.includes('/') ? typed : `${typed}/${REPORT_SYMBOL}`}`;
}
