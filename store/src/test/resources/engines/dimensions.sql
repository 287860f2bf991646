-- A few rows of each dimension table, written by plain INSERTs so that any engine can load them (DimensionLoader
-- writes RowBinary over JDBC): the Shanghai city code and two districts, two indicators the analyst guide names,
-- two sensors, the five levels. The synthetic fact scripts build on these rows.
INSERT INTO ${db}.dim_districts (code, city, name_zh, name_en, area_km2, population, loaded_at) VALUES
    ('310000', 'shanghai', '上海市', 'Shanghai', 6340.5, 24870895, now()),
    ('310101', 'shanghai', '黄浦区', 'Huangpu', 20.46, 662030, now()),
    ('310115', 'shanghai', '浦东新区', 'Pudong', 1210.41, 5681512, now());

INSERT INTO ${db}.dim_indicators (id, name_zh, name_en, domain, domain_zh, domain_en, unit, source, aggregation,
    window_seconds, direction, blue, yellow, orange, red, hysteresis, for_seconds, weight, standard, audience,
    loaded_at) VALUES
    ('air.pm25', '细颗粒物', 'PM2.5', 'air', '空气', 'Air', 'µg/m³', 'pm25', 'mean', 3600, 'higher_is_worse',
     35, 75, 115, 150, 0.05, 0, 1, 'HJ 633-2012', 'operations', now()),
    ('traffic.tpi', '交通指数', 'Traffic index', 'traffic', '交通', 'Traffic', '', 'traffic_index', 'mean', 300,
     'higher_is_worse', 4, 6, 8, 9, 0.05, 600, 1, 'DB31/T 997-2016', 'operations', now());

INSERT INTO ${db}.dim_sensors (id, metric, district, lat, lon, unit, loaded_at) VALUES
    ('aq-310101-01', 'pm25', '310101', 31.23, 121.48, 'µg/m³', now()),
    ('tr-310115-01', 'traffic_index', '310115', 31.22, 121.54, '', now());

INSERT INTO ${db}.dim_levels (level, severity, name_zh, name_en, loaded_at) VALUES
    ('normal', 0, '正常', 'normal', now()), ('blue', 1, '蓝色', 'blue', now()), ('yellow', 2, '黄色', 'yellow', now()),
    ('orange', 3, '橙色', 'orange', now()), ('red', 4, '红色', 'red', now());
