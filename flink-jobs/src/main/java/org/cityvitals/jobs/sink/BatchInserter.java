package org.cityvitals.jobs.sink;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.TableMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts one batch, retrying with exponential backoff (0.1 s doubling to 10 s) for as long as ClickHouse refuses
 * it. Blocking here is deliberate: the writer stops taking records, Flink back-pressures up to the Kafka source, and
 * nothing is lost while ClickHouse is down. Cancelling the job interrupts the wait.
 */
final class BatchInserter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchInserter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final ClickHouse clickHouse;
    private final String table;
    private final TableMapping<T> mapping;

    BatchInserter(String jdbcUrl, String database, TableMapping<T> mapping) {
        this.clickHouse = new ClickHouse(jdbcUrl);
        this.table = database + "." + mapping.table();
        this.mapping = mapping;
    }

    /** Returns the number of failed attempts before the batch went in. */
    int insert(List<T> records) throws InterruptedException {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (T r : records) {
            rows.add(mapping.row(r));
        }
        long backoff = FIRST_BACKOFF_MS;
        for (int failures = 0; ; failures++) {
            try {
                clickHouse.insert(table, mapping.columns(), rows);
                return failures;
            } catch (SQLException e) {
                LOG.warn("insert of {} rows into {} failed (attempt {}), retrying in {} ms: {}", rows.size(), table,
                        failures + 1, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }
}
