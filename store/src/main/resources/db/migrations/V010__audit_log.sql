-- The audit log (docs/GOVERNANCE.md): who read sensitive data, and who changed the catalogue, the users or the
-- rules, when, and what. Written by dashboard-server (reads and changes through its API) and by `db migrate` (the
-- data standard and the classification it loads); read by admins over GET /api/admin/audit. Kept forever.
CREATE TABLE IF NOT EXISTS ${db}.audit_log (
    at DateTime,
    actor String,
    action String,
    target String,
    detail String,
    schema_version UInt16
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(at)
ORDER BY (at, actor, action);
