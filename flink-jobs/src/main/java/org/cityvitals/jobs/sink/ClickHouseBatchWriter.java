package org.cityvitals.jobs.sink;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers records and inserts them when the batch is full, when the flush interval elapses (so a quiet stream still
 * reaches ClickHouse within a second), and before every checkpoint.
 */
final class ClickHouseBatchWriter<T> implements SinkWriter<T> {

    private final BatchInserter<T> inserter;
    private final Refusals.Reporter refusals;
    private final int batchSize;
    private final long flushIntervalMs;
    private final ProcessingTimeService time;
    private final Counter retries;
    private final Counter rowsWritten;
    private List<T> buffer;

    ClickHouseBatchWriter(BatchInserter<T> inserter, Refusals.Reporter refusals, int batchSize,
                          Duration flushInterval, ProcessingTimeService time, SinkWriterMetricGroup metrics) {
        this.inserter = inserter;
        this.refusals = refusals;
        this.batchSize = batchSize;
        this.flushIntervalMs = flushInterval.toMillis();
        this.time = time;
        this.retries = metrics.counter("clickhouseInsertRetries");
        this.rowsWritten = metrics.getNumRecordsSendCounter();
        this.buffer = new ArrayList<>(batchSize);
        scheduleFlush();
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, ts -> {
            flushBuffer();
            scheduleFlush();
        });
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        buffer.add(element);
        if (buffer.size() >= batchSize) {
            flushBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        flushBuffer();
    }

    private void flushBuffer() throws InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        List<T> batch = buffer;
        buffer = new ArrayList<>(batchSize);
        retries.inc(inserter.insert(batch));
        rowsWritten.inc(batch.size());
    }

    @Override
    public void close() {
        // Nothing is dropped here: Flink calls flush() before a final checkpoint and at end of input; records
        // buffered when a job fails are replayed from the last checkpoint.
        refusals.close();
    }
}
