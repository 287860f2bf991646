-- Health scores of one area with window start in [from, to) (Unix seconds), oldest first.
SELECT district, toUnixTimestamp(window_start), score, worst_level, version
FROM ${db}.health_scores FINAL
WHERE district = ? AND window_start >= toDateTime(?) AND window_start < toDateTime(?)
ORDER BY window_start
