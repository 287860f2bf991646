package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

/**
 * What a backfill needs to know from the store: whether live processing already wrote windows of the city and time
 * range it would cover, and how much of its own results are stored. The statements are in {@code sql/backfill/};
 * areas are a city's own code and its district codes.
 */
public final class BackfillQueries {

    private final QueryFiles queries;

    public BackfillQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** Live indicator windows of {@code areas} starting in [from, to]. */
    public LiveOverlap liveOverlap(Collection<String> areas, Instant from, Instant to) throws SQLException {
        return queries.rows("backfill/live-rows-in-range", BackfillQueries::liveOverlap, String.join(",", areas),
                from.getEpochSecond(), to.getEpochSecond()).get(0);
    }

    private static LiveOverlap liveOverlap(ResultSet rs) throws SQLException {
        return rs.getLong(1) == 0 ? new LiveOverlap(0, null, null)
                : new LiveOverlap(rs.getLong(1), Columns.instant(rs.getLong(2)), Columns.instant(rs.getLong(3)));
    }

    /** The backfill's rows of {@code areas} in [from, to] stored, a window written twice counted once. */
    public StoredResults stored(Collection<String> areas, Instant from, Instant to) throws SQLException {
        return results("backfill/stored-results", areas, from, to);
    }

    /**
     * The backfill's rows of {@code areas} in [from, to] written so far, cheaply, for a progress display while it
     * runs: a window written twice counts twice.
     */
    public StoredResults progress(Collection<String> areas, Instant from, Instant to) throws SQLException {
        return results("backfill/progress", areas, from, to);
    }

    private StoredResults results(String statement, Collection<String> areas, Instant from, Instant to)
            throws SQLException {
        String codes = String.join(",", areas);
        long f = from.getEpochSecond();
        long t = to.getEpochSecond();
        return queries.rows(statement, rs -> new StoredResults(rs.getLong(1),
                        rs.getLong(2) == 0 ? null : Columns.instant(rs.getLong(2)), rs.getLong(3), rs.getLong(4)),
                codes, f, t, codes, f, t, codes, f, t, codes, f, t).get(0);
    }

    /** {@code windows} live indicator windows, the first and last starting at the instants given (null when none). */
    public record LiveOverlap(long windows, Instant first, Instant last) {
        public boolean any() {
            return windows > 0;
        }
    }

    /** Backfill rows stored: indicator windows (and the newest one's start, null when none), health, alerts. */
    public record StoredResults(long indicatorWindows, Instant newestWindowStart, long healthScores,
                                long alertTransitions) {}
}
