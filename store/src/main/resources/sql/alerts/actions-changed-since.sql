-- What people did with the alerts that have a transition at or after a time (Unix seconds), oldest first.
SELECT action_id, alert_id, district, action, user_name, assignee, toUnixTimestamp(silenced_until), note,
       toUnixTimestamp(acted_at), cause
FROM ${db}.alert_actions FINAL
WHERE alert_id IN (SELECT alert_id FROM ${db}.alert_events WHERE event_time >= toDateTime(?))
   OR acted_at >= toDateTime(?)
ORDER BY acted_at, action_id
