package org.cityvitals.jobs.source;

import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Quality;
import org.cityvitals.indicators.event.Reading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;

/** The source's decode of one Kafka record holding a reading, as the simulator and every adapter encode it. */
@State(Scope.Thread)
public class DecodeJmh {

    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.READINGS, 0, 0L, null,
            EventCodec.toJsonBytes(new Reading("sh-310101-pm25-0007", "pm25", 42.5, "µg/m³",
                    Instant.parse("2026-11-26T08:00:03.250Z"), "310101", 31.2304, 121.4737, Quality.GOOD)));
    private final EventDeserializer deserializer = new EventDeserializer(null);
    private DecodedEvent last;
    private final Collector<DecodedEvent> keep = new Collector<>() {
        @Override
        public void collect(DecodedEvent event) {
            last = event;
        }

        @Override
        public void close() {
        }
    };

    @Benchmark
    public DecodedEvent decodeReading() {
        deserializer.deserialize(record, keep);
        return last;
    }
}
