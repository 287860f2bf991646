-- Every recorded transition of one alert, oldest first.
SELECT alert_id, version, rule, indicator_id, district, kind, level, previous_level, value, threshold,
       toUnixTimestamp(since), toUnixTimestamp(event_time), audience, origin, message
FROM ${db}.alert_events FINAL
WHERE alert_id = ?
ORDER BY version
