-- The indicators whose live operations alerts reached the highest levels in [from, to) in some districts: per
-- indicator the worst level an episode reached (as its Enum8 number, 0 normal … 4 red) and how many episodes; worst
-- first, at most 10. Parameters: from and to as Unix seconds, the district codes joined by commas.
SELECT indicator_id, max(CAST(level AS Int8)) AS worst, uniqExact(alert_id) AS episodes
FROM ${db}.alert_events
WHERE event_time >= toDateTime(?) AND event_time < toDateTime(?)
  AND origin = 'live' AND audience = 'operations' AND kind != 'resolved'
  AND has(splitByChar(',', ?), district)
GROUP BY indicator_id
ORDER BY worst DESC, episodes DESC, indicator_id
LIMIT 10
