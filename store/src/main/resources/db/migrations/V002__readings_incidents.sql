-- Raw events as ingest validated them, written by flink-jobs. Analysts use them for what the indicators do not
-- show (silent sensors, quality flags, single incidents); retention keeps them short (see RetentionPolicy).

-- One row per reading. Daily partitions because retention drops whole days; the key puts one metric of one district
-- together, which is how readings are read (a metric across districts, or one sensor's series). ReplacingMergeTree on
-- that key folds a reading delivered twice (a replay, an at-least-once retry) into one.
CREATE TABLE IF NOT EXISTS ${db}.readings (
    sensor_id String,
    metric String,
    district String,
    observed_at DateTime,
    value Float64,
    unit String,
    lat Nullable(Float64),
    lon Nullable(Float64),
    quality Enum8('good' = 0, 'suspect' = 1, 'bad' = 2)
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMMDD(observed_at)
ORDER BY (metric, district, sensor_id, observed_at);

-- One row per incident, in its furthest lifecycle stage. Every stage (reported, dispatched, resolved) is written as
-- a full row; stage is derived from status (0, 1, 2) because a version column cannot be an Enum, and
-- ReplacingMergeTree(stage) keeps the furthest stage even when the stages arrive out of order.
-- The key holds only fields an incident keeps for life, channel first because most questions are about one channel.
-- Monthly partitions: a few ten thousand cases a day is little data, and reports read whole months.
CREATE TABLE IF NOT EXISTS ${db}.incidents (
    id String,
    source Enum8('12345' = 1, '110' = 2, '119' = 3, '120' = 4, 'utility' = 5),
    category String,
    subcategory String,
    district String,
    priority UInt8,
    status Enum8('reported' = 0, 'dispatched' = 1, 'resolved' = 2),
    stage UInt8 MATERIALIZED toUInt8(status),
    reported_at DateTime,
    dispatched_at Nullable(DateTime),
    resolved_at Nullable(DateTime),
    lat Nullable(Float64),
    lon Nullable(Float64)
) ENGINE = ReplacingMergeTree(stage)
PARTITION BY toYYYYMM(reported_at)
ORDER BY (source, category, reported_at, id);
