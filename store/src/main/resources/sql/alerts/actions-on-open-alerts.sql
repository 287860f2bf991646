-- What people did with the alerts open now, oldest first: who acknowledged what, after a restart.
SELECT action_id, alert_id, district, action, user_name, assignee, toUnixTimestamp(silenced_until), note,
       toUnixTimestamp(acted_at), cause
FROM ${db}.alert_actions FINAL
WHERE alert_id IN (
    SELECT alert_id FROM ${db}.alert_events FINAL
    WHERE (alert_id, version) IN (SELECT alert_id, max(version) FROM ${db}.alert_events GROUP BY alert_id)
      AND kind != 'resolved')
ORDER BY acted_at, action_id
