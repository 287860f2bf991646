-- Incidents' personal information beyond where the person was: what the caller reported in their own words
-- (details, free text) and who called (caller: a name or a call-back number). Both are sensitive
-- (governance/classification.yaml): copied only into the sensitive clearance database, cleared after the
-- personal-data retention and on request (store.retention.PersonalData), never logged. NULL when a channel does not
-- carry them. ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS: SchemaMigrator treats "column already exists" as
-- applied, so an interrupted run can be repeated.
ALTER TABLE ${db}.incidents ADD COLUMN details Nullable(String);
ALTER TABLE ${db}.incidents ADD COLUMN caller Nullable(String);
