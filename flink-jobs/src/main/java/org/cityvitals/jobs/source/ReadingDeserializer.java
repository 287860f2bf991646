package org.cityvitals.jobs.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cityvitals.indicators.event.Decoded;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Problem;
import org.cityvitals.indicators.event.Reading;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Decodes readings inside the Kafka source, so that watermarks are generated per partition from the readings' own
 * observation time rather than from when they reached Kafka.
 */
public final class ReadingDeserializer implements KafkaRecordDeserializationSchema<DecodedReading> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedReading> out) {
        byte[] value = record.value();
        if (value == null) {
            out.collect(new DecodedReading(null, "", "value: null record (tombstone)", record.timestamp()));
            return;
        }
        Decoded<Reading> decoded = EventCodec.decodeReading(value);
        if (decoded.ok()) {
            out.collect(new DecodedReading(decoded.value(), null, null, record.timestamp()));
        } else {
            String problems = decoded.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
            out.collect(new DecodedReading(null, new String(value, StandardCharsets.UTF_8), problems,
                    record.timestamp()));
        }
    }

    @Override
    public TypeInformation<DecodedReading> getProducedType() {
        return TypeInformation.of(DecodedReading.class);
    }
}
