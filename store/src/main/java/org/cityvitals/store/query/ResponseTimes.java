package org.cityvitals.store.query;

import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.SituationResponse;
import org.cityvitals.store.situation.SituationResponseTable;
import org.cityvitals.store.table.IndicatorValueTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operations centre's response to situations ({@code situation_responses}): time to acknowledge, to dispatch and
 * to resolve per district and hazard for situations opened in a range (statement
 * {@code sql/situation/response-times.sql}), the responses acted on in a window (
 * {@code sql/situation/responses-acted.sql}), and the centre's response-time indicators computed from them, written
 * to {@code indicator_values} like every other indicator's values, with the newest window written
 * ({@code sql/situation/response-indicators-written.sql}). Blocking: call off the event loop.
 */
public final class ResponseTimes {

    private final TableAccess<SituationResponse> table;
    private final TableAccess<IndicatorValue> indicatorValues;

    /**
     * One district and hazard: counts, and mean and longest minutes to acknowledge, to dispatch (a first work order)
     * and to resolve (0 when none).
     */
    public record Row(String district, String hazard, long situations, long acknowledged, double meanMinutesToAcknowledge,
                      double maxMinutesToAcknowledge, long dispatched, double meanMinutesToDispatch,
                      double maxMinutesToDispatch, long resolved, double meanMinutesToResolve,
                      double maxMinutesToResolve) {}

    public ResponseTimes(ClickHouse clickHouse, String database) {
        this.table = new TableAccess<>(clickHouse, database, new SituationResponseTable());
        this.indicatorValues = new TableAccess<>(clickHouse, database, new IndicatorValueTable(Origin.LIVE));
    }

    public void record(SituationResponse response) throws SQLException {
        table.insert(response);
    }

    /** Writes values of the centre's response-time indicators; a window written again folds by its version. */
    public void recordIndicators(List<IndicatorValue> values) throws SQLException {
        indicatorValues.insertAll(values);
    }

    /** The start of the newest window of any of {@code indicatorIds} written starting before {@code before}. */
    public Optional<Instant> newestIndicatorWindow(Collection<String> indicatorIds, Instant before)
            throws SQLException {
        long start = indicatorValues.rows("situation/response-indicators-written", rs -> rs.getLong(1),
                String.join(",", indicatorIds), before.getEpochSecond()).get(0);
        return start == 0 ? Optional.empty() : Optional.of(Columns.instant(start));
    }

    /**
     * The newest response of every situation a person acknowledged, dispatched or resolved in [from, to); the steps
     * it has not taken, or took outside the range, are there too (the caller picks the steps in the range).
     */
    public List<SituationResponse> actedIn(Instant from, Instant to) throws SQLException {
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        return table.rows("situation/responses-acted", ResponseTimes::response, start, end, start, end, start, end,
                end);
    }

    private static SituationResponse response(ResultSet rs) throws SQLException {
        return new SituationResponse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Columns.instant(rs.getLong(5)), stepAt(rs, 6), stepAt(rs, 8), stepAt(rs, 10),
                Columns.emptyToNull(rs.getString(12)), rs.getInt(13));
    }

    /** The time in the column after the flag at {@code flagColumn}, or null when the flag says the step is not taken. */
    private static Instant stepAt(ResultSet rs, int flagColumn) throws SQLException {
        return rs.getInt(flagColumn) == 1 ? Columns.instant(rs.getLong(flagColumn + 1)) : null;
    }

    /** Situations opened in [from, to) in {@code districts}, per district and hazard. */
    public List<Row> perDistrictAndHazard(Collection<String> districts, Instant from, Instant to) throws SQLException {
        return table.rows("situation/response-times", ResponseTimes::row, from.getEpochSecond(), to.getEpochSecond(),
                String.join(",", districts));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), finite(rs.getDouble(5)),
                finite(rs.getDouble(6)), rs.getLong(7), finite(rs.getDouble(8)), finite(rs.getDouble(9)),
                rs.getLong(10), finite(rs.getDouble(11)), finite(rs.getDouble(12)));
    }

    /** avgIf over no rows is nan in ClickHouse: none acknowledged reads 0 minutes, with its count 0 beside it. */
    private static double finite(double minutes) {
        return Double.isFinite(minutes) ? minutes : 0;
    }
}
