-- Hourly and daily rollups of indicator_values, filled by materialized views as rows arrive, so long ranges
-- (a year of hourly PM2.5) read thousands of rows instead of millions and outlive the 1-minute data.
-- Columns hold aggregate states: read them with the -Merge functions and GROUP BY the key, e.g.
--   SELECT hour, avgMerge(value_avg) FROM indicator_values_hourly WHERE ... GROUP BY hour.
-- A corrected or replayed window is inserted again and the views see every insert: windows (distinct windows) and
-- value_last (newest version of the latest window) stay exact; value_avg and samples count such a window once per
-- insert; value_min, value_max and worst_level may keep a superseded value. indicator_values FINAL is exact.

CREATE TABLE IF NOT EXISTS ${db}.indicator_values_hourly (
    indicator_id String,
    district String,
    hour DateTime,
    windows AggregateFunction(uniqExact, DateTime),
    value_avg AggregateFunction(avg, Float64),
    value_min AggregateFunction(min, Float64),
    value_max AggregateFunction(max, Float64),
    value_last AggregateFunction(argMax, Float64, UInt64),
    worst_level AggregateFunction(max, Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4)),
    samples AggregateFunction(sum, UInt32)
) ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (indicator_id, district, hour);

-- value_last orders by window start, then version: seconds * 1e6 + version fits UInt64 until the year 2554.
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.indicator_values_hourly_mv TO ${db}.indicator_values_hourly AS
SELECT indicator_id, district, toStartOfHour(window_start) AS hour,
       uniqExactState(window_start) AS windows,
       avgState(value) AS value_avg,
       minState(value) AS value_min,
       maxState(value) AS value_max,
       argMaxState(value, toUInt64(toUInt32(window_start)) * 1000000 + version) AS value_last,
       maxState(level) AS worst_level,
       sumState(samples) AS samples
FROM ${db}.indicator_values
GROUP BY indicator_id, district, hour;

CREATE TABLE IF NOT EXISTS ${db}.indicator_values_daily (
    indicator_id String,
    district String,
    day Date,
    windows AggregateFunction(uniqExact, DateTime),
    value_avg AggregateFunction(avg, Float64),
    value_min AggregateFunction(min, Float64),
    value_max AggregateFunction(max, Float64),
    value_last AggregateFunction(argMax, Float64, UInt64),
    worst_level AggregateFunction(max, Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4)),
    samples AggregateFunction(sum, UInt32)
) ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (indicator_id, district, day);

-- Days are UTC days, like every time in the store; local days come from the hourly rollup (see docs/ANALYSTS.md).
CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.indicator_values_daily_mv TO ${db}.indicator_values_daily AS
SELECT indicator_id, district, toDate(window_start) AS day,
       uniqExactState(window_start) AS windows,
       avgState(value) AS value_avg,
       minState(value) AS value_min,
       maxState(value) AS value_max,
       argMaxState(value, toUInt64(toUInt32(window_start)) * 1000000 + version) AS value_last,
       maxState(level) AS worst_level,
       sumState(samples) AS samples
FROM ${db}.indicator_values
GROUP BY indicator_id, district, day;
