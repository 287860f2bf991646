-- Every transition of every alert with a transition at or after a time (Unix seconds), by alert then version:
-- what a screen that was away since then must see again in full.
SELECT alert_id, version, rule, indicator_id, district, kind, level, previous_level, value, threshold,
       toUnixTimestamp(event_time), message
FROM ${db}.alert_events FINAL
WHERE alert_id IN (SELECT alert_id FROM ${db}.alert_events WHERE event_time >= toDateTime(?))
ORDER BY alert_id, version
