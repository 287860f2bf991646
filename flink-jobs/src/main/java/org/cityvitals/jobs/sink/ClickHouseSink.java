package org.cityvitals.jobs.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.table.TableMapping;

import java.time.Clock;
import java.time.Duration;

/**
 * Writes records to one ClickHouse table in batches. At-least-once: every batch is flushed before a checkpoint
 * completes; rows carry deterministic keys into ReplacingMergeTree tables, so rows written again after a restore
 * replace themselves instead of duplicating — effectively once. Rows the server refuses for good and a store that
 * stays down are reported through {@link Refusals}.
 */
public final class ClickHouseSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    /** Rows per insert: ClickHouse wants batches of thousands; measured in docs/BENCHMARKS.md. */
    public static final int BATCH_ROWS = 50_000;
    /** The longest a live row waits for a fuller batch: the history the screens read is at most this late. */
    public static final Duration LIVE_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final String jdbcUrl;
    private final String database;
    private final TableMapping<T> mapping;
    private final Refusals refusals;
    private final int batchSize;
    private final Duration flushInterval;

    public ClickHouseSink(String jdbcUrl, String database, TableMapping<T> mapping, Refusals refusals, int batchSize,
                          Duration flushInterval) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.mapping = mapping;
        this.refusals = refusals;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
    }

    public ClickHouseSink(String jdbcUrl, String database, TableMapping<T> mapping, Refusals refusals) {
        this(jdbcUrl, database, mapping, refusals, BATCH_ROWS, LIVE_FLUSH_INTERVAL);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Refusals.Reporter reporter = refusals.open();
        BatchInserter<T> inserter = new BatchInserter<>(new ClickHouse(jdbcUrl), database, mapping, reporter,
                Clock.systemUTC());
        return new ClickHouseBatchWriter<>(inserter, reporter, batchSize, flushInterval,
                context.getProcessingTimeService(), context.metricGroup());
    }
}
