-- The 12345 categories rising fastest in a set of districts: cases in the last hour against the hourly mean of the
-- 24 hours before it, biggest rise first (a difference, not a ratio, so that one case in a quiet category does not
-- outrank forty more in a busy one).
-- Parameters: the start of the last hour twice, the start of the day before it, the end of the last hour (Unix
-- seconds), the district codes joined by commas.
SELECT category,
       countIf(reported_at >= toDateTime(?)) AS last_hour,
       countIf(reported_at < toDateTime(?)) AS day_before
FROM ${db}.incidents FINAL
WHERE source = '12345'
  AND reported_at >= toDateTime(?) AND reported_at < toDateTime(?)
  AND has(splitByChar(',', ?), district)
GROUP BY category
ORDER BY last_hour - day_before / 24 DESC, category
LIMIT 5
