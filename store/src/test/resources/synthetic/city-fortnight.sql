-- Two weeks of a city's operations up to now(), besides indicator values (indicator-values.sql): health scores,
-- readings with a few silent sensors, hotline and emergency incidents, alerts and what people did with them.
-- Pseudo-random numbers come from intHash64 of the row number, so every run generates the same shapes.

-- Health scores every 5 minutes for 8 days, per district and city-wide: some districts are steadily worse, and
-- every district dips in the afternoon.
INSERT INTO ${db}.health_scores (district, window_start, score, worst_level, version)
SELECT code, window_start, score,
       multiIf(score < 60, 'red', score < 70, 'orange', score < 80, 'yellow', score < 90, 'blue', 'normal'),
       toUInt64(1)
FROM (
    SELECT code, toDateTime(toStartOfFiveMinute(now()) - n * 300) AS window_start,
           round(greatest(20, 98 - cityHash64(code) % 25 - 12 * abs(sin(pi() * toHour(window_start) / 24))
               - (intHash64(n * 31 + cityHash64(code)) % 100) / 10), 1) AS score
    FROM (SELECT number AS n FROM system.numbers LIMIT 2304) AS numbers
    CROSS JOIN (SELECT code FROM ${db}.dim_districts FINAL WHERE city = 'shanghai') AS districts
);

-- Readings every minute for 3 hours from every registered sensor; one sensor in 25 fell silent 45 minutes ago.
INSERT INTO ${db}.readings (sensor_id, metric, district, observed_at, value, unit, lat, lon, quality)
SELECT id, metric, district, toDateTime(toStartOfMinute(now()) - n * 60),
       round(20 + (intHash64(n * 7919 + cityHash64(id)) % 8000) / 100, 2), unit, lat, lon,
       multiIf(intHash64(n + cityHash64(id)) % 100 < 94, 'good', intHash64(n + cityHash64(id)) % 100 < 99,
           'suspect', 'bad')
FROM (SELECT number AS n FROM system.numbers LIMIT 180) AS numbers
CROSS JOIN (SELECT id, metric, district, unit, lat, lon FROM ${db}.dim_sensors FINAL) AS sensors
WHERE NOT (cityHash64(id) % 25 = 0 AND n < 45);

-- 40,000 incidents over 14 days: 70 % hotline, the rest 110/119/120 and utility faults. Noise complaints rise in
-- the last week. Cases older than a day are resolved; newer ones are at every stage.
INSERT INTO ${db}.incidents (id, source, category, subcategory, district, priority, status, reported_at,
                             dispatched_at, resolved_at, lat, lon)
SELECT id, source, category, '', district, priority,
       multiIf(resolved_at <= now(), 'resolved', dispatched_at <= now(), 'dispatched', 'reported'),
       reported_at,
       if(dispatched_at <= now(), dispatched_at, NULL),
       if(resolved_at <= now(), resolved_at, NULL),
       NULL, NULL
FROM (
    SELECT concat('inc-', toString(n)) AS id, h,
           ['12345', '12345', '12345', '12345', '12345', '12345', '12345', '110', '119', '120', 'utility'][1 + h % 11]
               AS source,
           toDateTime(now() - intHash64(n * 3 + 1) % (14 * 86400)) AS reported_at,
           multiIf(source = '12345' AND reported_at > now() - 7 * 86400 AND h % 7 < 2, 'noise',
                   source = '12345', ['noise', 'sanitation', 'traffic', 'housing', 'market_regulation',
                       'public_service', 'water_supply', 'road', 'streetlight', 'drainage'][1 + intHash64(n) % 10],
                   source = '110', ['theft', 'traffic_accident', 'dispute'][1 + intHash64(n) % 3],
                   source = '119', ['fire', 'gas'][1 + intHash64(n) % 2],
                   source = '120', 'medical',
                   ['power', 'water_supply', 'gas', 'road', 'streetlight', 'manhole'][1 + intHash64(n) % 6])
               AS category,
           districts[1 + intHash64(n * 5 + 2) % length(districts)] AS district,
           toUInt8(1 + intHash64(n * 11) % 4) AS priority,
           reported_at + 120 + intHash64(n * 13) % 1800 AS dispatched_at,
           dispatched_at + 1800 + intHash64(n * 17) % 25200 AS resolved_at
    FROM (SELECT number AS n, intHash64(number) AS h FROM system.numbers LIMIT 40000) AS numbers
    CROSS JOIN (SELECT groupArray(code) AS districts FROM ${db}.dim_districts FINAL WHERE city = 'shanghai' AND code != '310000') AS district_codes
);

