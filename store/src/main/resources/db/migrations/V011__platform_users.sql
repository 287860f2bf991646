-- The platform's users (docs/ACCESS.md): their role, cities and districts, clearance and duty, managed by admins
-- through dashboard-server (GET, PUT, DELETE /api/admin/users/…; every change in the audit log). One row per change,
-- the highest version of a user name wins; a removed user keeps a row with removed = 1, so the users file that
-- bootstrapped it does not bring it back. `definition` is the user as a users-file entry (JSON, with the password
-- hash). Never copied into a clearance database (classification.yaml: copies none). Kept forever.
CREATE TABLE IF NOT EXISTS ${db}.platform_users (
    username String,
    version UInt64,
    removed UInt8,
    definition String,
    changed_by String,
    changed_at DateTime
) ENGINE = ReplacingMergeTree(version)
ORDER BY username;
