-- Core tables written by flink-jobs and read by dashboard-server. Times are UTC DateTime.
-- Rows carry deterministic keys (the ORDER BY) and a version: ReplacingMergeTree keeps the newest version of a key,
-- so a late-data correction replaces its window and a replay after a failure never duplicates. Read with FINAL.

CREATE TABLE IF NOT EXISTS ${db}.indicator_values (
    indicator_id String,
    district String,
    window_start DateTime,
    window_end DateTime,
    value Float64,
    samples UInt32,
    level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (indicator_id, district, window_start);

CREATE TABLE IF NOT EXISTS ${db}.health_scores (
    district String,
    window_start DateTime,
    score Float64,
    worst_level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (district, window_start);

CREATE TABLE IF NOT EXISTS ${db}.alert_events (
    alert_id String,
    version UInt32,
    rule String,
    indicator_id String,
    district String,
    kind Enum8('opened' = 1, 'level_changed' = 2, 'resolved' = 3),
    level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    previous_level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    value Float64,
    threshold Float64,
    event_time DateTime,
    message String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_time)
ORDER BY (district, alert_id, version);
