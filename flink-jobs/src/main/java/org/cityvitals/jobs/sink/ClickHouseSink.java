package org.cityvitals.jobs.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.cityvitals.store.table.TableMapping;

import java.time.Duration;

/**
 * Writes records to one ClickHouse table in batches. At-least-once: every batch is flushed before a checkpoint
 * completes; rows carry deterministic keys into ReplacingMergeTree tables, so rows written again after a restore
 * replace themselves instead of duplicating — effectively once.
 */
public final class ClickHouseSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String jdbcUrl;
    private final String database;
    private final TableMapping<T> mapping;
    private final int batchSize;
    private final Duration flushInterval;

    public ClickHouseSink(String jdbcUrl, String database, TableMapping<T> mapping, int batchSize,
                          Duration flushInterval) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.mapping = mapping;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
    }

    public ClickHouseSink(String jdbcUrl, String database, TableMapping<T> mapping) {
        this(jdbcUrl, database, mapping, 50_000, Duration.ofSeconds(1));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ClickHouseBatchWriter<>(new BatchInserter<>(jdbcUrl, database, mapping), batchSize,
                flushInterval, context.getProcessingTimeService(), context.metricGroup());
    }
}
