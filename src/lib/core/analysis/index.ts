export { ebRates, PER_RESIDENTS, type EbRatesResult, type GroupRates } from './ebRates';
export {
	chooseStep,
	classifyEmerging,
	emergingCategories,
	emergingHotspots,
	medianPerStep,
	MIN_CASES_PER_STEP,
	spaceTimeGiStar,
	stepStarts,
	stepValues,
	sumSteps,
	timeStepsOf,
	type EmergingCategory,
	type EmergingGroup,
	type EmergingOptions,
	type EmergingPattern,
	type EmergingResult,
	type EmergingSide
} from './emerging';
export { fdrBins, fdrCutoff } from './fdr';
export { giStar, type GiStarGroup, type GiStarOptions, type GiStarResult } from './gistar';
export { conditionalPermutationTest } from './permutation';
export {
	DEFAULT_PERMUTATIONS,
	DEFAULT_SEED,
	localMoran,
	type LocalMoranGroup,
	type LocalMoranOptions,
	type LocalMoranResult,
	type MoranCluster
} from './localMoran';
export { mannKendall, type MannKendallResult } from './mannKendall';
export { erfc, normalCdf, twoSidedP } from './normal';
export { mulberry32, randomIndex, sampleInPlace, type Random } from './random';
export { binOfP, binOfZ, type ConfidenceBin, type ScoredGroup } from './significance';
export {
	cleanNeighbours,
	islandsOf,
	kNearest,
	queenContiguity,
	type AreaGeometry,
	type MultiPolygonCoordinates,
	type Neighbours,
	type PolygonCoordinates,
	type Position,
	type QueenOptions,
	type SpatialWeights
} from './weights';
export {
	analyseHotspots,
	DEFAULT_GI_INFERENCE,
	spatialWeights,
	type EmergingSummary,
	type AnalysedGroup,
	type AnalysisMeasure,
	type GroupHotspot,
	type HotspotAnalysis,
	type HotspotInput
} from './hotspots';
export { formatCsv, formatJson } from './formatRows';
