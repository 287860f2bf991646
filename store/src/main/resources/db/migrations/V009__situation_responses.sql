-- How fast the operations centre responded to each situation (事态), written by dashboard-server when a situation is
-- acknowledged or resolved by a person: the source of the response-time indicators per district and hazard. Every
-- dashboard instance derives the same row for a situation (same key, same version), so several writers fold into
-- one. acknowledged_at / resolved_at are meaningful only when acknowledged / resolved is 1. Kept forever.
CREATE TABLE IF NOT EXISTS ${db}.situation_responses (
    situation_id String,
    district String,
    hazard String,
    level Enum8('normal' = 0, 'blue' = 1, 'yellow' = 2, 'orange' = 3, 'red' = 4),
    opened_at DateTime,
    acknowledged UInt8,
    acknowledged_at DateTime,
    resolved UInt8,
    resolved_at DateTime,
    cause String,
    version UInt32,
    schema_version UInt16
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(opened_at)
ORDER BY (district, hazard, situation_id);
