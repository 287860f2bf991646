package org.cityvitals.dashboard.feed;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.alert.AlertAction;
import org.cityvitals.store.alert.AlertActionKind;
import org.cityvitals.store.table.AlertActionTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Alert transitions ({@code alert_events}, written by flink-jobs) and what people did with alerts
 * ({@code alert_actions}, written here). Times travel as Unix seconds, as in {@link SignalStore}. Blocking: call off
 * the event loop.
 */
public final class AlertStore {

    private static final String EVENT_COLUMNS = "alert_id, version, rule, indicator_id, district, kind, level, "
            + "previous_level, value, threshold, toUnixTimestamp(since), toUnixTimestamp(event_time), audience, origin, message";
    private static final String ACTION_COLUMNS = "action_id, alert_id, district, action, user_name, assignee, "
            + "toUnixTimestamp(silenced_until), note, toUnixTimestamp(acted_at)";
    private static final AlertActionTable ACTIONS = new AlertActionTable();

    private final ClickHouse clickHouse;
    private final String database;

    public AlertStore(ClickHouse clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    /** The newest version of every alert whose newest transition is not "resolved". */
    public List<AlertEvent> openAlerts() throws SQLException {
        return clickHouse.query("SELECT " + EVENT_COLUMNS + newestOpenTransitions(), AlertStore::alertEvent);
    }

    /** Every recorded transition of one alert, oldest first; empty when ClickHouse does not know the alert. */
    public List<AlertEvent> transitions(String alertId) throws SQLException {
        return clickHouse.query("SELECT " + EVENT_COLUMNS + " FROM " + database + ".alert_events FINAL "
                + "WHERE alert_id = ? ORDER BY version", AlertStore::alertEvent, alertId);
    }

    /** What people did with one alert, oldest first. */
    public List<AlertAction> actions(String alertId) throws SQLException {
        return clickHouse.query("SELECT " + ACTION_COLUMNS + " FROM " + database + ".alert_actions FINAL "
                + "WHERE alert_id = ? ORDER BY acted_at, action_id", AlertStore::alertAction, alertId);
    }

    /** What people did with the alerts open now, oldest first: rebuilds who acknowledged what after a restart. */
    public List<AlertAction> actionsOnOpenAlerts() throws SQLException {
        return clickHouse.query("SELECT " + ACTION_COLUMNS + " FROM " + database + ".alert_actions FINAL "
                        + "WHERE alert_id IN (SELECT alert_id" + newestOpenTransitions() + ") "
                        + "ORDER BY acted_at, action_id",
                AlertStore::alertAction);
    }

    /** Records one action; a retry with the same action id folds into the same row. */
    public void record(AlertAction action) throws SQLException {
        clickHouse.insert(database, ACTIONS, List.of(action));
    }

    /** FROM … WHERE selecting the newest transition of every alert that is not resolved. */
    private String newestOpenTransitions() {
        return " FROM " + database + ".alert_events FINAL WHERE (alert_id, version) IN "
                + "(SELECT alert_id, max(version) FROM " + database + ".alert_events GROUP BY alert_id) "
                + "AND kind != 'resolved'";
    }

    private static AlertEvent alertEvent(ResultSet rs) throws SQLException {
        return new AlertEvent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                WireNames.parse(AlertKind.class, rs.getString(6)), SignalStore.level(rs.getString(7)),
                SignalStore.level(rs.getString(8)), rs.getDouble(9), rs.getDouble(10),
                Instant.ofEpochSecond(rs.getLong(11)), Instant.ofEpochSecond(rs.getLong(12)),
                WireNames.parse(AlertAudience.class, rs.getString(13)), WireNames.parse(Origin.class, rs.getString(14)),
                rs.getString(15));
    }

    private static AlertAction alertAction(ResultSet rs) throws SQLException {
        String silencedUntil = rs.getString(7);
        return new AlertAction(rs.getString(1), rs.getString(2), rs.getString(3),
                WireNames.parse(AlertActionKind.class, rs.getString(4)), rs.getString(5),
                emptyToNull(rs.getString(6)),
                silencedUntil == null ? null : Instant.ofEpochSecond(Long.parseLong(silencedUntil)),
                emptyToNull(rs.getString(8)), Instant.ofEpochSecond(rs.getLong(9)));
    }

    /** The table stores absent text as '' (18.16 has no cheap Nullable String); the record wants null. */
    private static String emptyToNull(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }
}
