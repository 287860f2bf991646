package org.cityvitals.jobs.sink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cityvitals.indicators.SchemaVersion;
import org.cityvitals.indicators.Topics;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.DeadLetter;
import org.cityvitals.indicators.signal.HealthScoreValue;
import org.cityvitals.indicators.signal.IndicatorValue;
import org.cityvitals.indicators.signal.SeriesKey;
import org.cityvitals.indicators.signal.SignalCodec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Kafka outputs for the screens and the history loader. At-least-once: consumers key on (indicator, area, window)
 * and alert id with versions, so a record written twice after a restore is recognised as the same one. Every record
 * carries the data standard's version in its {@value SchemaVersion#HEADER} header.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    public static KafkaSink<IndicatorValue> indicatorValues(String bootstrap) {
        return sink(bootstrap, new JsonRecords<>(Topics.INDICATOR_UPDATES,
                v -> SeriesKey.of(v.indicatorId(), v.district())));
    }

    public static KafkaSink<AlertEvent> alertEvents(String bootstrap) {
        return sink(bootstrap, new JsonRecords<>(Topics.ALERT_EVENTS, AlertEvent::alertId));
    }

    public static KafkaSink<HealthScoreValue> healthScores(String bootstrap) {
        return sink(bootstrap, new JsonRecords<>(Topics.HEALTH_SCORES, HealthScoreValue::district));
    }

    public static KafkaSink<DeadLetter> deadLetters(String bootstrap) {
        return sink(bootstrap, new JsonRecords<>(Topics.DEAD_LETTERS, DeadLetter::source));
    }

    private static <T> KafkaSink<T> sink(String bootstrap, KafkaRecordSerializationSchema<T> records) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(records)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "5")
                .build();
    }

    /** The header every record of the platform carries. */
    static RecordHeaders schemaHeader() {
        return new RecordHeaders(List.of(new RecordHeader(SchemaVersion.HEADER,
                String.valueOf(SchemaVersion.CURRENT).getBytes(StandardCharsets.UTF_8))));
    }

    /** Serializable key extraction for a record type. */
    interface KeyOf<T> extends Function<T, String>, Serializable {}

    /** One JSON record per element, keyed so that updates of the same thing land in the same partition. */
    static final class JsonRecords<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final KeyOf<T> key;

        JsonRecords(String topic, KeyOf<T> key) {
            this.topic = topic;
            this.key = key;
        }

        /**
         * No record timestamp, so Kafka stamps the time of writing: the event time is in the payload, and a replay
         * of 2013 data must neither be refused as too old nor be deleted at once by time-based retention.
         */
        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, null, key.apply(element).getBytes(StandardCharsets.UTF_8),
                    SignalCodec.toJsonBytes(element), schemaHeader());
        }
    }
}
