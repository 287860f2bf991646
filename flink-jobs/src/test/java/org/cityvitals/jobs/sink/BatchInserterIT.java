package org.cityvitals.jobs.sink;

import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.stack.ClickHouseServer;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.SchemaMigrator;
import org.cityvitals.store.table.IndicatorValueTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** While ClickHouse is down the sink's insert waits and retries; when it is back, every row is there. */
class BatchInserterIT {

    @TempDir
    Path dir;

    @Test
    void anOutageHoldsTheBatchUntilClickHouseIsBackAndLosesNothing() throws Exception {
        Path data = dir.resolve("clickhouse");
        ClickHouseServer first = ClickHouseServer.start(data);
        int http = first.httpPort();
        int tcp = first.tcpPort();
        new SchemaMigrator(new ClickHouse(first.jdbcUrl("default")), "outage").migrate();
        first.close();

        List<IndicatorValue> batch = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 500; i++) {
            Instant start = t0.plusSeconds(60L * i);
            batch.add(new IndicatorValue("air.pm25", "310101", start, start.plusSeconds(60), i, 3, Level.NORMAL, 1));
        }
        BatchInserter<IndicatorValue> inserter = new BatchInserter<>(first.jdbcUrl("default"), "outage",
                new IndicatorValueTable());
        CompletableFuture<Integer> insert = CompletableFuture.supplyAsync(() -> {
            try {
                return inserter.insert(batch);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        assertThat(insert).as("still waiting while ClickHouse is down").isNotDone();

        try (ClickHouseServer again = ClickHouseServer.start(data, http, tcp)) {
            int failedAttempts = insert.get(60, TimeUnit.SECONDS);
            assertThat(failedAttempts).isPositive();
            assertThat(new ClickHouse(again.jdbcUrl("default")).query(
                    "SELECT count(), sum(value) FROM outage.indicator_values FINAL", rs -> rs.getLong(1) + "/"
                            + rs.getLong(2))).containsExactly("500/" + (499 * 500 / 2));
        }
    }
}
