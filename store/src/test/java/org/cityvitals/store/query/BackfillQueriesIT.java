package org.cityvitals.store.query;

import org.cityvitals.indicators.level.Level;
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

/** The overlap check and the progress figures count exactly the rows of the city, origin and range asked for. */
class BackfillQueriesIT {

    private static final Instant T0 = Instant.parse("2016-03-01T00:00:00Z");
    private static final List<String> BEIJING = List.of("110000", "110101", "110102");
    private static ClickHouse clickHouse;
    private static String db;

    @BeforeAll
    static void migrate() throws Exception {
        db = SharedStack.unique("backfill_queries");
        clickHouse = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        new SchemaMigrator(clickHouse, db).migrate();
    }

    @Test
    void liveWindowsOfTheCityInsideTheRangeAreTheOverlap() throws Exception {
        clickHouse.insert(db, new IndicatorValueTable(Origin.LIVE), List.of(
                value("110101", T0.plusSeconds(3600)), value("110000", T0.plusSeconds(7200)),
                value("310101", T0.plusSeconds(3600)),            // another city
                value("110101", T0.plusSeconds(86_400 * 10))));   // outside the range
        clickHouse.insert(db, new IndicatorValueTable(Origin.BACKFILL), List.of(value("110102", T0)));
        BackfillQueries queries = new BackfillQueries(clickHouse, db);

        BackfillQueries.LiveOverlap overlap = queries.liveOverlap(BEIJING, T0, T0.plusSeconds(86_400));

        assertThat(overlap).isEqualTo(new BackfillQueries.LiveOverlap(2, T0.plusSeconds(3600), T0.plusSeconds(7200)));
        assertThat(queries.liveOverlap(BEIJING, T0.minusSeconds(86_400), T0.minusSeconds(1)).any()).isFalse();
    }

    @Test
    void storedResultsCountOnlyTheBackfillsRowsOfTheCityAndRange() throws Exception {
        String other = SharedStack.unique("backfill_stored");
        new SchemaMigrator(clickHouse, other).migrate();
        clickHouse.insert(other, new IndicatorValueTable(Origin.BACKFILL), List.of(value("110101", T0),
                value("110000", T0.plusSeconds(3600)), value("310101", T0)));
        clickHouse.insert(other, new IndicatorValueTable(Origin.LIVE), List.of(value("110101", T0.plusSeconds(60))));
        clickHouse.insert(other, new HealthScoreTable(Origin.BACKFILL), List.of(
                new HealthScoreValue("110000", T0, 90, Level.BLUE, 1)));
        clickHouse.insert(other, new AlertEventTable(), List.of(new AlertEvent("a1", 1, "level", "air.pm25",
                "110101", AlertKind.OPENED, Level.YELLOW, Level.NORMAL, 120, 115, T0, T0.plusSeconds(600),
                AlertAudience.OPERATIONS, Origin.BACKFILL, "m")));
        BackfillQueries queries = new BackfillQueries(clickHouse, other);

        assertThat(queries.stored(BEIJING, T0, T0.plusSeconds(86_400)))
                .isEqualTo(new BackfillQueries.StoredResults(2, T0.plusSeconds(3600), 1, 1));
        assertThat(queries.stored(BEIJING, T0.plusSeconds(86_400), T0.plusSeconds(90_000)))
                .isEqualTo(new BackfillQueries.StoredResults(0, null, 0, 0));
    }

    @Test
    void progressCountsRowsWrittenAndStoredResultsFoldTheRewrittenOnes() throws Exception {
        String other = SharedStack.unique("backfill_progress");
        new SchemaMigrator(clickHouse, other).migrate();
        // the same window twice (a second version), as a backfill writes a corrected window
        clickHouse.insert(other, new IndicatorValueTable(Origin.BACKFILL), List.of(value("110101", T0)));
        clickHouse.insert(other, new IndicatorValueTable(Origin.BACKFILL), List.of(
                new IndicatorValue("air.pm25", "110101", T0, T0.plusSeconds(3600), 81, 5, Level.BLUE, 2)));
        BackfillQueries queries = new BackfillQueries(clickHouse, other);

        assertThat(queries.progress(BEIJING, T0, T0.plusSeconds(86_400)))
                .isEqualTo(new BackfillQueries.StoredResults(2, T0, 0, 0));
        assertThat(queries.stored(BEIJING, T0, T0.plusSeconds(86_400)))
                .isEqualTo(new BackfillQueries.StoredResults(1, T0, 0, 0));
    }

    private static IndicatorValue value(String area, Instant start) {
        return new IndicatorValue("air.pm25", area, start, start.plusSeconds(3600), 80, 4, Level.BLUE, 1);
    }
}
