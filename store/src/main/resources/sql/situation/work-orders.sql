-- The work orders of one situation, newest version of each, oldest first.
SELECT order_id, situation_id, district, assignee, toUnixTimestamp(due_at), status, note, created_by,
       toUnixTimestamp(created_at), toUnixTimestamp(updated_at), version
FROM ${db}.work_orders FINAL
WHERE situation_id = ?
ORDER BY created_at, order_id
