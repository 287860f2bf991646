-- Every attempt to deliver a situation's notification beyond the screens (a webhook today), written by
-- dashboard-server: who was told what about which situation, when, and whether it arrived. delivery_id is the
-- escalation's action id, the same on every dashboard instance, so a retried write folds into one row per attempt.
-- outcome: delivered (2xx), failed (will retry), gave_up (last attempt failed). Kept forever, like alert_actions.
CREATE TABLE IF NOT EXISTS ${db}.notification_deliveries (
    delivery_id String,
    attempt UInt8,
    situation_id String,
    district String,
    channel String,
    recipient String,
    target String,
    outcome Enum8('delivered' = 1, 'failed' = 2, 'gave_up' = 3),
    http_status UInt16,
    error String,
    attempted_at DateTime,
    schema_version UInt16
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(attempted_at)
ORDER BY (district, situation_id, delivery_id, attempt);
