-- Work orders: acknowledging a situation may dispatch a work order to an assignee with a due time; its status
-- moves open → in_progress → done (or cancelled), each change written again with a higher version. The time from
-- a situation's opening to its first work order is the operations centre's time to dispatch (situation_responses).
-- The cause a person gives when resolving a situation becomes a column of alert_actions instead of a note prefix.
-- Kept forever, like alert_actions.
CREATE TABLE IF NOT EXISTS ${db}.work_orders (
    order_id String,
    situation_id String,
    district String,
    assignee String,
    due_at DateTime,
    status Enum8('open' = 1, 'in_progress' = 2, 'done' = 3, 'cancelled' = 4),
    note String,
    created_by String,
    created_at DateTime,
    updated_at DateTime,
    version UInt32,
    schema_version UInt16
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY (district, situation_id, order_id);
ALTER TABLE ${db}.alert_actions ADD COLUMN cause String;
ALTER TABLE ${db}.situation_responses ADD COLUMN dispatched UInt8;
ALTER TABLE ${db}.situation_responses ADD COLUMN dispatched_at DateTime;
