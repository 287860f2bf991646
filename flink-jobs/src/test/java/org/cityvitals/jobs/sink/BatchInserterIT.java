package org.cityvitals.jobs.sink;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.stack.testing.SharedStack;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.table.IndicatorValueTable;
import org.cityvitals.store.table.ReadingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch inserter against real ClickHouse servers: rows the server refuses for good become dead letters while the
 * rest go in, a batch touching more partitions than one insert may is split, and a server that is down is waited for,
 * with a platform alarm once it has been down a minute, resolved when it is back.
 */
class BatchInserterIT {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    /** Collects what a writer reports. */
    static final class Reported implements Refusals.Reporter {
        final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        final List<AlertEvent> alarms = new CopyOnWriteArrayList<>();

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
        }

        @Override
        public void alarm(AlertEvent alarm) {
            alarms.add(alarm);
        }

        @Override
        public void close() {
        }
    }

    private static IndicatorValue value(Instant start, double v) {
        return new IndicatorValue("air.pm25", "310101", start, start.plusSeconds(60), v, 1, Level.NORMAL, 1);
    }

    @Test
    void aRowTheServerRefusesIsADeadLetterAndTheOthersGoIn() throws Exception {
        ClickHouse server = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        String db = SharedStack.unique("inserter");
        new SchemaMigrator(server, db).migrate();
        Reported reported = new Reported();
        BatchInserter<IndicatorValue> inserter = new BatchInserter<>(server, db,
                new IndicatorValueTable(Origin.LIVE), reported, Clock.systemUTC());
        // a window start before 1970 cannot be a ClickHouse DateTime
        List<IndicatorValue> batch = List.of(value(T0, 1), value(Instant.parse("1960-01-01T00:00:00Z"), 2),
                value(T0.plusSeconds(60), 3));
        inserter.insert(batch);
        assertThat(server.query("SELECT value FROM " + db + ".indicator_values FINAL ORDER BY window_start",
                rs -> rs.getDouble(1))).containsExactly(1.0, 3.0);
        assertThat(reported.deadLetters).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("store_refused");
            assertThat(d.source()).isEqualTo("clickhouse:indicator_values");
            assertThat(d.payload()).contains("1960-01-01");
        });
    }

    @Test
    void aBatchOverMoreDaysThanOneInsertMayTouchIsSplitNotRefused() throws Exception {
        ClickHouse server = new ClickHouse(SharedStack.get().jdbcUrl("default"));
        String db = SharedStack.unique("inserter");
        new SchemaMigrator(server, db).migrate();
        Reported reported = new Reported();
        BatchInserter<Reading> inserter = new BatchInserter<>(server, db, new ReadingTable(), reported,
                Clock.systemUTC());
        // readings are partitioned by day; 18.16 refuses an insert touching more than 100 partitions
        List<Reading> year = new ArrayList<>();
        for (int day = 0; day < 365; day++) {
            year.add(new Reading("bj-dongsi", "pm25", day, "µg/m³", Instant.parse("2013-03-01T00:00:00Z")
                    .plus(Duration.ofDays(day)), "110101", null, null, Quality.GOOD));
        }
        inserter.insert(year);
        assertThat(server.query("SELECT count() FROM " + db + ".readings", rs -> rs.getLong(1))).containsExactly(365L);
        assertThat(reported.deadLetters).isEmpty();
    }

    @Test
    void aStoreDownIsWaitedForAndAlarmedAfterAMinute(@TempDir Path dir) throws Exception {
        ClickHouseServer own = ClickHouseServer.start(dir.resolve("ch"));
        ClickHouse server = new ClickHouse(own.jdbcUrl("default"));
        new SchemaMigrator(server, "down").migrate();
        server.query("DESCRIBE TABLE down.indicator_values", rs -> 1); // the encoder learns the columns now
        int httpPort = own.httpPort();
        Reported reported = new Reported();
        MovingClock clock = new MovingClock();
        BatchInserter<IndicatorValue> inserter = new BatchInserter<>(server, "down",
                new IndicatorValueTable(Origin.LIVE), reported, clock);
        inserter.insert(List.of(value(T0, 1)));
        own.close();

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> retried = background.submit(() -> inserter.insert(List.of(value(T0.plusSeconds(60), 2))));
            Thread.sleep(1500);
            assertThat(reported.alarms).isEmpty();
            clock.advance(Duration.ofSeconds(61));
            long deadline = System.currentTimeMillis() + 20_000;
            while (reported.alarms.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            ClickHouseServer again = ClickHouseServer.start(dir.resolve("ch"), httpPort, own.tcpPort());
            try {
                assertThat(retried.get(60, TimeUnit.SECONDS)).isPositive();
                assertThat(server.query("SELECT count() FROM down.indicator_values", rs -> rs.getLong(1)))
                        .containsExactly(2L);
            } finally {
                again.close();
            }
        } finally {
            background.shutdownNow();
        }
        assertThat(reported.alarms).extracting(AlertEvent::rule, AlertEvent::kind, AlertEvent::indicatorId)
                .containsExactly(org.assertj.core.api.Assertions.tuple("store_lag", AlertKind.OPENED,
                        "store.indicator_values"), org.assertj.core.api.Assertions.tuple("store_lag",
                        AlertKind.RESOLVED, "store.indicator_values"));
    }

    /** A clock the test moves on, so "down for a minute" takes no minute. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
