-- ${windows} windows of ${step} s ending at ${end} (Unix seconds) for the first ${indicators} catalogue indicators with
-- levels (operations indicators; not data quality, not a generic series) in
-- every Shanghai district. Values swing with the time of day around the indicator's first threshold, districts
-- differ, and the level follows from the thresholds, so levels and alerts look like a real city's.
-- Pseudo-random numbers come from intHash64 of the row: every run generates the same data.
-- "badness" is the value signed so that higher is worse whatever the indicator's direction; unused thresholds
-- become +inf, which no value reaches.
INSERT INTO ${db}.indicator_values (indicator_id, district, window_start, window_end, value, samples, level, version)
SELECT id, code, window_start, window_start + ${step}, value, toUInt32(10 + intHash64(n) % 50),
       ['normal', 'blue', 'yellow', 'orange', 'red'][1 + multiIf(sign * value >= bad[4], 4, sign * value >= bad[3], 3,
           sign * value >= bad[2], 2, sign * value >= bad[1], 1, 0)],
       toUInt64(1)
FROM (
    SELECT id, code, sign, bad, n, toDateTime(${end} - (n + 1) * ${step}) AS window_start,
           0.45 + 0.3 * (1 + sin(2 * pi() * toHour(window_start) / 24)) / 2 + (cityHash64(code) % 20) / 100
               + (intHash64(n * 1009 + cityHash64(id, code)) % 1000) / 4000 AS factor,
           round(if(sign = 1, base * factor, base * (2 - factor)), 3) AS value
    FROM (SELECT number AS n FROM system.numbers LIMIT ${windows}) AS numbers
    CROSS JOIN (
        SELECT id, code, sign, coalesce(blue, yellow, orange, red) AS base,
               [sign * ifNull(blue, sign * inf), sign * ifNull(yellow, sign * inf),
                sign * ifNull(orange, sign * inf), sign * ifNull(red, sign * inf)] AS bad
        FROM (SELECT id, if(direction = 'higher_is_worse', 1, -1) AS sign, blue, yellow, orange, red
              FROM ${db}.dim_indicators FINAL
              WHERE audience = 'operations' AND coalesce(blue, yellow, orange, red) IS NOT NULL
              ORDER BY id LIMIT ${indicators}) AS thresholds
        CROSS JOIN (SELECT code FROM ${db}.dim_districts FINAL WHERE city = 'shanghai' AND code != '310000') AS districts
    ) AS series
);
