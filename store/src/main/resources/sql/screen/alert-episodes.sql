-- The alert episodes of one indicator in one area that overlap [from, to): when each opened, its worst level, and
-- when it resolved (0 while it is still open).
-- Parameters: indicator id, area code, to (Unix seconds), from (Unix seconds).
SELECT alert_id,
       rule,
       toString(max(level)) AS worst_level,
       toUnixTimestamp(min(event_time)) AS opened_at,
       toUnixTimestamp(maxIf(event_time, kind = 'resolved')) AS resolved_at
FROM ${db}.alert_events FINAL
WHERE indicator_id = ? AND district = ? AND event_time < toDateTime(?)
GROUP BY alert_id, rule
HAVING resolved_at = 0 OR resolved_at >= ?
ORDER BY opened_at, alert_id
