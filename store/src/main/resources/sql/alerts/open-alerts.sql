-- The newest transition of every live alert that is not resolved (a backfill's alerts are history, never open
-- alarms). Times as Unix seconds, so that neither the driver's nor the server's time zone can shift them.
SELECT alert_id, version, rule, indicator_id, district, kind, level, previous_level, value, threshold,
       toUnixTimestamp(since), toUnixTimestamp(event_time), audience, origin, message
FROM ${db}.alert_events FINAL
WHERE (alert_id, version) IN (SELECT alert_id, max(version) FROM ${db}.alert_events GROUP BY alert_id)
  AND kind != 'resolved' AND origin = 'live'
