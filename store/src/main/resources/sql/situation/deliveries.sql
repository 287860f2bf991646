-- The delivery log of one situation's notifications, every attempt, oldest first.
SELECT delivery_id, attempt, situation_id, district, channel, recipient, target, outcome, http_status, error,
       toUnixTimestamp(attempted_at)
FROM ${db}.notification_deliveries FINAL
WHERE situation_id = ?
ORDER BY attempted_at, delivery_id, attempt
