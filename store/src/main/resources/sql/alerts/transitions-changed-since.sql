-- Every transition of every live alert with a transition at or after a time (Unix seconds), by alert then version:
-- what a screen that was away since then must see again in full (a backfill's alerts are never pushed).
SELECT alert_id, version, rule, indicator_id, district, kind, level, previous_level, value, threshold,
       toUnixTimestamp(since), toUnixTimestamp(event_time), audience, origin, message
FROM ${db}.alert_events FINAL
WHERE alert_id IN (SELECT alert_id FROM ${db}.alert_events WHERE event_time >= toDateTime(?) AND origin = 'live')
ORDER BY alert_id, version
