import { readFileSync } from 'node:fs';

/** The headers of a ward office's export, as the mapping step proposes them without questions. */
export const EXPORT_HEADERS = [
	'Mã vụ việc',
	'Ngày tiếp nhận',
	'Tổ dân phố',
	'Loại mâu thuẫn',
	'Tình trạng',
	'Ngày giải quyết',
	'Mức độ',
	'Nguồn tin',
	'Tái diễn',
	'Vĩ độ',
	'Kinh độ'
];

/** The demo's cases as fields: case_id, reported_on, group_code, category, status, resolved_on, severity, source, repeat, lat, lon. */
export function demoCaseFields(): string[][] {
	return readFileSync('data/demo/cases.csv', 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(','));
}

/** `yyyy-mm-dd` as a ward export writes it: `dd/mm/yyyy`. */
export const dayFirst = (iso: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/**
 * Row `index` of a big ward export made from the demo's cases, repeated: an id of its own (`HS-0000001`), dates
 * written `dd/mm/yyyy`, every value valid for the demo groups. Its ISO reporting date is returned beside it.
 */
export function exportRow(demo: string[][], index: number): { fields: string[]; reportedOn: string } {
	const [, reported, group, category, status, resolved, ...rest] = demo[index % demo.length];
	const id = `HS-${String(index + 1).padStart(7, '0')}`;
	return { fields: [id, dayFirst(reported), group, category, status, dayFirst(resolved), ...rest], reportedOn: reported };
}
