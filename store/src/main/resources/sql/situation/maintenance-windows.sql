-- The maintenance windows that end after the given instant (Unix seconds), newest version of each, by start.
SELECT window_id, kind, target, area, toUnixTimestamp(starts_at), toUnixTimestamp(ends_at), reason, declared_by,
       toUnixTimestamp(declared_at), version
FROM ${db}.maintenance_windows FINAL
WHERE ends_at > toDateTime(?)
ORDER BY starts_at, window_id
