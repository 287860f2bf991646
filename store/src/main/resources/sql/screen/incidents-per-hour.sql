-- New cases per channel (12345, 110, 119, 120, utility) and hour in a set of districts, reported in [from, to).
-- Parameters: from and to as Unix seconds, the district codes joined by commas.
-- FINAL folds the lifecycle stages of a case into one row, so each case counts once.
SELECT toString(source) AS channel,
       toUnixTimestamp(toStartOfHour(reported_at)) AS hour,
       count() AS cases
FROM ${db}.incidents FINAL
WHERE reported_at >= toDateTime(?) AND reported_at < toDateTime(?)
  AND has(splitByChar(',', ?), district)
GROUP BY channel, hour
ORDER BY hour, channel
