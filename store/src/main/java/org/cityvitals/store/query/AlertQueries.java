package org.cityvitals.store.query;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.AlertActionTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Alerts as ClickHouse has them: transitions ({@code alert_events}, written by flink-jobs) and what people did with
 * them ({@code alert_actions}). The statements are in {@code sql/alerts/}. Blocking: call off the event loop.
 */
public final class AlertQueries {

    private final TableAccess<AlertAction> table;

    public AlertQueries(ClickHouse clickHouse, String database) {
        this.table = new TableAccess<>(clickHouse, database, new AlertActionTable());
    }

    /** The newest transition of every live alert that is not resolved. */
    public List<AlertEvent> openAlerts() throws SQLException {
        return table.rows("alerts/open-alerts", AlertQueries::alertEvent);
    }

    /** Every recorded transition of one alert, oldest first; empty when ClickHouse does not know the alert. */
    public List<AlertEvent> transitions(String alertId) throws SQLException {
        return table.rows("alerts/transitions", AlertQueries::alertEvent, alertId);
    }

    /** Every transition of every alert that changed at or after {@code since}, by alert, oldest first. */
    public List<AlertEvent> transitionsOfAlertsChangedSince(Instant since) throws SQLException {
        return table.rows("alerts/transitions-changed-since", AlertQueries::alertEvent, since.getEpochSecond());
    }

    /** What people did with one alert, oldest first. */
    public List<AlertAction> actions(String alertId) throws SQLException {
        return table.rows("alerts/actions", AlertQueries::alertAction, alertId);
    }

    /** What people did with the alerts open now, oldest first: rebuilds who acknowledged what after a restart. */
    public List<AlertAction> actionsOnOpenAlerts() throws SQLException {
        return table.rows("alerts/actions-on-open-alerts", AlertQueries::alertAction);
    }

    /** Every action on an alert that changed at or after {@code since}, and every action taken since then. */
    public List<AlertAction> actionsOfAlertsChangedSince(Instant since) throws SQLException {
        return table.rows("alerts/actions-changed-since", AlertQueries::alertAction, since.getEpochSecond(),
                since.getEpochSecond());
    }

    /** Records one action; a retry with the same action id folds into the same row. */
    public void record(AlertAction action) throws SQLException {
        table.insert(action);
    }

    private static AlertEvent alertEvent(ResultSet rs) throws SQLException {
        return new AlertEvent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                WireNames.parse(AlertKind.class, rs.getString(6)), Columns.level(rs.getString(7)),
                Columns.level(rs.getString(8)), rs.getDouble(9), rs.getDouble(10), Columns.instant(rs.getLong(11)),
                Columns.instant(rs.getLong(12)), WireNames.parse(AlertAudience.class, rs.getString(13)),
                WireNames.parse(Origin.class, rs.getString(14)), rs.getString(15));
    }

    private static AlertAction alertAction(ResultSet rs) throws SQLException {
        String silencedUntil = rs.getString(7);
        return new AlertAction(rs.getString(1), rs.getString(2), rs.getString(3),
                WireNames.parse(AlertActionKind.class, rs.getString(4)), rs.getString(5),
                Columns.emptyToNull(rs.getString(6)),
                silencedUntil == null ? null : Columns.instant(Long.parseLong(silencedUntil)),
                Columns.emptyToNull(rs.getString(8)), Columns.instant(rs.getLong(9)),
                Columns.emptyToNull(rs.getString(10)));
    }
}
