-- The audit log's entries from a time to a time (Unix seconds, both included: entries are kept to the second),
-- newest first, at most a number of them: at (Unix seconds), actor, action, target, detail.
SELECT toUnixTimestamp(at), actor, action, target, detail
FROM ${db}.audit_log
WHERE at >= toDateTime(?) AND at <= toDateTime(?)
ORDER BY at DESC, actor, action
LIMIT ?
