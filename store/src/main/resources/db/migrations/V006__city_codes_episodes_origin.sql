-- Schema 6. City-wide series are keyed by the city's own code (310000 for Shanghai) instead of the literal 'city'
-- every city shared; alert episodes record when their condition began (since), who they are for (audience:
-- platform alarms go to platform staff only) and where they were computed (origin: live, or a backfill of replayed
-- history); stored values and health scores record their origin too, so a replay can tell live data from its own.
-- Every fact row records the schema version it was written with (rows from before this column read 5), and the
-- indicator dimension carries the catalogue's new rules.
-- ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS: SchemaMigrator treats "column already exists" as applied, so an
-- interrupted run of this migration can be repeated like the others.
ALTER TABLE ${db}.alert_events ADD COLUMN since DateTime DEFAULT event_time;
ALTER TABLE ${db}.alert_events ADD COLUMN audience Enum8('operations' = 1, 'platform' = 2) DEFAULT 'operations';
ALTER TABLE ${db}.alert_events ADD COLUMN origin Enum8('live' = 1, 'backfill' = 2) DEFAULT 'live';
ALTER TABLE ${db}.indicator_values ADD COLUMN origin Enum8('live' = 1, 'backfill' = 2) DEFAULT 'live';
ALTER TABLE ${db}.health_scores ADD COLUMN origin Enum8('live' = 1, 'backfill' = 2) DEFAULT 'live';
ALTER TABLE ${db}.indicator_values ADD COLUMN schema_version UInt16 DEFAULT 5;
ALTER TABLE ${db}.health_scores ADD COLUMN schema_version UInt16 DEFAULT 5;
ALTER TABLE ${db}.alert_events ADD COLUMN schema_version UInt16 DEFAULT 5;
ALTER TABLE ${db}.alert_actions ADD COLUMN schema_version UInt16 DEFAULT 5;
ALTER TABLE ${db}.readings ADD COLUMN schema_version UInt16 DEFAULT 5;
ALTER TABLE ${db}.incidents ADD COLUMN schema_version UInt16 DEFAULT 5;

-- The catalogue's new rules, for analysts: how the city value is formed, what silence means, who the alerts are
-- for, whether single readings alert at once; and a series watched only for anomalies has no direction.
ALTER TABLE ${db}.dim_indicators MODIFY COLUMN direction Enum8('higher_is_worse' = 1, 'lower_is_worse' = 2, 'either' = 3);
ALTER TABLE ${db}.dim_indicators ADD COLUMN city_aggregation String DEFAULT '';
ALTER TABLE ${db}.dim_indicators ADD COLUMN when_silent String DEFAULT '';
ALTER TABLE ${db}.dim_indicators ADD COLUMN audience String DEFAULT 'operations';
ALTER TABLE ${db}.dim_indicators ADD COLUMN instant UInt8 DEFAULT 0;

-- Before this version only Shanghai produced city-wide rows. The district column is part of each key and cannot be
-- updated in place, so the rows are copied under 310000 and the old ones deleted (ReplacingMergeTree folds a copy
-- made twice by a repeated run).
INSERT INTO ${db}.indicator_values (indicator_id, district, window_start, window_end, value, samples, level, version)
SELECT indicator_id, '310000', window_start, window_end, value, samples, level, version
FROM ${db}.indicator_values WHERE district = 'city';
ALTER TABLE ${db}.indicator_values DELETE WHERE district = 'city';
INSERT INTO ${db}.health_scores (district, window_start, score, worst_level, version)
SELECT '310000', window_start, score, worst_level, version FROM ${db}.health_scores WHERE district = 'city';
ALTER TABLE ${db}.health_scores DELETE WHERE district = 'city';
INSERT INTO ${db}.alert_events (alert_id, version, rule, indicator_id, district, kind, level, previous_level, value,
    threshold, event_time, message)
SELECT replaceOne(alert_id, ':city:', ':310000:'), version, rule, indicator_id, '310000', kind, level,
    previous_level, value, threshold, event_time, message
FROM ${db}.alert_events WHERE district = 'city';
ALTER TABLE ${db}.alert_events DELETE WHERE district = 'city';
ALTER TABLE ${db}.dim_districts DELETE WHERE code = 'city';
