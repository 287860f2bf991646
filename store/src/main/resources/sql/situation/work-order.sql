-- One work order by its id, newest version.
SELECT order_id, situation_id, district, assignee, toUnixTimestamp(due_at), status, note, created_by,
       toUnixTimestamp(created_at), toUnixTimestamp(updated_at), version
FROM ${db}.work_orders FINAL
WHERE order_id = ?
