-- The handover notes of the given areas (codes joined by commas) written since an instant (Unix seconds), newest
-- first, at most the given number.
SELECT note_id, area, author, toUnixTimestamp(written_at), note
FROM ${db}.handover_notes FINAL
WHERE has(splitByChar(',', ?), area) AND written_at >= toDateTime(?)
ORDER BY written_at DESC, note_id
LIMIT ?
