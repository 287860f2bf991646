-- Every user name's newest definition (a users-file entry as JSON) and whether it was removed, by name:
-- username, definition, removed.
SELECT username, argMax(definition, version), argMax(removed, version)
FROM ${db}.platform_users
GROUP BY username
ORDER BY username
