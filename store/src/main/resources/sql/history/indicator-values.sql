-- Values of one indicator in one area with window start in [from, to) (Unix seconds), oldest first, corrections
-- applied (FINAL keeps the newest version of each window).
SELECT indicator_id, district, toUnixTimestamp(window_start), toUnixTimestamp(window_end), value, samples, level,
       version
FROM ${db}.indicator_values FINAL
WHERE indicator_id = ? AND district = ? AND window_start >= toDateTime(?) AND window_start < toDateTime(?)
ORDER BY window_start
