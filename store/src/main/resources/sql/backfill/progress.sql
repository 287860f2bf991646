-- How far a running backfill of one city's areas (comma-separated codes) over [from, to] (Unix seconds) has got:
-- rows written so far and the newest window start (0 if none). Without FINAL, on purpose: this runs every two
-- seconds while the backfill inserts, and folding the growing tables each time cost the server more than the
-- inserts did. A window written twice counts twice here; stored-results.sql gives the folded figures at the end.
SELECT
    (SELECT count() FROM ${db}.indicator_values WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT toUnixTimestamp(max(window_start)) FROM ${db}.indicator_values WHERE origin = 'backfill'
        AND has(splitByChar(',', ?), district) AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT count() FROM ${db}.health_scores WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND window_start >= toDateTime(?) AND window_start <= toDateTime(?)),
    (SELECT count() FROM ${db}.alert_events WHERE origin = 'backfill' AND has(splitByChar(',', ?), district)
        AND event_time >= toDateTime(?) AND event_time <= toDateTime(?))
