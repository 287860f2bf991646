-- The queries one ClickHouse account completed (query_log type 2, QueryFinish) from a time to a time (Unix seconds,
-- both included), newest first, at most a number of them: at (Unix seconds), account, query. The server records them
-- for every profile that sets log_queries (the analysts', local-stack's users.xml).
SELECT toUnixTimestamp(event_time), user, query
FROM system.query_log
WHERE type = 2 AND user = ? AND event_time >= toDateTime(?) AND event_time <= toDateTime(?)
ORDER BY event_time DESC, query
LIMIT ?
