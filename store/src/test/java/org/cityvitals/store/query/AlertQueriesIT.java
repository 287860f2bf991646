package org.cityvitals.store.query;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.table.AlertEventTable;
import org.cityvitals.store.table.HealthScoreTable;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The query classes read back what the table mappings wrote, newest versions only, in the documented order. */
class AlertQueriesIT {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static ClickHouse clickHouse;
    private static String db;

    @BeforeAll
    static void migrate() throws Exception {
        db = SharedStack.unique("queries");
        new SchemaMigrator(new ClickHouse(SharedStack.get().jdbcUrl("default")), db).migrate();
        clickHouse = new ClickHouse(SharedStack.get().jdbcUrl("default"));
    }

    @Test
    void openAlertsTransitionsAndActionsComeBackAsWritten() throws Exception {
        AlertEvent opened = alert("q-open", 1, AlertKind.OPENED, Level.YELLOW, T0);
        AlertEvent raised = alert("q-open", 2, AlertKind.LEVEL_CHANGED, Level.RED, T0.plusSeconds(60));
        AlertEvent gone = alert("q-gone", 1, AlertKind.OPENED, Level.BLUE, T0);
        AlertEvent resolved = alert("q-gone", 2, AlertKind.RESOLVED, Level.NORMAL, T0.plusSeconds(120));
        AlertEvent backfilled = alert("q-history", 1, AlertKind.OPENED, Level.RED, T0.plusSeconds(150),
                Origin.BACKFILL);
        clickHouse.insert(db, new AlertEventTable(), List.of(raised, opened, gone, resolved, backfilled));
        AlertQueries queries = new AlertQueries(clickHouse, db);
        AlertAction ack = new AlertAction("q-act-1", "q-open", "310101", AlertActionKind.ACKNOWLEDGE, "ops", null,
                null, "seen", T0.plusSeconds(90));
        AlertAction silence = new AlertAction("q-act-2", "q-gone", "310101", AlertActionKind.SILENCE, "ops", null,
                T0.plusSeconds(3600), null, T0.plusSeconds(100));
        queries.record(ack);
        queries.record(silence);
        queries.record(ack); // a retry folds

        assertThat(queries.openAlerts()).containsExactly(raised);
        assertThat(queries.transitions("q-open")).containsExactly(opened, raised);
        assertThat(queries.transitions("no-such")).isEmpty();
        assertThat(queries.transitions("q-history")).as("history keeps a backfill's alerts").containsExactly(backfilled);
        assertThat(queries.actions("q-open")).containsExactly(ack);
        assertThat(queries.actionsOnOpenAlerts()).containsExactly(ack);
        assertThat(queries.transitionsOfAlertsChangedSince(T0.plusSeconds(120))).containsExactly(gone, resolved);
        assertThat(queries.actionsOfAlertsChangedSince(T0.plusSeconds(120))).containsExactly(silence);
    }

    @Test
    void historyReadsTheNewestVersionOfEachWindowInRange() throws Exception {
        IndicatorValue first = new IndicatorValue("air.pm25", "310104", T0, T0.plusSeconds(60), 50, 10, Level.BLUE, 1);
        IndicatorValue corrected = new IndicatorValue("air.pm25", "310104", T0, T0.plusSeconds(60), 61, 11,
                Level.BLUE, 2);
        IndicatorValue outside = new IndicatorValue("air.pm25", "310104", T0.plusSeconds(3600),
                T0.plusSeconds(3660), 9, 1, Level.NORMAL, 1);
        clickHouse.insert(db, new IndicatorValueTable(Origin.LIVE), List.of(first, corrected, outside));
        HealthScoreValue health = new HealthScoreValue("310104", T0, 77.5, Level.YELLOW, 1);
        clickHouse.insert(db, new HealthScoreTable(Origin.LIVE), List.of(health));
        HistoryQueries history = new HistoryQueries(clickHouse, db);

        assertThat(history.indicatorValues("air.pm25", "310104", T0, T0.plusSeconds(3600)))
                .containsExactly(corrected);
        assertThat(history.healthScores("310104", T0, T0.plusSeconds(60))).containsExactly(health);
        assertThat(history.healthScores("310104", T0.plusSeconds(60), T0.plusSeconds(120))).isEmpty();
    }

    private static AlertEvent alert(String id, int version, AlertKind kind, Level level, Instant at) {
        return alert(id, version, kind, level, at, Origin.LIVE);
    }

    private static AlertEvent alert(String id, int version, AlertKind kind, Level level, Instant at, Origin origin) {
        return new AlertEvent(id, version, "level", "air.pm25", "310101", kind, level, Level.NORMAL, 80, 75, T0, at,
                AlertAudience.OPERATIONS, origin, "PM2.5 above 75");
    }
}
