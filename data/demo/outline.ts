import type { Extent } from '../../src/lib/core/schema/model';
import type { Point } from './geometry';

/** Phường Vĩnh Tuy, Hai Bà Trưng, Hà Nội, before the 2025 merger: [west, south, east, north] (SPEC §7). */
export const WARD_EXTENT: Extent = [105.8615, 20.9927, 105.8786, 21.0032];

export const WARD_NAME = 'Phường Vĩnh Tuy (dữ liệu mô phỏng)';

/**
 * The ward outline, drawn by hand from the extent and the streets that bound it: an open ring of lon/lat
 * vertices, counter-clockwise, starting at the south-west corner. Traced only to the precision a
 * schematic map needs; it is not a surveyed boundary.
 */
export const WARD_OUTLINE: readonly Point[] = [
	// Lĩnh Nam, west to east
	[105.8632, 20.9936],
	[105.8658, 20.9931],
	[105.8686, 20.9927],
	[105.8714, 20.9928],
	[105.8738, 20.9932],
	[105.8753, 20.9940],
	// Vĩnh Tuy bridge approach, south to north
	[105.8767, 20.9952],
	[105.8781, 20.9965],
	[105.8786, 20.9982],
	[105.8780, 20.9998],
	[105.8766, 21.0010],
	[105.8748, 21.0020],
	// Nguyễn Khoái, east to west
	[105.8727, 21.0027],
	[105.8703, 21.0032],
	[105.8677, 21.0031],
	[105.8651, 21.0028],
	[105.8634, 21.0021],
	// Kim Ngưu river and Tam Trinh, north to south
	[105.8621, 21.0009],
	[105.8615, 20.9994],
	[105.8621, 20.9976],
	[105.8617, 20.9959],
	[105.8622, 20.9946]
];
