package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.SituationResponse;
import org.cityvitals.store.situation.SituationResponseTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The operations centre's own indicators: time to acknowledge, to dispatch and to resolve situations per district and hazard
 * ({@code situation_responses}, statement {@code sql/situation/response-times.sql}). Blocking: call off the event
 * loop.
 */
public final class ResponseTimes {

    private final TableAccess<SituationResponse> table;
    private final String perDistrictAndHazard;

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
        this.perDistrictAndHazard = table.statement("situation/response-times");
    }

    public void record(SituationResponse response) throws SQLException {
        table.insert(response);
    }

    /** Situations opened in [from, to) in {@code districts}, per district and hazard. */
    public List<Row> perDistrictAndHazard(Collection<String> districts, Instant from, Instant to) throws SQLException {
        return table.query(perDistrictAndHazard, ResponseTimes::row, from.getEpochSecond(), to.getEpochSecond(),
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
