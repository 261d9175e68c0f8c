/**
 * The analysis tables of SPEC §2. Only these columns are ever accepted; `geometry` holds the group's GeoJSON
 * geometry as text (the map and the spatial weights read it), null when the export had none.
 * `case_id` is unique, kept so by the import (`importCases`) rather than by a key: the index a key builds
 * triples the time to import a million cases.
 */
export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS groups (
	group_code VARCHAR PRIMARY KEY,
	name VARCHAR NOT NULL,
	population INTEGER,
	households INTEGER,
	geometry VARCHAR
);
CREATE TABLE IF NOT EXISTS cases (
	case_id VARCHAR NOT NULL,
	reported_on DATE NOT NULL,
	group_code VARCHAR NOT NULL,
	category VARCHAR NOT NULL,
	status VARCHAR NOT NULL,
	resolved_on DATE,
	severity TINYINT,
	source VARCHAR,
	repeat BOOLEAN,
	lat DOUBLE,
	lon DOUBLE
);
`;
