-- Shift handover notes: what a dispatcher leaves for the next shift of a district (or an operations centre for
-- its city, under the city's code). Written once, never changed; kept forever, like alert_actions, as part of the
-- record of how the centre worked.
CREATE TABLE IF NOT EXISTS ${db}.handover_notes (
    note_id String,
    area String,
    author String,
    written_at DateTime,
    note String,
    schema_version UInt16
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(written_at)
ORDER BY (area, written_at, note_id);
