-- What people did with one alert, oldest first.
SELECT action_id, alert_id, district, action, user_name, assignee, toUnixTimestamp(silenced_until), note,
       toUnixTimestamp(acted_at), cause
FROM ${db}.alert_actions FINAL
WHERE alert_id = ?
ORDER BY acted_at, action_id
