-- The newest data of every metric (last reading), indicator (last window end) and incident channel (last case)
-- since a time (Unix seconds, each ? the same): what the metadata catalogue shows as freshness. One row per item
-- with data in that span: kind ('metric', 'indicator', 'source'), id, newest time in Unix seconds.
SELECT 'metric' AS kind, metric AS id, toUnixTimestamp(max(observed_at)) AS newest
FROM ${db}.readings
WHERE observed_at >= toDateTime(?)
GROUP BY metric
UNION ALL
SELECT 'indicator' AS kind, indicator_id AS id, toUnixTimestamp(max(window_end)) AS newest
FROM ${db}.indicator_values
WHERE window_start >= toDateTime(?)
GROUP BY indicator_id
UNION ALL
SELECT 'source' AS kind, toString(source) AS id, toUnixTimestamp(max(reported_at)) AS newest
FROM ${db}.incidents
WHERE reported_at >= toDateTime(?)
GROUP BY source
