-- Live indicator windows of one city's areas (comma-separated codes: the city's own and its districts') whose start
-- lies in [from, to] (Unix seconds): what a backfill over that range would overwrite. Count, first and last start.
SELECT count(), toUnixTimestamp(min(window_start)), toUnixTimestamp(max(window_start))
FROM ${db}.indicator_values
WHERE origin = 'live' AND has(splitByChar(',', ?), district)
  AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)
