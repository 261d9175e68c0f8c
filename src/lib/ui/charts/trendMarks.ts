import type { CategoryCode } from '$lib/core/schema/categories';
import type { TrendBucket } from '$lib/core/queries/trend';

export interface StackedSegment {
	bucket: TrendBucket;
	category: CategoryCode;
	y1: number;
	y2: number;
}

/** Each step's categories stacked in the legend's order, bottom up; categories without a case take no segment. */
export function stackByCategory(buckets: readonly TrendBucket[], order: readonly CategoryCode[]): StackedSegment[] {
	const segments: StackedSegment[] = [];
	for (const bucket of buckets) {
		let y = 0;
		for (const category of order) {
			const count = bucket.categories[category] ?? 0;
			if (count === 0) continue;
			segments.push({ bucket, category, y1: y, y2: y + count });
			y += count;
		}
	}
	return segments;
}
