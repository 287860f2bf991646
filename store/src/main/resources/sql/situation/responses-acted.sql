-- The responses of situations a person acknowledged, dispatched (a first work order) or resolved in [from, to):
-- what the operations centre's response-time indicators of that window are computed from (dashboard-server
-- ResponseIndicatorWriter). A situation opens before anyone acts on it, so only partitions opened before `to` are read.
-- Parameters: from and to as Unix seconds, once per step (acknowledge, dispatch, resolve), then to again.
SELECT situation_id, district, hazard, level, toUnixTimestamp(opened_at),
       acknowledged, toUnixTimestamp(acknowledged_at), dispatched, toUnixTimestamp(dispatched_at),
       resolved, toUnixTimestamp(resolved_at), cause, version
FROM ${db}.situation_responses FINAL
WHERE ((acknowledged = 1 AND acknowledged_at >= toDateTime(?) AND acknowledged_at < toDateTime(?))
    OR (dispatched = 1 AND dispatched_at >= toDateTime(?) AND dispatched_at < toDateTime(?))
    OR (resolved = 1 AND resolved_at >= toDateTime(?) AND resolved_at < toDateTime(?)))
  AND opened_at < toDateTime(?)
ORDER BY district, situation_id
