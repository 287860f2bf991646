package org.cityvitals.jobs.sink;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.Origin;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.store.table.IndicatorValueTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;

/** One indicator value on its way out: the Kafka record the live job writes, and the ClickHouse row of a backfill. */
@State(Scope.Thread)
public class RowEncodeJmh {

    private final IndicatorValue value = new IndicatorValue("air.pm25", "310101",
            Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T08:01:00Z"), 42.5, 40, Level.NORMAL, 1);
    private final KafkaSinks.JsonRecords<IndicatorValue> kafkaRecords = new KafkaSinks.JsonRecords<>(
            Topics.INDICATOR_UPDATES, v -> SeriesKey.of(v.indicatorId(), v.district()));
    private final IndicatorValueTable table = new IndicatorValueTable(Origin.LIVE);

    @Benchmark
    public ProducerRecord<byte[], byte[]> kafkaRecord() {
        return kafkaRecords.serialize(value, null, null);
    }

    @Benchmark
    public Object[] clickHouseRow() {
        return table.row(value);
    }
}
