-- Planned work declared by an operator (POST /api/maintenance): work on one sensor, on one network of a district
-- (water, power, …) or on one source of incidents silences exactly the alerts it explains whose condition began
-- in [starts_at, ends_at). kind names what is worked on, target which one (a sensor id, a network, a source), area
-- the district (or a city's code for a source worked on city-wide). Ending a window early writes it again with a
-- higher version and an earlier ends_at. Every dashboard instance reads the windows from here. Kept forever.
CREATE TABLE IF NOT EXISTS ${db}.maintenance_windows (
    window_id String,
    kind Enum8('sensor' = 1, 'network' = 2, 'source' = 3),
    target String,
    area String,
    starts_at DateTime,
    ends_at DateTime,
    reason String,
    declared_by String,
    declared_at DateTime,
    version UInt32,
    schema_version UInt16
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(starts_at)
ORDER BY (area, window_id);
