-- Response times of the operations centre per district and hazard, for situations opened in [from, to): how many,
-- how many acknowledged, dispatched (a first work order) and resolved by a person, and the mean and longest minutes
-- from opening to each.
-- Parameters: from and to as Unix seconds, the district codes joined by commas. Aliases must not reuse column
-- names: a count aliased "acknowledged" would turn the other aggregates' "acknowledged" into a nested aggregate.
SELECT district, hazard, count() AS situations,
       countIf(acknowledged = 1) AS acknowledged_count,
       avgIf(toUnixTimestamp(acknowledged_at) - toUnixTimestamp(opened_at), acknowledged = 1) / 60 AS mean_ack,
       maxIf(toUnixTimestamp(acknowledged_at) - toUnixTimestamp(opened_at), acknowledged = 1) / 60 AS max_ack,
       countIf(dispatched = 1) AS dispatched_count,
       avgIf(toUnixTimestamp(dispatched_at) - toUnixTimestamp(opened_at), dispatched = 1) / 60 AS mean_dispatch,
       maxIf(toUnixTimestamp(dispatched_at) - toUnixTimestamp(opened_at), dispatched = 1) / 60 AS max_dispatch,
       countIf(resolved = 1) AS resolved_count,
       avgIf(toUnixTimestamp(resolved_at) - toUnixTimestamp(opened_at), resolved = 1) / 60 AS mean_resolve,
       maxIf(toUnixTimestamp(resolved_at) - toUnixTimestamp(opened_at), resolved = 1) / 60 AS max_resolve
FROM ${db}.situation_responses FINAL
WHERE opened_at >= toDateTime(?) AND opened_at < toDateTime(?)
  AND has(splitByChar(',', ?), district)
GROUP BY district, hazard
ORDER BY district, hazard
