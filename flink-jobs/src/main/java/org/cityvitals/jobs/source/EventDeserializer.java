package org.cityvitals.jobs.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.event.Decoded;
import org.cityvitals.indicators.event.EventCodec;
import org.cityvitals.indicators.event.Incident;
import org.cityvitals.indicators.event.Problem;
import org.cityvitals.indicators.event.Reading;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decodes readings and incidents inside the Kafka source, so that watermarks are generated per partition from the
 * events' own time rather than from when they reached Kafka. A backfill reads only the records of its own replay
 * (the {@value #REPLAY_HEADER} header); several replays may share the replay topics.
 */
public final class EventDeserializer implements KafkaRecordDeserializationSchema<DecodedEvent> {

    private static final long serialVersionUID = 1L;
    /** The header a replay stamps on every record it publishes (defined with the topics, in the data standard). */
    public static final String REPLAY_HEADER = Topics.REPLAY_HEADER;

    private final String replayId;

    /** @param replayId the replay whose records to keep, or null to keep every record (the live topics) */
    public EventDeserializer(String replayId) {
        this.replayId = replayId;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedEvent> out) {
        if (replayId != null && !replayId.equals(header(record, REPLAY_HEADER))) {
            return; // another replay's record in the shared replay topics
        }
        byte[] value = record.value();
        if (value == null) {
            out.collect(refused(record, "", "value: null record (tombstone)"));
        } else if (Topics.isIncidents(record.topic())) {
            Decoded<Incident> decoded = EventCodec.decodeIncident(value);
            out.collect(decoded.ok()
                    ? new DecodedEvent(null, decoded.value(), record.topic(), null, null, record.timestamp())
                    : refused(record, utf8(value), describe(decoded.problems())));
        } else {
            Decoded<Reading> decoded = EventCodec.decodeReading(value);
            out.collect(decoded.ok()
                    ? new DecodedEvent(decoded.value(), null, record.topic(), null, null, record.timestamp())
                    : refused(record, utf8(value), describe(decoded.problems())));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : utf8(header.value());
    }

    private static DecodedEvent refused(ConsumerRecord<byte[], byte[]> record, String payload, String problems) {
        return new DecodedEvent(null, null, record.topic(), payload, problems, record.timestamp());
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<DecodedEvent> getProducedType() {
        return TypeInformation.of(DecodedEvent.class);
    }
}
