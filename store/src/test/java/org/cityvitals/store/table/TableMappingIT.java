package org.cityvitals.store.table;

import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.event.IncidentStatus;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.TestClickHouse;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each mapping written through {@link ClickHouse#insert(String, TableMapping, List)} into the migrated schema. */
class TableMappingIT {

    private static final String DB = "mappings";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    static ClickHouse ch;

    @BeforeAll
    static void migrate() throws SQLException {
        TestClickHouse.migrated(DB);
        ch = TestClickHouse.admin();
    }

    @Test
    void aReadingDeliveredTwiceIsOneRowAndMissingCoordinatesAreNull() throws SQLException {
        Reading located = new Reading("sh-310101-pm25-01", "pm25", 42.5, "µg/m³", T0, "310101", 31.2, 121.5,
                Quality.GOOD);
        Reading unlocated = new Reading("sh-310104-pm25-01", "pm25", 80.0, "µg/m³", T0, "310104", null, null,
                Quality.SUSPECT);
        ch.insert(DB, new ReadingTable(), List.of(located, unlocated));
        ch.insert(DB, new ReadingTable(), List.of(located));

        assertThat(ch.query("SELECT sensor_id, value, unit, lat, quality, toUnixTimestamp(observed_at) "
                        + "FROM " + DB + ".readings FINAL ORDER BY sensor_id",
                rs -> rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getString(3) + " " + rs.getObject(4)
                        + " " + rs.getString(5) + " " + rs.getLong(6)))
                .containsExactly("sh-310101-pm25-01 42.5 µg/m³ 31.2 good " + T0.getEpochSecond(),
                        "sh-310104-pm25-01 80.0 µg/m³ null suspect " + T0.getEpochSecond());
    }

    @Test
    void anIncidentKeepsItsFurthestStageWhenStagesArriveOutOfOrder() throws SQLException {
        Incident resolved = incident(IncidentStatus.RESOLVED, T0.plusSeconds(600), T0.plusSeconds(3600));
        Incident reported = incident(IncidentStatus.REPORTED, null, null);
        ch.insert(DB, new IncidentTable(), List.of(resolved));
        ch.insert(DB, new IncidentTable(), List.of(reported));

        assertThat(ch.query("SELECT status, subcategory, toUnixTimestamp(dispatched_at), toUnixTimestamp(resolved_at) "
                        + "FROM " + DB + ".incidents FINAL WHERE id = 'hl-1'",
                rs -> rs.getString(1) + " '" + rs.getString(2) + "' " + rs.getLong(3) + " " + rs.getLong(4)))
                .containsExactly("resolved '' " + T0.plusSeconds(600).getEpochSecond() + " "
                        + T0.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void aRetriedAlertActionIsOneRow() throws SQLException {
        AlertAction silence = new AlertAction("act-1", "alert-9", "310101", AlertActionKind.SILENCE, "wang.li", null,
                T0.plusSeconds(1800), null, T0);
        AlertAction assign = new AlertAction("act-2", "alert-9", "310101", AlertActionKind.ASSIGN, "wang.li",
                "duty-team-2", null, "road crew on site", T0.plusSeconds(60));
        ch.insert(DB, new AlertActionTable(), List.of(silence, assign));
        ch.insert(DB, new AlertActionTable(), List.of(silence));

        assertThat(ch.query("SELECT action, user_name, assignee, toUnixTimestamp(silenced_until), note "
                        + "FROM " + DB + ".alert_actions FINAL WHERE alert_id = 'alert-9' ORDER BY acted_at",
                rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getObject(4)
                        + "|" + rs.getString(5)))
                .containsExactly("silence|wang.li||" + T0.plusSeconds(1800).getEpochSecond() + "|",
                        "assign|wang.li|duty-team-2|null|road crew on site");
    }

    @Test
    void anAlertActionStatesWhatItsKindNeeds() {
        assertThatThrownBy(() -> new AlertAction("a", "b", "310101", AlertActionKind.SILENCE, "u", null, null, null,
                T0)).hasMessage("silencedUntil must be set for a silence and only for a silence");
        assertThatThrownBy(() -> new AlertAction("a", "b", "310101", AlertActionKind.ESCALATE, "u", null, null, null,
                T0)).hasMessage("escalate needs an assignee");
    }

    private static Incident incident(IncidentStatus status, Instant dispatchedAt, Instant resolvedAt) {
        return new Incident("hl-1", IncidentSource.HOTLINE_12345, "noise", null, "310101", 3, status, T0,
                dispatchedAt, resolvedAt, null, null);
    }
}
