-- Hourly values of one indicator in one area (a district or a city's own code) with hour in [from, to) (Unix
-- seconds), from the hourly rollup: the mean, lowest and highest window value of each hour and how many windows it
-- had. What the public open-data feed publishes; oldest hour first.
SELECT toUnixTimestamp(hour), avgMerge(value_avg), minMerge(value_min), maxMerge(value_max), uniqExactMerge(windows)
FROM ${db}.indicator_values_hourly
WHERE indicator_id = ? AND district = ? AND hour >= toDateTime(?) AND hour < toDateTime(?)
GROUP BY hour
ORDER BY hour