-- 400 alerts opened over 7 days: each opened, a third changed level 10 minutes later, and those whose resolution
-- time has passed resolved.
INSERT INTO ${db}.alert_events (alert_id, version, rule, indicator_id, district, kind, level, previous_level, value,
                                threshold, event_time, message)
SELECT alert_id, toUInt32(if(step = 3 AND NOT changed, 2, step)), 'level', indicator_id, district,
       ['opened', 'level_changed', 'resolved'][step],
       [opened_level, raised_level, 'normal'][step],
       ['normal', opened_level, if(changed, raised_level, opened_level)][step],
       100 + h % 200, 100, [opened_at, opened_at + 600, resolved_at][step],
       concat(indicator_id, ' in ', district, ' ', ['opened', 'level changed', 'resolved'][step])
FROM (
    SELECT concat('alert-', toString(n)) AS alert_id, h, arrayJoin([1, 2, 3]) AS step,
           indicators[1 + h % length(indicators)] AS indicator_id,
           districts[1 + intHash64(n * 3) % length(districts)] AS district,
           ['blue', 'blue', 'yellow', 'orange', 'red'][1 + intHash64(n * 5) % 5] AS opened_level,
           ['yellow', 'yellow', 'orange', 'red', 'red'][1 + intHash64(n * 5) % 5] AS raised_level,
           intHash64(n * 7) % 3 = 0 AS changed,
           toDateTime(now() - 3600 - intHash64(n * 11) % (7 * 86400)) AS opened_at,
           opened_at + 1200 + intHash64(n * 13) % 14400 AS resolved_at
    FROM (SELECT number AS n, intHash64(number) AS h FROM system.numbers LIMIT 400) AS numbers
    CROSS JOIN (
        SELECT groupArray(code) AS districts,
               (SELECT groupArray(id) FROM ${db}.dim_indicators FINAL) AS indicators
        FROM ${db}.dim_districts FINAL WHERE city = 'shanghai' AND code != '310000') AS codes
)
WHERE step = 1 OR (step = 2 AND changed) OR (step = 3 AND resolved_at <= now());

-- What the duty officers did: most alerts acknowledged within minutes, some assigned, commented, silenced or
-- escalated.
INSERT INTO ${db}.alert_actions (action_id, alert_id, district, action, user_name, assignee, silenced_until, note,
                                 acted_at)
SELECT concat(alert_id, '-', action), alert_id, district, action,
       ['wang.li', 'zhang.wei', 'chen.jing', 'liu.yang'][1 + intHash64(h + step) % 4],
       multiIf(action = 'assign', concat('duty-team-', toString(1 + h % 3)), action = 'escalate',
               'district-director', ''),
       if(action = 'silence', opened_at + 3600, NULL),
       multiIf(action = 'comment', 'crew on site, checking the sensor', action = 'escalate',
               'level rising, needs a decision', ''),
       opened_at + step * 240 + h % 900
FROM (
    SELECT alert_id, district, min(event_time) AS opened_at, any(cityHash64(alert_id)) AS h,
           arrayJoin([1, 2, 3, 4, 5]) AS step,
           ['acknowledge', 'assign', 'comment', 'silence', 'escalate'][step] AS action
    FROM ${db}.alert_events
    GROUP BY alert_id, district
)
WHERE [h % 10 < 8, h % 10 < 3, h % 5 = 0, h % 10 = 9, h % 20 = 0][step];
