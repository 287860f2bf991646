-- Names for the ids in the fact tables, filled from the data standard (indicators module) by DimensionLoader.
-- ReplacingMergeTree(loaded_at) keyed by id: a reload replaces every row, so reloading is idempotent.
-- Read with FINAL. A few hundred rows each: no partitions.

CREATE TABLE IF NOT EXISTS ${db}.dim_districts (
    code String,
    city String,
    name_zh String,
    name_en String,
    area_km2 Float64,
    population UInt64,
    loaded_at DateTime
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ${db}.dim_indicators (
    id String,
    name_zh String,
    name_en String,
    domain String,
    domain_zh String,
    domain_en String,
    unit String,
    source String,
    aggregation String,
    window_seconds UInt32,
    direction Enum8('higher_is_worse' = 1, 'lower_is_worse' = 2),
    blue Nullable(Float64),
    yellow Nullable(Float64),
    orange Nullable(Float64),
    red Nullable(Float64),
    hysteresis Float64,
    for_seconds UInt32,
    weight Float64,
    standard String,
    loaded_at DateTime
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY id;

CREATE TABLE IF NOT EXISTS ${db}.dim_sensors (
    id String,
    metric String,
    district String,
    lat Float64,
    lon Float64,
    unit String,
    loaded_at DateTime
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY id;

CREATE TABLE IF NOT EXISTS ${db}.dim_levels (
    level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    severity UInt8,
    name_zh String,
    name_en String,
    loaded_at DateTime
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY level;
