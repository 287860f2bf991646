-- What a backfill of one city's areas (comma-separated codes) over [from, to] (Unix seconds) has stored so far:
-- indicator windows, health scores and alert transitions marked backfill, and the newest window start (0 if none).
-- FINAL: a window replayed twice counts once.
SELECT
    (SELECT count() FROM ${db}.indicator_values FINAL WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT toUnixTimestamp(max(window_start)) FROM ${db}.indicator_values FINAL WHERE origin = 'backfill'
        AND has(splitByChar(',', ?), district) AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT count() FROM ${db}.health_scores FINAL WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT count() FROM ${db}.alert_events FINAL WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND event_time >= toDateTime(?) AND event_time <= toDateTime(?))
