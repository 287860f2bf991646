package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The platform's users in ClickHouse ({@code platform_users}): each change written as a new version, the newest
 * read back. Statement {@code sql/accounts/users.sql}. Blocking: call off the event loop.
 */
public final class UserAccounts {

    private static final List<String> COLUMNS = List.of("username", "version", "removed", "definition", "changed_by",
            "changed_at");

    private final ClickHouse clickHouse;
    private final String database;
    private final QueryFiles queries;

    /** A user name's newest definition (a users-file entry as JSON), or that it was removed. */
    public record Stored(String username, String definition, boolean removed) {}

    public UserAccounts(ClickHouse clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
        this.queries = new QueryFiles(clickHouse, database);
    }

    public List<Stored> all() throws SQLException {
        return queries.rows("accounts/users", rs -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3) == 1));
    }

    /**
     * Writes a user's new definition, or its removal ({@code definition} then empty), by {@code changedBy} at
     * {@code at}; the version is {@code at} in microseconds, so the newest change wins on every instance.
     */
    public void write(String username, String definition, boolean removed, String changedBy, Instant at)
            throws SQLException {
        long version = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        clickHouse.insert(database + ".platform_users", COLUMNS, List.<Object[]>of(new Object[] {username, version,
                removed ? 1 : 0, definition, changedBy, Timestamp.from(at)}));
    }
}
