import { CATEGORY_CODES } from '../schema/categories';
import { SOURCE_CODES } from '../schema/sources';
import { STATUS_CODES } from '../schema/statuses';

const listed = (codes: readonly string[]) => codes.map((code) => `'${code}'`).join(', ');

/**
 * The analysis tables of SPEC §2. Only these columns are ever accepted; `geometry` holds the group's GeoJSON
 * geometry as text (the map and the spatial weights read it), null when the export had none; `ward_code` and
 * `ward_name` are null for a single ward's groups.
 * `case_id` is unique, kept so by the import (`importCases`) rather than by a key: the index a key builds
 * triples the time to import a million cases. Categories, statuses and sources are ENUMs of their codes: read and
 * compared as text, stored as one byte — appending a million rows is a tenth quicker than with VARCHAR, and a
 * value outside the codes cannot get in.
 */
export const CREATE_TABLES = `
CREATE TYPE IF NOT EXISTS category_code AS ENUM (${listed(CATEGORY_CODES)});
CREATE TYPE IF NOT EXISTS status_code AS ENUM (${listed(STATUS_CODES)});
CREATE TYPE IF NOT EXISTS source_code AS ENUM (${listed(SOURCE_CODES)});
CREATE TABLE IF NOT EXISTS groups (
	group_code VARCHAR PRIMARY KEY,
	name VARCHAR NOT NULL,
	population INTEGER,
	households INTEGER,
	geometry VARCHAR,
	ward_code VARCHAR,
	ward_name VARCHAR
);
CREATE TABLE IF NOT EXISTS cases (
	case_id VARCHAR NOT NULL,
	reported_on DATE NOT NULL,
	group_code VARCHAR NOT NULL,
	category category_code NOT NULL,
	status status_code NOT NULL,
	resolved_on DATE,
	severity TINYINT,
	source source_code,
	repeat BOOLEAN,
	lat DOUBLE,
	lon DOUBLE
);
`;
