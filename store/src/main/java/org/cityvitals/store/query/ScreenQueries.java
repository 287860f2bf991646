package org.cityvitals.store.query;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.store.ClickHouse;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the operations screens read from ClickHouse besides indicator and health history: incidents per channel and
 * hour, the 12345 categories rising fastest, and the alert episodes drawn on an indicator chart. The SQL lives in
 * {@code sql/screen/*.sql}; times travel as Unix seconds both ways so that no time zone can shift them. Blocking:
 * call off the event loop.
 */
public final class ScreenQueries {

    /** New cases of one channel ({@code 12345}, {@code 110}, {@code 119}, {@code 120}, {@code utility}) in one hour. */
    public record IncidentHour(String channel, Instant hour, long cases) {}

    /** A 12345 category: cases in the last hour and in the 24 hours before it. */
    public record RisingCategory(String category, long lastHour, long dayBefore) {}

    /** One alert episode: its worst level, when it opened, and when it resolved (null while open). */
    public record AlertEpisode(String alertId, String rule, Level worstLevel, Instant openedAt, Instant resolvedAt) {}

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final QueryFiles queries;

    public ScreenQueries(ClickHouse clickHouse, String database) {
        this.queries = new QueryFiles(clickHouse, database);
    }

    /** Cases reported in {@code districts} in [from, to) per channel and hour, oldest hour first. */
    public List<IncidentHour> incidentsPerHour(Collection<String> districts, Instant from, Instant to)
            throws SQLException {
        return queries.rows("screen/incidents-per-hour",
                rs -> new IncidentHour(rs.getString(1), Instant.ofEpochSecond(rs.getLong(2)), rs.getLong(3)),
                from.getEpochSecond(), to.getEpochSecond(), String.join(",", districts));
    }

    /** The (at most five) 12345 categories in {@code districts} whose last hour before {@code now} rose most. */
    public List<RisingCategory> risingHotlineCategories(Collection<String> districts, Instant now)
            throws SQLException {
        long lastHour = now.minus(HOUR).getEpochSecond();
        return queries.rows("screen/rising-hotline-categories",
                rs -> new RisingCategory(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                lastHour, lastHour, now.minus(HOUR).minus(DAY).getEpochSecond(), now.getEpochSecond(),
                String.join(",", districts));
    }

    /** Alert episodes of one indicator in one area overlapping [from, to), by opening time. */
    public List<AlertEpisode> alertEpisodes(String indicatorId, String area, Instant from, Instant to)
            throws SQLException {
        return queries.rows("screen/alert-episodes", rs -> {
            long resolved = rs.getLong(5);
            return new AlertEpisode(rs.getString(1), rs.getString(2), WireNames.parse(Level.class, rs.getString(3)),
                    Instant.ofEpochSecond(rs.getLong(4)), resolved == 0 ? null : Instant.ofEpochSecond(resolved));
        }, indicatorId, area, to.getEpochSecond(), from.getEpochSecond());
    }
}
