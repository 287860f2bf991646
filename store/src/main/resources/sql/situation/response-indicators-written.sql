-- The start of the newest window written before a time of some of the operations centre's response-time indicators
-- (dashboard-server ResponseIndicatorWriter): a server started after a gap writes the windows that closed while no
-- instance ran. Windows at or after the time (written by an instance whose clock runs ahead) do not count.
-- 0 when none was written. Parameters: the indicator ids joined by commas, the time as Unix seconds.
SELECT toUnixTimestamp(max(window_start))
FROM ${db}.indicator_values
WHERE has(splitByChar(',', ?), indicator_id) AND window_start < toDateTime(?)
