-- What people did with alerts, written by dashboard-server: one row per action. action_id is chosen by the writer
-- (one per click), so a retried write folds into one row. Kept forever: it is the record of who did what.
-- Keyed like alert_events (district, alert) so an alert's events and actions are read from the same key ranges.
CREATE TABLE IF NOT EXISTS ${db}.alert_actions (
    action_id String,
    alert_id String,
    district String,
    action Enum8('acknowledge' = 1, 'assign' = 2, 'comment' = 3, 'silence' = 4, 'escalate' = 5),
    user_name String,
    assignee String,
    silenced_until Nullable(DateTime),
    note String,
    acted_at DateTime
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(acted_at)
ORDER BY (district, alert_id, acted_at, action_id);
